import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { BackupCredential } from '../../src/contract';
import type { Backend } from '../../electron/backend/backend';
import { quickCheck } from '../../electron/backend/backup/check';
import { driveOf, onSameDisk, removableTargets, type DriveInfo } from '../../electron/backend/backup/drives';
import { failureFromOsError } from '../../electron/backend/backup/errors';
import { backupFileName, encodeHead, isBackupFileName, readHead, type BackupHeader } from '../../electron/backend/backup/format';
import { writeBackup, type BackupTarget } from '../../electron/backend/backup/write';
import { systemClock } from '../../electron/backend/clock';
import { headlessBackup } from '../../electron/backend/cli/headlessBackup';
import { Database } from '../../electron/backend/db/database';
import { defaultDriver, driverByName } from '../../electron/backend/db/drivers';
import { latestSchemaVersion } from '../../electron/backend/db/migrations';
import { seedDemo } from '../../electron/backend/demo/demo';
import { deleteDraft, upsertDraft } from '../../electron/backend/repositories/drafts';
import { vaultPaths } from '../../electron/backend/vault/paths';
import {
  addStaff,
  call,
  coordinator,
  createdVault,
  failure,
  minutes,
  newBackend,
  supervisor,
  tempDir,
  TestClock,
  unlockAsCoordinator,
} from './support/backend';
import { fileNames, filesContaining, folderDigest } from './support/files';

const asCoordinator: BackupCredential = { kind: 'password', username: coordinator.username, password: coordinator.password };
const asSupervisor: BackupCredential = { kind: 'password', username: supervisor.username, password: supervisor.password };
const day = 24 * 60 * 60 * 1000;

/** A signed-in vault with one peer, and an empty folder standing in for a USB stick. */
async function vaultAndStick(clock = new TestClock()) {
  const backend = newBackend({ clock });
  const recoveryKey = await createdVault(backend);
  await call(backend, 'peers.create', { fullName: 'Ananda Putri', className: '8A' });
  return { backend, clock, recoveryKey, stick: tempDir('sebaya-usb-') };
}

async function backUp(backend: Backend, folder: string) {
  return call(backend, 'backups.create', { folder });
}

async function dataKeyOf(backend: Backend): Promise<Buffer> {
  return backend.session.openVault.withDataKey(async (key) => Buffer.from(key));
}

/** A backup of the open vault written by `writeBackup` itself, so a test can act while it runs. */
function writeBackupOf(backend: Backend, folder: string, target: Partial<BackupTarget> = {}) {
  const vault = backend.session.openVault;
  return vault.withDataKey((dataKey) =>
    writeBackup(
      {
        driver: backend.session.config.driver,
        databaseFile: vault.paths.database,
        keySlotsFile: vault.paths.keySlots,
        dataKey,
        vaultId: vault.vaultId,
        schoolName: coordinator.schoolName,
        stagingParent: vault.paths.dataDir,
      },
      { folder, now: new Date(), keepLast: 10, ...target },
    ),
  );
}

