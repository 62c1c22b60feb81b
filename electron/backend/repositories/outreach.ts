import type { Database } from '../db/database';
import type { OutreachKind, OutreachSort, Page, SortDirection } from '../../../src/contract';
import { Conditions, pageOf, sqlDirection } from './paging';

export interface OutreachEventRow {
  id: number;
  held_on: string;
  kind: OutreachKind;
  title: string;
  audience: string;
  reached: number;
  notes: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OutreachFields {
  heldOn: string;
  kind: OutreachKind;
  title: string;
  audience: string;
  reached: number;
  notes: string;
}

/** Each sort ends in the day and the id, newest first, so pages never overlap (held_on has an index for the default). */
function eventOrder(sort: OutreachSort, direction: SortDirection): string {
  const d = sqlDirection(direction);
  const newest = 'e.held_on DESC, e.id DESC';
  switch (sort) {
    case 'heldOn':
      return `e.held_on ${d}, e.id ${d}`;
    case 'kind':
      return `e.kind ${d}, ${newest}`;
    case 'title':
      return `e.title COLLATE NOCASE ${d}, ${newest}`;
    case 'reached':
      return `e.reached ${d}, ${newest}`;
  }
}

/** The names of an event's peers as one text, so an event is found by who ran it, as the table shows them. */
const peerNames = `(SELECT group_concat(p.full_name, char(10)) FROM outreach_event_peers ep JOIN peers p ON p.id = ep.peer_id WHERE ep.event_id = e.id)`;

/** One page of the outreach log, with how many events match in all. */
export function pageEventRows(
  db: Database,
  filter: { text?: string | undefined; id?: number | undefined },
  order: { sort: OutreachSort; direction: SortDirection },
  page: Page,
): Promise<{ rows: OutreachEventRow[]; total: number }> {
  const where = new Conditions({ where: '1', params: [] }).equals('e.id', filter.id).containsText(filter.text, ['e.title', 'e.audience', 'e.notes', peerNames]);
  return pageOf<OutreachEventRow>(db, { select: 'SELECT e.*', from: `FROM outreach_events e WHERE ${where.sql}`, params: where.params, orderBy: eventOrder(order.sort, order.direction) }, page);
}

export function findEventRow(db: Database, id: number): Promise<OutreachEventRow | undefined> {
  return db.get<OutreachEventRow>('SELECT * FROM outreach_events WHERE id = ?', [id]);
}

/** The peers who took part, per event, of these events only (a page of them). */
export async function eventPeers(db: Database, eventIds: readonly number[]): Promise<Map<number, Array<{ id: number; fullName: string }>>> {
  const rows = eventIds.length === 0 ? [] : await db.all<{ event_id: number; id: number; full_name: string }>(
    `SELECT e.event_id, p.id, p.full_name FROM outreach_event_peers e JOIN peers p ON p.id = e.peer_id
     WHERE e.event_id IN (${eventIds.map(() => '?').join(', ')})
     ORDER BY p.full_name COLLATE NOCASE`,
    eventIds,
  );
  const byEvent = new Map<number, Array<{ id: number; fullName: string }>>();
  for (const row of rows) {
    const list = byEvent.get(row.event_id) ?? [];
    list.push({ id: row.id, fullName: row.full_name });
    byEvent.set(row.event_id, list);
  }
  return byEvent;
}

export async function insertEvent(db: Database, fields: OutreachFields, now: string): Promise<number> {
  const result = await db.run(
    `INSERT INTO outreach_events (held_on, kind, title, audience, reached, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [fields.heldOn, fields.kind, fields.title, fields.audience, fields.reached, fields.notes, now, now],
  );
  return result.lastInsertRowid;
}

export async function updateEvent(db: Database, id: number, expectedVersion: number, fields: OutreachFields, now: string): Promise<boolean> {
  const result = await db.run(
    `UPDATE outreach_events SET held_on = ?, kind = ?, title = ?, audience = ?, reached = ?, notes = ?,
       version = version + 1, updated_at = ?
     WHERE id = ? AND version = ?`,
    [fields.heldOn, fields.kind, fields.title, fields.audience, fields.reached, fields.notes, now, id, expectedVersion],
  );
  return result.changes === 1;
}

export async function setEventPeers(db: Database, eventId: number, peerIds: readonly number[]): Promise<void> {
  await db.run('DELETE FROM outreach_event_peers WHERE event_id = ?', [eventId]);
  for (const peerId of new Set(peerIds)) {
    await db.run('INSERT INTO outreach_event_peers (event_id, peer_id) VALUES (?, ?)', [eventId, peerId]);
  }
}

export async function deleteEvent(db: Database, id: number): Promise<boolean> {
  await db.run('DELETE FROM outreach_event_peers WHERE event_id = ?', [id]);
  const result = await db.run('DELETE FROM outreach_events WHERE id = ?', [id]);
  return result.changes === 1;
}

export function eventFigures(db: Database): Promise<Array<{ held_on: string; kind: OutreachKind; reached: number }>> {
  return db.all('SELECT held_on, kind, reached FROM outreach_events');
}
