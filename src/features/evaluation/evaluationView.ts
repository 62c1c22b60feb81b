import type { Bilingual } from '../../contract';

/** The text of an instrument or rubric entry in the interface language (both are kept as data, see contract/instruments.ts). */
export function inLanguage(text: Bilingual, language: string): string {
  return language === 'en' ? text.en : text.id;
}

/** Numbers with one decimal, in the user's language (3,5 in Indonesian). */
export function formatScore(value: number | null | undefined, language: string, digits = 1): string {
  if (value === null || value === undefined) return '—';
  // Always one decimal, so a column of averages lines up (2,0 beside 2,8).
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** `2026/2027-1` → its year and semester, for `evaluation.termName`. */
export function termParts(termId: string): { year: string; semester: string } {
  const [year = termId, semester = ''] = termId.split('-');
  return { year, semester };
}