/** Every table's row count and a SHA-256 of its rows in rowid order, read straight from a database file. */
async function tableDigests(file: string, key: Buffer): Promise<Record<string, { rows: number; sha256: string }>> {
  const db = new Database(await defaultDriver().open(file, { key, create: false }));
  try {
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    const digests: Record<string, { rows: number; sha256: string }> = {};
    for (const { name } of tables) {
      // Sorted by their text, not by rowid: WITHOUT ROWID tables (FTS5's own, among others) have none.
      const rows = (await db.all(`SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)).sort();
      digests[name] = { rows: rows.length, sha256: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
    }
    return digests;
  } finally {
    await db.close();
  }
}

/** The byte offsets of a backup file's parts (see backup/format.ts). */
function partsOf(bytes: Buffer) {
  const headerLength = bytes.readUInt32BE(12);
  const header = JSON.parse(bytes.subarray(16, 16 + headerLength).toString('utf8')) as BackupHeader;
  const keySlots = 16 + headerLength + 64;
  return { headerLength, header, keySlots, payload: keySlots + header.keySlots.length };
}

function flipByte(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** Rebuilds a backup around new key slots and header fields, signing the header with `macKey`. */
function forge(bytes: Buffer, changes: { keySlots?: Buffer; header?: Partial<BackupHeader>; macKey: Buffer }): Buffer {
  const parts = partsOf(bytes);
  const keySlots = changes.keySlots ?? bytes.subarray(parts.keySlots, parts.payload);
  const payload = bytes.subarray(parts.payload);
  const header: BackupHeader = {
    ...parts.header,
    ...changes.header,
    keySlots: { length: keySlots.length, sha256: createHash('sha256').update(keySlots).digest('hex') },
  };
  return Buffer.concat([encodeHead(header, changes.macKey).head, keySlots, payload]);
}

describe('a backup round trip', () => {
  it('restores the demo school on a fresh data folder with every table’s rows and content as they were backed up', async () => {
    const clock = new TestClock();
    const original = newBackend({ clock });
    const accounts = await seedDemo(original);
    await call(original, 'vault.unlock', accounts.coordinator);
    const key = await dataKeyOf(original);
    const stick = tempDir('sebaya-usb-');
    const before = await tableDigests(vaultPaths(original.session.config.dataDir).database, key);

    const made = await backUp(original, stick);
    expect(made).toMatchObject({ verified: true, name: expect.stringMatching(/^sebaya-smp-negeri-3-contoh-\d{8}-\d{4}\.sebaya-backup$/) });

    const fresh = newBackend({ clock });
    expect((await call(fresh, 'app.status', {})).state).toBe('no-vault');
    const restored = await call(fresh, 'backups.restore', { file: made.file, credential: { kind: 'password', ...accounts.coordinator } });
    expect(restored.keptAt).toBeNull();
    expect(restored.status).toMatchObject({ state: 'locked', lockReason: 'restored' });

    const after = await tableDigests(vaultPaths(fresh.session.config.dataDir).database, key);
    const { audit_log: auditBefore, sqlite_sequence: _seqBefore, ...restBefore } = before;
    const { audit_log: auditAfter, sqlite_sequence: _seqAfter, ...restAfter } = after;
    expect(Object.keys(restAfter).length).toBeGreaterThan(5);
    expect(restAfter).toEqual(restBefore);
    // The restored vault says in its own log that it was restored: one entry more, on top of an unchanged chain.
    expect(auditAfter!.rows).toBe(auditBefore!.rows + 1);

    await call(fresh, 'vault.unlock', accounts.coordinator);
    expect((await call(fresh, 'vault.check', {})).ok).toBe(true);
    expect((await call(fresh, 'peers.list', {})).peers).toEqual((await call(original, 'peers.list', {})).peers);
    const entries = (await call(fresh, 'audit.list', { action: 'backup.restored' })).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: accounts.coordinator.username, details: { file: made.name, with: 'password', keptAt: null } });
    key.fill(0);
  });

  it('restores with the recovery key of the time, and the vault then unlocks with a password from the backup', async () => {
    const { backend, stick, recoveryKey } = await vaultAndStick();
    const made = await backUp(backend, stick);
    const fresh = newBackend();
    await call(fresh, 'backups.restore', { file: made.file, credential: { kind: 'recoveryKey', recoveryKey: recoveryKey.toLowerCase() } });
    await unlockAsCoordinator(fresh);
    expect((await call(fresh, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['Ananda Putri']);
  });

  it('shows what is inside after a full check: school, date, schema version and record counts', async () => {
    const { backend, stick, clock } = await vaultAndStick();
    const made = await backUp(backend, stick);
    const checked = await call(newBackend(), 'backups.verify', { file: made.file, credential: asCoordinator });
    expect(checked).toMatchObject({
      level: 'full',
      ok: true,
      problem: null,
      contents: {
        schoolName: coordinator.schoolName,
        createdAt: clock.now().toISOString(),
        schemaVersion: latestSchemaVersion,
        checks: { cipherIntegrity: true, databaseIntegrity: true, auditChain: { ok: true } },
        openedWith: { kind: 'password', username: coordinator.username },
      },
    });
    expect(checked.contents?.counts).toContainEqual({ table: 'peers', rows: 1 });
    expect(checked.contents?.counts).toContainEqual({ table: 'users', rows: 1 });
  });
});

describe('a backup that was damaged or tampered with', () => {
  async function madeBackup() {
    const { backend, stick } = await vaultAndStick();
    const made = await backUp(backend, stick);
    return { backend, stick, made, bytes: readFileSync(made.file) };
  }

  /** Writes the variant, checks it without and with a password, tries to restore it on a new PC and over a locked vault. */
  async function expectRejected(bytes: Buffer, problem: string, credential: BackupCredential = asCoordinator) {
    const file = path.join(tempDir('sebaya-usb-'), 'sebaya-smp-negeri-3-contoh-20260803-0800.sebaya-backup');
    writeFileSync(file, bytes);
    const newPc = newBackend();
    const full = await call(newPc, 'backups.verify', { file, credential });
    expect(full).toMatchObject({ ok: false, problem, contents: null });
    const refused = await failure(newPc, 'backups.restore', { file, credential });
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: problem });
    expect(fileNames(newPc.session.config.dataDir)).toEqual([]);
    expect((await call(newPc, 'app.status', {})).state).toBe('no-vault');

    const locked = newBackend();
    await createdVault(locked);
    await call(locked, 'session.lock', {});
    const dataDir = locked.session.config.dataDir;
    const filesBefore = folderDigest(dataDir, { withShm: false });
    expect((await failure(locked, 'backups.restore', { file, credential })).reason).toBe(problem);
    expect(folderDigest(dataDir, { withShm: false })).toEqual(filesBefore);
    return { file, quick: await call(newPc, 'backups.verify', { file }) };
  }

  it('rejects a file cut short, as a pulled USB stick leaves it', async () => {
    const { bytes } = await madeBackup();
    const { quick } = await expectRejected(bytes.subarray(0, bytes.length - 4096), 'truncated');
    expect(quick).toMatchObject({ level: 'quick', ok: false, problem: 'truncated' });
  });

  it('rejects a file with one byte of the header flipped', async () => {
    const { bytes } = await madeBackup();
    const { quick } = await expectRejected(flipByte(bytes, 16 + 20), 'damaged-header');
    expect(quick.problem).toBe('damaged-header');
  });

  it('rejects a file with one byte of the encrypted payload flipped', async () => {
    const { bytes } = await madeBackup();
    const { quick } = await expectRejected(flipByte(bytes, partsOf(bytes).payload + 5000), 'damaged-payload');
    expect(quick.problem).toBe('damaged-payload');
  });

  it('rejects a file whose key-slot block was swapped for the same vault’s slots from another day', async () => {
    const { backend, bytes } = await madeBackup();
    await call(backend, 'users.changeOwnPassword', { currentPassword: coordinator.password, newPassword: 'a newer passphrase' });
    const laterSlots = readFileSync(vaultPaths(backend.session.config.dataDir).keySlots);
    const parts = partsOf(bytes);
    expect(laterSlots.length).toBe(parts.payload - parts.keySlots);
    const swapped = Buffer.concat([bytes.subarray(0, parts.keySlots), laterSlots, bytes.subarray(parts.payload)]);
    const { quick } = await expectRejected(swapped, 'damaged-key-slots');
    expect(quick.problem).toBe('damaged-key-slots');
  });

  it('rejects key slots from another vault even when the hashes were recomputed and the header re-signed with that vault’s key', async () => {
    const { bytes } = await madeBackup();
    const other = newBackend();
    await createdVault(other);
    const otherKey = await dataKeyOf(other);
    const otherSlots = readFileSync(vaultPaths(other.session.config.dataDir).keySlots);
    const otherVaultId = (JSON.parse(otherSlots.toString('utf8')) as { vaultId: string }).vaultId;
    // Someone who knows the other vault's password can make the header and its MAC fit; the payload still does not open.
    const forged = forge(bytes, { keySlots: otherSlots, header: { vaultId: otherVaultId }, macKey: otherKey });
    const { quick } = await expectRejected(forged, 'key-slots-mismatch');
    expect(quick).toMatchObject({ ok: true });
    otherKey.fill(0);
  });

  it('rejects a header rewritten with fresh hashes by someone without the data key', async () => {
    const { bytes } = await madeBackup();
    // A wrong MAC key stands for anyone who does not hold this vault's data key.
    const forged = forge(bytes, { header: { createdAt: '2030-01-01T00:00:00.000Z' }, macKey: randomBytes(32) });
    await expectRejected(forged, 'tampered');
  });

  it('refuses with WRONG_CREDENTIALS a password that does not open the backup, restoring nothing', async () => {
    const { made } = await madeBackup();
    const newPc = newBackend();
    const wrong: BackupCredential = { kind: 'password', username: coordinator.username, password: 'not the password' };
    expect(await failure(newPc, 'backups.verify', { file: made.file, credential: wrong })).toMatchObject({ code: 'WRONG_CREDENTIALS', reason: 'backup' });
    expect(await failure(newPc, 'backups.restore', { file: made.file, credential: wrong })).toMatchObject({ code: 'WRONG_CREDENTIALS' });
    // Only the back-off's record of the two wrong tries (issue 11): no vault file, nothing staged.
    expect(fileNames(newPc.session.config.dataDir)).toEqual(['unlock-attempts.json']);
  });

  it('says plainly that a file is not a Sebaya backup', async () => {
    const file = path.join(tempDir(), 'holiday.sebaya-backup');
    writeFileSync(file, 'SQLite format 3\0 not really');
    expect(await call(newBackend(), 'backups.verify', { file })).toMatchObject({ ok: false, problem: 'not-a-backup', header: null });
  });
});

describe('a backup from a newer version of Sebaya', () => {
  it('is refused clearly when its file format is newer', async () => {
    const { backend, stick } = await vaultAndStick();
    const made = await backUp(backend, stick);
    const bytes = readFileSync(made.file);
    bytes.writeUInt32BE(2, 8);
    writeFileSync(made.file, bytes);
    const newPc = newBackend();
    expect(await call(newPc, 'backups.verify', { file: made.file })).toMatchObject({ ok: false, problem: 'newer-format' });
    const refused = await failure(newPc, 'backups.restore', { file: made.file, credential: asCoordinator });
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'newer-format' });
    expect(refused.message).toMatch(/newer version of Sebaya/);
  });

  it('is refused clearly when its schema is newer, before any password is tried', async () => {
    const { backend, stick } = await vaultAndStick();
    const made = await backUp(backend, stick);
    const key = await dataKeyOf(backend);
    writeFileSync(made.file, forge(readFileSync(made.file), { header: { schemaVersion: latestSchemaVersion + 1, appVersion: '9.0.0' }, macKey: key }));
    const newPc = newBackend();
    expect(await call(newPc, 'backups.verify', { file: made.file })).toMatchObject({
      ok: false,
      problem: 'newer-version',
      header: { appVersion: '9.0.0', schemaVersion: latestSchemaVersion + 1 },
    });
    expect(await failure(newPc, 'backups.restore', { file: made.file, credential: asCoordinator })).toMatchObject({ code: 'CONFLICT', reason: 'newer-version' });
    expect(fileNames(newPc.session.config.dataDir)).toEqual([]);
  });
});

describe('what a backup file contains', () => {
  it('holds none of the text saved through the backend, nor the password, the recovery key or the data key', async () => {
    const backend = newBackend();
    const created = await call(backend, 'vault.create', { ...coordinator, schoolName: 'SMP Penanda Rahasia', fullName: 'Guru Penanda Xq' });
    const markers = ['Penanda Rahasia Ananda', 'Kelas-Penanda-9Z', 'SMP Penanda Rahasia', 'Guru Penanda Xq'];
    await call(backend, 'peers.create', { fullName: markers[0]!, className: markers[1]! });
    await call(backend, 'session.lock', { drafts: [{ formKey: 'peer-form', area: 'peers', payload: JSON.stringify({ note: 'Catatan penanda rahasia' }) }] });
    markers.push('Catatan penanda rahasia');
    await unlockAsCoordinator(backend);
    const key = await dataKeyOf(backend);
    const made = await backUp(backend, tempDir('sebaya-usb-'));

    expect(filesContaining([made.file], 'SQLite format 3')).toEqual([]);
    for (const secret of [...markers, coordinator.password, created.recoveryKey, created.recoveryKey.replace(/-/g, ''), key.toString('hex')]) {
      expect([secret, filesContaining([made.file], secret)]).toEqual([secret, []]);
    }
    expect(readFileSync(made.file).includes(key)).toBe(false);
    key.fill(0);
  });
});

describe('a backup that is interrupted', () => {
  it('leaves no file that passes verification when its process is killed mid-write, and the vault still opens and passes the check', { timeout: 120_000 }, async () => {
    const { backend, stick } = await vaultAndStick();
    // A few megabytes, so that the write is well under way when it is stopped.
    const db = backend.session.db;
    await db.transaction(async () => {
      for (let i = 0; i < 60; i += 1) {
        await upsertDraft(db, 1, { formKey: `big-${i}`, area: 'peers', payload: randomBytes(32_000).toString('hex'), savedAt: new Date().toISOString() });
      }
    });
    const dataDir = backend.session.config.dataDir;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'backupChild.ts'), dataDir, stick, coordinator.username], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? -1 : code)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(`${coordinator.password}\n`);
    const lines = readline.createInterface({ input: child.stdout });
    let said = '';
    for await (const line of lines) {
      said = line;
      break;
    }
    expect([said, stderr]).toEqual(['STOPPED writing:0.5', '']);
    // Mid-write, the app keeps working: the snapshot connection blocks nobody.
    await call(backend, 'peers.create', { fullName: 'Bima Sakti', className: '9B' });
    child.kill('SIGKILL');
    expect(await exited).toBe(-1);

    const left = readdirSync(stick);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.sebaya-backup-\d+-[0-9a-f]{12}\.tmp$/);
    for (const name of left) expect((await quickCheck(path.join(stick, name))).ok).toBe(false);
    expect((await call(backend, 'backups.folder', { folder: stick })).backups).toEqual([]);

    expect((await call(backend, 'vault.check', {})).ok).toBe(true);
    await call(backend, 'session.lock', {});
    await unlockAsCoordinator(backend);
    expect((await call(backend, 'vault.check', {})).ok).toBe(true);
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['Ananda Putri', 'Bima Sakti']);
  });

  it('says the drive was removed when the folder disappears while the file is written, and writes nothing else', async () => {
    const { backend } = await vaultAndStick();
    const stick = path.join(tempDir('sebaya-usb-'), 'stick');
    mkdirSync(stick);
    const vault = backend.session.openVault;
    const attempt = writeBackupOf(backend, stick, {
      onProgress: ({ stage }) => {
        if (stage === 'writing') return import('node:fs/promises').then((fs) => fs.rm(stick, { recursive: true, force: true }));
      },
    });
    await expect(attempt).rejects.toMatchObject({ reason: 'drive-removed' });
    expect(fileNames(vault.paths.dataDir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('names the cause of a failed backup in words a counselor can act on, and records it', async () => {
    const { backend } = await vaultAndStick();
    const missing = path.join(tempDir(), 'not-plugged-in');
    expect(await failure(backend, 'backups.create', { folder: missing })).toMatchObject({ code: 'CONFLICT', reason: 'folder-missing' });
    const aFile = path.join(tempDir(), 'notes.txt');
    writeFileSync(aFile, 'x');
    expect((await failure(backend, 'backups.create', { folder: aFile })).reason).toBe('not-a-folder');
    const failed = (await call(backend, 'audit.list', { action: 'backup.failed' })).entries;
    expect(failed.map((e) => e.details.reason)).toEqual(['not-a-folder', 'folder-missing']);
    const reasons = { ENOSPC: 'drive-full', EDQUOT: 'drive-full', EROFS: 'read-only', EACCES: 'not-writable', EIO: 'drive-removed', ENODEV: 'drive-removed' };
    for (const [code, reason] of Object.entries(reasons)) expect([code, failureFromOsError(Object.assign(new Error(code), { code })).reason]).toEqual([code, reason]);
  });
});

describe('the snapshot a backup takes', () => {
  /** A vault of some megabytes, so that its pages are copied in several chunks. */
  async function vaultOfSomeMegabytes() {
    const { backend, stick } = await vaultAndStick();
    const db = backend.session.db;
    await db.transaction(async () => {
      for (let i = 0; i < 200; i += 1) {
        await upsertDraft(db, 1, { formKey: `big-${i}`, area: 'peers', payload: randomBytes(32_000).toString('hex'), savedAt: new Date().toISOString() });
      }
    });
    return { backend, stick };
  }

  const snapshotFolders = (backend: Backend) => fileNames(backend.session.config.dataDir).filter((name) => name.startsWith('.backup-'));
  const countOf = (counts: Array<{ table: string; rows: number }> | undefined, table: string) => counts?.find((c) => c.table === table)?.rows;

  it('holds the vault as it was when the backup began, whole, while the app writes and checkpoints during the copy', async () => {
    const { backend, stick } = await vaultOfSomeMegabytes();
    // Committed just before, so still in the write-ahead log rather than in the vault file.
    await call(backend, 'peers.create', { fullName: 'Citra Dewi', className: '7C' });
    let changed = false;
    let copiedThroughAFolder = false;
    const made = await writeBackupOf(backend, stick, {
      onProgress: async ({ stage }) => {
        if (stage !== 'writing' || changed) return;
        changed = true;
        copiedThroughAFolder = snapshotFolders(backend).length > 0;
        await call(backend, 'peers.create', { fullName: 'Bima Sakti', className: '9B' });
        // Pages all over the file rewritten, then SQLite asked to move them into the vault file in the middle of the copy.
        const db = backend.session.db;
        await db.transaction(async () => {
          for (let i = 0; i < 200; i += 2) await deleteDraft(db, 1, `big-${i}`);
        });
        await db.exec('PRAGMA wal_checkpoint(PASSIVE)');
      },
    });
    expect([changed, copiedThroughAFolder]).toEqual([true, false]);

    const newPc = newBackend();
    const checked = await call(newPc, 'backups.verify', { file: made.file, credential: asCoordinator });
    expect(checked).toMatchObject({ ok: true, contents: { checks: { databaseIntegrity: true, auditChain: { ok: true } } } });
    expect([countOf(checked.contents?.counts, 'peers'), countOf(checked.contents?.counts, 'drafts')]).toEqual([2, 200]);
    await call(newPc, 'backups.restore', { file: made.file, credential: asCoordinator });
    await unlockAsCoordinator(newPc);
    expect((await call(newPc, 'vault.check', {})).ok).toBe(true);
    expect((await call(newPc, 'peers.list', {})).peers.map((p) => p.fullName).sort()).toEqual(['Ananda Putri', 'Citra Dewi']);
    // The app lost nothing meanwhile.
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName).sort()).toEqual(['Ananda Putri', 'Bima Sakti', 'Citra Dewi']);
  });

  it('refuses to back up a vault with a damaged page, says so in words a counselor can act on, and leaves nothing on the stick', async () => {
    const { backend, stick } = await vaultOfSomeMegabytes();
    const database = vaultPaths(backend.session.config.dataDir).database;
    await backend.session.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    // One byte changed deep in the file by something without the key (a failing disk): no screen may read that page for months.
    const handle = openSync(database, 'r+');
    const at = fstatSync(handle).size - 3 * 4096 + 100;
    const byte = Buffer.alloc(1);
    readSync(handle, byte, 0, 1, at);
    byte[0] = byte[0]! ^ 0x01;
    writeSync(handle, byte, 0, 1, at);
    closeSync(handle);

    expect(await failure(backend, 'backups.create', { folder: stick })).toMatchObject({ code: 'CONFLICT', reason: 'vault-damaged', message: 'The vault has damaged pages; run the check first.' });
    expect(readdirSync(stick)).toEqual([]);
    expect((await call(backend, 'audit.list', { action: 'backup.failed' })).entries.map((e) => e.details.reason)).toEqual(['vault-damaged']);
    expect(await call(backend, 'vault.check', {})).toMatchObject({ ok: false, cipherIntegrity: { ok: false, problems: 1 } });
  });

  it('waits for a reader of an older snapshot, and past its patience backs up from a VACUUM INTO snapshot that restores the same', async () => {
    const { backend, stick } = await vaultAndStick();
    // In the log and not yet in the vault file: the reader below holds the log, so it cannot be emptied.
    await call(backend, 'peers.create', { fullName: 'Bima Sakti', className: '9B' });
    const vault = backend.session.openVault;
    const reader = await vault.openReader();
    let copiedThroughAFolder = false;
    const made = await reader.readSnapshot(() =>
      writeBackupOf(backend, stick, {
        snapshotPatienceMs: 100,
        onProgress: ({ stage }) => {
          if (stage === 'writing') copiedThroughAFolder ||= snapshotFolders(backend).length === 1;
        },
      }),
    );
    await vault.closeReader(reader);
    expect(copiedThroughAFolder).toBe(true);
    expect(snapshotFolders(backend)).toEqual([]);

    const newPc = newBackend();
    await call(newPc, 'backups.restore', { file: made.file, credential: asCoordinator });
    await unlockAsCoordinator(newPc);
    expect((await call(newPc, 'vault.check', {})).ok).toBe(true);
    expect((await call(newPc, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['Ananda Putri', 'Bima Sakti']);
  });
});

describe('rotation', () => {
  it('keeps the newest backups of this vault and removes only older Sebaya backups, never a similar file of another kind', async () => {
    const { backend, stick, clock } = await vaultAndStick();
    await call(backend, 'settings.update', { backupKeepLast: 3 });
    const foreign = [
      'sebaya-smp-negeri-3-contoh-20200101-0000.sebaya-backup.txt',
      'sebaya-catatan-20200101-0000.sebaya-backup',
      'my-sebaya-backup-list.txt',
      'SEBAYA-SMP-NEGERI-3-CONTOH-20200101-0000.SEBAYA-BACKUP',
    ];
    for (const name of foreign) writeFileSync(path.join(stick, name), `not a backup: ${name}`);
    // Another school's backup, older than all of ours, with a name this app would give it.
    const otherSchool = newBackend({ clock: new TestClock(new Date('2026-01-05T08:00:00Z')) });
    await createdVault(otherSchool);
    const theirs = await backUp(otherSchool, stick);

    const names: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      names.push((await backUp(backend, stick)).name);
      clock.advance(minutes(2));
    }
    const last = (await call(backend, 'audit.list', { action: 'backup.created' })).entries[0];
    expect(last?.details.removed).toEqual([names[1]]);
    expect(fileNames(stick)).toEqual([...foreign, theirs.name, ...names.slice(2)].sort());
    expect(names.every(isBackupFileName)).toBe(true);
  });

  it('orders backups by the time written inside them, not by their file dates or names', async () => {
    const { backend, stick, clock } = await vaultAndStick();
    await call(backend, 'settings.update', { backupKeepLast: 1 });
    const first = await backUp(backend, stick);
    clock.advance(day);
    await unlockAsCoordinator(backend);
    const second = await backUp(backend, stick);
    expect(fileNames(stick)).toEqual([second.name]);
    expect(second.removed).toEqual([first.name]);
  });
});

describe('passwords and older backups', () => {
  it('opens a backup made before a password change with the old password and not the new one, and the other way round', async () => {
    const { backend, stick, clock } = await vaultAndStick();
    const before = await backUp(backend, stick);
    await call(backend, 'users.changeOwnPassword', { currentPassword: coordinator.password, newPassword: 'a newer passphrase' });
    clock.advance(minutes(5));
    const after = await backUp(backend, stick);
    const newPc = newBackend();
    const withNew: BackupCredential = { kind: 'password', username: coordinator.username, password: 'a newer passphrase' };

    expect((await call(newPc, 'backups.verify', { file: before.file, credential: asCoordinator })).ok).toBe(true);
    expect((await failure(newPc, 'backups.verify', { file: before.file, credential: withNew })).code).toBe('WRONG_CREDENTIALS');
    expect((await call(newPc, 'backups.verify', { file: after.file, credential: withNew })).ok).toBe(true);
    expect((await failure(newPc, 'backups.verify', { file: after.file, credential: asCoordinator })).code).toBe('WRONG_CREDENTIALS');
  });

  it('still opens an older backup with the password of an account removed since, which is why the screen warns about it', async () => {
    const { backend, stick, clock } = await vaultAndStick();
    const supervisorId = await addStaff(backend, supervisor);
    const before = await backUp(backend, stick);
    await call(backend, 'users.remove', { userId: supervisorId });
    clock.advance(minutes(5));
    const after = await backUp(backend, stick);
    const newPc = newBackend();
    expect((await call(newPc, 'backups.verify', { file: before.file, credential: asSupervisor })).ok).toBe(true);
    expect((await failure(newPc, 'backups.verify', { file: after.file, credential: asSupervisor })).code).toBe('WRONG_CREDENTIALS');
  });
});

describe('restoring over a vault', () => {
  it('from the locked screen: keeps the current vault whole in a dated folder and says where', async () => {
    const { backend, stick, clock } = await vaultAndStick();
    const made = await backUp(backend, stick);
    await call(backend, 'peers.create', { fullName: 'Setelah Cadangan', className: '9A' });
    await call(backend, 'session.lock', {});
    const dataDir = backend.session.config.dataDir;
    // The username the unlock screen fills in belongs to this PC, not to the vault: it stays (lastUser.ts).
    const { 'last-user.json': _lastUser, ...keptFiles } = folderDigest(dataDir, { withShm: false });

    clock.set(new Date(2026, 10, 28, 14, 5, 9));
    const restored = await call(backend, 'backups.restore', { file: made.file, credential: asCoordinator });
    expect(restored.keptAt).toBe(path.join(dataDir, 'previous-vaults', '2026-11-28-140509'));
    expect(restored.status).toMatchObject({ state: 'locked', lockReason: 'restored' });
    expect(folderDigest(restored.keptAt!, { withShm: false })).toEqual(keptFiles);

    await unlockAsCoordinator(backend);
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['Ananda Putri']);
    // The kept vault is a whole vault: it opens on its own.
    const old = newBackend({ dataDir: restored.keptAt! });
    await unlockAsCoordinator(old);
    expect((await call(old, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['Ananda Putri', 'Setelah Cadangan']);
  });

  it('from Settings as a coordinator: records the restore in both vaults and ends locked', async () => {
    const { backend, stick } = await vaultAndStick();
    const made = await backUp(backend, stick);
    const restored = await call(backend, 'backups.restore', { file: made.file, credential: asCoordinator });
    expect(restored.status).toMatchObject({ state: 'locked', lockReason: 'restored', user: null });
    expect(restored.keptAt).toContain('previous-vaults');

    const old = newBackend({ dataDir: restored.keptAt! });
    await unlockAsCoordinator(old);
    const last = (await call(old, 'audit.list', { action: 'session.locked' })).entries[0];
    expect(last).toMatchObject({ actorName: coordinator.username, details: { reason: 'restored' } });

    await unlockAsCoordinator(backend);
    const done = (await call(backend, 'audit.list', { action: 'backup.restored' })).entries;
    expect(done).toMatchObject([{ details: { file: made.name, by: coordinator.username, keptAt: restored.keptAt } }]);
  });

  it('is refused to a supervisor, and while a peer hand-over is open', async () => {
    const { backend, stick } = await vaultAndStick();
    await addStaff(backend, supervisor);
    const made = await backUp(backend, stick);
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    for (const method of ['backups.restore', 'backups.verify', 'backups.folder', 'backups.drives'] as const) {
      const input = method === 'backups.drives' ? {} : method === 'backups.folder' ? { folder: stick } : { file: made.file, credential: asCoordinator };
      expect([method, (await failure(backend, method, input as never)).code]).toEqual([method, 'FORBIDDEN']);
    }
    await call(backend, 'session.lock', {});
    await unlockAsCoordinator(backend);
    await call(backend, 'session.handOverToPeer', {});
    expect((await failure(backend, 'backups.restore', { file: made.file, credential: asCoordinator })).code).toBe('LOCKED');
    expect((await call(backend, 'app.status', {})).state).toBe('handover');
  });
});

describe('the backup history and the reminder', () => {
  it('lists the backups in a folder with the result of their last check, newest first', async () => {
    const { backend, stick, clock } = await vaultAndStick();
    const first = await backUp(backend, stick);
    clock.advance(minutes(9));
    const second = await backUp(backend, stick);
    clock.advance(minutes(1));
    await call(backend, 'backups.verify', { file: first.file, credential: asCoordinator });
    const listed = await call(backend, 'backups.folder', { folder: stick });
    expect(listed).toMatchObject({ folder: stick, exists: true, sameDiskAsVault: true });
    expect(listed.backups.map((b) => [b.name, b.thisVault, b.problem, b.lastCheck?.level, b.lastCheck?.ok])).toEqual([
      [second.name, true, null, 'created', true],
      [first.name, true, null, 'full', true],
    ]);
    expect((await call(backend, 'backups.folder', { folder: second.file })).backups.map((b) => b.name)).toEqual([second.name]);
    expect(await call(backend, 'backups.folder', { folder: path.join(stick, 'nope') })).toMatchObject({ exists: false, backups: [] });
  });

  it('audits every backup, check and restore by who, when and which file, never the records', async () => {
    const { backend, stick } = await vaultAndStick();
    const made = await backUp(backend, stick);
    await call(backend, 'backups.verify', { file: made.file });
    await call(backend, 'backups.verify', { file: made.file, credential: asCoordinator });
    await failure(backend, 'backups.verify', { file: made.file, credential: { ...asCoordinator, password: 'wrong password' } as BackupCredential });
    const entries = (await call(backend, 'audit.list', { limit: 20 })).entries.filter((e) => e.action.startsWith('backup.'));
    expect(entries.map((e) => [e.action, e.actorName, e.details.level ?? null, e.details.ok ?? null])).toEqual([
      ['backup.checked', coordinator.username, 'full', false],
      ['backup.checked', coordinator.username, 'full', true],
      ['backup.checked', coordinator.username, 'quick', true],
      ['backup.created', coordinator.username, null, null],
    ]);
    expect(JSON.stringify(entries)).not.toContain('Ananda');
    const overview = await call(backend, 'backups.overview', {});
    expect(overview.history.map((h) => [h.action, h.ok])).toEqual([
      ['checked', false],
      ['checked', true],
      ['checked', true],
      ['created', true],
    ]);
  });

  it('reminds when there is no backup, or the last verified one is older than the days set', async () => {
    const { backend, stick, clock } = await vaultAndStick();
    expect(await call(backend, 'backups.overview', {})).toMatchObject({ lastBackupAt: null, reminderDue: true, reminderDays: 7, keepLast: 10, folder: null });
    const made = await backUp(backend, stick);
    expect(await call(backend, 'backups.overview', {})).toMatchObject({ lastBackupAt: made.createdAt, reminderDue: false, folder: stick });
    clock.advance(7 * day + minutes(1));
    await unlockAsCoordinator(backend);
    expect((await call(backend, 'backups.overview', {})).reminderDue).toBe(true);
    await call(backend, 'settings.update', { backupReminderDays: 10 });
    expect((await call(backend, 'backups.overview', {})).reminderDue).toBe(false);
    await failure(backend, 'backups.create', { folder: path.join(stick, 'missing') });
    clock.advance(3 * day);
    await unlockAsCoordinator(backend);
    expect((await call(backend, 'backups.overview', {})).reminderDue).toBe(true);
  });

  it('refuses backup settings outside their range, naming the field', async () => {
    const { backend } = await vaultAndStick();
    expect(await failure(backend, 'settings.update', { backupKeepLast: 0 })).toMatchObject({ code: 'VALIDATION', field: 'backupKeepLast', reason: 'too_small' });
    expect(await failure(backend, 'settings.update', { backupReminderDays: 91 })).toMatchObject({ code: 'VALIDATION', field: 'backupReminderDays', reason: 'too_big' });
    expect(await call(backend, 'settings.update', { backupKeepLast: 3, backupReminderDays: 14 })).toMatchObject({ backupKeepLast: 3, backupReminderDays: 14 });
  });

  it('counts the backup a vault was restored from as its last backup', async () => {
    const { backend, stick } = await vaultAndStick();
    const made = await backUp(backend, stick);
    const fresh = newBackend();
    await call(fresh, 'backups.restore', { file: made.file, credential: asCoordinator });
    await unlockAsCoordinator(fresh);
    expect(await call(fresh, 'backups.overview', {})).toMatchObject({ lastBackupAt: made.createdAt });
  });
});

describe('the scheduled-task backup (command line)', () => {
  it('backs up with any staff password or the recovery key, records it, and keeps the app working while it runs', async () => {
    const { backend, stick, recoveryKey } = await vaultAndStick();
    const dataDir = backend.session.config.dataDir;
    const run = (secret: string, username: string | null = null) =>
      headlessBackup({ dataDir, folder: stick, username, secret, driver: defaultDriver(), clock: systemClock });
    // The app writes while the command takes its snapshot; both succeed and the snapshot is whole.
    const [written] = await Promise.all([
      run(coordinator.password),
      (async () => {
        for (let i = 0; i < 10; i += 1) await call(backend, 'peers.create', { fullName: `Peer ${i}`, className: '7A' });
      })(),
    ]);
    expect((await quickCheck(written.file)).ok).toBe(true);
    const checked = await call(newBackend(), 'backups.verify', { file: written.file, credential: asCoordinator });
    expect(checked.contents?.checks).toEqual({ cipherIntegrity: true, databaseIntegrity: true, auditChain: { ok: true, checked: expect.any(Number) } });

    const byRecovery = await run(recoveryKey);
    expect(byRecovery.name).not.toBe(written.name);
    const entries = (await call(backend, 'audit.list', { action: 'backup.created' })).entries;
    expect(entries.map((e) => [e.actorName, e.details.via, e.details.with ?? null])).toEqual([
      [null, 'cli', 'recovery-key'],
      [coordinator.username, 'cli', null],
    ]);
    expect((await call(backend, 'audit.verify', {})).ok).toBe(true);
  });

  it('refuses a wrong password, counts it toward the unlock back-off, and writes nothing', async () => {
    const { backend, stick } = await vaultAndStick();
    await call(backend, 'session.lock', {});
    const dataDir = backend.session.config.dataDir;
    await expect(headlessBackup({ dataDir, folder: stick, username: 'sari', secret: 'wrong', driver: defaultDriver(), clock: systemClock })).rejects.toThrow(
      'The username or password is not correct.',
    );
    expect(readdirSync(stick)).toEqual([]);
    expect(fileNames(dataDir)).toContain('unlock-attempts.json');
    await expect(headlessBackup({ dataDir: tempDir(), folder: stick, username: null, secret: 'x', driver: defaultDriver(), clock: systemClock })).rejects.toThrow(
      'There is no vault in that folder.',
    );
  });
});

/** Runs `npm run cli -- ARGS` the way a scheduled task does: a separate process, the secret on standard input. */
function runCli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', '..', 'electron', 'backend', 'cli', 'main.ts'), ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('the backup and verify commands', () => {
  // Six separate processes, each starting TypeScript: more than the default time on a busy machine.
  it('back up with the password on standard input, verify quickly and fully, and name what is wrong with a damaged file', { timeout: 120_000 }, async () => {
    const { backend, stick } = await vaultAndStick();
    const dataDir = backend.session.config.dataDir;
    const made = await runCli(['backup', '--data-dir', dataDir, '--to', stick, '--user', coordinator.username], `${coordinator.password}\n`);
    expect(made).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Backup written and verified: .*\.sebaya-backup \(/) });
    const [name] = readdirSync(stick);
    const file = path.join(stick, name!);

    expect(await runCli(['verify', file])).toMatchObject({ code: 0, stdout: expect.stringContaining('Backup is complete and unmodified') });
    const full = await runCli(['verify', file, '--full', '--user', coordinator.username, '--data-dir', dataDir], `${coordinator.password}\n`);
    expect(full).toMatchObject({ code: 0, stdout: expect.stringContaining(`Backup opens and passes the integrity checks: ${coordinator.schoolName}`) });
    expect((await runCli(['verify', file, '--full', '--user', coordinator.username, '--data-dir', dataDir], 'wrong password\n')).code).toBe(1);
    // The wrong password waits in that vault's back-off for its audit log, like a wrong unlock.
    expect((await backend.session.backOff.read()).pending.map((a) => a.kind)).toEqual(['backup-password']);

    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    expect(await runCli(['verify', file])).toMatchObject({ code: 1, stderr: expect.stringContaining('The file is incomplete') });
    expect((await runCli(['backup', '--data-dir', dataDir])).code).toBe(2);
  });
});

describe('backup file names and drives', () => {
  it('names a backup after the school and the local time, in plain letters', () => {
    const at = new Date(2026, 10, 28, 14, 5);
    expect(backupFileName('SMP Negeri 3 Contoh', at)).toBe('sebaya-smp-negeri-3-contoh-20261128-1405.sebaya-backup');
    expect(backupFileName('MTs Ál-Hikmah  (Kota)', at, 2)).toBe('sebaya-mts-al-hikmah-kota-20261128-1405-2.sebaya-backup');
    expect(backupFileName('   ', at)).toBe('sebaya-vault-20261128-1405.sebaya-backup');
  });

  const drives: DriveInfo[] = [
    { device: '\\\\.\\PHYSICALDRIVE0', description: 'Samsung SSD', mountpoints: [{ path: 'C:\\', label: null }, { path: 'D:\\', label: 'Data' }], removable: false, readOnly: false, sizeBytes: 512e9 },
    { device: '\\\\.\\PHYSICALDRIVE1', description: 'Kingston DataTraveler', mountpoints: [{ path: 'E:\\', label: 'KINGSTON' }], removable: true, readOnly: false, sizeBytes: 16e9 },
    { device: '\\\\.\\PHYSICALDRIVE2', description: 'SD card (locked)', mountpoints: [{ path: 'F:\\', label: null }], removable: true, readOnly: true, sizeBytes: 8e9 },
  ];

  it('offers mounted, writable removable drives as backup targets', () => {
    expect(removableTargets(drives)).toEqual([{ path: 'E:\\', label: 'KINGSTON', description: 'Kingston DataTraveler', sizeBytes: 16e9 }]);
  });

  it('places a path on its disk, so a second partition of the same disk counts as the same disk', () => {
    expect(driveOf('d:\\Cadangan', drives, 'win32')?.device).toBe('\\\\.\\PHYSICALDRIVE0');
    expect(driveOf('E:\\Sebaya', drives, 'win32')?.device).toBe('\\\\.\\PHYSICALDRIVE1');
    const linux: DriveInfo[] = [
      { device: '/dev/sda', description: '', mountpoints: [{ path: '/', label: null }], removable: false, readOnly: false, sizeBytes: null },
      { device: '/dev/sdb', description: '', mountpoints: [{ path: '/media/sari/USB', label: 'USB' }], removable: true, readOnly: false, sizeBytes: null },
    ];
    expect(driveOf('/media/sari/USB/backups', linux, 'linux')?.device).toBe('/dev/sdb');
    expect(driveOf('/media/sari/USB2', linux, 'linux')?.device).toBe('/dev/sda');
  });

  it('tells a folder on the vault’s own disk from one on another disk', async () => {
    const dir = tempDir();
    expect(await onSameDisk(dir, path.join(dir, 'not-yet-made'), [])).toBe(true);
    const here: DriveInfo[] = [{ device: 'root', description: '', mountpoints: [{ path: path.parse(dir).root, label: null }], removable: false, readOnly: false, sizeBytes: null }];
    const stick: DriveInfo = { device: 'stick', description: '', mountpoints: [{ path: dir, label: null }], removable: true, readOnly: false, sizeBytes: null };
    expect(await onSameDisk(path.join(dir, 'a'), tempDir(), [...here, stick])).toBe(false);
  });
});

describe('reading the head of a backup', () => {
  it('finds the head cheaply and refuses anything that is not exactly as long as it says', async () => {
    const { backend, stick } = await vaultAndStick();
    const made = await backUp(backend, stick);
    const read = await readHead(made.file);
    expect(read.ok && read.head.header).toMatchObject({ format: 'sebaya-backup', schemaVersion: latestSchemaVersion, appVersion: expect.any(String) });
    writeFileSync(made.file, Buffer.concat([readFileSync(made.file), Buffer.from([0])]));
    expect(await readHead(made.file)).toMatchObject({ ok: false, problem: 'damaged-payload' });
  });
});

describe('backups across the two database drivers', () => {
  it.each([
    ['journeyapps-sqlcipher', 'better-sqlite3-multiple-ciphers'],
    ['better-sqlite3-multiple-ciphers', 'journeyapps-sqlcipher'],
  ] as const)('restores a backup made with %s using %s', async (maker, restorer) => {
    const original = newBackend({ driver: driverByName(maker) });
    await createdVault(original);
    await call(original, 'peers.create', { fullName: 'Ananda Putri', className: '8A' });
    const made = await backUp(original, tempDir('sebaya-usb-'));
    const other = newBackend({ driver: driverByName(restorer) });
    expect((await call(other, 'backups.verify', { file: made.file, credential: asCoordinator })).ok).toBe(true);
    await call(other, 'backups.restore', { file: made.file, credential: asCoordinator });
    await unlockAsCoordinator(other);
    expect((await call(other, 'vault.check', {})).ok).toBe(true);
    expect((await call(other, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['Ananda Putri']);
  });
});
