/**
 * The driver conformance suite (issue 7; DESIGN.md, "Vault and keys" →
 * Drivers). The same tests run against every driver on this machine:
 * @journeyapps/sqlcipher (Linux and macOS) and better-sqlite3-multiple-ciphers
 * in SQLCipher 4 mode (Windows). cross-opening.test.ts opens each driver's
 * files with the other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../../electron/backend/db/database';
import { WrongKeyError, type Driver } from '../../../electron/backend/db/driver';
import { JobThread, offThreadDriver } from '../../../electron/backend/host/jobThread';
import { driverByName } from '../../../electron/backend/db/drivers';
import { latestSchemaVersion } from '../../../electron/backend/db/migrations';
import { openDatabase } from '../../../electron/backend/vault/vault';
import { damagePage, driverNames, newFile, newKey, openWith, pageCount } from './support';

/**
 * Each driver, and each driver on the long jobs' thread (host/jobThread.ts), which must behave
 * exactly as the driver does on the backend's own thread.
 */
const thread = new JobThread();
afterAll(() => thread.stop());
const drivers: Array<[string, Driver]> = [
  ...driverNames.map((name) => [name, driverByName(name)] as [string, Driver]),
  ...driverNames.map((name) => [`${name} (on the long jobs' thread)`, offThreadDriver(name, thread)] as [string, Driver]),
];

