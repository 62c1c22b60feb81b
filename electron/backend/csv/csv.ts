/**
 * CSV as spreadsheets write it (RFC 4180): quoted cells may hold the delimiter,
 * doubled quotes and line breaks. Excel set to Indonesian writes `;` between
 * cells (the comma is the decimal sign there), so the delimiter is detected
 * from the header line; an Excel `sep=;` first line is honoured.
 */

export interface CsvRecord {
  /** The line of the file where the record starts, counting from 1. */
  line: number;
  cells: string[];
}

function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas += 1;
    else if (!quoted && ch === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(input: string): CsvRecord[] {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  let line = 1;
  let forced: string | null = null;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    forced = sep[1] ?? null;
    text = text.slice(sep[0].length);
    line = 2;
  }
  const delimiter = forced ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let recordLine = line;
  let atCellStart = true;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    atCellStart = true;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (cell !== '' || cells.length > 0 || quoted) endRecord();
  return records;
}

export { sanitiseCell, toCsv } from '../../../src/contract/csv';
