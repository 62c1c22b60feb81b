import { randomBytes } from 'node:crypto';
import { mkdtempSync, promises as fs, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName, MethodOutput } from '../src/contract';
import { createBackend, type Backend } from '../electron/backend/backend';
import { seedDemo, type DemoAccounts } from '../electron/backend/demo/demo';
import { upsertDraft } from '../electron/backend/repositories/drafts';
import { defaultScryptCost, deriveKey, newScryptParams } from '../electron/backend/vault/kdf';
import { vaultPaths } from '../electron/backend/vault/paths';
import { sample, type Benchmark, type BenchRow } from './bench';

async function must<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function copyWithFsync(from: string, to: string): Promise<void> {
  await fs.copyFile(from, to);
  const handle = await fs.open(to, 'r+');
  await handle.sync();
  await handle.close();
}

/** The same three operations on the vault as it is now: a plain copy of its file, a backup, a restore. */
async function measure(backend: Backend, label: string, root: string, accounts: DemoAccounts): Promise<BenchRow[]> {
  const database = vaultPaths(backend.session.config.dataDir).database;
  // Everything committed into the file itself, so the plain copy copies the same database the backup does.
  await backend.session.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  const megabytes = (statSync(database).size / 1024 / 1024).toFixed(1);
  const name = `${label}, ${megabytes} MB`;
  const scratch = mkdtempSync(path.join(root, 'scratch-'));
  let n = 0;

  const copy = await sample(() => copyWithFsync(database, path.join(scratch, `copy-${(n += 1)}.db`)));
  let lastBackup = '';
  const backup = await sample(async () => {
    const folder = mkdtempSync(path.join(root, 'stick-'));
    lastBackup = (await must(backend, 'backups.create', { folder })).file;
  });
  const credential = { kind: 'password' as const, ...accounts.coordinator };
  const restore = await sample(
    async () => {
      const newPc = createBackend({ dataDir: mkdtempSync(path.join(root, 'newpc-')) });
      await must(newPc, 'backups.restore', { file: lastBackup, credential });
    },
    { runs: 3 },
  );
  return [
    { case: name, what: 'plain file copy + fsync', samplesMs: copy, baseline: true },
    { case: name, what: 'backup (snapshot, write, fsync, verify, rename)', samplesMs: backup },
    { case: name, what: 'restore (incl. one key derivation)', samplesMs: restore },
  ];
}

const benchmark: Benchmark = {
  name: 'backup',
  about:
    'Backups go to a folder on the same disk as the vault, so "x baseline" is the cost over what the disk itself needs for the same bytes. ' +
    'A backup snapshots the vault (VACUUM INTO), checks the snapshot (integrity_check, which decrypts and HMAC-checks every page), writes header, key slots and payload, ' +
    'fsyncs, reads the file back to check every hash, renames and rotates. A restore adds one scrypt key derivation (N=2^17, as the app; see the ' +
    'separate row), hashes the file twice (quick check, then while unpacking), runs the page check, integrity_check and the audit chain on the unpacked copy, and records the restore in its audit log. Machine load from other work shows in every row alike.',
  async run() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sebaya-bench-'));
    try {
      const backend = createBackend({ dataDir: path.join(root, 'vault') });
      const accounts = await seedDemo(backend);
      await must(backend, 'vault.unlock', accounts.coordinator);
      const rows = await measure(backend, 'demo vault', root, accounts);

      // Years of use, roughly: the same school with 20 MB more in the vault.
      const userId = (await must(backend, 'app.status', {})).user!.userId;
      const db = backend.session.db;
      await db.transaction(async () => {
        for (let i = 0; i < 320; i += 1) {
          await upsertDraft(db, userId, { formKey: `bench-${i}`, area: 'peers', payload: randomBytes(32_000).toString('hex'), savedAt: new Date().toISOString() });
        }
      });
      rows.push(...(await measure(backend, 'demo vault + 20 MB', root, accounts)));
      await backend.lockNow('manual');

      const kdf = await sample(async () => (await deriveKey('a passphrase of some length', newScryptParams(defaultScryptCost))).fill(0), { runs: 3 });
      rows.push({ case: 'one key derivation', what: 'scrypt N=2^17, r=8, p=1 (inside every restore)', samplesMs: kdf });
      return rows;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

export default benchmark;
