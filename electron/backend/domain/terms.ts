import { addDays, type Term } from '../../../src/contract';
import { startOfDay } from './days';

/**
 * The days of a term as the term report's queries compare them
 * (repositories/reports.ts, issue 5).
 *
 * `from`/`to` are calendar days (`2026-07-13`), compared with the day columns
 * (held_on, referred_on, …). `fromIso`/`toIso` are the same days as moments
 * (local midnight at the start of `from` and after `to`), compared with the
 * time columns (first_submitted_at, opened_at), so those indexes are used.
 */
export interface Period {
  from: string;
  to: string;
  fromIso: string;
  toIso: string;
}

export function periodOf(term: Pick<Term, 'start' | 'end'>): Period {
  return { from: term.start, to: term.end, fromIso: startOfDay(term.start), toIso: startOfDay(addDays(term.end, 1)) };
}
