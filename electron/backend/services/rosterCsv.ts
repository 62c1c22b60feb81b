import {
  importableStatuses,
  limits,
  peerStatuses,
  type ImportPreview,
  type ImportRow,
  type Language,
  type NominationSource,
  type PeerStatus,
  type RosterEntry,
} from '../../../src/contract';
import { isoDate } from '../../../src/contract';
import { parseCsv } from '../csv/csv';
import type { NewPeer } from '../repositories/peers';

/**
 * The roster's CSV columns. The export writes the headings in the user's
 * language; the import reads a heading in either language (and a few common
 * spreadsheet words), so an exported file can be edited and imported again.
 */
const statusLabels: Record<Language, Record<PeerStatus, string>> = {
  en: {
    nominated: 'Nominated',
    interviewing: 'Interviewing',
    selected: 'Selected',
    in_training: 'In training',
    active: 'Active',
    paused: 'Paused',
    alumni: 'Alumni',
    withdrawn: 'Withdrawn',
  },
  id: {
    nominated: 'Dinominasikan',
    interviewing: 'Wawancara',
    selected: 'Terpilih',
    in_training: 'Dalam pelatihan',
    active: 'Aktif',
    paused: 'Jeda',
    alumni: 'Alumni',
    withdrawn: 'Mengundurkan diri',
  },
};

const sourceLabels: Record<Language, Record<NominationSource, string>> = {
  en: { student: 'Student', staff: 'Staff member' },
  id: { student: 'Siswa', staff: 'Guru atau staf' },
};

const exportHeadings: Record<Language, string[]> = {
  en: [
    'Name',
    'Class',
    'Status',
    'Status since',
    'Nominated by',
    'Nomination source',
    'Nominated on',
    'Consent on',
    'Pledge on',
    'Trained',
    'Trained on',
    'Required modules done',
    'Training hours',
    'Refresher',
    'Supervisor',
  ],
  id: [
    'Nama',
    'Kelas',
    'Status',
    'Status sejak',
    'Dinominasikan oleh',
    'Sumber nominasi',
    'Tanggal nominasi',
    'Tanggal persetujuan orang tua',
    'Tanggal ikrar',
    'Terlatih',
    'Tanggal terlatih',
    'Modul wajib selesai',
    'Jam pelatihan',
    'Penyegaran',
    'Supervisor',
  ],
};

const yesNo: Record<Language, [string, string]> = { en: ['Yes', 'No'], id: ['Ya', 'Tidak'] };
const refresherWords: Record<Language, { due: string; overdue: string }> = {
  en: { due: 'Due', overdue: 'Overdue' },
  id: { due: 'Segera', overdue: 'Terlambat' },
};

export interface ExportPeer extends RosterEntry {
  nominatedBy: string | null;
  nominationSource: NominationSource | null;
  nominatedOn: string | null;
  consentOn: string | null;
  pledgeOn: string | null;
}

export function rosterRows(peers: readonly ExportPeer[], language: Language): string[][] {
  const [yes, no] = yesNo[language];
  const rows = peers.map((p) => {
    const refresher = p.refreshers.some((r) => r.state === 'overdue') ? 'overdue' : p.refreshers.length ? 'due' : null;
    return [
      p.fullName,
      p.className,
      statusLabels[language][p.status],
      p.statusSince.slice(0, 10),
      p.nominatedBy ?? '',
      p.nominationSource ? sourceLabels[language][p.nominationSource] : '',
      p.nominatedOn ?? '',
      p.consentOn ?? '',
      p.pledgeOn ?? '',
      p.trained ? yes : no,
      p.trainedOn ?? '',
      `${p.requiredDone}/${p.requiredTotal}`,
      String(p.trainingHours),
      refresher ? refresherWords[language][refresher] : '',
      p.supervisorName ?? '',
    ];
  });
  return [exportHeadings[language], ...rows];
}

// ---- import ----

type ImportField = 'fullName' | 'className' | 'status' | 'nominatedBy' | 'nominationSource' | 'nominatedOn' | 'nominationReason';

const normal = (text: string) =>
  text
    .normalize('NFKC')
    .toLocaleLowerCase('id')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const headingAliases: Record<ImportField, string[]> = {
  fullName: ['name', 'fullname', 'studentname', 'nama', 'namalengkap', 'namasiswa', 'namapeserta'],
  className: ['class', 'classname', 'kelas', 'rombel'],
  status: ['status'],
  nominatedBy: ['nominatedby', 'nominator', 'dinominasikanoleh', 'diusulkanoleh', 'pengusul'],
  nominationSource: ['nominationsource', 'source', 'sumbernominasi', 'sumber'],
  nominatedOn: ['nominatedon', 'nominationdate', 'tanggalnominasi'],
  nominationReason: ['nominationreason', 'reason', 'alasan', 'alasannominasi', 'notes', 'note', 'catatan'],
};

const fieldOfHeading = new Map<string, ImportField>(
  (Object.entries(headingAliases) as Array<[ImportField, string[]]>).flatMap(([field, aliases]) => aliases.map((a) => [a, field] as const)),
);

const statusOfWord = new Map<string, PeerStatus>(
  peerStatuses.flatMap((s) => [
    [normal(s), s] as const,
    [normal(statusLabels.en[s]), s] as const,
    [normal(statusLabels.id[s]), s] as const,
  ]),
);

const sourceOfWord = new Map<string, NominationSource>([
  ...(['student', 'siswa', 'murid', 'teman', 'temansekelas', 'classmate', 'peer', 'self', 'dirisendiri'] as const).map(
    (w) => [w, 'student'] as const,
  ),
  ...(['staff', 'staffmember', 'teacher', 'guru', 'staf', 'guruataustaf', 'walikelas', 'gurubk', 'counselor'] as const).map(
    (w) => [w, 'staff'] as const,
  ),
]);

