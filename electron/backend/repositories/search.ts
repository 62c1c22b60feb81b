import type { Database } from '../db/database';
import { searchMarkEnd, searchMarkStart, type SearchHit } from '../../../src/contract';

/**
 * Turns what a person typed into an FTS5 query: every word must be present,
 * each as a prefix, with FTS5's own syntax (quotes, AND, NEAR, column filters)
 * taken literally. Returns null when there is no word to look for.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .split(/[\s"]+/u)
    .map((word) => word.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
    .filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

interface HitRow {
  log_id: number | null;
  case_id: number | null;
  code: string | null;
  at: string;
  snippet: string;
  rank: number;
}

/**
 * How many of the newest matches of each kind are ranked. bm25 reads every match's length off the
 * index, so ranking all 60,000 logs that say "teman" took 130 ms at district scale; ranking the
 * newest 2,000 takes a few. A word that common is found in years of logs, and the newest of them
 * are the ones a counselor is after; a rarer word is ranked over every match.
 */
export const rankedMatches = 2000;

/** `<table>.rowid >= ?`'s value: the oldest of the newest `rankedMatches` matches (FTS5 walks rowids backwards cheaply). */
const newestMatches = (table: string) =>
  `(SELECT coalesce(min(rowid), 0) FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ${rankedMatches}))`;

/**
 * The best matches across log text, addenda and case notes, at most `limit`
 * (FTS5 ranks with bm25: lower is better), of the newest `rankedMatches` of each kind.
 */
export async function searchText(db: Database, query: string, limit: number): Promise<SearchHit[]> {
  const marks = [searchMarkStart, searchMarkEnd, '…'];
  const logs = await db.all<HitRow>(
    `SELECT l.id AS log_id, NULL AS case_id, h.code, coalesce(l.held_on, l.created_at) AS at,
       snippet(session_log_text, -1, ?, ?, ?, 16) AS snippet, bm25(session_log_text) AS rank
     FROM session_log_text JOIN session_logs l ON l.id = session_log_text.rowid
     LEFT JOIN help_seekers h ON h.id = l.help_seeker_id
     WHERE session_log_text MATCH ? AND session_log_text.rowid >= ${newestMatches('session_log_text')} ORDER BY rank LIMIT ?`,
    [...marks, query, query, limit],
  );
  const addenda = await db.all<HitRow>(
    `SELECT a.log_id, NULL AS case_id, h.code, a.at,
       snippet(addendum_text, 0, ?, ?, ?, 16) AS snippet, bm25(addendum_text) AS rank
     FROM addendum_text JOIN session_log_addenda a ON a.id = addendum_text.rowid
     JOIN session_logs l ON l.id = a.log_id LEFT JOIN help_seekers h ON h.id = l.help_seeker_id
     WHERE addendum_text MATCH ? AND addendum_text.rowid >= ${newestMatches('addendum_text')} ORDER BY rank LIMIT ?`,
    [...marks, query, query, limit],
  );
  const notes = await db.all<HitRow>(
    `SELECT NULL AS log_id, e.case_id, h.code, e.at,
       snippet(case_note_text, 0, ?, ?, ?, 16) AS snippet, bm25(case_note_text) AS rank
     FROM case_note_text JOIN case_events e ON e.id = case_note_text.rowid
     JOIN cases c ON c.id = e.case_id JOIN help_seekers h ON h.id = c.help_seeker_id
     WHERE case_note_text MATCH ? AND case_note_text.rowid >= ${newestMatches('case_note_text')} ORDER BY rank LIMIT ?`,
    [...marks, query, query, limit],
  );
  const tagged = [
    ...logs.map((row) => ({ row, kind: 'log' as const })),
    ...addenda.map((row) => ({ row, kind: 'addendum' as const })),
    ...notes.map((row) => ({ row, kind: 'case_note' as const })),
  ];
  tagged.sort((a, b) => a.row.rank - b.row.rank || b.row.at.localeCompare(a.row.at));
  return tagged.slice(0, limit).map(({ row, kind }) => ({
    kind,
    logId: row.log_id,
    caseId: row.case_id,
    helpSeekerCode: row.code,
    at: row.at,
    snippet: row.snippet,
  }));
}
