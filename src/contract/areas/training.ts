import { z } from 'zod';
import { id, isoDate, limits, optionalText, requiredText, version } from '../fields';
import { defineMethod } from '../method';
import { pageRequest, pageTotal } from '../paging';
import { coordinatorOnly, staff } from '../roles';

/**
 * A module of the training curriculum. Titles and descriptions are kept in both
 * languages; the screen shows the one in the user's language, or the other when
 * that one is empty. A retired module keeps its records and stays in the
 * history, but no longer counts towards being trained.
 */
export const trainingModule = z.object({
  id,
  titleId: z.string(),
  titleEn: z.string(),
  descriptionId: z.string(),
  descriptionEn: z.string(),
  hours: z.number(),
  required: z.boolean(),
  /** Months after completion when a refresher falls due; null: no refresher. */
  refresherMonths: z.number().int().nullable(),
  position: z.number().int(),
  retired: z.boolean(),
  retiredAt: z.string().nullable(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TrainingModule = z.infer<typeof trainingModule>;

export const moduleRevision = z.object({
  id,
  change: z.enum(['created', 'edited', 'retired', 'restored']),
  changedAt: z.string(),
  changedByName: z.string().nullable(),
  /** The module as it was right after this change. */
  titleId: z.string(),
  titleEn: z.string(),
  hours: z.number(),
  required: z.boolean(),
  refresherMonths: z.number().int().nullable(),
});
export type ModuleRevision = z.infer<typeof moduleRevision>;

/** Hours in quarter hours, up to a long training day. */
export const trainingHours = z.number().min(0.25).max(24).multipleOf(0.25);
export const score = z.number().int().min(0).max(100);

const moduleFields = {
  titleId: optionalText(limits.shortText),
  titleEn: optionalText(limits.shortText),
  descriptionId: optionalText(limits.longText),
  descriptionEn: optionalText(limits.longText),
  hours: trainingHours,
  required: z.boolean(),
  refresherMonths: z.number().int().min(1).max(60).nullable(),
};

export const moduleCreateInput = z.strictObject(moduleFields);
export const moduleUpdateInput = z.strictObject({ id, version, ...moduleFields });

export const recordInput = z.strictObject({
  peerId: id,
  moduleId: id,
  attendedOn: isoDate,
  hours: z.number().min(0).max(24).multipleOf(0.25),
  trainer: requiredText(limits.name),
  completed: z.boolean(),
  score: score.nullable(),
});

export const groupSessionInput = z.strictObject({
  moduleId: id,
  heldOn: isoDate,
  hours: trainingHours,
  trainer: requiredText(limits.name),
  notes: optionalText(limits.longText),
  attendees: z
    .array(z.strictObject({ peerId: id, completed: z.boolean(), score: score.nullable() }))
    .min(1)
    .max(500),
});

export const trainingSession = z.object({
  id,
  moduleId: id,
  heldOn: z.string(),
  hours: z.number(),
  trainer: z.string(),
  notes: z.string(),
  attendees: z.array(z.object({ peerId: id, fullName: z.string(), completed: z.boolean(), score: z.number().int().nullable() })),
  createdAt: z.string(),
});
export type TrainingSession = z.infer<typeof trainingSession>;

export const trainingMethods = {
  'training.modules': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({}),
    output: z.object({ modules: z.array(trainingModule) }),
  }),
  'training.moduleHistory': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id }),
    output: z.object({ revisions: z.array(moduleRevision) }),
  }),
  'training.createModule': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: moduleCreateInput,
    output: z.object({ module: trainingModule }),
  }),
  'training.updateModule': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: moduleUpdateInput,
    output: z.object({ module: trainingModule }),
  }),
  /** Retiring keeps the module and its records; restoring brings it back into the curriculum. */
  'training.setModuleRetired': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ id, version, retired: z.boolean() }),
    output: z.object({ module: trainingModule }),
  }),
  /** One attendance of one peer at one module. */
  'training.addRecord': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: recordInput,
    output: z.object({ recordId: id }),
  }),
  'training.deleteRecord': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ id }),
    output: z.strictObject({}),
  }),
  /** One training session for many peers at once: a record for each attendee. */
  'training.recordGroupSession': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: groupSessionInput,
    output: z.object({ sessionId: id, records: z.number().int() }),
  }),
  /** One page of group training sessions, newest first, with their attendees. */
  'training.sessions': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ ...pageRequest }),
    output: z.object({ sessions: z.array(trainingSession), ...pageTotal }),
  }),
  'training.setKnowledgeScores': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ peerId: id, version, knowledgePre: score.nullable(), knowledgePost: score.nullable() }),
    output: z.strictObject({}),
  }),
};
