import { addDays, todayLinesPerKind, who5, type TodayItem } from '../../../src/contract';
import { casesScope, outcomesScope, sessionLogsScope, supervisedScope } from '../access';
import { arrangeToday, type Found } from '../domain/today';
import { today } from '../domain/days';
import type { Context, HandlerMap } from '../handler';
import { backupEvents } from '../repositories/backups';
import { loadSettings } from '../repositories/settingsStore';
import * as supervision from '../repositories/supervision';
import * as q from '../repositories/today';
import { lastVerifiedBackupAt } from './backups';
import { cadenceState, termNow } from './supervision';

/** An action item shows on Today from this many days before its due day. */
export const actionItemLeadDays = 3;
/** Evaluations are due in a term's last weeks: from this many days before its end. */
export const evaluationLeadDays = 42;
/** A WHO-5 follow-up is due four weeks after the first contact, and stays on Today for the next two months. */
export const who5FollowUpDays = 28;
export const who5FollowUpWindowDays = 90;

const lines = todayLinesPerKind;

async function forCoordinatorOrSupervisor(ctx: Context): Promise<Found[]> {
  const actor = ctx.actor;
  const day = today(ctx);
  const now = ctx.clock.now().toISOString();
  const coordinator = actor.role === 'coordinator';
  // A supervisor sees on Today the cases assigned to her (inside what she may see), not every case Settings may let her read.
  const assignedTo = coordinator ? null : actor.userId;
  const caseScope = await casesScope(ctx);
  const peers = supervisedScope(ctx);
  const found: Found[] = [];

  const urgent = await q.urgentCasesWaiting(ctx.db, caseScope, assignedTo, lines.urgentCase);
  found.push({
    kind: 'urgentCase',
    total: urgent.total,
    items: urgent.rows.map((r) => ({ kind: 'urgentCase', tone: 'urgent', caseId: r.id, helpSeekerCode: r.help_seeker_code, since: r.opened_at })),
  });

  const overdue = await q.overdueCases(ctx.db, caseScope, assignedTo, now, lines.overdueCase);
  found.push({
    kind: 'overdueCase',
    total: overdue.total,
    items: overdue.rows.map((r) => ({ kind: 'overdueCase', tone: 'urgent', caseId: r.id, helpSeekerCode: r.help_seeker_code, severity: r.severity, dueAt: r.due_at })),
  });

  // The coordinator reviews logs; a supervisor reads them but does not review them.
  if (coordinator) {
    const waiting = await q.logsAwaitingReview(ctx.db, await sessionLogsScope(ctx), lines.logAwaitingReview);
    found.push({
      kind: 'logAwaitingReview',
      total: waiting.total,
      items: waiting.rows.map((r) => ({
        kind: 'logAwaitingReview',
        tone: r.severity === 'urgent' ? 'urgent' : r.severity === 'high' ? 'soon' : 'routine',
        logId: r.id,
        peerName: r.peer_name,
        helpSeekerCode: r.help_seeker_code,
        severity: r.severity,
        submittedAt: r.submitted_at,
      })),
    });
  }

  const followUps = await q.referralFollowUpsDue(ctx.db, caseScope, assignedTo, day, lines.referralFollowUp);
  found.push({
    kind: 'referralFollowUp',
    total: followUps.total,
    items: followUps.rows.map((r) => ({
      kind: 'referralFollowUp',
      tone: 'soon',
      referralId: r.id,
      caseId: r.case_id,
      helpSeekerCode: r.help_seeker_code,
      serviceName: r.service_name,
      followUpOn: r.follow_up_on,
    })),
  });

  found.push(await actionItems(ctx, { userId: actor.userId }, day));

  const refreshers = await q.refreshersOverdue(ctx.db, peers, day, lines.refresherOverdue);
  found.push({
    kind: 'refresherOverdue',
    total: refreshers.total,
    items: refreshers.rows.map((r) => ({
      kind: 'refresherOverdue',
      tone: 'soon',
      peerId: r.peer_id,
      peerName: r.peer_name,
      moduleTitleId: r.title_id,
      moduleTitleEn: r.title_en,
      dueOn: r.due_on,
    })),
  });

  // Active peers are a few dozen in a school, whatever the years of records: their cadence is read whole, as on the cadence tab.
  const cadence = (await supervision.cadenceRows(ctx.db, peers, day))
    .map((row) => {
      const from = row.last_meeting_on ?? row.joined_on;
      const dueOn = row.frequency_days !== null && from !== null ? addDays(from, row.frequency_days) : null;
      return { row, dueOn };
    })
    .filter((p) => cadenceState(p.dueOn, day) === 'overdue');
  found.push({
    kind: 'supervisionOverdue',
    total: cadence.length,
    items: cadence.map(({ row, dueOn }) => ({ kind: 'supervisionOverdue', tone: 'soon', peerId: row.peer_id, peerName: row.full_name, dueOn: dueOn! })),
  });

  const term = await termNow(ctx);
  if (addDays(day, evaluationLeadDays) >= term.end) {
    const due = await q.peersNotEvaluated(ctx.db, peers, term.start, term.end, lines.evaluationDue);
    found.push({
      kind: 'evaluationDue',
      total: due.total,
      items: due.rows.map((r) => ({ kind: 'evaluationDue', tone: 'routine', peerId: r.peer_id, peerName: r.peer_name, lastEvaluatedOn: r.last_on, termEnd: term.end })),
    });
  }

  const who5Due = await q.followUpsNotMeasured(
    ctx.db,
    await outcomesScope(ctx),
    who5.id,
    addDays(day, -(who5FollowUpDays + who5FollowUpWindowDays)),
    addDays(day, -who5FollowUpDays),
    lines.who5FollowUp,
  );
  found.push({
    kind: 'who5FollowUp',
    total: who5Due.total,
    items: who5Due.rows.map((r) => ({
      kind: 'who5FollowUp',
      tone: 'routine',
      helpSeekerId: r.help_seeker_id,
      helpSeekerCode: r.help_seeker_code,
      dueOn: addDays(r.measured_on, who5FollowUpDays),
    })),
  });

  if (coordinator) {
    // Returned logs wait for their peer; the coordinator sees which, to ask after the ones that stay.
    found.push(await returned(ctx, 'routine'));
    const settings = await loadSettings(ctx.db);
    const lastBackupAt = lastVerifiedBackupAt(await backupEvents(ctx.db, 500));
    const age = lastBackupAt ? ctx.clock.now().getTime() - Date.parse(lastBackupAt) : Infinity;
    if (age > settings.backupReminderDays * 86_400_000) {
      found.push({ kind: 'backup', total: 1, items: [{ kind: 'backup', tone: 'soon', lastBackupAt, reminderDays: settings.backupReminderDays }] });
    }
  }
  return found;
}

