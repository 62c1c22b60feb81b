import { z } from 'zod';
import { id, isoDate, limits, optionalText, requiredText, version } from '../fields';
import { defineMethod } from '../method';
import { pageRequest, pageTotal, sortRequest } from '../paging';
import { coordinatorOnly } from '../roles';
import { term } from '../terms';

/** Ways of telling the school that the program exists (sosialisasi). */
export const outreachKinds = ['class_visit', 'assembly', 'poster_media', 'parents_meeting', 'staff_briefing', 'other'] as const;
export type OutreachKind = (typeof outreachKinds)[number];

export const outreachEvent = z.object({
  id,
  heldOn: z.string(),
  kind: z.enum(outreachKinds),
  title: z.string(),
  audience: z.string(),
  reached: z.number().int(),
  notes: z.string(),
  peers: z.array(z.object({ id, fullName: z.string() })),
  termId: z.string(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OutreachEvent = z.infer<typeof outreachEvent>;

/** The outreach log's sorts; each keeps events alike in it newest first. */
export const outreachSorts = ['heldOn', 'kind', 'title', 'reached'] as const;
export type OutreachSort = (typeof outreachSorts)[number];

const eventFields = {
  heldOn: isoDate,
  kind: z.enum(outreachKinds),
  title: requiredText(limits.shortText),
  audience: optionalText(limits.shortText),
  reached: z.number().int().min(0).max(100_000),
  notes: optionalText(limits.longText),
  peerIds: z.array(id).max(500),
};

export const outreachCreateInput = z.strictObject(eventFields);
export const outreachUpdateInput = z.strictObject({ id, version, ...eventFields });

const totals = z.object({ events: z.number().int(), reached: z.number().int() });

export const outreachTermTotals = z.object({
  term,
  events: z.number().int(),
  reached: z.number().int(),
  byKind: z.record(z.enum(outreachKinds), totals),
});
export type OutreachTermTotals = z.infer<typeof outreachTermTotals>;

/** Active peers against the school's size and classes, from Settings. */
export const coverage = z.object({
  studentCount: z.number().int().nullable(),
  activePeers: z.number().int(),
  /** Active peers as a share of the student body (0–1); null until the school size is set. */
  share: z.number().nullable(),
  classes: z.array(z.string()),
  classesWithoutActivePeer: z.array(z.string()),
});
export type Coverage = z.infer<typeof coverage>;

export const outreachMethods = {
  /** One page of the outreach log, sorted and searched in SQL. */
  'outreach.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({
      /** Part of the title, the audience, the notes or a peer's name, in any case. */
      text: z.string().trim().max(limits.shortText).optional(),
      /** This event only: a draft of its form being restored. */
      id: id.optional(),
      ...sortRequest(outreachSorts, 'heldOn', 'desc'),
      ...pageRequest,
    }),
    output: z.object({ events: z.array(outreachEvent), ...pageTotal }),
  }),
  'outreach.create': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: outreachCreateInput,
    output: z.object({ event: outreachEvent }),
  }),
  'outreach.update': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: outreachUpdateInput,
    output: z.object({ event: outreachEvent }),
  }),
  'outreach.delete': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ id }),
    output: z.strictObject({}),
  }),
  /** Totals per term (newest first) and per kind, the current term, and coverage. */
  'outreach.summary': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({}),
    output: z.object({
      currentTermId: z.string(),
      terms: z.array(outreachTermTotals),
      byKind: z.record(z.enum(outreachKinds), totals),
      coverage,
    }),
  }),
};
