// Which folder may import which: written down once, checked on every lint run
// (the idea of VS Code's `code-layering` rule). An import that crosses a layer
// boundary the wrong way is a lint error, so the architecture cannot rot quietly.
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Most specific folders first: the first layer whose folder contains a file is its layer. */
export const layers = [
  {
    name: 'contract',
    dir: 'src/contract',
    may: ['contract'],
    node: false,
    electron: false,
    why: 'the contract is shared by renderer, preload, main and backend, so it may use nothing of any of them',
  },
  {
    name: 'renderer',
    dir: 'src',
    may: ['renderer', 'contract'],
    node: false,
    electron: false,
    why: 'the renderer is a web page: DOM only, and it reaches the backend only through the contract',
  },
  {
    name: 'preload',
    dir: 'electron/preload',
    may: ['preload', 'contract'],
    node: false,
    electron: true,
    why: 'the sandboxed preload is a thin bridge over the contract',
  },
  {
    name: 'backend',
    dir: 'electron/backend',
    may: ['backend', 'contract'],
    node: true,
    electron: false,
    why: 'the backend is pure Node so it runs under vitest, the CLI and the web harness',
  },
  {
    name: 'main',
    dir: 'electron/main',
    may: ['main', 'backend', 'contract'],
    node: true,
    electron: true,
    why: 'the Electron shell wires the backend to windows and IPC',
  },
  {
    name: 'harness',
    dir: 'harness',
    may: ['harness', 'backend', 'contract', 'main'],
    node: true,
    electron: false,
    why: 'the web harness hosts the backend for development and tests',
  },
  { name: 'tests', dir: 'tests', may: '*', node: true, electron: true, why: '' },
  { name: 'bench', dir: 'bench', may: ['bench', 'backend', 'contract'], node: true, electron: false, why: 'benchmarks measure the backend' },
  { name: 'scripts', dir: 'scripts', may: '*', node: true, electron: false, why: '' },
];

/** Packages that only work in Node; the renderer and the contract must never pull them in. */
const nodeOnlyPackages = ['@journeyapps/sqlcipher', 'better-sqlite3-multiple-ciphers', 'drivelist', 'electron-log', 'pdfmake', 'tsx'];

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function layerOf(relativePath) {
  const normalised = relativePath.split(path.sep).join('/');
  return layers.find((layer) => normalised === layer.dir || normalised.startsWith(`${layer.dir}/`));
}

function isBuiltin(source) {
  return source.startsWith('node:') || builtins.has(source) || builtins.has(source.split('/')[0]);
}

function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforces the import rules between the layers of Sebaya (eslint/layers.mjs).' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(path.relative(root, file));
    if (!from) return {};

    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const target = layerOf(path.relative(root, path.resolve(path.dirname(file), source)));
        if (!target || from.may === '*' || from.may.includes(target.name)) return;
        context.report({
          node,
          message: `The ${from.name} layer may not import from the ${target.name} layer (${from.why}).`,
        });
        return;
      }
      if (isBuiltin(source) && !from.node) {
        context.report({ node, message: `The ${from.name} layer may not import Node's "${source}" (${from.why}).` });
        return;
      }
      const name = packageName(source);
      if (name === 'electron' && !from.electron) {
        // A type-only import does not load Electron at run time.
        if (node.importKind === 'type') return;
        context.report({ node, message: `The ${from.name} layer may not import Electron (${from.why}).` });
        return;
      }
      if (!from.node && nodeOnlyPackages.includes(name)) {
        context.report({ node, message: `The ${from.name} layer may not import the Node-only package "${name}" (${from.why}).` });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
