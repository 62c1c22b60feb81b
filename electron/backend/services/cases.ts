import {
  caseSeverities,
  caseTransitions,
  referralTransitions,
  type CaseSeverity,
} from '../../../src/contract';
import { AppError, conflict, forbidden, invalidField, notFound, staleEdit } from '../errors';
import type { Context, HandlerMap } from '../handler';
import * as cases from '../repositories/cases';
import * as helpSeekers from '../repositories/helpSeekers';
import * as referrals from '../repositories/referrals';
import * as logs from '../repositories/sessionLogs';
import { canActOnCase, canSee, casesScope, sessionLogsScope } from '../access';
import { assertAssignee } from './caseAccess';
import { caseDetail, caseLogOrder, openCase, toCaseSummary, toReferral } from './caseOps';
import { toLogs } from './logView';
import { isOverdue } from '../domain/cases';
import { today } from '../domain/days';
import { loadSettings } from '../repositories/settingsStore';

type CasesMethod =
  | 'cases.list'
  | 'cases.get'
  | 'cases.logs'
  | 'cases.open'
  | 'cases.addNote'
  | 'cases.transition'
  | 'cases.reassign'
  | 'cases.assignees'
  | 'cases.dashboard'
  | 'referrals.services'
  | 'referrals.createService'
  | 'referrals.updateService'
  | 'referrals.list'
  | 'referrals.create'
  | 'referrals.setStatus';

/**
 * A case the caller may see. A supervisor asking for one that is not theirs
 * (or does not exist) is refused alike, so case ids cannot be probed.
 */
async function visibleCase(ctx: Context, id: number): Promise<cases.CaseRow> {
  const row = await cases.findCase(ctx.db, await casesScope(ctx), id);
  if (row) return row;
  if (ctx.actor.role === 'coordinator') throw notFound('case');
  throw forbidden('You may not see this case.');
}

/** A case the caller may act on: the coordinator, or the supervisor it is assigned to. */
async function actionableCase(ctx: Context, id: number): Promise<cases.CaseRow> {
  const row = await visibleCase(ctx, id);
  if (!canActOnCase(ctx, row)) throw forbidden('Only the coordinator and the supervisor the case is assigned to can act on it.');
  return row;
}

