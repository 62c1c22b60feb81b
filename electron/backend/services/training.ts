import type { TrainingModule } from '../../../src/contract';
import { conflict, invalidField, notFound, staleEdit } from '../errors';
import type { Context, HandlerMap } from '../handler';
import * as peers from '../repositories/peers';
import * as training from '../repositories/training';

type TrainingMethod =
  | 'training.modules'
  | 'training.moduleHistory'
  | 'training.createModule'
  | 'training.updateModule'
  | 'training.setModuleRetired'
  | 'training.addRecord'
  | 'training.deleteRecord'
  | 'training.recordGroupSession'
  | 'training.sessions'
  | 'training.setKnowledgeScores';

interface ModuleInput {
  titleId: string;
  titleEn: string;
  descriptionId: string;
  descriptionEn: string;
  hours: number;
  required: boolean;
  refresherMonths: number | null;
}

/** A module needs a title in at least one language; the screen falls back to the other. */
function checkTitles(input: ModuleInput): void {
  if (!input.titleId && !input.titleEn) throw invalidField('titleId', 'required', 'A module needs a title in at least one language.');
}

async function existingModule(ctx: Context, id: number): Promise<TrainingModule> {
  const module = await training.findModule(ctx.db, id);
  if (!module) throw notFound('module');
  return module;
}

async function moduleAfter(ctx: Context, id: number) {
  return { module: await existingModule(ctx, id) };
}

/** Training is recorded against a current module; a retired one keeps its old records but takes no new ones. */
async function currentModule(ctx: Context, id: number): Promise<TrainingModule> {
  const module = await training.findModule(ctx.db, id);
  if (!module) throw invalidField('moduleId', 'not_found', 'There is no such module.');
  if (module.retired) throw conflict('module-retired', 'This module is retired; restore it before recording training for it.');
  return module;
}

export const trainingHandlers: HandlerMap<TrainingMethod> = {
  'training.modules': async (_input, ctx) => ({ modules: await training.listModules(ctx.db) }),

  'training.moduleHistory': async (input, ctx) => {
    await existingModule(ctx, input.id);
    return { revisions: await training.listRevisions(ctx.db, input.id) };
  },

  'training.createModule': async (input, ctx) => {
    checkTitles(input);
    const id = await ctx.db.transaction(async () => {
      const now = ctx.now();
      const newId = await training.insertModule(ctx.db, input, now);
      await training.insertRevision(ctx.db, await existingModule(ctx, newId), 'created', ctx.actor.userId, now);
      await ctx.audit('training.module-created', `module:${newId}`);
      return newId;
    });
    return moduleAfter(ctx, id);
  },

  'training.updateModule': async (input, ctx) => {
    checkTitles(input);
    const { id, version, ...fields } = input;
    const before = await existingModule(ctx, id);
    if (before.version !== version) throw staleEdit();
    await ctx.db.transaction(async () => {
      const now = ctx.now();
      if (!(await training.updateModule(ctx.db, id, version, fields, now))) throw staleEdit();
      await training.insertRevision(ctx.db, await existingModule(ctx, id), 'edited', ctx.actor.userId, now);
      await ctx.audit('training.module-updated', `module:${id}`);
    });
    return moduleAfter(ctx, id);
  },

  'training.setModuleRetired': async (input, ctx) => {
    const before = await existingModule(ctx, input.id);
    if (before.version !== input.version) throw staleEdit();
    if (before.retired === input.retired) return { module: before };
    await ctx.db.transaction(async () => {
      const now = ctx.now();
      if (!(await training.setModuleRetired(ctx.db, input.id, input.version, input.retired ? now : null, now))) throw staleEdit();
      const after = await existingModule(ctx, input.id);
      await training.insertRevision(ctx.db, after, input.retired ? 'retired' : 'restored', ctx.actor.userId, now);
      await ctx.audit(input.retired ? 'training.module-retired' : 'training.module-restored', `module:${input.id}`);
    });
    return moduleAfter(ctx, input.id);
  },

  'training.addRecord': async (input, ctx) => {
    if (!(await peers.findPeerRow(ctx.db, input.peerId))) throw invalidField('peerId', 'not_found', 'There is no such peer.');
    await currentModule(ctx, input.moduleId);
    const recordId = await ctx.db.transaction(async () => {
      const id = await training.insertRecord(ctx.db, { ...input, sessionId: null }, ctx.actor.userId, ctx.now());
      await ctx.audit('training.record-added', `peer:${input.peerId}`, { recordId: id, moduleId: input.moduleId });
      return id;
    });
    return { recordId };
  },

  'training.deleteRecord': async (input, ctx) => {
    const record = await training.findRecord(ctx.db, input.id);
    if (!record) throw notFound('training record');
    await ctx.db.transaction(async () => {
      await training.deleteRecord(ctx.db, input.id);
      await ctx.audit('training.record-deleted', `peer:${record.peerId}`, { recordId: input.id, moduleId: record.moduleId });
    });
    return {};
  },

  'training.recordGroupSession': async (input, ctx) => {
    await currentModule(ctx, input.moduleId);
    const peerIds = input.attendees.map((a) => a.peerId);
    if (new Set(peerIds).size !== peerIds.length) throw invalidField('attendees', 'duplicate', 'A peer is listed twice.');
    const known = await peers.existingPeerIds(ctx.db, peerIds);
    const unknown = input.attendees.findIndex((a) => !known.has(a.peerId));
    if (unknown >= 0) throw invalidField(`attendees.${unknown}.peerId`, 'not_found', 'There is no such peer.');
    const sessionId = await ctx.db.transaction(async () => {
      const now = ctx.now();
      const id = await training.insertSession(ctx.db, input, ctx.actor.userId, now);
      for (const attendee of input.attendees) {
        await training.insertRecord(
          ctx.db,
          {
            peerId: attendee.peerId,
            moduleId: input.moduleId,
            sessionId: id,
            attendedOn: input.heldOn,
            hours: input.hours,
            trainer: input.trainer,
            completed: attendee.completed,
            score: attendee.score,
          },
          ctx.actor.userId,
          now,
        );
      }
      await ctx.audit('training.session-recorded', `training-session:${id}`, { moduleId: input.moduleId, peers: input.attendees.length });
      return id;
    });
    return { sessionId, records: input.attendees.length };
  },

  'training.sessions': async (input, ctx) => training.pageSessions(ctx.db, input),

  'training.setKnowledgeScores': async (input, ctx) => {
    const row = await peers.findPeerRow(ctx.db, input.peerId);
    if (!row) throw notFound('peer');
    if (row.version !== input.version) throw staleEdit();
    await ctx.db.transaction(async () => {
      if (!(await peers.setKnowledgeScores(ctx.db, input.peerId, input.version, input, ctx.now()))) throw staleEdit();
      await ctx.audit('training.scores-recorded', `peer:${input.peerId}`);
    });
    return {};
  },
};
