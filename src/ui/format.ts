/** Dates in the user's language, in the computer's time zone. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium' }).format(new Date(iso));
}

/** A calendar date (`2026-08-03`) as the user writes it, without any time-zone shift. */
export function formatDay(date: string | null | undefined, language: string): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

/** Hours with at most two decimals, in the user's language (1,5 in Indonesian). */
export function formatHours(hours: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 }).format(hours);
}

/** A time of day (`13:30`) as the language writes it: 13.30 in Indonesian, as the rest of the app does. */
export { showTimeText as formatTime } from './dateText';

export function formatBytes(bytes: number | null, language: string): string {
  if (bytes === null) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
