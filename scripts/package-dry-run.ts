/**
 * `npm run test:package`: packs the built app (out/) with electron-builder and
 * electron-builder.yml, as `npm run dist:linux` would, but into an unpacked
 * folder and around a stand-in for the Electron binary, because Electron
 * cannot be downloaded on every machine (it cannot on the one this was written
 * on). Then checks what came out:
 *
 * - the release fuses, read back from the binary electron-builder flipped;
 * - app.asar holds the built app and its runtime dependencies, not the
 *   drivers' C sources or build leftovers;
 * - every native module is unpacked beside the archive;
 * - the packaged backend worker, with the packaged node_modules, creates a
 *   vault and passes the vault check (run in Node: what it needs from
 *   Electron is only the thread it runs in).
 *
 * Run after `npm run build`. Exit code 1 when a check fails.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
// electron-builder's own dependencies, used here to read what it made.
import { extractAll, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

const root = path.resolve(__dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'sebaya-package-'));

function check(what: string, test: () => void): void {
  test();
  console.log(`  ✓ ${what}`);
}

/** An "Electron" that is a shell script carrying Electron's fuse wire with its default settings. */
function fakeElectron(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001')]);
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n#'), wire, Buffer.from('\n')]), { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
}

async function runPackagedBackend(appDir: string): Promise<void> {
  const dataDir = path.join(work, 'vault');
  const worker = new Worker(path.join(appDir, 'out/main/backendWorker.js'), { workerData: { dataDir } });
  const replies = new Map<number, (result: { ok: boolean; value?: unknown }) => void>();
  let next = 0;
  worker.on('message', (message: { type: string; id: number; result: { ok: boolean } }) => {
    if (message.type === 'reply') replies.get(message.id)?.(message.result);
  });
  const call = (method: string, input: unknown) =>
    new Promise<{ ok: boolean; value?: unknown }>((resolve) => {
      next += 1;
      replies.set(next, resolve);
      worker.postMessage({ id: next, op: 'call', method, input });
    });
  try {
    const created = await call('vault.create', {
      schoolName: 'SMP Negeri 3 Contoh',
      fullName: 'Sari Wulandari',
      username: 'sari',
      password: 'correct horse battery',
      language: 'id',
    });
    check('the packaged backend worker creates a vault', () => assert.equal(created.ok, true));
    const report = await call('vault.check', {});
    check('and the vault passes its check', () => assert.equal(report.ok && (report.value as { ok: boolean }).ok, true));
  } finally {
    await worker.terminate();
  }
}

async function main(): Promise<void> {
  for (const built of ['out/main/index.js', 'out/main/backendWorker.js', 'out/main/jobWorker.js', 'out/preload/index.js', 'out/renderer/index.html']) {
    if (!existsSync(path.join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first.`);
  }
  const electronDist = path.join(work, 'electron');
  fakeElectron(electronDist);
  const output = path.join(work, 'dist');
  const { version: electronVersion } = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
  console.log('Packing with electron-builder.yml (Linux, unpacked, stand-in Electron binary)…');
  execFileSync(
    path.join(root, 'node_modules/.bin/electron-builder'),
    ['--linux', 'dir', '--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${output}`],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const unpacked = path.join(output, 'linux-unpacked');
  const resources = path.join(unpacked, 'resources');

  const wire = await getCurrentFuseWire(path.join(unpacked, 'sebaya'));
  const fuses = Object.fromEntries(
    Object.entries(wire)
      .filter(([key]) => key !== 'version')
      .map(([key, state]) => [FuseV1Options[Number(key)], String.fromCharCode(state as number)]),
  );
  check('the release fuses are flipped in the binary', () =>
    assert.deepEqual(fuses, {
      RunAsNode: '0',
      EnableCookieEncryption: '1',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '0',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      LoadBrowserProcessSpecificV8Snapshot: '0',
      GrantFileProtocolExtraPrivileges: '0',
    }),
  );

  const archive = path.join(resources, 'app.asar');
  const files = listPackage(archive, { isPack: false }).map((file) => file.replace(/\\/g, '/'));
  check('app.asar holds the built app: main, backend worker, long jobs worker, preload, renderer', () => {
    for (const file of ['/package.json', '/out/main/index.js', '/out/main/backendWorker.js', '/out/main/jobWorker.js', '/out/preload/index.js', '/out/renderer/index.html']) {
      assert.ok(files.includes(file), file);
    }
  });
  check('and the runtime dependencies, both drivers included', () => {
    for (const file of ['/node_modules/@journeyapps/sqlcipher/lib/sqlite3.js', '/node_modules/better-sqlite3-multiple-ciphers/lib/database.js', '/node_modules/zod/package.json', '/node_modules/electron-log/src/index.js']) {
      assert.ok(files.includes(file), file);
    }
  });
  check('but no sources, tests, build leftovers or source maps', () => {
    const leftovers = files.filter((file) => /^\/(electron|src|tests|harness|scripts)\//.test(file) || /\.(c|cc|cpp|h|a|o|map)$|\/deps\/|test_extension/.test(file));
    assert.deepEqual(leftovers, []);
  });
  const nativeModules = readdirSync(path.join(resources, 'app.asar.unpacked'), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.node'))
    .map((file) => file.replace(/\\/g, '/'))
    .sort();
  check('every native module is unpacked beside the archive', () =>
    assert.deepEqual(nativeModules, [
      'node_modules/@journeyapps/sqlcipher/build/Release/node_sqlite3.node',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      'node_modules/drivelist/build/Release/drivelist.node',
    ]),
  );

  const extracted = path.join(work, 'app');
  extractAll(archive, extracted);
  await runPackagedBackend(extracted);
  console.log('The package checks passed.');
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
