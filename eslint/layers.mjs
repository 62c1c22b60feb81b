// Which folder may import which: written down once, checked on every lint run
// (the idea of VS Code's `code-layering` rule). An import that crosses a layer
// boundary the wrong way is a lint error, so the architecture cannot rot quietly.
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * Most specific first: the first layer whose folder (or file) contains a file is its layer.
 * `packages` is the allowlist of npm packages a layer may import ('*': any); `node`: Node's
 * own modules; `electron`: the 'electron' package (type-only imports of it are always fine:
 * they load nothing). Signal Desktop's file-suffix rule works the same way: an allowlist,
 * because a deny list misses the package nobody thought of.
 */
const backendPackages = ['zod'];
export const layers = [
  {
    name: 'contract',
    dir: 'src/contract',
    may: ['contract'],
    packages: ['zod'],
    node: false,
    electron: false,
    why: 'the contract is shared by renderer, preload, main and backend, so it may use nothing of any of them',
  },
  {
    name: 'renderer',
    dir: 'src',
    may: ['renderer', 'contract'],
    packages: ['react', 'react-dom', 'react-i18next', 'i18next', 'zod', 'zustand', 'recharts', '@mantine/core', '@mantine/form', '@mantine/hooks', '@mantine/notifications', '@mantine/dates', 'dayjs', '@tabler/icons-react', '@tanstack/react-table', '@tanstack/react-virtual', '@tanstack/react-query'],
    node: false,
    electron: false,
    why: 'the renderer is a web page: DOM only, and it reaches the backend only through the contract',
  },
  {
    name: 'preload',
    dir: 'electron/preload',
    may: ['preload', 'contract'],
    packages: [],
    node: false,
    electron: true,
    why: 'the sandboxed preload is a thin bridge over the contract',
  },

  // Inside the backend (issue 11): drivers < db < repositories < access < services < dispatcher.
  {
    name: 'drivers',
    dir: ['electron/backend/db/drivers.ts', 'electron/backend/db/sqlcipherDriver.ts', 'electron/backend/db/multipleCiphersDriver.ts'],
    may: ['drivers', 'db', 'base', 'contract'],
    packages: ['better-sqlite3-multiple-ciphers', '@journeyapps/sqlcipher'],
    node: true,
    electron: false,
    why: 'the concrete database drivers are chosen only where the backend is put together (backend.ts, the CLI, the worker host); everything else knows the Driver interface',
  },
  {
    name: 'db',
    dir: 'electron/backend/db',
    may: ['db', 'base', 'contract'],
    packages: backendPackages,
    node: true,
    electron: false,
    why: 'the database wrapper, the driver interface and the migrations stand on nothing of the app above them',
  },
  {
    name: 'base',
    dir: ['electron/backend/platform', 'electron/backend/clock.ts', 'electron/backend/errors.ts', 'electron/backend/logger.ts', 'electron/backend/appInfo.ts'],
    may: ['base', 'contract'],
    packages: backendPackages,
    node: true,
    electron: false,
    why: 'files, the clock, errors and the log are used by every layer of the backend and use none',
  },
  {
    name: 'domain',
    dir: ['electron/backend/domain', 'electron/backend/training', 'electron/backend/csv'],
    may: ['domain', 'base', 'contract'],
    packages: backendPackages,
    node: false,
    electron: false,
    why: 'the school’s rules (dates, terms, due days, training progress, CSV cells) are pure functions that any layer may use',
  },
  {
    name: 'scope',
    dir: 'electron/backend/access/scope.ts',
    may: ['scope', 'db', 'base', 'contract'],
    packages: backendPackages,
    node: false,
    electron: false,
    why: 'a scope is the SQL condition a repository is handed; it knows no policy',
  },
  {
    name: 'repositories',
    dir: 'electron/backend/repositories',
    may: ['repositories', 'scope', 'db', 'domain', 'base', 'contract'],
    packages: backendPackages,
    node: true,
    electron: false,
    why: 'SQL lives only in the repositories, which know nothing of who is asking',
  },
  {
    name: 'access',
    dir: 'electron/backend/access',
    may: ['access', 'scope', 'session', 'repositories', 'db', 'domain', 'base', 'contract'],
    packages: backendPackages,
    node: false,
    electron: false,
    why: 'the access policy turns who is asking (the session) into the scopes repositories filter by',
  },
  {
    name: 'reports',
    dir: 'electron/backend/reports',
    may: ['reports', 'domain', 'base', 'contract'],
    packages: ['pdfmake'],
    node: true,
    electron: false,
    why: 'report documents are made from figures handed to them, never from the database',
  },
  {
    name: 'vault',
    dir: ['electron/backend/vault', 'electron/backend/backup'],
    may: ['vault', 'repositories', 'db', 'domain', 'base', 'contract'],
    packages: [...backendPackages, 'drivelist'],
    node: true,
    electron: false,
    why: 'the vault’s files (key slots, the database file, its backups) are handled below every use case',
  },
  {
    name: 'session',
    dir: ['electron/backend/session', 'electron/backend/handler.ts'],
    may: ['session', 'vault', 'repositories', 'db', 'domain', 'base', 'contract'],
    packages: backendPackages,
    node: true,
    electron: false,
    why: 'the vault’s state, its secrets and the context handlers get stand below the services that use them',
  },
  {
    name: 'services',
    dir: 'electron/backend/services',
    may: ['services', 'session', 'access', 'scope', 'repositories', 'vault', 'reports', 'db', 'domain', 'base', 'contract'],
    packages: backendPackages,
    node: true,
    electron: false,
    why: 'use cases reach rows through repositories and scopes and never name a concrete database driver',
  },
  {
    name: 'dispatcher',
    dir: 'electron/backend/dispatcher.ts',
    may: ['dispatcher', 'session', 'base', 'contract'],
    packages: backendPackages,
    node: false,
    electron: false,
    why: 'the single door checks every call against the contract and knows handlers only as a map',
  },
  {
    name: 'backend',
    dir: 'electron/backend',
    may: ['backend', 'dispatcher', 'services', 'session', 'vault', 'reports', 'access', 'scope', 'repositories', 'domain', 'db', 'drivers', 'base', 'contract'],
    packages: backendPackages,
    node: true,
    electron: false,
    why: 'the backend is pure Node so it runs under vitest, the CLI and the web harness; its composition (backend.ts, cli/, host/, demo/) may use every layer of it',
  },
  {
    name: 'main',
    dir: 'electron/main',
    may: ['main', 'backend', 'dispatcher', 'services', 'session', 'vault', 'reports', 'access', 'scope', 'scope', 'repositories', 'domain', 'db', 'drivers', 'base', 'contract'],
    packages: ['electron-log'],
    node: true,
    electron: true,
    why: 'the Electron shell wires the backend to windows and IPC',
  },
  {
    name: 'harness',
    dir: 'harness',
    may: ['harness', 'backend', 'dispatcher', 'services', 'session', 'vault', 'reports', 'access', 'scope', 'scope', 'repositories', 'domain', 'db', 'drivers', 'base', 'contract', 'main'],
    packages: ['vite', '@vitejs/plugin-react'],
    node: true,
    electron: false,
    why: 'the web harness hosts the backend for development and tests',
  },
  { name: 'tests', dir: 'tests', may: '*', packages: '*', node: true, electron: true, why: '' },
  {
    name: 'bench',
    dir: 'bench',
    may: ['bench', 'backend', 'dispatcher', 'services', 'session', 'vault', 'reports', 'access', 'scope', 'scope', 'repositories', 'domain', 'db', 'drivers', 'base', 'contract'],
    packages: '*',
    node: true,
    electron: false,
    // bench/run.ts loads the *.bench.ts files it finds.
    computedImports: true,
    why: 'benchmarks measure the backend',
  },
  { name: 'scripts', dir: 'scripts', may: '*', packages: '*', node: true, electron: false, why: '' },
];

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function layerOf(relativePath) {
  const normalised = relativePath.split(path.sep).join('/');
  // An import names a file without its extension ('../errors'), a lint run names it with one.
  const withoutExtension = normalised.replace(/\.(ts|tsx|mts|mjs|js)$/, '');
  return layers.find((layer) =>
    [layer.dir].flat().some((dir) => {
      const bare = dir.replace(/\.(ts|tsx|mts|mjs|js)$/, '');
      return normalised === dir || withoutExtension === bare || normalised.startsWith(`${dir}/`);
    }),
  );
}

