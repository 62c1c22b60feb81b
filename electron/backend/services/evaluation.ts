import {
  changeCategory,
  instrumentOf,
  isPoorWellBeing,
  percentScore,
  termOf,
  type Competency,
  type HelpSeekerOutcome,
  type InstrumentId,
  type OutcomeMeasure,
  type PeerEvaluation,
} from '../../../src/contract';
import { conflict, forbidden, invalidField, notFound, staleEdit } from '../errors';
import type { Context, HandlerMap } from '../handler';
import * as evaluation from '../repositories/evaluation';
import * as helpSeekers from '../repositories/helpSeekers';
import { findPeerRow, listPeerRows, staffNames } from '../repositories/peers';
import { feedbackFigures } from '../repositories/reports';
import { canSee, evaluationSubjectsScope, evaluationsScope, identityScope, outcomesScope, supervisedScope } from '../access';
import { today } from '../domain/days';
import { resolveTerm } from './reports';
import { loadSettings } from '../repositories/settingsStore';
import { termNow } from './supervision';

type EvaluationMethod =
  | 'evaluations.list'
  | 'evaluations.standing'
  | 'evaluations.create'
  | 'evaluations.update'
  | 'outcomes.list'
  | 'outcomes.record'
  | 'outcomes.delete'
  | 'feedback.submit'
  | 'feedback.list';

// ---------------------------------------------------------------- peer evaluations

/** Whom the caller may evaluate: the peers she supervises (the coordinator: everyone). */
function mayEvaluate(ctx: Context, peerId: number): Promise<boolean> {
  return canSee(ctx.db, supervisedScope(ctx), peerId);
}

