import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { quickCheck } from '../../electron/backend/backup/check';
import { isBackupFileName, isTemporaryBackupName } from '../../electron/backend/backup/format';
import { upsertDraft } from '../../electron/backend/repositories/drafts';
import { call, coordinator, createdVault, newBackend, tempDir, unlockAsCoordinator } from './support/backend';

/**
 * Issue 11: a scheduled backup killed part-way (the PC switched off, the task
 * ended) must leave nothing on the stick that looks like a backup, and nothing
 * in the vault folder that grows with every interruption.
 */
const stopPoints = ['snapshot', 'writing:0.3', 'writing:0.8', 'verifying', 'finishing', 'rotating'] as const;

/** Runs the command-line backup in its own process and kills it (SIGKILL) at `point`; resolves with what it said last. */
async function backupKilledAt(dataDir: string, stick: string, point: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'backupChild.ts'), dataDir, stick, coordinator.username, point], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(`${coordinator.password}\n`);
  let said = '';
  for await (const line of readline.createInterface({ input: child.stdout })) {
    said = line;
    break;
  }
  child.kill('SIGKILL');
  await exited;
  return said || stderr.trim();
}

/** Bytes under a folder, every file counted. */
function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

const stagingFolders = (dataDir: string) => readdirSync(dataDir).filter((name) => /^\.(backup|restore)-/.test(name));

describe('a hundred backups killed part-way', () => {
  it('leave on the stick only whole backups under a backup’s name, and nothing in the vault folder once it is unlocked again', { timeout: 600_000 }, async () => {
    const backend = newBackend();
    await createdVault(backend);
    // A few megabytes, so that a kill while writing lands with the file part-way.
    const db = backend.session.db;
    await db.transaction(async () => {
      for (let i = 0; i < 40; i += 1) {
        await upsertDraft(db, 1, { formKey: `big-${i}`, area: 'peers', payload: randomBytes(32_000).toString('hex'), savedAt: new Date().toISOString() });
      }
    });
    const dataDir = backend.session.config.dataDir;
    const stick = tempDir('sebaya-usb-');
    const before = folderBytes(dataDir);

    const said: string[] = [];
    for (let run = 0; run < 100; run += 1) {
      const point = stopPoints[run % stopPoints.length]!;
      said.push(await backupKilledAt(dataDir, stick, point));
      // Each new backup first clears what the killed ones left: never more than one snapshot on disk
      // (none at all when the vault's own pages are the snapshot, as they are unless a long reader is in the way).
      expect([run, point, stagingFolders(dataDir).length <= 1]).toEqual([run, point, true]);
    }
    expect(said.filter((line) => !line.startsWith('STOPPED'))).toEqual([]);

    for (const name of readdirSync(stick)) {
      const check = await quickCheck(path.join(stick, name));
      // Whatever passes the check is a whole backup under the name of one; everything else fails it.
      expect([name, check.ok]).toEqual([name, isBackupFileName(name)]);
      if (!check.ok) expect([name, check.problem]).toEqual([name, 'unfinished']);
    }
    const listed = (await call(backend, 'backups.folder', { folder: stick })).backups;
    expect(listed.every((b) => isBackupFileName(b.name) && b.problem === null)).toBe(true);
    // Killed after its rename: that backup is real and kept (rotation keeps the last 10).
    expect(listed.length).toBeGreaterThan(0);
    const full = await call(backend, 'backups.verify', { file: listed[0]!.file, credential: { kind: 'password', username: coordinator.username, password: coordinator.password } });
    expect(full.ok).toBe(true);

    await call(backend, 'session.lock', {});
    await unlockAsCoordinator(backend);
    expect(stagingFolders(dataDir)).toEqual([]);
    // The vault folder did not grow with the interruptions (the WAL may differ by a few pages).
    expect(folderBytes(dataDir)).toBeLessThan(before + 1024 * 1024);
    expect((await call(backend, 'vault.check', {})).ok).toBe(true);
  });
});

describe('a backup Sebaya had not finished writing', () => {
  it('fails the quick and the full check even when its contents are whole, whether it keeps its temporary name or is renamed by hand', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const dataDir = backend.session.config.dataDir;
    const stick = tempDir('sebaya-usb-');
    // Read back whole, not yet marked finished: the last moment before its rename.
    expect(await backupKilledAt(dataDir, stick, 'finishing')).toBe('STOPPED finishing');
    const [temp] = readdirSync(stick);
    expect(isTemporaryBackupName(temp!)).toBe(true);
    const credential = { kind: 'password' as const, username: coordinator.username, password: coordinator.password };

    const asLeft = path.join(stick, temp!);
    expect((await quickCheck(asLeft)).problem).toBe('unfinished');
    expect(await call(backend, 'backups.verify', { file: asLeft, credential })).toMatchObject({ ok: false, problem: 'unfinished' });

    const renamed = path.join(stick, 'sebaya-smp-negeri-3-contoh-20261203-0930.sebaya-backup');
    renameSync(asLeft, renamed);
    expect(await call(backend, 'backups.verify', { file: renamed, credential })).toMatchObject({ ok: false, problem: 'unfinished' });
    expect((await call(backend, 'backups.folder', { folder: stick })).backups).toMatchObject([{ problem: 'unfinished' }]);

    // A finished backup copied under a temporary name is refused too: that name is never a backup.
    const made = await call(backend, 'backups.create', { folder: tempDir('sebaya-usb-') });
    const copied = path.join(stick, `.sebaya-backup-${process.pid}-${'a'.repeat(12)}.tmp`);
    copyFileSync(made.file, copied);
    expect((await quickCheck(copied)).problem).toBe('unfinished');
  });
});
