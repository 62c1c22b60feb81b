import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { driverByName } from '../../electron/backend/db/drivers';
import { JobThread, offThreadDriver, offThreadWork } from '../../electron/backend/host/jobThread';
import { call, createdVault, newBackend } from './support/backend';
import { newFile, newKey } from './drivers/support';

/**
 * The long jobs' thread (issue 12): the Windows driver's statements hold the thread that runs
 * them, so a job's connection runs there instead, and so does the term PDF's layout. Every
 * other behaviour of a driver on it is in the conformance suite (tests/unit/drivers).
 */
const thread = new JobThread();
afterAll(() => thread.stop());

// A statement of a second or more: counting five million rows.
const slowCount = 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000000) SELECT count(*) AS c FROM n';

describe('the long jobs’ thread', () => {
  it('runs a long statement of the synchronous driver there, so this thread keeps turning meanwhile', async () => {
    const connection = await offThreadDriver('better-sqlite3-multiple-ciphers', thread).open(newFile(), { key: newKey(), create: true });
    try {
      let finished = false;
      const counting = connection.get<{ c: number }>(slowCount).then((row) => {
        finished = true;
        return row;
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(finished).toBe(false);
      expect(await counting).toEqual({ c: 5_000_000 });
    } finally {
      await connection.close();
    }
  });

  it('would hold this thread for the whole statement without it, which is why the synchronous driver uses it', async () => {
    const connection = await driverByName('better-sqlite3-multiple-ciphers').open(newFile(), { key: newKey(), create: true });
    try {
      let finished = false;
      const counting = connection.get(slowCount.replace('5000000', '200000')).then(() => (finished = true));
      await new Promise((resolve) => setImmediate(resolve));
      expect(finished).toBe(true);
      await counting;
    } finally {
      await connection.close();
    }
  });

  it('keeps the other driver’s connections where they are: its statements already run on SQLite’s own threads', () => {
    const journeyapps = driverByName('journeyapps-sqlcipher');
    expect(offThreadWork(journeyapps, { connections: true }, thread).driver).toBe(journeyapps);
    const windows = driverByName('better-sqlite3-multiple-ciphers');
    expect(offThreadWork(windows, { connections: true }, thread).driver).not.toBe(windows);
    expect(offThreadWork(windows, { connections: false }, thread).driver).toBe(windows);
  });

  it('makes the term report PDF there', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const report = await call(backend, 'reports.term', { termId: (await call(backend, 'reports.terms', {})).currentTermId });
    const pdf = await offThreadWork(driverByName('journeyapps-sqlcipher'), { connections: false }, thread).termPdf(report, 'en', '2026-12-20');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('fails what waited on a thread that died, and starts a new one for the next request', async () => {
    let spawned = 0;
    const dying = new JobThread(() => {
      spawned += 1;
      // The first thread dies at its first request; the second answers like the real one.
      return spawned === 1
        ? new Worker(`require('node:worker_threads').parentPort.on('message', () => process.exit(3));`, { eval: true })
        : new Worker(
            `const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, ok: true, value: 'answered' }));`,
            { eval: true },
          );
    });
    try {
      await expect(dying.request({ op: 'close', conn: 1 })).rejects.toThrow('The thread of the long jobs stopped.');
      await expect(dying.request({ op: 'close', conn: 1 })).resolves.toBe('answered');
      expect(spawned).toBe(2);
    } finally {
      await dying.stop();
    }
  });
});
