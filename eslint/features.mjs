// The renderer's feature folders (src/features/<name>) are the areas of the app.
// A feature may use another only through that folder's index.ts, so a folder
// can reorganise its files without breaking its neighbours; feature folders
// never import each other in a circle, so each one can be read, tested and
// replaced standing only on the ones below it; and the shared code
// (src/ui, src/api, …) stands below every feature, so it imports none.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const featuresDir = 'src/features';
const sharedDirs = ['src/ui', 'src/api', 'src/stores', 'src/drafts', 'src/navigation', 'src/i18n', 'src/contract'];
const sourceFile = /\.(ts|tsx|mts|js|mjs)$/;

function posix(relativePath) {
  return relativePath.split(path.sep).join('/');
}

/**
 * The feature a path (relative to the project) lies in, and whether it is the
 * folder's index (the folder itself or its index file); null outside src/features.
 */
function featureOf(relativePath) {
  const parts = posix(relativePath).split('/');
  if (parts[0] !== 'src' || parts[1] !== 'features' || !parts[2]) return null;
  const inside = parts.slice(3).join('/');
  const name = parts[2].replace(sourceFile, '');
  return { name, index: inside === '' || inside.replace(sourceFile, '') === 'index' };
}

function sharedDirOf(relativePath) {
  const normalised = posix(relativePath);
  return sharedDirs.find((dir) => normalised === dir || normalised.startsWith(`${dir}/`)) ?? null;
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return sourceFile.test(entry.name) ? [full] : [];
  });
}

// `import … from '…'`, `import '…'`, `export … from '…'` and `import('…')`; type-only imports
// match too, as they still tie one folder to another.
const specifiers = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

/** The import specifiers of a source text (a regex reading: good enough for a folder-level graph). */
export function importSpecifiers(text) {
  return [...text.matchAll(specifiers)].map((match) => match[1]);
}

/** Which feature folders each feature folder imports: { cases: ['evaluation', 'supervision'], … }. */
export function featureGraph(root) {
  const base = path.join(root, featuresDir);
  const graph = {};
  const names = readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const targets = new Set();
    for (const file of sourceFiles(path.join(base, name))) {
      for (const source of importSpecifiers(readFileSync(file, 'utf8'))) {
        if (!source.startsWith('.')) continue;
        const target = featureOf(path.relative(root, path.resolve(path.dirname(file), source)));
        if (target && target.name !== name) targets.add(target.name);
      }
    }
    graph[name] = [...targets].sort();
  }
  return graph;
}

/** The features on a way from `start` to `goal` through the graph (both ends included), or null when there is none. */
export function pathBetween(graph, start, goal) {
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const here = queue.shift();
    if (here === goal) {
      const way = [];
      for (let at = goal; at !== null; at = cameFrom.get(at)) way.unshift(at);
      return way;
    }
    for (const next of graph[here] ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, here);
        queue.push(next);
      }
    }
  }
  return null;
}

/** Every edge of the graph that closes a circle, with the circle: [['cases', 'sessions', 'cases'], …]. */
export function featureCycles(graph) {
  return Object.entries(graph).flatMap(([from, targets]) =>
    targets.flatMap((to) => {
      const back = pathBetween(graph, to, from);
      return back ? [[from, ...back]] : [];
    }),
  );
}

// Scanned once per lint process: every file of a run sees the same graph.
const graphs = new Map();
function graphFor(root) {
  if (!graphs.has(root)) graphs.set(root, featureGraph(root));
  return graphs.get(root);
}

function staticSource(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

export const featuresRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Feature folders import each other only through their index.ts and never in a circle; shared renderer code imports no feature (eslint/features.mjs).' },
    schema: [
      {
        type: 'object',
        properties: {
          // The feature graph to check cycles against, in place of the one read from src/features (for tests).
          graph: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const relativeFile = posix(path.relative(root, file));
    if (!relativeFile.startsWith('src/')) return {};
    const fromFeature = featureOf(relativeFile);
    const fromShared = sharedDirOf(relativeFile);
    const option = context.options[0]?.graph;

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = featureOf(path.relative(root, path.resolve(path.dirname(file), source)));
      if (fromShared && target) {
        context.report({
          node,
          message: `${fromShared} may not import from src/features/${target.name}: shared code stands below every feature, so move what both need into ${fromShared} (or another shared folder) instead.`,
        });
        return;
      }
      if (!target) return;

      if (fromFeature?.name === target.name) {
        if (target.index && !fromFeature.index) {
          context.report({
            node,
            message: `Inside src/features/${target.name}, import the file itself, not the folder's index.ts: the index is for other folders, and going through it from inside makes a circle of modules.`,
          });
        }
        return;
      }

      if (!target.index) {
        let door = posix(path.relative(path.dirname(file), path.join(root, featuresDir, target.name)));
        if (!door.startsWith('.')) door = `./${door}`;
        context.report({
          node,
          message: `Import from '${door}' (its index.ts), not '${source}': the files of src/features/${target.name} are its own, and what other folders may use is what its index.ts exports.`,
        });
      }

      if (fromFeature) {
        const back = pathBetween(option ?? graphFor(root), target.name, fromFeature.name);
        if (back) {
          context.report({
            node,
            message: `src/features/${fromFeature.name} may not import from src/features/${target.name}: it closes a circle of feature folders (${[fromFeature.name, ...back].join(' → ')}). Move what both need below them (src/ui, src/navigation) or let only one of them import the other.`,
          });
        }
      }
    }

    function checkExpression(node, argument) {
      check(node, staticSource(argument));
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => checkExpression(node, node.source),
      // `import('…').Type` in a type position.
      TSImportType: (node) => checkExpression(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') checkExpression(node, node.moduleReference.expression);
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') checkExpression(node, node.arguments[0]);
      },
    };
  },
};
