import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, sanitiseCell, toCsv } from '../../electron/backend/csv/csv';
import { activatePeer, call, createdVault, failure, newBackend, TestClock } from './support/backend';

describe('CSV text', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and names the line each record starts on', () => {
    const text = 'Nama,Catatan\r\n"Santoso, Budi","Bilang ""halo"""\r\nCitra,"dua\nbaris"\r\nDimas,x\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['Nama', 'Catatan'] },
      { line: 2, cells: ['Santoso, Budi', 'Bilang "halo"'] },
      { line: 3, cells: ['Citra', 'dua\nbaris'] },
      { line: 5, cells: ['Dimas', 'x'] },
    ]);
  });

  it('reads the semicolons Excel writes in Indonesian, a byte-order mark and a sep= line', () => {
    expect(parseCsv('\uFEFFNama;Kelas\nBudi;8A')).toEqual([
      { line: 1, cells: ['Nama', 'Kelas'] },
      { line: 2, cells: ['Budi', '8A'] },
    ]);
    expect(parseCsv('sep=;\nNama;Kelas\nBudi, Jr.;8A\n')).toEqual([
      { line: 2, cells: ['Nama', 'Kelas'] },
      { line: 3, cells: ['Budi, Jr.', '8A'] },
    ]);
  });

  it('reads back exactly what it writes, for any text', () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        expect(parseCsv(toCsv(table)).map((r) => r.cells)).toEqual(table);
      }),
    );
  });

  it('defuses every cell a spreadsheet would run as a formula', () => {
    for (const formula of ['=HYPERLINK("http://x","klik")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(sanitiseCell(formula)).toBe(`'${formula}`);
    }
    expect(sanitiseCell('Budi')).toBe('Budi');
    expect(sanitiseCell('8A')).toBe('8A');
  });
});

async function vault() {
  const backend = newBackend({ clock: new TestClock() });
  await createdVault(backend);
  return backend;
}

const goodFile = [
  'Nama,Kelas,Status,Dinominasikan oleh,Sumber nominasi,Tanggal nominasi,Alasan',
  'Ayu Lestari,7A,,Pak Joko,Guru atau staf,28/07/2026,Dipercaya teman',
  'Bagas Pratama,7B,Wawancara,,,,',
  'Citra Ayu,8C,in training,Dinda,siswa,2026-07-20,',
].join('\n');

describe('importing the roster from CSV', () => {
  it('previews every row without changing anything', async () => {
    const backend = await vault();
    const preview = await call(backend, 'peers.importPreview', { csv: goodFile });
    expect(preview.fileError).toBeNull();
    expect(preview.rows.map((r) => [r.line, r.fullName, r.className, r.status, r.outcome])).toEqual([
      [2, 'Ayu Lestari', '7A', 'nominated', 'ready'],
      [3, 'Bagas Pratama', '7B', 'interviewing', 'ready'],
      [4, 'Citra Ayu', '8C', 'in_training', 'ready'],
    ]);
    expect(preview.columns.map((c) => c.field)).toEqual([
      'fullName',
      'className',
      'status',
      'nominatedBy',
      'nominationSource',
      'nominatedOn',
      'nominationReason',
    ]);
    expect((await call(backend, 'peers.list', {})).peers).toEqual([]);
  });

  it('imports the rows with their status, nomination and a first history entry', async () => {
    const backend = await vault();
    expect(await call(backend, 'peers.importCommit', { csv: goodFile })).toEqual({ imported: 3, skippedInvalid: 0, skippedDuplicates: 0 });
    const { peers } = await call(backend, 'peers.list', {});
    expect(peers.map((p) => [p.fullName, p.className, p.status])).toEqual([
      ['Ayu Lestari', '7A', 'nominated'],
      ['Bagas Pratama', '7B', 'interviewing'],
      ['Citra Ayu', '8C', 'in_training'],
    ]);
    const ayu = await call(backend, 'peers.profile', { id: peers[0]!.id });
    expect(ayu.nomination).toEqual({ source: 'staff', nominatedBy: 'Pak Joko', nominatedOn: '2026-07-28', reason: 'Dipercaya teman' });
    expect(ayu.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'nominated', changedByName: 'Sari Wulandari' })]);
    const [entry] = (await call(backend, 'audit.list', { action: 'peer.imported' })).entries;
    expect(entry?.details).toEqual({ count: 3, peerIds: peers.map((p) => String(p.id)) });
  });

  it('creates no duplicates when the same file is imported twice', async () => {
    const backend = await vault();
    await call(backend, 'peers.importCommit', { csv: goodFile });
    const again = await call(backend, 'peers.importPreview', { csv: goodFile });
    expect(again.rows.map((r) => [r.outcome, r.duplicateOfLine])).toEqual([
      ['duplicate', null],
      ['duplicate', null],
      ['duplicate', null],
    ]);
    expect(await call(backend, 'peers.importCommit', { csv: goodFile })).toEqual({ imported: 0, skippedInvalid: 0, skippedDuplicates: 3 });
    expect((await call(backend, 'peers.list', {})).peers).toHaveLength(3);
    expect((await call(backend, 'audit.list', { action: 'peer.imported' })).entries).toHaveLength(1);
  });

  it('takes the same name in the same class, in any case or spacing, as the same peer, within the file too', async () => {
    const backend = await vault();
    await call(backend, 'peers.create', { fullName: 'Ayu Lestari', className: '7A' });
    const csv = 'Nama,Kelas\nayu  lestari,7a\nDimas Putra,9A\nDIMAS PUTRA,9a\nDimas Putra,9B\n';
    const preview = await call(backend, 'peers.importPreview', { csv });
    expect(preview.rows.map((r) => [r.line, r.outcome, r.duplicateOfLine])).toEqual([
      [2, 'duplicate', null],
      [3, 'ready', null],
      [4, 'duplicate', 3],
      [5, 'ready', null],
    ]);
  });

  it('names the line and the column of every error, and imports only the valid rows', async () => {
    const backend = await vault();
    const csv = [
      'Name,Class,Status,Nominated by,Nomination source,Nominated on',
      'Ayu Lestari,7A,,,,',
      ',7B,,,,',
      'Bagas Pratama,,expelled,,,',
      'Citra Ayu,8C,Active,,,',
      'Dimas Putra,9A,,Pak Joko,,31/02/2026',
      'Eka Saputra,9B,,,teacher,',
      `${'x'.repeat(121)},9C,,,,`,
    ].join('\n');
    const preview = await call(backend, 'peers.importPreview', { csv });
    expect(preview.rows.map((r) => [r.line, r.outcome, r.errors])).toEqual([
      [2, 'ready', []],
      [3, 'invalid', [{ column: 'Name', reason: 'required' }]],
      [
        4,
        'invalid',
        [
          { column: 'Class', reason: 'required' },
          { column: 'Status', reason: 'invalid_status' },
        ],
      ],
      [5, 'invalid', [{ column: 'Status', reason: 'status_not_importable' }]],
      [
        6,
        'invalid',
        [
          { column: 'Nomination source', reason: 'required' },
          { column: 'Nominated on', reason: 'invalid_date' },
        ],
      ],
      [7, 'invalid', [{ column: 'Nominated by', reason: 'required' }]],
      [8, 'invalid', [{ column: 'Name', reason: 'too_long' }]],
    ]);
    expect(await call(backend, 'peers.importCommit', { csv })).toEqual({ imported: 1, skippedInvalid: 6, skippedDuplicates: 0 });
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['Ayu Lestari']);
  });

  it('refuses cells that a spreadsheet would run as a formula, naming them', async () => {
    const backend = await vault();
    const csv = 'Nama,Kelas,Alasan\n=HYPERLINK("http://x"),7A,\nAyu,+8A,\nBagas,7B,@cmd\nCitra,7C,-1\n';
    const preview = await call(backend, 'peers.importPreview', { csv });
    expect(preview.rows.map((r) => r.errors)).toEqual([
      [{ column: 'Nama', reason: 'formula' }],
      [{ column: 'Kelas', reason: 'formula' }],
      [{ column: 'Alasan', reason: 'formula' }],
      [{ column: 'Alasan', reason: 'formula' }],
    ]);
    expect((await call(backend, 'peers.importCommit', { csv })).imported).toBe(0);
  });

  it('says what is wrong with a file that has no name or class column, and imports nothing', async () => {
    const backend = await vault();
    expect((await call(backend, 'peers.importPreview', { csv: 'Kelas,Status\n7A,\n' })).fileError).toBe('no-name-column');
    expect((await call(backend, 'peers.importPreview', { csv: 'Nama\nBudi\n' })).fileError).toBe('no-class-column');
    expect((await call(backend, 'peers.importPreview', { csv: '\n\n' })).fileError).toBe('empty');
    expect(await failure(backend, 'peers.importCommit', { csv: 'Nama\nBudi\n' })).toMatchObject({ code: 'VALIDATION', field: 'csv', reason: 'no-class-column' });
  });

  it('ignores columns it does not know, so an exported roster can be imported again without duplicates', async () => {
    const backend = await vault();
    await call(backend, 'peers.importCommit', { csv: goodFile });
    const active = (await call(backend, 'peers.create', { fullName: 'Eka Saputra', className: '9B' })).peer;
    await activatePeer(backend, active.id);
    const exported = await call(backend, 'peers.exportCsv', { language: 'en' });
    const preview = await call(backend, 'peers.importPreview', { csv: exported.csv });
    expect(preview.rows.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(preview.columns.filter((c) => c.field === null).map((c) => c.header)).toContain('Training hours');
  });
});

describe('exporting the roster as CSV', () => {
  it('writes a row per peer with headings in the user’s language, and audits the count, not the names', async () => {
    const backend = await vault();
    await call(backend, 'peers.importCommit', { csv: goodFile });
    const id = await call(backend, 'peers.exportCsv', { language: 'id' });
    expect(id.fileName).toBe('daftar-konselor-sebaya-2026-08-03.csv');
    expect(id.rows).toBe(3);
    const rows = parseCsv(id.csv);
    expect(rows[0]?.cells.slice(0, 4)).toEqual(['Nama', 'Kelas', 'Status', 'Status sejak']);
    expect(rows[1]?.cells.slice(0, 3)).toEqual(['Ayu Lestari', '7A', 'Dinominasikan']);
    expect(rows[3]?.cells.slice(0, 3)).toEqual(['Citra Ayu', '8C', 'Dalam pelatihan']);
    const en = await call(backend, 'peers.exportCsv', { language: 'en' });
    expect(parseCsv(en.csv)[3]?.cells.slice(0, 3)).toEqual(['Citra Ayu', '8C', 'In training']);
    const entries = (await call(backend, 'audit.list', { action: 'peer.exported' })).entries;
    expect(entries.map((e) => e.details)).toEqual([{ rows: 3 }, { rows: 3 }]);
    expect(JSON.stringify(entries)).not.toContain('Ayu');
  });

  it('exports only the peers asked for, in roster order', async () => {
    const backend = await vault();
    await call(backend, 'peers.importCommit', { csv: goodFile });
    const { peers } = await call(backend, 'peers.list', {});
    const result = await call(backend, 'peers.exportCsv', { language: 'en', ids: [peers[2]!.id, peers[0]!.id] });
    expect(parseCsv(result.csv).slice(1).map((r) => r.cells[0])).toEqual(['Ayu Lestari', 'Citra Ayu']);
  });

  it('defuses a name that would run as a formula in a spreadsheet', async () => {
    const backend = await vault();
    await call(backend, 'peers.create', { fullName: '=HYPERLINK("http://evil","Budi")', className: '-8A' });
    const { csv } = await call(backend, 'peers.exportCsv', { language: 'en' });
    const [, row] = parseCsv(csv);
    expect(row?.cells.slice(0, 2)).toEqual(['\'=HYPERLINK("http://evil","Budi")', "'-8A"]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });
});
