import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, derivedTerm, localDate, sessionTopics, type MethodInput, type MethodName, type MethodOutput } from '../src/contract';
import { createBackend, type Backend } from '../electron/backend/backend';
import { seedDemo } from '../electron/backend/demo/demo';
import { sample, type Benchmark, type BenchRow } from './bench';

async function must<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const logCount = 100_000;
const helpSeekerCount = 9_000;

/**
 * A year of a very busy program written straight into the vault with SQL
 * (through the contract it would take hours): 100k session logs over the
 * demo school's peers, one or two topics each, nine in ten approved with a
 * review decision hours after submission, one in thirty on a case.
 */
export async function seedYearOfLogs(backend: Backend, today: string): Promise<void> {
  const db = backend.session.db;
  const first = addDays(today, -364);
  const topics = sessionTopics.map((t, i) => `SELECT ${i} AS i, '${t}' AS topic`).join(' UNION ALL ');
  await db.exec('BEGIN');
  await db.exec(`
    CREATE TEMP TABLE bench_peers AS SELECT row_number() OVER (ORDER BY id) - 1 AS i, id FROM peers;
    CREATE TEMP TABLE bench_topics AS ${topics};
    WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ${helpSeekerCount})
    INSERT INTO help_seekers (code, code_year, code_number, created_at, created_by_user_id)
      SELECT 'HS-2099-' || k, 2099, k, '${first}T01:00:00.000Z', 1 FROM n;
    WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < ${logCount - 1})
    INSERT INTO session_logs (peer_id, help_seeker_id, held_on, start_time, duration_minutes, mode, summary, no_risks, status,
                              entered_by_user_id, first_submitted_at, submitted_at, version, created_at, updated_at)
      SELECT p.id,
             (SELECT min(id) FROM help_seekers WHERE code_year = 2099) + (k * 7919) % ${helpSeekerCount},
             date('${first}', '+' || (k % 365) || ' days'), '10:00', 20 + k % 40, 'in_person',
             'Ringkasan sesi untuk pengukuran.', 1, 'submitted', 1,
             date('${first}', '+' || (k % 365) || ' days') || 'T05:00:00.000Z',
             date('${first}', '+' || (k % 365) || ' days') || 'T05:00:00.000Z', 1,
             date('${first}', '+' || (k % 365) || ' days') || 'T05:00:00.000Z',
             date('${first}', '+' || (k % 365) || ' days') || 'T05:00:00.000Z'
      FROM n JOIN bench_peers p ON p.i = k % (SELECT count(*) FROM bench_peers);
    CREATE TEMP TABLE bench_logs AS SELECT id FROM session_logs WHERE summary = 'Ringkasan sesi untuk pengukuran.';
    INSERT INTO session_log_topics (log_id, topic)
      SELECT l.id, t.topic FROM bench_logs l JOIN bench_topics t ON t.i = l.id % (SELECT count(*) FROM bench_topics);
    INSERT OR IGNORE INTO session_log_topics (log_id, topic)
      SELECT l.id, t.topic FROM bench_logs l JOIN bench_topics t ON t.i = (l.id * 3) % (SELECT count(*) FROM bench_topics) WHERE l.id % 3 = 0;
    INSERT INTO session_log_reviews (log_id, decision, comment, at, by_user_id)
      SELECT s.id, 'approved', '', strftime('%Y-%m-%dT%H:%M:%fZ', s.submitted_at, '+' || (1 + s.id % 70) || ' hours'), 1
      FROM session_logs s JOIN bench_logs l ON l.id = s.id WHERE s.id % 10 != 0;
    UPDATE session_logs SET status = 'approved', approved_by_user_id = 1,
           approved_at = strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at, '+' || (1 + id % 70) || ' hours')
      WHERE id IN (SELECT id FROM bench_logs) AND id % 10 != 0;
    INSERT INTO case_logs (case_id, log_id, linked_at)
      SELECT (SELECT min(id) FROM cases), l.id, '${first}T06:00:00.000Z' FROM bench_logs l WHERE l.id % 30 = 0;
    DROP TABLE bench_peers; DROP TABLE bench_topics; DROP TABLE bench_logs;
  `);
  await db.exec('COMMIT');
  await db.exec('ANALYZE');
}

async function measure(backend: Backend, label: string, termId: string): Promise<BenchRow[]> {
  const term = await sample(() => must(backend, 'reports.term', { termId }));
  const pdf = await sample(() => must(backend, 'reports.exportPdf', { termId, language: 'id' }), { runs: 3 });
  const csv = await sample(() => must(backend, 'reports.exportCsv', { termId, language: 'id' }), { runs: 3 });
  return [
    { case: label, what: 'reports.term (every figure, SQL)', samplesMs: term, baseline: true },
    { case: label, what: 'reports.exportPdf (figures + pdfmake)', samplesMs: pdf },
    { case: label, what: 'reports.exportCsv (figures + CSV)', samplesMs: csv },
  ];
}

const benchmark: Benchmark = {
  name: 'reports',
  about:
    'The demo school first (about 60 logs in the term), then the same vault with 100,000 more session logs over the last 365 days (9,000 help-seekers), ' +
    'written with SQL; "full term" is the last complete half-year (about half the logs), "current term" the one running today. ' +
    'Times are through the dispatcher (input and output validation included); the PDF row includes the figures.',
  async run() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sebaya-bench-reports-'));
    try {
      const backend = createBackend({ dataDir: path.join(root, 'vault'), kdfCost: { N: 2 ** 14, r: 8, p: 1 } });
      const accounts = await seedDemo(backend, { seed: 2026 });
      await must(backend, 'vault.unlock', accounts.coordinator);
      const today = localDate(new Date());
      const current = (await must(backend, 'reports.terms', {})).currentTermId;
      const lastFull = derivedTerm(addDays(derivedTerm(today).start, -1)).id;
      const rows = await measure(backend, 'demo school, current term', current);
      await seedYearOfLogs(backend, today);
      const big = await must(backend, 'reports.term', { termId: lastFull });
      rows.push(...(await measure(backend, `+100k logs, full term (${big.sessions.total.toLocaleString('en')} logs)`, lastFull)));
      const now = await must(backend, 'reports.term', { termId: current });
      rows.push(...(await measure(backend, `+100k logs, current term (${now.sessions.total.toLocaleString('en')} logs)`, current)));
      await must(backend, 'session.lock', {});
      return rows;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

export default benchmark;
