import { z } from 'zod';
import { addDays } from './dates';
import { isoDate } from './fields';

/**
 * School terms. The school sets its terms (academic year, semester, first and
 * last day) in Settings (issue 5). Where it has not, a date's term is derived
 * from the Indonesian school year: the odd semester (semester ganjil) runs
 * July–December and opens the academic year, the even semester (semester
 * genap) runs January–June and closes it. So 2026-08-03 is in semester 1 of
 * 2026/2027 and 2027-02-10 in semester 2 of 2026/2027.
 *
 * `termOf` takes the list of terms set in Settings: a date inside one of them
 * gets that term; dates outside every listed term fall back to the derived one
 * (which has the same id as the set term of that half-year, so totals per term
 * still add up).
 */
export const term = z.object({
  /** `2026/2027-1`: academic year and semester; sorts in time order. */
  id: z.string(),
  academicYear: z.string(),
  semester: z.union([z.literal(1), z.literal(2)]),
  start: z.string(),
  end: z.string(),
});
export type Term = z.infer<typeof term>;

export function derivedTerm(date: string): Term {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 7) {
    const academicYear = `${year}/${year + 1}`;
    return { id: `${academicYear}-1`, academicYear, semester: 1, start: `${year}-07-01`, end: `${year}-12-31` };
  }
  const academicYear = `${year - 1}/${year}`;
  return { id: `${academicYear}-2`, academicYear, semester: 2, start: `${year}-01-01`, end: `${year}-06-30` };
}

export function termOf(date: string, explicit: readonly Term[] = []): Term {
  return explicit.find((t) => t.start <= date && date <= t.end) ?? derivedTerm(date);
}

export const academicYear = z.string().regex(/^\d{4}\/\d{4}$/);

/** A term as the coordinator sets it in Settings. */
export const termInput = z.strictObject({
  academicYear,
  semester: z.union([z.literal(1), z.literal(2)]),
  start: isoDate,
  end: isoDate,
});
export type TermInput = z.infer<typeof termInput>;

export function termIdOf(academicYearText: string, semester: 1 | 2): string {
  return `${academicYearText}-${semester}`;
}

export function toTerm(input: TermInput): Term {
  return { id: termIdOf(input.academicYear, input.semester), ...input };
}

/** A term by its id: the one set in Settings, else the derived half-year; undefined for a malformed id. */
export function termById(id: string, explicit: readonly Term[] = []): Term | undefined {
  const set = explicit.find((t) => t.id === id);
  if (set) return set;
  const match = /^(\d{4})\/(\d{4})-([12])$/.exec(id);
  if (!match || Number(match[2]) !== Number(match[1]) + 1) return undefined;
  return derivedTerm(match[3] === '1' ? `${match[1]}-08-01` : `${match[2]}-02-01`);
}

/**
 * The term the dashboard and report open on: the set term that contains
 * today; in a holiday, the set term that ended last (within three months);
 * otherwise the derived one.
 */
export function currentTerm(today: string, explicit: readonly Term[] = []): Term {
  const containing = explicit.find((t) => t.start <= today && today <= t.end);
  if (containing) return containing;
  const ended = explicit.filter((t) => t.end < today && addDays(t.end, 92) >= today).sort((a, b) => b.end.localeCompare(a.end))[0];
  return ended ?? derivedTerm(today);
}
