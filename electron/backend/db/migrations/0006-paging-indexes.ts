import type { Migration } from './migration';

/**
 * Indexes for the paged lists (issue 12). Each is written with exactly the
 * expressions of its list's ORDER BY (repositories/sessionLogs.ts, cases.ts),
 * so SQLite reads a page off the index, newest or most urgent first, instead
 * of sorting every row of ten years for fifty of them: the All tab's
 * `coalesce(held_on, …)` order could use no index before (2.7 s at 100,000
 * logs; 2.7 ms as a page off an index).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'paging-indexes',
  async up(db) {
    await db.exec(`
      CREATE INDEX session_logs_by_day ON session_logs(coalesce(held_on, '9999'), start_time, id);
      CREATE INDEX session_logs_status_by_day ON session_logs(status, coalesce(held_on, '9999'), start_time, id);
      CREATE INDEX session_logs_peer_by_day ON session_logs(peer_id, coalesce(held_on, '9999'), start_time, id);
      CREATE INDEX session_logs_by_submitted ON session_logs(coalesce(submitted_at, ''), id);
      CREATE INDEX cases_by_priority ON cases(
        CASE status WHEN 'closed' THEN 1 ELSE 0 END,
        CASE severity WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END,
        due_at, id);
    `);
  },
};
