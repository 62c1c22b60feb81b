import { z } from 'zod';
import { changeCategories, instrumentIds } from '../instruments';
import { id, isoDate, limits, optionalText, version } from '../fields';
import { defineMethod } from '../method';
import { pageRequest, pageTotal } from '../paging';
import { coordinatorOnly, everyone, noRoles, staff } from '../roles';
import { competencies, type Competency } from '../rubric';

/**
 * Evaluation (issue 5): peer competency evaluations by a supervisor, the
 * help-seekers' WHO-5 outcomes, and anonymous feedback after a session.
 */

const score = z.number().int().min(1).max(4);
export const competencyScores = z.strictObject(Object.fromEntries(competencies.map((c) => [c, score])) as Record<Competency, typeof score>);

export const peerEvaluation = z.object({
  id,
  peerId: id,
  peerName: z.string(),
  evaluatedOn: z.string(),
  evaluatorUserId: id,
  evaluatorName: z.string(),
  scores: z.record(z.enum(competencies), z.number().int()),
  /** The mean of the six scores, to one decimal. */
  average: z.number(),
  comments: z.string(),
  termId: z.string(),
  canEdit: z.boolean(),
  version,
  updatedAt: z.string(),
});
export type PeerEvaluation = z.infer<typeof peerEvaluation>;

const evaluationFields = {
  evaluatedOn: isoDate,
  scores: competencyScores,
  comments: optionalText(limits.longText),
};

/** An active peer and their evaluations this term, for the list of who is due one. */
export const evaluationStanding = z.object({
  peerId: id,
  fullName: z.string(),
  className: z.string(),
  supervisorName: z.string().nullable(),
  lastEvaluatedOn: z.string().nullable(),
  lastAverage: z.number().nullable(),
  evaluatedThisTerm: z.boolean(),
  canEvaluate: z.boolean(),
});
export type EvaluationStanding = z.infer<typeof evaluationStanding>;

export const measureOccasions = ['first_contact', 'follow_up'] as const;
export type MeasureOccasion = (typeof measureOccasions)[number];

export const outcomeMeasure = z.object({
  id,
  instrument: z.enum(instrumentIds),
  occasion: z.enum(measureOccasions),
  measuredOn: z.string(),
  answers: z.record(z.string(), z.number().int()),
  raw: z.number().int(),
  percent: z.number().int(),
  poor: z.boolean(),
  recordedByName: z.string().nullable(),
});
export type OutcomeMeasure = z.infer<typeof outcomeMeasure>;

/** A help-seeker's measurements of one instrument, and the change from first contact to the latest follow-up. */
export const helpSeekerOutcome = z.object({
  helpSeekerId: id,
  helpSeekerCode: z.string(),
  instrument: z.enum(instrumentIds),
  measures: z.array(outcomeMeasure),
  change: z.object({ points: z.number().int(), category: z.enum(changeCategories) }).nullable(),
});
export type HelpSeekerOutcome = z.infer<typeof helpSeekerOutcome>;

export const feedbackScore = z.number().int().min(1).max(5);

export const feedbackEntry = z.object({
  id,
  givenOn: z.string(),
  helpful: z.number().int(),
  feltHeard: z.number().int(),
  wouldRecommend: z.number().int(),
  comment: z.string(),
});
export type FeedbackEntry = z.infer<typeof feedbackEntry>;

export const evaluationMethods = {
  /**
   * Evaluations the caller may read, newest first: a coordinator all (or one
   * peer's), a supervisor those of the peers they supervise, a peer account
   * only their own.
   */
  /** One page of the evaluations the caller may read, newest first; `text` finds a peer or evaluator by part of the name, `id` one evaluation. */
  'evaluations.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({ peerId: id.optional(), id: id.optional(), text: z.string().trim().max(100).optional(), ...pageRequest }),
    output: z.object({ evaluations: z.array(peerEvaluation), ...pageTotal }),
  }),
  /** Active peers the caller may evaluate, with whether they have been evaluated this term. */
  'evaluations.standing': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({}),
    output: z.object({ peers: z.array(evaluationStanding), termId: z.string() }),
  }),
  /** By the coordinator, or a supervisor for a peer they supervise. */
  'evaluations.create': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ peerId: id, ...evaluationFields }),
    output: z.object({ evaluation: peerEvaluation }),
  }),
  /** By the coordinator, or the supervisor who wrote it while they still supervise the peer. */
  'evaluations.update': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id, version, ...evaluationFields }),
    output: z.object({ evaluation: peerEvaluation }),
  }),
  /** Help-seekers' outcome measurements: a coordinator every help-seeker's, a supervisor those on cases they see. */
  /** One page of help-seekers with outcome measures, newest code first, each with all its measures; `text` finds a code by its beginning. */
  'outcomes.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ helpSeekerId: id.optional(), text: z.string().trim().max(40).optional(), ...pageRequest }),
    output: z.object({ outcomes: z.array(helpSeekerOutcome), ...pageTotal }),
  }),
  /**
   * Records one filled-in instrument for a help-seeker code. One first-contact
   * measurement per help-seeker and instrument; follow-ups as often as needed,
   * never before the first contact.
   */
  'outcomes.record': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({
      helpSeekerId: id,
      instrument: z.enum(instrumentIds),
      occasion: z.enum(measureOccasions),
      measuredOn: isoDate,
      /** One answer per item of the instrument, by the item's key. */
      answers: z.array(z.strictObject({ item: z.string().max(40), score: z.number().int().min(0).max(10) })).max(40),
    }),
    output: z.object({ outcome: helpSeekerOutcome }),
  }),
  /** Removes a measurement entered by mistake. */
  'outcomes.delete': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ id }),
    output: z.strictObject({}),
  }),
  /**
   * A help-seeker's anonymous feedback at the office PC after a session. Stored
   * with the day only: no code, no time and no account, so it cannot be tied
   * back to a session. Only in the feedback hand-over (`session.handOverForFeedback`:
   * the counselor signed out, the vault open), in which nothing else can be read,
   * and once per hand-over; never by a signed-in user.
   */
  'feedback.submit': defineMethod({
    access: { states: ['feedback-handover'], roles: noRoles },
    input: z.strictObject({
      helpful: feedbackScore,
      feltHeard: feedbackScore,
      wouldRecommend: feedbackScore,
      comment: optionalText(1000),
    }),
    output: z.strictObject({}),
  }),
  /** The feedback given in a term, newest first, with the averages. */
  'feedback.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ termId: z.string().max(20) }),
    output: z.object({
      entries: z.array(feedbackEntry),
      averages: z.object({ helpful: z.number().nullable(), feltHeard: z.number().nullable(), wouldRecommend: z.number().nullable() }),
    }),
  }),
};