export const casesHandlers: HandlerMap<CasesMethod> = {
  'cases.list': async (input, ctx) => {
    const filter = { open: input.open ?? false, text: input.text, ...(input.helpSeekerId === undefined ? {} : { helpSeekerId: input.helpSeekerId }) };
    const page = await cases.pageCases(ctx.db, await casesScope(ctx), filter, input.sort, input);
    const now = ctx.clock.now();
    return { cases: page.rows.map((row) => toCaseSummary(row, now)), total: page.total };
  },

  'cases.get': async (input, ctx) => {
    const row = await visibleCase(ctx, input.id);
    await ctx.audit('case.viewed', `case:${row.id}`);
    return caseDetail(ctx, row.id);
  },

  'cases.logs': async (input, ctx) => {
    const row = await visibleCase(ctx, input.id);
    const page = await logs.pageLogs(ctx.db, await sessionLogsScope(ctx), { caseId: row.id }, caseLogOrder, input);
    return { logs: await toLogs(ctx, page.rows), total: page.total };
  },

  'cases.open': async (input, ctx) => {
    const helpSeeker = await helpSeekers.findHelpSeeker(ctx.db, input.helpSeekerId);
    if (!helpSeeker) throw invalidField('helpSeekerId', 'not_found', 'There is no such help-seeker.');
    if (input.logId !== null) {
      const log = await logs.findLog(ctx.db, await sessionLogsScope(ctx), input.logId);
      if (!log || log.help_seeker_id !== input.helpSeekerId || log.status === 'draft') {
        throw invalidField('logId', 'not_found', 'The log must be a submitted log about this help-seeker.');
      }
    }
    await assertAssignee(ctx, input.assignedUserId);
    const caseId = await ctx.db.transaction(() =>
      openCase(ctx, {
        helpSeekerId: input.helpSeekerId,
        severity: input.severity,
        origin: 'manual',
        assignedUserId: input.assignedUserId,
        logId: input.logId,
        note: input.note,
      }),
    );
    return { caseId, escalationProtocol: (await loadSettings(ctx.db)).escalationProtocol };
  },

  'cases.addNote': async (input, ctx) => {
    const row = await actionableCase(ctx, input.id);
    await ctx.db.transaction(async () => {
      const at = ctx.now();
      await cases.insertEvent(ctx.db, { caseId: row.id, kind: input.kind, at, authorUserId: ctx.actor.userId, body: input.text });
      await cases.touchCase(ctx.db, row.id, at);
      await ctx.audit('case.note-added', `case:${row.id}`, { kind: input.kind });
    });
    return caseDetail(ctx, row.id);
  },

  'cases.transition': async (input, ctx) => {
    const row = await actionableCase(ctx, input.id);
    if (row.version !== input.version) throw staleEdit();
    const from = row.status;
    const to = input.to;
    if (from === to) throw conflict('same-status', `The case is already ${to}.`);
    if (!caseTransitions[from].includes(to)) {
      throw new AppError({
        code: 'CONFLICT',
        reason: 'transition-not-allowed',
        message: `A case that is ${from} cannot become ${to}.`,
        params: { from, to },
      });
    }
    if (to === 'referred' && (await referrals.referralsOfCase(ctx.db, row.id)).length === 0) {
      throw conflict('no-referral', 'Record the referral on the case first.');
    }
    if (to === 'closed' && !input.outcome) throw invalidField('outcome', 'required', 'Closing a case needs its outcome.');
    const outcome = to === 'closed' ? input.outcome! : null;
    await ctx.db.transaction(async () => {
      const at = ctx.now();
      const columns = to === 'closed' ? { status: to, closed_at: at, outcome } : { status: to };
      if (!(await cases.updateCase(ctx.db, row.id, input.version, columns, at))) throw staleEdit();
      await cases.insertEvent(ctx.db, {
        caseId: row.id,
        kind: 'status',
        at,
        authorUserId: ctx.actor.userId,
        body: input.note,
        fromStatus: from,
        toStatus: to,
        outcome,
      });
      await ctx.audit('case.status-changed', `case:${row.id}`, { from, to });
    });
    return caseDetail(ctx, row.id);
  },

  'cases.reassign': async (input, ctx) => {
    const row = await actionableCase(ctx, input.id);
    if (row.status === 'closed') throw conflict('case-closed', 'A closed case stays with whoever closed it.');
    if (row.version !== input.version) throw staleEdit();
    await assertAssignee(ctx, input.assignedUserId);
    if (row.assigned_user_id === input.assignedUserId) throw conflict('same-assignee', 'The case is already assigned to them.');
    await ctx.db.transaction(async () => {
      const at = ctx.now();
      if (!(await cases.updateCase(ctx.db, row.id, input.version, { assigned_user_id: input.assignedUserId }, at))) throw staleEdit();
      await cases.insertEvent(ctx.db, {
        caseId: row.id,
        kind: 'assigned',
        at,
        authorUserId: ctx.actor.userId,
        body: input.note,
        assignedUserId: input.assignedUserId,
      });
      await ctx.audit('case.reassigned', `case:${row.id}`, { to: input.assignedUserId });
    });
    // Given to someone else, the case may have left the caller's scope.
    return { visible: await canSee(ctx.db, await casesScope(ctx), row.id) };
  },

  'cases.assignees': async (_input, ctx) => ({
    assignees: (await cases.listAssignees(ctx.db)).map((a) => ({ id: a.id, fullName: a.full_name, role: a.role })),
  }),

  'cases.dashboard': async (_input, ctx) => {
    const now = ctx.clock.now();
    const scope = await casesScope(ctx);
    const open = await cases.listCases(ctx.db, scope, { open: true });
    const openBySeverity = Object.fromEntries(caseSeverities.map((s) => [s, 0])) as Record<CaseSeverity, number>;
    for (const row of open) openBySeverity[row.severity] += 1;
    // A supervisor sees the waiting logs she may read (of the peers she supervises, on her cases); she does not review them.
    const awaiting = await logs.countAwaitingReview(ctx.db, await sessionLogsScope(ctx));
    const unreviewedUrgent = open
      .filter((row) => row.severity === 'urgent' && row.status === 'open')
      .sort((a, b) => a.opened_at.localeCompare(b.opened_at))[0];
    return {
      logsAwaitingReview: awaiting.n,
      oldestAwaitingReviewSince: awaiting.oldest,
      openBySeverity,
      overdueCases: open.filter((row) => isOverdue(row, now)).length,
      unassignedCases: open.filter((row) => row.assigned_user_id === null).length,
      referralFollowUpsDue: await referrals.countFollowUpsDue(ctx.db, scope, today(ctx)),
      oldestUnreviewedUrgent: unreviewedUrgent
        ? {
            id: unreviewedUrgent.id,
            helpSeekerCode: unreviewedUrgent.help_seeker_code,
            openedAt: unreviewedUrgent.opened_at,
            ageMinutes: Math.max(0, Math.floor((now.getTime() - Date.parse(unreviewedUrgent.opened_at)) / 60_000)),
          }
        : null,
    };
  },

  'referrals.services': async (_input, ctx) => ({ services: await referrals.listServices(ctx.db) }),

  'referrals.createService': async (input, ctx) => {
    const id = await ctx.db.transaction(async () => {
      const newId = await referrals.insertService(ctx.db, input, ctx.now());
      await ctx.audit('referral.service-created', `referral-service:${newId}`);
      return newId;
    });
    return { service: (await referrals.findService(ctx.db, id))! };
  },

  'referrals.updateService': async (input, ctx) => {
    const { id, version, ...fields } = input;
    const before = await referrals.findService(ctx.db, id);
    if (!before) throw notFound('referral service');
    if (before.version !== version) throw staleEdit();
    await ctx.db.transaction(async () => {
      if (!(await referrals.updateService(ctx.db, id, version, fields, ctx.now()))) throw staleEdit();
      await ctx.audit('referral.service-updated', `referral-service:${id}`, before.archived !== fields.archived ? { archived: fields.archived } : {});
    });
    return { service: (await referrals.findService(ctx.db, id))! };
  },

  'referrals.list': async (input, ctx) => {
    const day = today(ctx);
    const rows = await referrals.listReferrals(ctx.db, await casesScope(ctx), input.followUp ?? false);
    return { referrals: rows.map((row) => toReferral(row, day)) };
  },

  'referrals.create': async (input, ctx) => {
    const row = await actionableCase(ctx, input.caseId);
    if (row.status === 'closed') throw conflict('case-closed', 'A closed case takes no new referrals; open a new case.');
    const service = await referrals.findService(ctx.db, input.serviceId);
    if (!service) throw invalidField('serviceId', 'not_found', 'There is no such service in the directory.');
    if (service.archived) throw invalidField('serviceId', 'archived', 'This service was archived; pick another or restore it.');
    const overrideReason = input.overrideReason?.trim() ? input.overrideReason.trim() : null;
    // The consent rule: who consented and when, or the supervisor's written reason for going ahead without it.
    if (!input.consent && !overrideReason) {
      throw invalidField('consent', 'consent_required', 'A referral needs consent (who and when) or a written override reason.');
    }
    if (input.followUpOn !== null && input.followUpOn < input.referredOn) {
      throw invalidField('followUpOn', 'before_referral', 'The follow-up cannot be before the referral.');
    }
    await ctx.db.transaction(async () => {
      const at = ctx.now();
      const referralId = await referrals.insertReferral(
        ctx.db,
        {
          caseId: row.id,
          serviceId: service.id,
          referredOn: input.referredOn,
          reason: input.reason,
          consentBy: input.consent?.by ?? null,
          consentOn: input.consent?.on ?? null,
          overrideReason: input.consent ? null : overrideReason,
          followUpOn: input.followUpOn,
          byUserId: ctx.actor.userId,
        },
        at,
      );
      await cases.insertEvent(ctx.db, {
        caseId: row.id,
        kind: 'referral_made',
        at,
        authorUserId: ctx.actor.userId,
        body: input.reason,
        referralId,
        referralStatus: 'pending',
      });
      await cases.touchCase(ctx.db, row.id, at);
      await ctx.audit('referral.created', `referral:${referralId}`, { caseId: row.id, consentOverridden: !input.consent });
    });
    return caseDetail(ctx, row.id);
  },

  'referrals.setStatus': async (input, ctx) => {
    const referral = await referrals.findReferral(ctx.db, await casesScope(ctx), input.id);
    if (!referral) throw ctx.actor.role === 'coordinator' ? notFound('referral') : forbidden('You may not see this referral.');
    const row = await actionableCase(ctx, referral.case_id);
    if (referral.version !== input.version) throw staleEdit();
    const from = referral.status;
    if (from === input.to) throw conflict('same-status', `The referral is already ${from}.`);
    if (!referralTransitions[from].includes(input.to)) {
      throw new AppError({
        code: 'CONFLICT',
        reason: 'transition-not-allowed',
        message: `A referral that is ${from} cannot become ${input.to}.`,
        params: { from, to: input.to },
      });
    }
    await ctx.db.transaction(async () => {
      const at = ctx.now();
      if (!(await referrals.setReferralStatus(ctx.db, referral.id, input.version, input.to, input.followUpOn, at))) throw staleEdit();
      await cases.insertEvent(ctx.db, {
        caseId: row.id,
        kind: 'referral_status',
        at,
        authorUserId: ctx.actor.userId,
        body: input.note,
        referralId: referral.id,
        referralStatus: input.to,
      });
      await cases.touchCase(ctx.db, row.id, at);
      await ctx.audit('referral.status-changed', `referral:${referral.id}`, { from, to: input.to });
    });
    return caseDetail(ctx, row.id);
  },
};