async function actionItems(ctx: Context, owner: { userId: number } | { peerId: number }, day: string): Promise<Found> {
  const items = await q.actionItemsDue(ctx.db, owner, addDays(day, actionItemLeadDays), lines.actionItem);
  return {
    kind: 'actionItem',
    total: items.total,
    items: items.rows.map(
      (r): TodayItem => ({ kind: 'actionItem', tone: r.due_on < day ? 'soon' : 'routine', actionItemId: r.id, meetingId: r.meeting_id, text: r.text, dueOn: r.due_on }),
    ),
  };
}

async function returned(ctx: Context, tone: 'soon' | 'routine'): Promise<Found> {
  const logs = await q.returnedLogs(ctx.db, await sessionLogsScope(ctx), lines.returnedLog);
  return {
    kind: 'returnedLog',
    total: logs.total,
    items: logs.rows.map((r) => ({
      kind: 'returnedLog',
      tone,
      logId: r.id,
      peerName: r.peer_name,
      heldOn: r.held_on,
      returnedAt: r.returned_at,
      comment: r.comment,
      byName: r.by_name,
    })),
  };
}

export const todayHandlers: HandlerMap<'today.list'> = {
  'today.list': async (_input, ctx) => {
    const actor = ctx.actor;
    if (actor.role !== 'peer') return { groups: arrangeToday(await forCoordinatorOrSupervisor(ctx)) };
    // A peer: his own returned logs (sessionLogsScope is his own logs) and his own action items.
    if (actor.peerId === null) return { groups: [] };
    return { groups: arrangeToday([await returned(ctx, 'soon'), await actionItems(ctx, { peerId: actor.peerId }, today(ctx))]) };
  },
};
