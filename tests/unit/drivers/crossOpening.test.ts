/**
 * Cross-opening (issue 7): a school moves its vault, or a backup, between a
 * Windows PC (better-sqlite3-multiple-ciphers) and a Linux or macOS one
 * (@journeyapps/sqlcipher). Whatever one driver wrote, the other opens with
 * the same contents, in both directions.
 *
 * Two SQLite libraries in one process must never have the same file open at
 * once (each would drop the other's POSIX locks), so every step below closes
 * one side before the other opens.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import type { DriverName } from '../../../electron/backend/db/driver';
import { driverByName } from '../../../electron/backend/db/drivers';
import { seedDemo, type DemoAccounts } from '../../../electron/backend/demo/demo';
import { vaultPaths } from '../../../electron/backend/vault/paths';
import { call, newBackend, tempDir, TestClock } from '../support/backend';
import { contentsOf, damagePage, driverPairs, newFile, newKey, openWith, pageCount } from './support';

async function unlock(backend: Backend, accounts: DemoAccounts): Promise<void> {
  await call(backend, 'vault.unlock', accounts.coordinator);
}

/** A demo school's vault written by one driver, locked; with a copy of its data key for direct reads. */
async function demoVault(driver: DriverName) {
  const dataDir = tempDir();
  const backend = newBackend({ dataDir, driver: driverByName(driver) });
  const accounts = await seedDemo(backend, { seed: 7 });
  await unlock(backend, accounts);
  const key = await backend.session.openVault.withDataKey(async (k) => Buffer.from(k));
  await call(backend, 'session.lock', {});
  return { dataDir, accounts, key, database: vaultPaths(dataDir).database };
}

async function contentsWith(driver: DriverName, file: string, key: Buffer) {
  const connection = await openWith(driver, file, key);
  try {
    return await contentsOf(connection);
  } finally {
    await connection.close();
  }
}

