import {
  currentTerm,
  outreachKinds,
  termOf,
  type Term,
  type Coverage,
  type OutreachEvent,
  type OutreachKind,
  type OutreachTermTotals,
} from '../../../src/contract';
import { invalidField, notFound, staleEdit } from '../errors';
import type { Context, HandlerMap } from '../handler';
import * as outreach from '../repositories/outreach';
import { peersScope } from '../access';
import { existingPeerIds, listPeerRows } from '../repositories/peers';
import { today } from '../domain/days';
import { loadSettings } from '../repositories/settingsStore';

type OutreachMethod = 'outreach.list' | 'outreach.create' | 'outreach.update' | 'outreach.delete' | 'outreach.summary';

function toEvent(row: outreach.OutreachEventRow, peers: Array<{ id: number; fullName: string }>, terms: readonly Term[]): OutreachEvent {
  return {
    id: row.id,
    heldOn: row.held_on,
    kind: row.kind,
    title: row.title,
    audience: row.audience,
    reached: row.reached,
    notes: row.notes,
    peers,
    termId: termOf(row.held_on, terms).id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function eventAfter(ctx: Context, id: number) {
  const row = await outreach.findEventRow(ctx.db, id);
  if (!row) throw notFound('outreach event');
  return { event: toEvent(row, (await outreach.eventPeers(ctx.db, [id])).get(id) ?? [], (await loadSettings(ctx.db)).terms) };
}

async function checkPeers(ctx: Context, peerIds: readonly number[]): Promise<void> {
  const known = await existingPeerIds(ctx.db, peerIds);
  const unknown = peerIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalidField(`peerIds.${unknown}`, 'not_found', 'There is no such peer.');
}

const zeroByKind = () =>
  Object.fromEntries(outreachKinds.map((kind) => [kind, { events: 0, reached: 0 }])) as Record<OutreachKind, { events: number; reached: number }>;

/**
 * Active peers against the school: their share of the student body, and the
 * classes in Settings with no active peer. Classes are compared without regard
 * to case or spaces, so "8 A" on a peer still covers "8A" in Settings.
 */
async function coverage(ctx: Context): Promise<Coverage> {
  const settings = await loadSettings(ctx.db);
  const active = (await listPeerRows(ctx.db, peersScope(ctx))).filter((p) => p.status === 'active');
  const tidy = (name: string) => name.toLocaleLowerCase('id').replace(/\s+/g, '');
  const covered = new Set(active.map((p) => tidy(p.class_name)));
  return {
    studentCount: settings.studentCount,
    activePeers: active.length,
    share: settings.studentCount ? active.length / settings.studentCount : null,
    classes: settings.classNames,
    classesWithoutActivePeer: settings.classNames.filter((name) => !covered.has(tidy(name))),
  };
}

export const outreachHandlers: HandlerMap<OutreachMethod> = {
  'outreach.list': async (input, ctx) => {
    const { sort, direction, limit, offset, ...filter } = input;
    const page = await outreach.pageEventRows(ctx.db, filter, { sort, direction }, { limit, offset });
    const peers = await outreach.eventPeers(ctx.db, page.rows.map((row) => row.id));
    const { terms } = await loadSettings(ctx.db);
    return { events: page.rows.map((row) => toEvent(row, peers.get(row.id) ?? [], terms)), total: page.total };
  },

  'outreach.create': async (input, ctx) => {
    const { peerIds, ...fields } = input;
    await checkPeers(ctx, peerIds);
    const id = await ctx.db.transaction(async () => {
      const newId = await outreach.insertEvent(ctx.db, fields, ctx.now());
      await outreach.setEventPeers(ctx.db, newId, peerIds);
      await ctx.audit('outreach.created', `outreach:${newId}`);
      return newId;
    });
    return eventAfter(ctx, id);
  },

  'outreach.update': async (input, ctx) => {
    const { id, version, peerIds, ...fields } = input;
    const row = await outreach.findEventRow(ctx.db, id);
    if (!row) throw notFound('outreach event');
    if (row.version !== version) throw staleEdit();
    await checkPeers(ctx, peerIds);
    await ctx.db.transaction(async () => {
      if (!(await outreach.updateEvent(ctx.db, id, version, fields, ctx.now()))) throw staleEdit();
      await outreach.setEventPeers(ctx.db, id, peerIds);
      await ctx.audit('outreach.updated', `outreach:${id}`);
    });
    return eventAfter(ctx, id);
  },

  'outreach.delete': async (input, ctx) => {
    await ctx.db.transaction(async () => {
      if (!(await outreach.deleteEvent(ctx.db, input.id))) throw notFound('outreach event');
      await ctx.audit('outreach.deleted', `outreach:${input.id}`);
    });
    return {};
  },

  'outreach.summary': async (_input, ctx) => {
    // Terms as set in Settings (issue 5); derived from the date where none are set.
    const setTerms = (await loadSettings(ctx.db)).terms;
    const current = currentTerm(today(ctx), setTerms);
    const terms = new Map<string, OutreachTermTotals>();
    // The current term is always listed, so its total reads 0 before the first event, not nothing.
    terms.set(current.id, { term: current, events: 0, reached: 0, byKind: zeroByKind() });
    const byKind = zeroByKind();
    for (const row of await outreach.eventFigures(ctx.db)) {
      const term = termOf(row.held_on, setTerms);
      const totals = terms.get(term.id) ?? { term, events: 0, reached: 0, byKind: zeroByKind() };
      totals.events += 1;
      totals.reached += row.reached;
      totals.byKind[row.kind].events += 1;
      totals.byKind[row.kind].reached += row.reached;
      terms.set(term.id, totals);
      byKind[row.kind].events += 1;
      byKind[row.kind].reached += row.reached;
    }
    return {
      currentTermId: current.id,
      terms: [...terms.values()].sort((a, b) => b.term.id.localeCompare(a.term.id)),
      byKind,
      coverage: await coverage(ctx),
    };
  },
};
