/**
 * Calendar dates as `YYYY-MM-DD` strings, shared by the backend and the renderer.
 * The school's dates have no time zone: a training on 3 August is on 3 August
 * wherever the PC's clock is set.
 */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The local calendar date of a moment (the office PC's time zone). */
export function localDate(moment: Date): string {
  return format(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `months` later on the same day of the month, or the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return format(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}
