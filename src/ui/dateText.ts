/**
 * What a person types in a date or time field, read the way a school in Indonesia writes it:
 * the day before the month, whatever the browser's locale, and a 24-hour clock. The form keeps
 * the contract's `YYYY-MM-DD` and `HH:mm`; unreadable text is kept as typed so its field is refused.
 */

const months: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, february: 2, peb: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, ags: 8, agt: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, nop: 11, november: 11, nopember: 11,
  des: 12, desember: 12, dec: 12, december: 12,
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function realDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

/** `13/07/2026`, `13-7-26`, `13.07.2026`, `13 Juli 2026`, `13 Jul 2026` or `2026-07-13`; null when it is none of these. */
export function parseDateText(text: string): string | null {
  const typed = text.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4}|\d{2})$/.exec(typed);
  if (numeric) return realDate(fullYear(numeric[3]!), Number(numeric[2]), Number(numeric[1]));
  const named = /^(\d{1,2})[\s\-.]+([a-z]+)\.?[\s\-.,]+(\d{4}|\d{2})$/.exec(typed);
  const month = named ? months[named[2]!] : undefined;
  if (named && month) return realDate(fullYear(named[3]!), month, Number(named[1]));
  return null;
}

/** The stored date as the field shows it: day, month, year. */
export function showDateText(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

/** `13.30`, `13:30`, `1330`, `9.05` or `9`; null when it is not a time of day. */
export function parseTimeText(text: string): string | null {
  const typed = text.trim();
  const match = /^(\d{1,2})(?:[.:]?(\d{2}))?$/.exec(typed);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** A time of day as the language writes it: `13.30` in Indonesian, `13:30` in English. */
export function showTimeText(time: string, language: string): string {
  return /^\d{2}:\d{2}$/.test(time) && language !== 'en' ? time.replace(':', '.') : time;
}
