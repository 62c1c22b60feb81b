import {
  caseSeverities,
  meetingKinds,
  outreachKinds,
  referralStatuses,
  type TermReport,
} from '../../../src/contract';
import { toCsv } from '../csv/csv';
import type { FigureKey, ReportTexts, SectionKey } from './texts';

/** How a figure's value reads. */
export type FigureFormat = 'count' | 'percent' | 'hours' | 'score' | 'points' | 'mean';

export interface FigureRow {
  section: SectionKey;
  label: string;
  value: number | null;
  format: FigureFormat;
  /** A row that only details the one above it (shown indented). */
  detail?: boolean;
  /** One week's sessions: the PDF shows these in its chart instead of the table. */
  week?: boolean;
}

/**
 * Every figure of the report as a row, in the order the report reads: the
 * PDF's tables and the CSV are both made from this list, so they cannot
 * disagree.
 */
export function figureRows(report: TermReport, tx: ReportTexts): FigureRow[] {
  const rows: FigureRow[] = [];
  const add = (section: SectionKey, key: FigureKey | string, value: number | null, format: FigureFormat = 'count', detail = false) =>
    rows.push({ section, label: key in tx.labels ? tx.labels[key as FigureKey] : key, value, format, detail });

  const s = report.sessions;
  add('sessions', 'sessionsTotal', s.total);
  add('sessions', 'groupSessions', s.groupSessions, 'count', true);
  add('sessions', 'studentsInGroups', s.studentsInGroups, 'count', true);
  for (const week of s.perWeek) rows.push({ section: 'sessions', label: tx.weekOf(week.weekStart), value: week.sessions, format: 'count', detail: true, week: true });

  for (const topic of report.topics) add('topics', tx.topics[topic.topic], topic.sessions);

  add('reach', 'helpSeekers', report.reach.helpSeekers);
  add('reach', 'newHelpSeekers', report.reach.newHelpSeekers, 'count', true);
  add('reach', 'studentCount', report.studentCount);
  add('reach', 'reachShare', report.reach.share, 'percent');

  const e = report.escalation;
  add('escalation', 'submittedLogs', e.submittedLogs);
  add('escalation', 'escalatedLogs', e.escalatedLogs);
  add('escalation', 'escalationRate', e.rate, 'percent');
  for (const severity of caseSeverities) add('escalation', `${tx.labels.casesOpened}: ${tx.severities[severity]}`, e.casesOpened[severity] ?? 0, 'count', true);

  const r = report.reviewTime;
  add('timeliness', 'reviewed', r.reviewed);
  add('timeliness', 'reviewWaiting', r.waiting);
  add('timeliness', 'reviewMedian', r.medianHours, 'hours');
  add('timeliness', 'reviewWorst', r.worstHours, 'hours');
  const u = report.urgentResponse;
  add('timeliness', 'urgentCases', u.answered);
  add('timeliness', 'urgentWaiting', u.waiting);
  add('timeliness', 'urgentMedian', u.medianHours, 'hours');
  add('timeliness', 'urgentWorst', u.worstHours, 'hours');

  add('referrals', 'referralsTotal', report.referrals.total);
  for (const status of referralStatuses) add('referrals', tx.referralStatuses[status], report.referrals.byStatus[status] ?? 0, 'count', true);

  const v = report.supervision;
  add('supervision', 'meetings', v.meetings);
  for (const kind of meetingKinds) add('supervision', tx.meetingKinds[kind], v.byKind[kind] ?? 0, 'count', true);
  add('supervision', 'meetingHours', v.hours, 'mean');
  add('supervision', 'invited', v.invited);
  add('supervision', 'present', v.present);
  add('supervision', 'attendanceRate', v.attendanceRate, 'percent');
  add('supervision', 'peersSupervised', v.peersSupervised);
  add('supervision', 'activePeers', v.activePeers);

  const t = report.training;
  add('training', 'inProgram', t.inProgram);
  add('training', 'trained', t.trained);
  add('training', 'trainedRate', t.rate, 'percent');
  add('training', 'completions', t.completions);
  add('training', 'trainingHours', t.hours, 'mean');

  add('outreach', 'outreachEvents', report.outreach.events);
  add('outreach', 'outreachReached', report.outreach.reached);
  for (const kind of outreachKinds) {
    const k = report.outreach.byKind[kind];
    if (k && k.events > 0) add('outreach', `${tx.outreachKinds[kind]} (${k.events}×)`, k.reached, 'count', true);
  }

  const w = report.who5;
  add('who5', 'firstContacts', w.firstContacts);
  add('who5', 'pairs', w.pairs);
  add('who5', 'baselineMean', w.baselineMean, 'score');
  add('who5', 'followUpMean', w.followUpMean, 'score');
  add('who5', 'meanChange', w.meanChange, 'points');
  add('who5', 'improved', w.improved, 'count', true);
  add('who5', 'noMeaningfulChange', w.noMeaningfulChange, 'count', true);
  add('who5', 'worsened', w.worsened, 'count', true);
  add('who5', 'poorAtBaseline', w.poorAtBaseline);
  add('who5', 'poorAtFollowUp', w.poorAtFollowUp);

  const f = report.feedback;
  add('feedback', 'responses', f.responses);
  add('feedback', 'helpful', f.helpful, 'mean');
  add('feedback', 'feltHeard', f.feltHeard, 'mean');
  add('feedback', 'wouldRecommend', f.wouldRecommend, 'mean');
  return rows;
}

/** A figure in the report's language: "12", "34%", "2.5 h" / "2,5 jam", "—" when there is nothing to show. */
export function formatFigure(value: number | null, format: FigureFormat, tx: ReportTexts, options: { sign?: boolean } = {}): string {
  if (value === null) return '—';
  const number = (n: number, digits: number) => new Intl.NumberFormat(tx.locale, { maximumFractionDigits: digits }).format(n);
  switch (format) {
    case 'count':
      return number(value, 0);
    case 'percent':
      return new Intl.NumberFormat(tx.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'hours':
      if (value < 1) return tx.language === 'en' ? `${number(value * 60, 0)} min` : `${number(value * 60, 0)} menit`;
      return tx.language === 'en' ? `${number(value, 1)} h` : `${number(value, 1)} jam`;
    case 'points':
      return `${value > 0 && options.sign !== false ? '+' : ''}${number(value, 1)}`;
    case 'score':
    case 'mean':
      return number(value, 1);
  }
}

/** The report's figures as CSV: one row per figure, in the report's language, values as that language writes them. */
export function termCsv(report: TermReport, tx: ReportTexts): { csv: string; rows: number } {
  const rows = figureRows(report, tx);
  const header = [tx.section, tx.figure, tx.value];
  const lines: Array<Array<string>> = [
    header,
    [tx.title, tx.school, report.schoolName],
    [tx.title, tx.term, tx.termName(report.term)],
    [tx.title, tx.periodLabel, tx.period(report.term.start, report.term.end)],
    [tx.title, tx.asOfLabel, report.asOf],
    // No plus sign in a cell: a spreadsheet would take "+4" for a formula (and the sanitiser would quote it).
    ...rows.map((row) => [tx.sections[row.section].title, row.label, formatFigure(row.value, row.format, tx, { sign: false })]),
  ];
  return { csv: toCsv(lines), rows: rows.length };
}