function isBuiltin(source) {
  return source.startsWith('node:') || builtins.has(source) || builtins.has(source.split('/')[0]);
}

function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The module a call or import names, when it is a plain string (or a template without `${}`); null when it is computed. */
function staticSource(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
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
      if (isBuiltin(source)) {
        if (!from.node) context.report({ node, message: `The ${from.name} layer may not import Node's "${source}" (${from.why}).` });
        return;
      }
      const name = packageName(source);
      if (name === 'electron') {
        // A type-only import does not load Electron at run time.
        if (!from.electron && node.importKind !== 'type') {
          context.report({ node, message: `The ${from.name} layer may not import Electron (${from.why}).` });
        }
        return;
      }
      if (from.packages === '*' || from.packages.includes(name)) return;
      context.report({
        node,
        message: `The ${from.name} layer may not import the package "${name}": it is not on the layer's list in eslint/layers.mjs (${from.why}).`,
      });
    }

    /** A computed module name cannot be checked, so layered code may not use one. */
    function checkComputed(node, argument) {
      const source = staticSource(argument);
      if (source !== null) return check(node, source);
      if (from.may === '*' || from.computedImports) return;
      context.report({ node, message: `The ${from.name} layer may not load a module whose name is computed: the layer rules cannot check it.` });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => checkComputed(node, node.source),
      // `import x = require('…')`, TypeScript's CommonJS import.
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') checkComputed(node, node.moduleReference.expression);
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') checkComputed(node, node.arguments[0]);
      },
    };
  },
};
