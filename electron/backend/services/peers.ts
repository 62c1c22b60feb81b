import {
  peerTransitions,
  type PeerProfile,
  type PeerStatus,
  type RosterEntry,
} from '../../../src/contract';
import { today } from '../domain/days';
import { canSee, peerFields, peersScope } from '../access';
import { AppError, conflict, forbidden, invalidField, notFound, staleEdit } from '../errors';
import type { Database } from '../db/database';
import { readBesideTheQueue, type Context, type HandlerMap } from '../handler';
import type { Job } from '../session';
import * as peers from '../repositories/peers';
import * as training from '../repositories/training';
import { findUserById } from '../repositories/users';
import { toCsv } from '../csv/csv';
import { activationCheck, trainingProgress, type Progress } from '../training/progress';
import { peerKey, readRosterCsv, rosterRows, type ExportPeer } from './rosterCsv';

type PeersMethod =
  | 'peers.list'
  | 'peers.get'
  | 'peers.profile'
  | 'peers.create'
  | 'peers.update'
  | 'peers.transition'
  | 'peers.recordInterview'
  | 'peers.recordConsent'
  | 'peers.recordPledge'
  | 'peers.exportCsv'
  | 'peers.importPreview'
  | 'peers.importCommit';

/** What makes each peer on the roster the caller sees the same peer as a row of a file (rosterCsv.ts, peerKey). */
async function rosterKeys(db: Database, ctx: Context): Promise<Set<string>> {
  return new Set((await peers.listPeerRows(db, peersScope(ctx))).map((r) => peerKey(r.full_name, r.class_name)));
}

/** A roster file read and checked on `reader`, row by row, with its progress. */
async function readImport(reader: Database, ctx: Context, csv: string, job: Job | null) {
  job?.report('reading-rows');
  return readRosterCsv(csv, await rosterKeys(reader, ctx), (done, total) => job?.report('reading-rows', done, total));
}

/** The roster with each peer's training figures, worked out from all records in one pass. */
async function roster(ctx: Context, onlyId?: number): Promise<Array<{ row: peers.PeerRow; entry: RosterEntry; progress: Progress }>> {
  const rows =
    onlyId === undefined ? await peers.listPeerRows(ctx.db, peersScope(ctx)) : [await peers.findPeerRow(ctx.db, onlyId)].filter((r) => r !== undefined);
  const modules = await training.listModules(ctx.db);
  const records = onlyId === undefined ? await training.listAllRecords(ctx.db) : await training.listRecordsForPeer(ctx.db, onlyId);
  const recordsByPeer = new Map<number, training.PeerTrainingRecord[]>();
  for (const record of records) {
    const list = recordsByPeer.get(record.peerId) ?? [];
    list.push(record);
    recordsByPeer.set(record.peerId, list);
  }
  const since = await peers.statusSinceByPeer(ctx.db, onlyId);
  const names = await peers.staffNames(ctx.db);
  const day = today(ctx);
  return rows.map((row) => {
    const progress = trainingProgress(modules, recordsByPeer.get(row.id) ?? [], row.status, day);
    const entry: RosterEntry = {
      ...peers.toPeer(row),
      statusSince: since.get(row.id) ?? row.created_at,
      supervisorName: row.supervisor_user_id === null ? null : (names.get(row.supervisor_user_id) ?? null),
      consent: peers.consentOf(row) !== null,
      pledge: row.pledge_on !== null,
      trained: progress.trained,
      trainedOn: progress.trainedOn,
      requiredDone: progress.requiredDone,
      requiredTotal: progress.requiredTotal,
      trainingHours: progress.hours,
      refreshers: progress.refreshers,
    };
    return { row, entry, progress };
  });
}

/**
 * A profile the caller may read (peersScope): a peer only their own, and
 * asking for anyone else's (or an id that does not exist) is FORBIDDEN alike.
 */
async function assertVisible(ctx: Context, peerId: number): Promise<void> {
  if (await canSee(ctx.db, peersScope(ctx), peerId)) return;
  if (ctx.actor.role === 'peer') throw forbidden('A peer can see only their own profile.');
  throw notFound('peer');
}

async function existingPeer(ctx: Context, id: number): Promise<peers.PeerRow> {
  const row = await peers.findPeerRow(ctx.db, id);
  if (!row) throw notFound('peer');
  return row;
}

async function peerAfter(ctx: Context, id: number) {
  const peer = await peers.findPeer(ctx.db, id);
  if (!peer) throw notFound('peer');
  return { peer };
}

/** Runs a versioned write: a stale version is refused before anything is written. */
async function versioned(ctx: Context, id: number, version: number, write: () => Promise<boolean>, after: () => Promise<void>) {
  const row = await existingPeer(ctx, id);
  if (row.version !== version) throw staleEdit();
  await ctx.db.transaction(async () => {
    if (!(await write())) throw staleEdit();
    await after();
  });
  return peerAfter(ctx, id);
}

