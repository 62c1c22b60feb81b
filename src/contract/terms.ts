import { z } from 'zod';

/**
 * School terms. Until terms can be set in Settings (issue 5), a date's term is
 * derived from the Indonesian school year: the odd semester (semester ganjil)
 * runs July–December and opens the academic year, the even semester (semester
 * genap) runs January–June and closes it. So 2026-08-03 is in semester 1 of
 * 2026/2027 and 2027-02-10 in semester 2 of 2026/2027.
 *
 * `termOf` takes an optional list of explicit terms: when Settings gains real
 * term dates, callers pass them and a date inside one of them gets that term;
 * dates outside every listed term fall back to the derived one.
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