describe.each(drivers)('the %s driver', (_label, driver) => {
  it('writes a file with no SQLite header and none of the written text in it', async () => {
    const file = newFile();
    const db = await openWith(driver, file, newKey(), true);
    await db.exec("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('Rahasia konseling: cerita Budi');");
    await db.close();
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    expect(bytes.includes(Buffer.from('Rahasia'))).toBe(false);
    expect(bytes.includes(Buffer.from('notes'))).toBe(false);
  });

  it('opens the file again with the same key and reads what was written', async () => {
    const file = newFile();
    const key = newKey();
    const first = await openWith(driver, file, key, true);
    await first.exec("CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES ('halo');");
    await first.close();
    const again = await openWith(driver, file, key);
    expect(await again.all('SELECT body FROM notes')).toEqual([{ body: 'halo' }]);
  });

  it('refuses a wrong key with WrongKeyError, and a plain SQLite file or random bytes the same way', async () => {
    const file = newFile();
    const made = await openWith(driver, file, newKey(), true);
    await made.exec('CREATE TABLE notes(body TEXT)');
    await made.close();
    await expect(driver.open(file, { key: newKey(), create: false })).rejects.toBeInstanceOf(WrongKeyError);

    const random = newFile('random.db');
    writeFileSync(random, newKey().toString('hex').repeat(256));
    await expect(driver.open(random, { key: newKey(), create: false })).rejects.toBeInstanceOf(WrongKeyError);

    const plain = newFile('plain.db');
    writeFileSync(plain, Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), Buffer.alloc(4080)]));
    await expect(driver.open(plain, { key: newKey(), create: false })).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('does not create a file it was asked to open, and says the file is missing', async () => {
    const file = newFile();
    const error = await driver
      .open(file, { key: newKey(), create: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(WrongKeyError);
    expect(() => readFileSync(file)).toThrow();
  });

  it('migrates a new vault database to the latest schema with every check passing', async () => {
    const file = newFile();
    const db = await openDatabase(driver, file, newKey(), true);
    try {
      expect(await db.pragma('user_version')).toBe(latestSchemaVersion);
      expect(await db.pragma('foreign_keys')).toBe(1);
      expect(await db.pragma('journal_mode')).toBe('wal');
      expect(await db.pragma('secure_delete')).toBe(1);
      expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await db.cipherIntegrityCheck()).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('binds plain ? and numbered ?1 parameters alike, repeated and out of order', async () => {
    const db = await openWith(driver, newFile(), newKey(), true);
    await db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, action TEXT)');
    for (const action of ['unlock', 'lock', 'unlock', 'settings']) await db.run('INSERT INTO t(action) VALUES (?)', [action]);
    // The audit log's own page query (repositories/audit.ts).
    const page = 'SELECT id FROM t WHERE (?1 IS NULL OR id < ?1) AND (?2 IS NULL OR action = ?2) ORDER BY id DESC LIMIT ?3';
    expect(await db.all(page, [null, null, 10])).toEqual([{ id: 4 }, { id: 3 }, { id: 2 }, { id: 1 }]);
    expect(await db.all(page, [4, 'unlock', 10])).toEqual([{ id: 3 }, { id: 1 }]);
    expect(await db.all(page, [null, 'lock', 1])).toEqual([{ id: 2 }]);
    expect(await db.get('SELECT ?2 AS second, ?1 AS first', ['a', 'b'])).toEqual({ second: 'b', first: 'a' });
    expect(await db.get("SELECT '?1' AS literal, ? AS value -- not ?2", ['x'])).toEqual({ literal: '?1', value: 'x' });
  });

  it('round-trips text, integers, reals, blobs and nulls, and refuses an integer it cannot hold exactly', async () => {
    const db = await openWith(driver, newFile(), newKey(), true);
    await db.exec('CREATE TABLE t(text TEXT, whole INTEGER, real REAL, blob BLOB, missing TEXT)');
    const values = ['Siti Nurhaliza – kelas 8Ä 😊', 9_007_199_254_740_991, 2.5, Buffer.from([0, 1, 254, 255]), null] as const;
    await db.run('INSERT INTO t VALUES (?, ?, ?, ?, ?)', [...values]);
    await db.run('INSERT INTO t(whole) VALUES (?)', [42n]);
    // node-sqlite3 on its own would store this as NULL without a word.
    await expect(db.run('INSERT INTO t(whole) VALUES (?)', [2n ** 63n - 1n])).rejects.toThrow(RangeError);
    const rows = await db.all<Record<string, unknown>>('SELECT * FROM t ORDER BY rowid');
    expect(rows[0]).toEqual({ text: values[0], whole: values[1], real: 2.5, blob: Buffer.from([0, 1, 254, 255]), missing: null });
    expect(Buffer.isBuffer(rows[0]!.blob)).toBe(true);
    expect(rows[1]!.whole).toBe(42);
  });

  it('reports changes and the last inserted row id, and reads nothing from statements without rows', async () => {
    const db = await openWith(driver, newFile(), newKey(), true);
    await db.exec('CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER)');
    expect(await db.run('INSERT INTO t(n) VALUES (?)', [1])).toEqual({ changes: 1, lastInsertRowid: 1 });
    expect(await db.run('INSERT INTO t(n) VALUES (?)', [2])).toEqual({ changes: 1, lastInsertRowid: 2 });
    expect((await db.run('UPDATE t SET n = n + 1')).changes).toBe(2);
    expect(await db.get('SELECT n FROM t WHERE id = ?', [99])).toBeUndefined();
    expect(await db.all('SELECT n FROM t WHERE id > ?', [99])).toEqual([]);
    expect(await db.all('CREATE INDEX t_n ON t(n)')).toEqual([]);
    expect(await db.get('DELETE FROM t WHERE id = ?', [1])).toBeUndefined();
    expect(await db.all('SELECT id FROM t')).toEqual([{ id: 2 }]);
  });

  it('keeps a committed transaction, rolls back a failed one, and a failed savepoint only to itself', async () => {
    const db = new Database(await openWith(driver, newFile(), newKey(), true));
    await db.exec('CREATE TABLE t(n INTEGER UNIQUE)');
    await db.transaction(async () => {
      await db.run('INSERT INTO t VALUES (1)');
      await db.run('INSERT INTO t VALUES (2)');
    });
    await expect(
      db.transaction(async () => {
        await db.run('INSERT INTO t VALUES (3)');
        await db.run('INSERT INTO t VALUES (1)');
      }),
    ).rejects.toThrow(/UNIQUE/);
    await db.transaction(async () => {
      await db.run('INSERT INTO t VALUES (4)');
      await db.transaction(async () => db.run('INSERT INTO t VALUES (5)'));
      await db
        .transaction(async () => {
          await db.run('INSERT INTO t VALUES (6)');
          throw new Error('the inner step fails');
        })
        .catch(() => undefined);
    });
    expect(await db.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }, { n: 4 }, { n: 5 }]);
    expect(db.inTransaction).toBe(false);
  });

  it('searches an FTS5 index inside the encrypted file, ranked, prefix and phrase, without leaking the words', async () => {
    const file = newFile();
    const db = await openWith(driver, file, newKey(), true);
    await db.exec(`CREATE VIRTUAL TABLE log_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')`);
    const logs = [
      'Pencari bantuan cerita soal kecemasan menjelang ujian; kecemasan berkurang setelah latihan napas.',
      'Membahas konflik dengan teman sekelas. Tidak ada risiko.',
      'Kecemasan karena perundungan di media sosial; dirujuk ke guru BK.',
      'Café di kantin: ngobrol santai, tidak ada masalah.',
    ];
    for (const body of logs) await db.run('INSERT INTO log_search(body) VALUES (?)', [body]);
    const search = (query: string) =>
      db.all<{ rowid: number }>('SELECT rowid FROM log_search WHERE log_search MATCH ? ORDER BY rank, rowid', [query]);
    expect((await search('kecemasan')).map((r) => r.rowid)).toEqual([1, 3]);
    expect((await search('kecem*')).map((r) => r.rowid)).toEqual([1, 3]);
    expect((await search('"guru bk"')).map((r) => r.rowid)).toEqual([3]);
    expect((await search('cafe')).map((r) => r.rowid)).toEqual([4]);
    expect((await search('ujian OR konflik')).map((r) => r.rowid).sort()).toEqual([1, 2]);
    expect(await db.get("SELECT highlight(log_search, 0, '[', ']') AS h FROM log_search WHERE log_search MATCH 'perundungan'")).toEqual({
      h: 'Kecemasan karena [perundungan] di media sosial; dirujuk ke guru BK.',
    });
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.close();
    const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`, { flag: 'a+' })]);
    expect(bytes.includes(Buffer.from('perundungan'))).toBe(false);
    expect(bytes.includes(Buffer.from('kecemasan'))).toBe(false);
  });

  it('makes a consistent encrypted snapshot with VACUUM INTO that opens with the same key', async () => {
    const file = newFile();
    const key = newKey();
    const db = new Database(await openWith(driver, file, key, true));
    await db.exec("PRAGMA journal_mode = WAL; CREATE TABLE t(n INTEGER); PRAGMA user_version = 7; INSERT INTO t VALUES (1), (2);");
    const snapshot = newFile('snapshot.db');
    await db.exec(`VACUUM INTO '${snapshot}'`);
    await db.run('INSERT INTO t VALUES (3)');
    expect(readFileSync(snapshot).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    const copy = await openWith(driver, snapshot, key);
    expect(await copy.all('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await copy.get('PRAGMA user_version')).toEqual({ user_version: 7 });
    await expect(driver.open(snapshot, { key: newKey(), create: false })).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('finds no damaged page in a healthy file and names each page an outside edit damaged', async () => {
    const file = newFile();
    const key = newKey();
    const db = await openWith(driver, file, key, true);
    await db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t(body TEXT)');
    for (let i = 0; i < 200; i += 1) await db.run('INSERT INTO t VALUES (?)', [`catatan sesi ${i} `.repeat(20)]);
    // Committed to the WAL only: the check must checkpoint first to see these pages.
    expect(await db.cipherIntegrityCheck()).toEqual([]);
    await db.close();
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(10);
    damagePage(file, 3);
    damagePage(file, pages);
    const damaged = await openWith(driver, file, key);
    expect(await damaged.cipherIntegrityCheck()).toEqual([`HMAC verification failed for page 3`, `HMAC verification failed for page ${pages}`]);
  });
});
