import { readFileSync } from 'node:fs';
import type { PdfMake } from 'pdfmake';
import type roboto from 'pdfmake/fonts/Roboto.js';
import { who5, type TermReport } from '../../../src/contract';
import { figureRows, formatFigure, type FigureRow } from './figures';
import { sectionKeys, type ReportTexts, type SectionKey } from './texts';

/**
 * The term report as a PDF, made in Node by pdfmake so it looks the same on
 * every PC and can be tested here (issue 5). It holds aggregates only: the
 * school's name, the term and figures, never a student's name or a
 * help-seeker code. Fonts come from pdfmake's own Roboto files, read once into
 * its in-memory file system; it may read nothing else from disk or the network.
 */

const teal = '#099268';
const tealLight = '#96f2d7';
const grey = '#868e96';
const ink = '#212529';
const pageWidth = 595.28;
const margin = 48;
const contentWidth = pageWidth - 2 * margin;

let loaded: PdfMake | undefined;

/**
 * pdfmake and its fonts, required at the first PDF rather than at start-up: they are most of the
 * memory of the thread that makes the PDFs (host/jobWorker.ts: 47 MB instead of 11 while idle).
 */
function pdfmakeWithFonts(): PdfMake {
  if (loaded) return loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  const pdfmake = require('pdfmake') as PdfMake;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  const files = (require('pdfmake/fonts/Roboto.js') as typeof roboto).Roboto;
  const names = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' };
  for (const style of ['normal', 'bold', 'italics', 'bolditalics'] as const) pdfmake.virtualfs.writeFileSync(names[style], readFileSync(files[style]));
  pdfmake.setFonts({ Roboto: names });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  loaded = pdfmake;
  return pdfmake;
}

type Node = Record<string, unknown> | string;

function tile(label: string, value: string, note: string): Node {
  return {
    stack: [
      { text: label, fontSize: 8.5, color: grey },
      { text: value, fontSize: 20, bold: true, color: ink, margin: [0, 2, 0, 1] },
      { text: note, fontSize: 8, color: grey },
    ],
    margin: [8, 8, 8, 8],
  };
}