async function toEvaluation(ctx: Context, row: evaluation.EvaluationRow): Promise<PeerEvaluation> {
  const actor = ctx.actor;
  const terms = (await loadSettings(ctx.db)).terms;
  const canEdit = actor.role === 'coordinator' || (actor.role === 'supervisor' && row.evaluator_user_id === actor.userId && (await mayEvaluate(ctx, row.peer_id)));
  return {
    id: row.id,
    peerId: row.peer_id,
    peerName: row.peer_name,
    evaluatedOn: row.evaluated_on,
    evaluatorUserId: row.evaluator_user_id,
    evaluatorName: row.evaluator_name,
    scores: JSON.parse(row.scores) as Record<Competency, number>,
    average: row.average,
    comments: row.comments,
    termId: termOf(row.evaluated_on, terms).id,
    canEdit,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function notInFuture(ctx: Context, day: string, field: string): void {
  if (day > today(ctx)) throw invalidField(field, 'in_future', 'This day is still to come.');
}

// ---------------------------------------------------------------- outcomes

function toOutcomes(rows: evaluation.MeasureRow[]): HelpSeekerOutcome[] {
  const grouped = new Map<string, { row: evaluation.MeasureRow; measures: OutcomeMeasure[] }>();
  for (const row of rows) {
    const def = instrumentOf(row.instrument);
    if (!def) continue;
    const key = `${row.help_seeker_id}:${row.instrument}`;
    const entry = grouped.get(key) ?? { row, measures: [] };
    entry.measures.push({
      id: row.id,
      instrument: row.instrument as InstrumentId,
      occasion: row.occasion,
      measuredOn: row.measured_on,
      answers: JSON.parse(row.answers) as Record<string, number>,
      raw: row.raw,
      percent: percentScore(def, row.raw),
      poor: isPoorWellBeing(def, row.raw),
      recordedByName: row.recorded_by_name,
    });
    grouped.set(key, entry);
  }
  return [...grouped.values()].map(({ row, measures }) => {
    const def = instrumentOf(row.instrument)!;
    const first = measures.find((m) => m.occasion === 'first_contact');
    const latest = measures.filter((m) => m.occasion === 'follow_up').at(-1);
    const points = first && latest ? latest.percent - first.percent : null;
    return {
      helpSeekerId: row.help_seeker_id,
      helpSeekerCode: row.help_seeker_code,
      instrument: row.instrument as InstrumentId,
      measures,
      change: points === null ? null : { points, category: changeCategory(def, points) },
    };
  });
}

export const evaluationHandlers: HandlerMap<EvaluationMethod> = {
  'evaluations.list': async (input, ctx) => {
    // Another peer's evaluations are refused to a peer or supervisor as if they did not exist.
    if (input.peerId !== undefined && !(await canSee(ctx.db, evaluationSubjectsScope(ctx), input.peerId))) {
      throw forbidden('You may not read this peer’s evaluations.');
    }
    const page = await evaluation.pageEvaluations(ctx.db, evaluationsScope(ctx), { peerId: input.peerId, id: input.id, text: input.text }, input);
    const out: PeerEvaluation[] = [];
    for (const row of page.rows) out.push(await toEvaluation(ctx, row));
    return { evaluations: out, total: page.total };
  },

  'evaluations.standing': async (_input, ctx) => {
    const term = await termNow(ctx);
    const peers = (await listPeerRows(ctx.db, supervisedScope(ctx))).filter((p) => p.status === 'active');
    const standing = new Map((await evaluation.evaluationStandingRows(ctx.db, term.start, term.end)).map((r) => [r.peer_id, r]));
    const names = await staffNames(ctx.db);
    return {
      termId: term.id,
      peers: peers.map((p) => {
        const s = standing.get(p.id);
        return {
          peerId: p.id,
          fullName: p.full_name,
          className: p.class_name,
          supervisorName: p.supervisor_user_id === null ? null : (names.get(p.supervisor_user_id) ?? null),
          lastEvaluatedOn: s?.last_on ?? null,
          lastAverage: s?.last_average ?? null,
          evaluatedThisTerm: (s?.in_term ?? 0) > 0,
          canEvaluate: true,
        };
      }),
    };
  },

  'evaluations.create': async (input, ctx) => {
    const peer = await findPeerRow(ctx.db, input.peerId);
    if (!peer && ctx.actor.role === 'coordinator') throw invalidField('peerId', 'not_found', 'There is no such peer.');
    if (!peer || !(await mayEvaluate(ctx, peer.id))) throw forbidden('A supervisor evaluates only the peers they supervise.');
    notInFuture(ctx, input.evaluatedOn, 'evaluatedOn');
    const id = await ctx.db.transaction(async () => {
      const newId = await evaluation.insertEvaluation(
        ctx.db,
        { peerId: peer.id, evaluatedOn: input.evaluatedOn, comments: input.comments, evaluatorUserId: ctx.actor.userId },
        ctx.now(),
      );
      await evaluation.setScores(ctx.db, newId, input.scores);
      await ctx.audit('evaluation.created', `evaluation:${newId}`, { peerId: peer.id });
      return newId;
    });
    return { evaluation: await toEvaluation(ctx, (await evaluation.findEvaluation(ctx.db, evaluationsScope(ctx), id))!) };
  },

  'evaluations.update': async (input, ctx) => {
    const row = await evaluation.findEvaluation(ctx.db, evaluationsScope(ctx), input.id);
    if (!row && ctx.actor.role === 'coordinator') throw notFound('evaluation');
    if (!row || !(await toEvaluation(ctx, row)).canEdit) throw forbidden('Only the coordinator, or the supervisor who wrote it, can change an evaluation.');
    if (row.version !== input.version) throw staleEdit();
    notInFuture(ctx, input.evaluatedOn, 'evaluatedOn');
    await ctx.db.transaction(async () => {
      if (!(await evaluation.updateEvaluation(ctx.db, row.id, input.version, input, ctx.now()))) throw staleEdit();
      await evaluation.setScores(ctx.db, row.id, input.scores);
      await ctx.audit('evaluation.updated', `evaluation:${row.id}`, { peerId: row.peer_id });
    });
    return { evaluation: await toEvaluation(ctx, (await evaluation.findEvaluation(ctx.db, evaluationsScope(ctx), row.id))!) };
  },

  'outcomes.list': async (input, ctx) => {
    if (input.helpSeekerId !== undefined && !(await canSee(ctx.db, await identityScope(ctx), input.helpSeekerId))) {
      throw forbidden('You may not see this help-seeker’s outcomes.');
    }
    const page = await evaluation.pageMeasures(ctx.db, await outcomesScope(ctx), { helpSeekerId: input.helpSeekerId, text: input.text }, input);
    return { outcomes: toOutcomes(page.rows), total: page.total };
  },

  'outcomes.record': async (input, ctx) => {
    const def = instrumentOf(input.instrument)!;
    const seeker = await helpSeekers.findHelpSeeker(ctx.db, input.helpSeekerId);
    if (!seeker && ctx.actor.role === 'coordinator') throw invalidField('helpSeekerId', 'not_found', 'There is no such help-seeker.');
    if (!seeker || !(await canSee(ctx.db, await identityScope(ctx), seeker.id))) throw forbidden('You may not record outcomes for this help-seeker.');
    // Every item answered, on the instrument's own scale, and nothing else.
    const allowed = new Set(def.responses.map((r) => r.value));
    const answers: Record<string, number> = {};
    for (const [i, answer] of input.answers.entries()) {
      if (!def.items.some((item) => item.key === answer.item)) throw invalidField(`answers.${i}.item`, 'unknown_item', 'This instrument has no such item.');
      if (answer.item in answers) throw invalidField(`answers.${i}.item`, 'duplicate_item', 'This item is answered twice.');
      if (!allowed.has(answer.score)) throw invalidField(`answers.${i}.score`, 'invalid_choice', 'This answer is not on the instrument’s scale.');
      answers[answer.item] = answer.score;
    }
    const missing = def.items.findIndex((item) => answers[item.key] === undefined);
    if (missing >= 0) throw invalidField('answers', 'unanswered', 'Every item needs an answer.', { item: def.items[missing]!.key });
    notInFuture(ctx, input.measuredOn, 'measuredOn');
    const firstOn = await evaluation.firstContactOn(ctx.db, seeker.id, def.id);
    if (input.occasion === 'first_contact') {
      if (firstOn !== undefined) throw conflict('first-contact-recorded', 'This help-seeker’s first-contact measurement is already recorded.');
      const earliest = await evaluation.earliestFollowUpOn(ctx.db, seeker.id, def.id);
      if (earliest !== undefined && earliest < input.measuredOn) throw invalidField('measuredOn', 'after_follow_up', 'The first contact cannot be after a follow-up.');
    } else {
      if (firstOn === undefined) throw conflict('no-first-contact', 'Record the first-contact measurement before a follow-up.');
      if (input.measuredOn < firstOn) throw invalidField('measuredOn', 'before_first_contact', 'A follow-up cannot be before the first contact.');
    }
    await ctx.db.transaction(async () => {
      const id = await evaluation.insertMeasure(ctx.db, { ...input, answers, helpSeekerId: seeker.id }, ctx.actor.userId, ctx.now());
      await ctx.audit('outcome.recorded', `outcome:${id}`, { code: seeker.code, instrument: def.id, occasion: input.occasion });
    });
    const { rows } = await evaluation.pageMeasures(ctx.db, await outcomesScope(ctx), { helpSeekerId: seeker.id }, { limit: 1, offset: 0 });
    const [outcome] = toOutcomes(rows.filter((m) => m.instrument === def.id));
    return { outcome: outcome! };
  },

  'outcomes.delete': async (input, ctx) => {
    const row = await evaluation.findMeasure(ctx.db, input.id);
    if (!row) throw notFound('outcome measurement');
    await ctx.db.transaction(async () => {
      await evaluation.deleteMeasure(ctx.db, row.id);
      await ctx.audit('outcome.deleted', `outcome:${row.id}`, { instrument: row.instrument, occasion: row.occasion });
    });
    return {};
  },

  'feedback.submit': async (input, ctx) => {
    // Not in the audit log: an entry with the time and the account signed in would lead back to the session.
    await ctx.session.takeFeedback(() => ctx.db.transaction(() => evaluation.insertFeedback(ctx.db, { ...input, givenOn: today(ctx) })));
    return {};
  },

  'feedback.list': async (input, ctx) => {
    const term = await resolveTerm(ctx, input.termId);
    const rows = await evaluation.listFeedback(ctx.db, term.start, term.end);
    const averages = await feedbackFigures(ctx.db, { from: term.start, to: term.end });
    const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
    return {
      entries: rows.map((r) => ({ id: r.id, givenOn: r.given_on, helpful: r.helpful, feltHeard: r.felt_heard, wouldRecommend: r.would_recommend, comment: r.comment })),
      averages: { helpful: round(averages.helpful), feltHeard: round(averages.felt_heard), wouldRecommend: round(averages.would_recommend) },
    };
  },
};