async function assertAssignableSupervisor(ctx: Context, userId: number | null | undefined): Promise<void> {
  if (userId === null || userId === undefined) return;
  const user = await findUserById(ctx.db, userId);
  if (!user || user.role === 'peer' || user.status !== 'active') {
    throw invalidField('supervisorUserId', 'not_staff', 'The supervisor must be an active coordinator or supervisor account.');
  }
}

async function profile(ctx: Context, id: number): Promise<PeerProfile> {
  const [built] = await roster(ctx, id);
  if (!built) throw notFound('peer');
  const { row, entry, progress } = built;
  const fields = peerFields(ctx);
  const all = fields === 'all';
  const records = await training.listRecordsForPeer(ctx.db, id);
  const history = await peers.listStatusHistory(ctx.db, id);
  const consent = peers.consentOf(row);
  return {
    peer: peers.toPeer(row),
    supervisorName: entry.supervisorName,
    nomination: all ? peers.nominationOf(row) : null,
    interview: all ? await peers.findInterview(ctx.db, id) : null,
    consent: consent && fields === 'work' ? { consentOn: consent.consentOn, guardianName: null, relationship: null, formLocation: null } : consent,
    pledgeOn: row.pledge_on,
    history: all ? history : history.map((h) => ({ ...h, reason: null })),
    training: {
      trained: progress.trained,
      trainedOn: progress.trainedOn,
      requiredDone: progress.requiredDone,
      requiredTotal: progress.requiredTotal,
      hours: progress.hours,
      modules: progress.modules,
      records: records.map(({ peerId: _peerId, ...record }) => record),
      knowledgePre: row.knowledge_pre,
      knowledgePost: row.knowledge_post,
    },
    activation: activationCheck({ consent: consent !== null, pledge: row.pledge_on !== null }, progress),
  };
}