/** Dates as `2026-08-03`, or as Indonesians write them: `3/8/2026`, `03-08-2026`. */
function parseDate(text: string): string | null {
  let candidate = text;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) candidate = `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`;
  return isoDate.safeParse(candidate).success ? candidate : null;
}

/** What makes two rows the same peer: the same name in the same class, whatever the case or spacing. */
export function peerKey(fullName: string, className: string): string {
  const tidy = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
  return `${tidy(fullName)}|${tidy(className)}`;
}

export const maxImportRows = 5000;

export interface ParsedImport {
  preview: ImportPreview;
  /** The rows to create, in file order, for the rows the preview calls ready. */
  ready: NewPeer[];
}

const looksLikeFormula = (value: string) => /^[=+\-@]/.test(value);

/** Rows read between two turns of the backend's event loop: a file of 5,000 rows takes a third of a second on a slow PC. */
const rowsPerTurn = 250;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads and checks every row against the roster's peers (`existingKeys`). Beside the call queue
 * (issue 12) it gives the event loop back every few hundred rows, so other calls answer meanwhile,
 * and tells `onRows` how far it is.
 */
export async function readRosterCsv(text: string, existingKeys: ReadonlySet<string>, onRows?: (done: number, total: number) => void): Promise<ParsedImport> {
  const records = parseCsv(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = records[0];
  const empty: ParsedImport = { preview: { columns: [], rows: [], fileError: null }, ready: [] };
  if (!header) return { ...empty, preview: { ...empty.preview, fileError: 'empty' } };

  const headings = header.cells.map((h) => h.trim());
  const fields = headings.map((h) => fieldOfHeading.get(normal(h)) ?? null);
  // The first column for a field wins; a repeated heading is ignored, not merged.
  const columnOf = new Map<ImportField, number>();
  fields.forEach((field, index) => {
    if (field && !columnOf.has(field)) columnOf.set(field, index);
  });
  const columns = headings.map((header, index) => ({ header, field: columnOf.get(fields[index] as ImportField) === index ? fields[index] ?? null : null }));
  const fileError = !columnOf.has('fullName') ? 'no-name-column' : !columnOf.has('className') ? 'no-class-column' : records.length - 1 > maxImportRows ? 'too-many-rows' : null;
  if (fileError) return { ...empty, preview: { columns, rows: [], fileError } };

  const headingOf = (field: ImportField) => headings[columnOf.get(field) ?? -1] ?? field;
  const rows: ImportRow[] = [];
  const ready: NewPeer[] = [];
  const seen = new Map<string, number>();

  const body = records.slice(1);
  for (const [index, record] of body.entries()) {
    if (index > 0 && index % rowsPerTurn === 0) {
      onRows?.(index, body.length);
      await nextTurn();
    }
    const errors: ImportRow['errors'] = [];
    const cell = (field: ImportField) => {
      const index = columnOf.get(field);
      return index === undefined ? '' : (record.cells[index] ?? '').trim();
    };
    const problem = (field: ImportField, reason: string) => errors.push({ column: headingOf(field), reason });
    const text = (field: ImportField, max: number, required: boolean) => {
      const value = cell(field).replace(/\s+/g, ' ');
      if (required && value === '') problem(field, 'required');
      else if (value.length > max) problem(field, 'too_long');
      else if (looksLikeFormula(value)) problem(field, 'formula');
      return value;
    };

    const fullName = text('fullName', limits.name, true);
    const className = text('className', 40, true);
    const nominatedBy = text('nominatedBy', limits.name, false);
    const reason = text('nominationReason', limits.longText, false);

    let status: PeerStatus | null = 'nominated';
    const statusText = cell('status');
    if (statusText !== '') {
      status = statusOfWord.get(normal(statusText)) ?? null;
      if (!status) problem('status', 'invalid_status');
      else if (!(importableStatuses as readonly string[]).includes(status)) problem('status', 'status_not_importable');
    }

    let source: NominationSource | null = null;
    const sourceText = cell('nominationSource');
    if (sourceText !== '') {
      source = sourceOfWord.get(normal(sourceText)) ?? null;
      if (!source) problem('nominationSource', 'invalid_source');
    } else if (nominatedBy !== '') {
      problem('nominationSource', 'required');
    }
    if (source && nominatedBy === '') problem('nominatedBy', 'required');

    const dateText = cell('nominatedOn');
    const nominatedOn = dateText === '' ? null : parseDate(dateText);
    if (dateText !== '' && !nominatedOn) problem('nominatedOn', 'invalid_date');

    const row: ImportRow = {
      line: record.line,
      fullName,
      className,
      status,
      outcome: 'invalid',
      duplicateOfLine: null,
      errors,
    };
    const key = peerKey(fullName, className);
    const nameAndClassValid = !errors.some((e) => e.column === headingOf('fullName') || e.column === headingOf('className'));
    // A peer already on the roster is skipped whatever else the row says, so an exported
    // roster (with active peers, which cannot be imported) can be imported again harmlessly.
    if (nameAndClassValid && existingKeys.has(key)) {
      row.outcome = 'duplicate';
      row.errors = [];
    } else if (errors.length === 0) {
      if (seen.has(key)) {
        row.outcome = 'duplicate';
        row.duplicateOfLine = seen.get(key) ?? null;
      } else {
        row.outcome = 'ready';
        seen.set(key, record.line);
        ready.push({
          fullName,
          className,
          status: status ?? 'nominated',
          nomination: source && nominatedBy ? { source, nominatedBy, nominatedOn, reason } : null,
        });
      }
    }
    rows.push(row);
  }
  onRows?.(body.length, body.length);
  return { preview: { columns, rows, fileError: null }, ready };
}
