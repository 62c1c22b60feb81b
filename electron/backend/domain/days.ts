import { addDays, localDate } from '../../../src/contract';
import type { Clock } from '../clock';

/**
 * Calendar days as the school lives them: on this PC's clock, in local time.
 * Shared by every service, so they live here rather than inside one of them.
 */

/** Today's date (`2026-07-13`) on the clock of whatever carries one, such as a handler's Context. */
export function today(holder: { clock: Clock }): string {
  return localDate(holder.clock.now());
}

/** Minutes since midnight of a moment on this PC's clock, or of a clock time written `13:30`. */
export function minuteOfDay(at: Date | string): number {
  if (typeof at !== 'string') return at.getHours() * 60 + at.getMinutes();
  const [h, m] = at.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** A calendar day's first moment on this PC's clock, as the timestamps in the vault are written (UTC ISO). */
export function startOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** The Monday of a day's week. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