export const peersHandlers: HandlerMap<PeersMethod> = {
  'peers.list': async (_input, ctx) => {
    const actor = ctx.actor;
    if (actor.role === 'peer') {
      const own = actor.peerId === null ? [] : await roster(ctx, actor.peerId);
      return { peers: own.map((p) => p.entry) };
    }
    return { peers: (await roster(ctx)).map((p) => p.entry) };
  },

  'peers.get': async (input, ctx) => {
    await assertVisible(ctx, input.id);
    return peerAfter(ctx, input.id);
  },

  'peers.profile': async (input, ctx) => {
    await assertVisible(ctx, input.id);
    return profile(ctx, input.id);
  },

  'peers.create': async (input, ctx) => {
    const id = await ctx.db.transaction(async () => {
      const now = ctx.now();
      const newId = await peers.insertPeer(
        ctx.db,
        { fullName: input.fullName, className: input.className, status: 'nominated', nomination: input.nomination ?? null },
        now,
      );
      await peers.insertStatusChange(ctx.db, {
        peerId: newId,
        fromStatus: null,
        toStatus: 'nominated',
        at: now,
        byUserId: ctx.actor.userId,
        reason: null,
        overridden: false,
      });
      await ctx.audit('peer.created', `peer:${newId}`);
      return newId;
    });
    return peerAfter(ctx, id);
  },

  'peers.update': async (input, ctx) => {
    await assertAssignableSupervisor(ctx, input.supervisorUserId);
    const { id, version, ...fields } = input;
    const before = await existingPeer(ctx, id);
    return versioned(
      ctx,
      id,
      version,
      () => peers.updatePeerDetails(ctx.db, id, version, fields, ctx.now()),
      async () => {
        const supervisorChanged = fields.supervisorUserId !== undefined && fields.supervisorUserId !== before.supervisor_user_id;
        await ctx.audit('peer.updated', `peer:${id}`, supervisorChanged ? { supervisorUserId: fields.supervisorUserId ?? null } : {});
      },
    );
  },

  'peers.transition': async (input, ctx) => {
    const row = await existingPeer(ctx, input.id);
    if (row.version !== input.version) throw staleEdit();
    const from = row.status;
    const to: PeerStatus = input.to;
    const reason = input.reason?.trim() ? input.reason.trim() : null;
    if (from === to) throw conflict('same-status', `The peer is already ${to}.`);
    if (!peerTransitions[from].includes(to)) {
      throw new AppError({
        code: 'CONFLICT',
        reason: 'transition-not-allowed',
        message: `A peer who is ${from} cannot become ${to}.`,
        params: { from, to },
      });
    }
    if (to === 'withdrawn' && !reason) throw invalidField('reason', 'required', 'A withdrawal needs a reason.');
    if (to === 'selected') {
      const interview = await peers.findInterview(ctx.db, row.id);
      if (interview?.decision !== 'selected') {
        throw conflict('interview-not-selected', 'Record an interview with the decision "selected" first.');
      }
    }
    let overridden = false;
    let missing: string[] = [];
    if (to === 'active') {
      const [built] = await roster(ctx, row.id);
      const check = activationCheck({ consent: peers.consentOf(row) !== null, pledge: row.pledge_on !== null }, built!.progress);
      missing = check.missing;
      if (!check.ready) {
        if (!input.override) {
          throw new AppError({
            code: 'CONFLICT',
            reason: 'activation-incomplete',
            message: `The peer cannot become active yet; missing: ${check.missing.join(', ')}.`,
            params: { missing: check.missing.join(','), modules: check.missingModuleIds.length },
          });
        }
        if (!reason) throw invalidField('reason', 'required', 'An override needs a written reason.');
        overridden = true;
      }
    }
    return versioned(
      ctx,
      row.id,
      input.version,
      () => peers.setPeerStatus(ctx.db, row.id, input.version, to, ctx.now()),
      async () => {
        await peers.insertStatusChange(ctx.db, {
          peerId: row.id,
          fromStatus: from,
          toStatus: to,
          at: ctx.now(),
          byUserId: ctx.actor.userId,
          reason,
          overridden,
        });
        await ctx.audit('peer.status-changed', `peer:${row.id}`, { from, to });
        // The audit names what was missing, not the reason: that is the coordinator's note, kept in the history.
        if (overridden) await ctx.audit('peer.activation-overridden', `peer:${row.id}`, { missing });
      },
    );
  },

  'peers.recordInterview': async (input, ctx) => {
    const { id, version, ...interview } = input;
    return versioned(
      ctx,
      id,
      version,
      async () => {
        await peers.saveInterview(ctx.db, id, interview, ctx.actor.userId, ctx.now());
        return peers.touchPeer(ctx.db, id, version, ctx.now());
      },
      () => ctx.audit('peer.interview-recorded', `peer:${id}`, { decision: interview.decision }),
    );
  },

  'peers.recordConsent': async (input, ctx) => {
    const { id, version, ...consent } = input;
    return versioned(
      ctx,
      id,
      version,
      () => peers.setConsent(ctx.db, id, version, consent, ctx.now()),
      () => ctx.audit('peer.consent-recorded', `peer:${id}`),
    );
  },

  'peers.recordPledge': async (input, ctx) => {
    return versioned(
      ctx,
      input.id,
      input.version,
      () => peers.setPledge(ctx.db, input.id, input.version, input.pledgeOn, ctx.now()),
      () => ctx.audit('peer.pledge-recorded', `peer:${input.id}`),
    );
  },

  'peers.exportCsv': async (input, ctx) => {
    const wanted = input.ids ? new Set(input.ids) : null;
    const list: ExportPeer[] = (await roster(ctx))
      .filter(({ row }) => !wanted || wanted.has(row.id))
      .map(({ row, entry }) => ({
        ...entry,
        nominatedBy: row.nominated_by,
        nominationSource: row.nomination_source,
        nominatedOn: row.nominated_on,
        consentOn: row.consent_on,
        pledgeOn: row.pledge_on,
      }));
    const csv = toCsv(rosterRows(list, input.language));
    await ctx.db.transaction(() => ctx.audit('peer.exported', null, { rows: list.length }));
    const stem = input.language === 'id' ? 'daftar-konselor-sebaya' : 'peer-roster';
    return { csv, fileName: `${stem}-${today(ctx)}.csv`, rows: list.length };
  },

  // Both read and check the file beside the queue (issue 12), against the roster as it was when the call came.
  'peers.importPreview': async (input, ctx) =>
    readBesideTheQueue(
      ctx,
      { job: 'roster-import' },
      async (reader, job) => (await readImport(reader, ctx, input.csv, job)).preview,
      async (preview) => preview,
    ),

  'peers.importCommit': async (input, ctx) =>
    readBesideTheQueue(
      ctx,
      { job: 'roster-import' },
      async (reader, job) => {
        const parsed = await readImport(reader, ctx, input.csv, job);
        job?.report('saving');
        return parsed;
      },
      // Back in the queue, one transaction: a peer someone added since the file was read is
      // skipped as on the roster, so an edit made meanwhile and the import both stand.
      async ({ preview, ready }) => {
        if (preview.fileError) throw invalidField('csv', preview.fileError, 'The file cannot be imported.');
        const { ids, addedMeanwhile } = await ctx.db.transaction(async () => {
          const onRoster = await rosterKeys(ctx.db, ctx);
          const fresh = ready.filter((peer) => !onRoster.has(peerKey(peer.fullName, peer.className)));
          const created = await peers.insertImportedPeers(ctx.db, fresh, ctx.now(), ctx.actor.userId);
          if (created.length > 0) await ctx.audit('peer.imported', null, { count: created.length, peerIds: created.map(String) });
          return { ids: created, addedMeanwhile: ready.length - fresh.length };
        });
        return {
          imported: ids.length,
          skippedInvalid: preview.rows.filter((r) => r.outcome === 'invalid').length,
          skippedDuplicates: preview.rows.filter((r) => r.outcome === 'duplicate').length + addedMeanwhile,
        };
      },
    ),
};
