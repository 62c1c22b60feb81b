/** Writing CSV is shared: the backend's exports and the renderer's export of the audit log, which it puts in words. */

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab or
 * carriage return before one) gets a leading apostrophe, so it is shown as text.
 * OWASP "CSV injection".
 */
export function sanitiseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quoteCell(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** CSV text with a byte-order mark (so Excel reads UTF-8), CRLF line ends, every cell sanitised. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const lines = rows.map((row) => row.map((value) => quoteCell(sanitiseCell(value === null ? '' : String(value)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