describe.each(driverPairs)('a vault made with %s, opened with %s', (made, opened) => {
  it('holds identical contents read with either driver, unlocks with the same password and passes every check', async () => {
    const vault = await demoVault(made);
    const written = await contentsWith(made, vault.database, vault.key);
    expect(Object.keys(written.rows).length).toBeGreaterThan(3);
    expect(await contentsWith(opened, vault.database, vault.key)).toEqual(written);

    const other = newBackend({ dataDir: vault.dataDir, driver: driverByName(opened) });
    await unlock(other, vault.accounts);
    expect(await call(other, 'vault.check', {})).toMatchObject({
      ok: true,
      cipherIntegrity: { ok: true, problems: 0 },
      databaseIntegrity: { ok: true, problems: 0 },
      auditChain: { ok: true },
    });
    expect((await call(other, 'peers.list', {})).peers.length).toBe(written.rows.peers!.length);
    await call(other, 'session.lock', {});
  });

  it('keeps what the other driver wrote, and goes back again with the audit chain intact', async () => {
    const vault = await demoVault(made);
    const other = newBackend({ dataDir: vault.dataDir, driver: driverByName(opened) });
    await unlock(other, vault.accounts);
    await call(other, 'settings.update', { autoLockMinutes: 17 });
    await call(other, 'session.lock', {});

    const back = newBackend({ dataDir: vault.dataDir, driver: driverByName(made) });
    await unlock(back, vault.accounts);
    expect((await call(back, 'settings.get', {})).autoLockMinutes).toBe(17);
    expect(await call(back, 'vault.check', {})).toMatchObject({ ok: true, auditChain: { ok: true } });
    await call(back, 'session.lock', {});
  });

  it('opens a snapshot taken with the other driver, with identical contents', async () => {
    const vault = await demoVault(made);
    const snapshot = newFile('snapshot.db');
    const source = await openWith(made, vault.database, vault.key);
    await source.exec(`VACUUM INTO '${snapshot}'`);
    const expected = await contentsOf(source);
    await source.close();
    expect(await contentsWith(opened, snapshot, vault.key)).toEqual(expected);
  });

  it('restores a backup made by the other driver, with the same contents as when its maker restores it', async () => {
    const vault = await demoVault(made);
    const original = newBackend({ dataDir: vault.dataDir, driver: driverByName(made) });
    await unlock(original, vault.accounts);
    const backup = await call(original, 'backups.create', { folder: tempDir('sebaya-usb-') });
    await call(original, 'session.lock', {});
    const credential = { kind: 'password' as const, ...vault.accounts.coordinator };

    const restoredBy = async (driver: DriverName) => {
      const dataDir = tempDir();
      // The same moment for both, so the restore's own audit entry is the same too.
      const restorer = newBackend({ dataDir, driver: driverByName(driver), clock: new TestClock(new Date('2026-09-01T07:30:00.000Z')) });
      expect((await call(restorer, 'backups.verify', { file: backup.file, credential })).ok).toBe(true);
      await call(restorer, 'backups.restore', { file: backup.file, credential });
      return contentsWith(driver, vaultPaths(dataDir).database, vault.key);
    };
    const byMaker = await restoredBy(made);
    expect(byMaker.rows.peers!.length).toBeGreaterThan(10);
    expect(await restoredBy(opened)).toEqual(byMaker);
  });

  it('answers the same full-text searches over an index the other driver built, and finds the other’s additions', async () => {
    const file = newFile();
    const key = newKey();
    const search = "SELECT rowid, highlight(log_search, 0, '[', ']') AS hit FROM log_search WHERE log_search MATCH ? ORDER BY rank, rowid";
    const first = await openWith(made, file, key, true);
    await first.exec(`CREATE VIRTUAL TABLE log_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')`);
    for (const body of ['Kecemasan menjelang ujian', 'Konflik dengan teman', 'Kecemasan soal nilai rapor']) {
      await first.run('INSERT INTO log_search(body) VALUES (?)', [body]);
    }
    const answer = await first.all(search, ['kecem*']);
    await first.close();

    const second = await openWith(opened, file, key);
    expect(await second.all(search, ['kecem*'])).toEqual(answer);
    await second.run('INSERT INTO log_search(body) VALUES (?)', ['Kecemasan setelah perundungan']);
    await second.close();

    const again = await openWith(made, file, key);
    expect((await again.all<{ rowid: number }>(search, ['kecemasan'])).map((r) => r.rowid).sort()).toEqual([1, 3, 4]);
    expect(await again.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('names the same damaged pages as the other driver, and the vault check reports them', async () => {
    const vault = await demoVault(made);
    // Pages at the end of the file that unlocking does not need, as a damaged old record would be.
    const maker = await openWith(made, vault.database, vault.key);
    await maker.exec('CREATE TABLE old_records(body TEXT)');
    for (let i = 0; i < 50; i += 1) await maker.run('INSERT INTO old_records VALUES (?)', ['catatan lama '.repeat(40)]);
    await maker.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    await maker.close();
    const pages = pageCount(vault.database);
    damagePage(vault.database, pages);

    const byMaker = await openWith(made, vault.database, vault.key);
    const found = await byMaker.cipherIntegrityCheck();
    await byMaker.close();
    const byOther = await openWith(opened, vault.database, vault.key);
    expect(await byOther.cipherIntegrityCheck()).toEqual(found);
    await byOther.close();
    expect(found).toEqual([`HMAC verification failed for page ${pages}`]);

    const other = newBackend({ dataDir: vault.dataDir, driver: driverByName(opened) });
    await unlock(other, vault.accounts);
    const report = await call(other, 'vault.check', {});
    expect(report).toMatchObject({ ok: false, cipherIntegrity: { ok: false, problems: 1 }, databaseIntegrity: { ok: false } });
    await call(other, 'session.lock', {});
  });
});
