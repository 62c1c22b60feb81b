import type { HelpSeekerSummary } from '../../../src/contract';
import { forbidden, notFound, staleEdit } from '../errors';
import type { HandlerMap } from '../handler';
import * as helpSeekers from '../repositories/helpSeekers';
import { canSee, helpSeekersScope, identityScope, sessionLogsScope } from '../access';

type HelpSeekersMethod = 'helpSeekers.list' | 'helpSeekers.create' | 'helpSeekers.revealIdentity' | 'helpSeekers.setIdentity';

function toSummary(row: helpSeekers.HelpSeekerListRow, isPeer: boolean): HelpSeekerSummary {
  return {
    id: row.id,
    code: row.code,
    createdAt: row.created_at,
    logs: row.logs,
    lastSessionOn: row.last_session_on,
    openCases: isPeer ? 0 : row.open_cases,
    hasIdentity: isPeer ? false : row.has_identity === 1,
  };
}

const hasAnyIdentity = (identity: Record<string, string>) => Object.values(identity).some((v) => v.trim() !== '');

export const helpSeekersHandlers: HandlerMap<HelpSeekersMethod> = {
  'helpSeekers.list': async (input, ctx) => {
    const page = await helpSeekers.pageHelpSeekers(ctx.db, await helpSeekersScope(ctx), await sessionLogsScope(ctx), { text: input.text, onlyId: input.id }, input);
    return { helpSeekers: page.rows.map((row) => toSummary(row, ctx.actor.role === 'peer')), total: page.total };
  },

  'helpSeekers.create': async (input, ctx) => {
    const id = await ctx.db.transaction(async () => {
      const now = ctx.clock.now();
      const made = await helpSeekers.insertHelpSeeker(ctx.db, now.getFullYear(), now.toISOString(), ctx.actor.userId);
      await ctx.audit('help-seeker.created', `help-seeker:${made.id}`, { code: made.code });
      if (input.identity && hasAnyIdentity(input.identity)) {
        await helpSeekers.saveIdentity(ctx.db, made.id, 0, input.identity, now.toISOString(), ctx.actor.userId);
        await ctx.audit('help-seeker.identity-recorded', `help-seeker:${made.id}`, { code: made.code });
      }
      return made.id;
    });
    const [row] = (await helpSeekers.pageHelpSeekers(ctx.db, await helpSeekersScope(ctx), await sessionLogsScope(ctx), { onlyId: id }, { limit: 1, offset: 0 })).rows;
    if (!row) throw notFound('help-seeker');
    return { helpSeeker: toSummary(row, false) };
  },

  'helpSeekers.revealIdentity': async (input, ctx) => {
    const row = await helpSeekers.findHelpSeeker(ctx.db, input.id);
    if (!row && ctx.actor.role === 'coordinator') throw notFound('help-seeker');
    // Not theirs and unknown are refused alike, so a supervisor cannot probe codes.
    if (!row || !(await canSee(ctx.db, await identityScope(ctx), row.id))) throw forbidden('You may not see who this help-seeker is.');
    const identity = await helpSeekers.findIdentity(ctx.db, row.id);
    // Every look is recorded, also when there was nothing to see: the attempt is what matters.
    await ctx.audit('help-seeker.identity-viewed', `help-seeker:${row.id}`, { code: row.code });
    return { code: row.code, identity };
  },

  'helpSeekers.setIdentity': async (input, ctx) => {
    const row = await helpSeekers.findHelpSeeker(ctx.db, input.id);
    if (!row) throw notFound('help-seeker');
    const current = await helpSeekers.findIdentity(ctx.db, row.id);
    if ((current?.version ?? 0) !== input.version) throw staleEdit();
    await ctx.db.transaction(async () => {
      if (!(await helpSeekers.saveIdentity(ctx.db, row.id, input.version, input.identity, ctx.now(), ctx.actor.userId))) throw staleEdit();
      await ctx.audit('help-seeker.identity-recorded', `help-seeker:${row.id}`, { code: row.code });
    });
    return { code: row.code, identity: (await helpSeekers.findIdentity(ctx.db, row.id))! };
  },
};