/** Horizontal bars with their labels and numbers: topics, referrals, meeting kinds… */
function barList(items: Array<{ label: string; value: number; text: string }>, tx: ReportTexts): Node {
  if (items.length === 0 || items.every((i) => i.value === 0)) return { text: tx.none, italics: true, color: grey, margin: [0, 2, 0, 8] };
  const max = Math.max(...items.map((i) => i.value), 1);
  const barWidth = 230;
  return {
    table: {
      widths: [170, barWidth, '*'],
      body: items.map((item) => [
        { text: item.label, fontSize: 8.5 },
        { canvas: [{ type: 'rect', x: 0, y: 1, w: Math.max((item.value / max) * barWidth, item.value > 0 ? 2 : 0), h: 9, color: teal }] },
        { text: item.text, fontSize: 8.5, alignment: 'right', bold: true },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 2, 0, 8],
  };
}

/** Sessions per week as columns, the number above each bar and the week's Monday under it. */
function weekChart(report: TermReport, tx: ReportTexts): Node {
  const weeks = report.sessions.perWeek;
  if (weeks.length === 0) return { text: tx.none, italics: true, color: grey };
  const width = Math.min(34, contentWidth / weeks.length);
  const height = 80;
  const max = Math.max(...weeks.map((w) => w.sessions), 1);
  const column = (w: { weekStart: string; sessions: number }) => {
    const h = (w.sessions / max) * height;
    const [day, month] = tx.weekOf(w.weekStart).split(' ');
    return {
      width,
      stack: [
        { text: String(w.sessions), fontSize: 6.5, alignment: 'center', color: w.sessions ? ink : grey },
        { canvas: [{ type: 'rect', x: 0, y: 0, w: width - 3, h: height - h, color: '#ffffff' }, ...(h > 0 ? [{ type: 'rect', x: 0, y: height - h, w: width - 3, h, color: teal }] : [])] },
        { text: `${day ?? ''}\n${month ?? ''}`, fontSize: 6, alignment: 'center', color: grey, lineHeight: 1 },
      ],
    };
  };
  return { columns: weeks.map(column), columnGap: 0, margin: [0, 4, 0, 8] };
}

/** The figures of one section as a two-column table; detail rows indented. */
function figureTable(rows: FigureRow[], tx: ReportTexts): Node {
  return {
    table: {
      widths: ['*', 90],
      body: rows.map((row) => [
        { text: row.label, margin: [row.detail ? 12 : 0, 0, 0, 0], color: row.detail ? '#495057' : ink },
        { text: formatFigure(row.value, row.format, tx), alignment: 'right', bold: !row.detail },
      ]),
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => '#dee2e6',
      paddingTop: () => 3,
      paddingBottom: () => 3,
      paddingLeft: () => 0,
      paddingRight: () => 0,
    },
    margin: [0, 2, 0, 4],
  };
}

function chartFor(section: SectionKey, report: TermReport, tx: ReportTexts): Node | null {
  const count = (n: number) => formatFigure(n, 'count', tx);
  switch (section) {
    case 'sessions':
      return weekChart(report, tx);
    case 'topics':
      return barList(
        [...report.topics].sort((a, b) => b.sessions - a.sessions).map((t) => ({ label: tx.topics[t.topic], value: t.sessions, text: count(t.sessions) })),
        tx,
      );
    case 'referrals':
      return barList(
        Object.entries(report.referrals.byStatus).map(([status, n]) => ({ label: tx.referralStatuses[status as keyof typeof tx.referralStatuses], value: n, text: count(n) })),
        tx,
      );
    case 'outreach':
      return barList(
        Object.entries(report.outreach.byKind)
          .filter(([, k]) => k.events > 0)
          .map(([kind, k]) => ({ label: tx.outreachKinds[kind as keyof typeof tx.outreachKinds], value: k.reached, text: count(k.reached) })),
        tx,
      );
    case 'who5':
      return report.who5.pairs === 0
        ? null
        : barList(
            [
              { label: tx.labels.improved, value: report.who5.improved, text: count(report.who5.improved) },
              { label: tx.labels.noMeaningfulChange, value: report.who5.noMeaningfulChange, text: count(report.who5.noMeaningfulChange) },
              { label: tx.labels.worsened, value: report.who5.worsened, text: count(report.who5.worsened) },
            ],
            tx,
          );
    default:
      return null;
  }
}

function keyFigures(report: TermReport, tx: ReportTexts): Node {
  const f = (value: number | null, format: Parameters<typeof formatFigure>[1]) => formatFigure(value, format, tx);
  const tiles = [
    tile(tx.labels.sessionsTotal, f(report.sessions.total, 'count'), `${f(report.sessions.groupSessions, 'count')} · ${tx.labels.groupSessions.toLocaleLowerCase(tx.locale)}`),
    tile(tx.labels.helpSeekers, f(report.reach.helpSeekers, 'count'), report.reach.share === null ? `${tx.labels.reachShare}: ${tx.notSet}` : `${f(report.reach.share, 'percent')} · ${tx.labels.reachShare.toLocaleLowerCase(tx.locale)}`),
    tile(tx.labels.escalationRate, f(report.escalation.rate, 'percent'), `${f(report.escalation.escalatedLogs, 'count')} / ${f(report.escalation.submittedLogs, 'count')}`),
    tile(tx.labels.attendanceRate, f(report.supervision.attendanceRate, 'percent'), `${f(report.supervision.meetings, 'count')} · ${tx.labels.meetings.toLocaleLowerCase(tx.locale)}`),
    tile(`WHO-5 · ${tx.labels.meanChange}`, f(report.who5.meanChange, 'points'), `${f(report.who5.pairs, 'count')} · ${tx.labels.pairs.toLocaleLowerCase(tx.locale)}`),
    tile(tx.labels.helpful, report.feedback.helpful === null ? '—' : `${f(report.feedback.helpful, 'mean')} / 5`, `${f(report.feedback.responses, 'count')} · ${tx.labels.responses.toLocaleLowerCase(tx.locale)}`),
  ];
  const cell = (node: Node) => ({ ...(node as object), fillColor: '#f1f3f5' });
  return {
    table: { widths: ['*', '*', '*'], body: [tiles.slice(0, 3).map(cell), tiles.slice(3).map(cell)] },
    layout: { hLineWidth: () => 3, vLineWidth: () => 3, hLineColor: () => '#ffffff', vLineColor: () => '#ffffff', paddingLeft: () => 0, paddingRight: () => 0 },
    margin: [-3, 4, -3, 10],
  };
}

function definition(report: TermReport, tx: ReportTexts, today: string): object {
  const rows = figureRows(report, tx);
  const termName = tx.termName(report.term);
  const running = report.asOf < report.term.end;
  const sections = sectionKeys.map((section) => {
    // The weeks are in the chart above the table, with their numbers.
    const own = rows.filter((r) => r.section === section && !r.week);
    const chart = chartFor(section, report, tx);
    return {
      stack: [
        { text: tx.sections[section].title, style: 'h2' },
        { text: tx.sections[section].explain, style: 'explain' },
        ...(chart ? [chart] : []),
        ...(section === 'topics' ? [] : [figureTable(own, tx)]),
      ],
      unbreakable: section !== 'sessions',
      margin: [0, 0, 0, 8],
    };
  });
  return {
    pageSize: 'A4',
    pageMargins: [margin, 56, margin, 56],
    info: { title: `${tx.title} · ${report.schoolName} · ${termName}`, author: report.schoolName, subject: tx.programme, creator: 'Sebaya', producer: 'Sebaya' },
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2, color: ink },
    styles: {
      school: { fontSize: 18, bold: true },
      title: { fontSize: 13, color: teal, bold: true },
      h2: { fontSize: 12.5, bold: true, color: teal, margin: [0, 10, 0, 2] },
      explain: { fontSize: 8.5, color: '#495057', margin: [0, 0, 0, 4] },
      small: { fontSize: 8, color: grey },
    },
    header: (current: number) =>
      current > 1 ? { text: `${report.schoolName} · ${tx.title} · ${termName}`, fontSize: 8, color: grey, margin: [margin, 28, margin, 0] } : null,
    footer: (current: number, total: number) => ({
      columns: [
        { text: tx.privacy, fontSize: 7.5, color: grey },
        { text: tx.page(current, total), fontSize: 7.5, color: grey, alignment: 'right', width: 90 },
      ],
      margin: [margin, 20, margin, 0],
    }),
    content: [
      { text: report.schoolName, style: 'school' },
      { text: `${tx.title} · ${tx.programme}`, style: 'title', margin: [0, 2, 0, 0] },
      { text: `${termName} · ${tx.period(report.term.start, report.term.end)}`, fontSize: 11, margin: [0, 4, 0, 0] },
      { text: [running ? `${tx.asOf(report.asOf)} ` : '', tx.generated(today)], style: 'small', margin: [0, 2, 0, 8] },
      {
        table: { widths: ['*'], body: [[{ text: tx.privacy, fontSize: 9, color: '#0b7285', margin: [6, 4, 6, 4] }]] },
        layout: { hLineWidth: () => 0, vLineWidth: (i: number) => (i === 0 ? 3 : 0), vLineColor: () => tealLight, fillColor: () => '#e6fcf5' },
        margin: [0, 0, 0, 8],
      },
      { text: tx.keyFigures, style: 'h2' },
      keyFigures(report, tx),
      ...sections,
      { text: who5.attribution[tx.language], style: 'small', margin: [0, 12, 0, 2] },
      { text: tx.unencrypted, style: 'small' },
    ],
  };
}

/** The PDF's bytes. */
export async function termPdf(report: TermReport, tx: ReportTexts, today: string): Promise<Buffer> {
  return pdfmakeWithFonts().createPdf(definition(report, tx, today)).getBuffer();
}
