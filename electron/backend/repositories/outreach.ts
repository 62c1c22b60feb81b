import type { Database } from '../db/database';
import type { OutreachKind } from '../../../src/contract';

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

export function listEventRows(db: Database): Promise<OutreachEventRow[]> {
  return db.all<OutreachEventRow>('SELECT * FROM outreach_events ORDER BY held_on DESC, id DESC');
}

export function findEventRow(db: Database, id: number): Promise<OutreachEventRow | undefined> {
  return db.get<OutreachEventRow>('SELECT * FROM outreach_events WHERE id = ?', [id]);
}

/** The peers who took part, per event. */
export async function eventPeers(db: Database): Promise<Map<number, Array<{ id: number; fullName: string }>>> {
  const rows = await db.all<{ event_id: number; id: number; full_name: string }>(
    `SELECT e.event_id, p.id, p.full_name FROM outreach_event_peers e JOIN peers p ON p.id = e.peer_id
     ORDER BY p.full_name COLLATE NOCASE`,
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
