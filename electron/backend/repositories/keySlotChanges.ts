import type { Database } from '../db/database';

/** What a key-slot change does to the key slot file (vault/slotChanges.ts). */
export const keySlotChangeKinds = [
  'account-created',
  'account-enabled',
  'password-reset',
  'password-changed',
  'password-set',
  'slot-removed',
  'recovery-key-replaced',
] as const;
export type KeySlotChangeKind = (typeof keySlotChangeKinds)[number];

/**
 * `awaiting-shown`: a generated secret (a temporary password, a recovery key) whose slot is in
 * the file beside the old one, not yet shown; `known`: its secret is known to a person (typed by
 * them, shown to them, or used to unlock), so the file is to be settled on it; `done`: settled;
 * `withdrawn`: never shown, rolled back.
 */
export type KeySlotChangeState = 'awaiting-shown' | 'known' | 'done' | 'withdrawn';

/** The users-table values a withdrawn change puts back. */
export interface KeySlotChangeUndo {
  status?: 'active' | 'disabled';
  mustChangePassword?: boolean;
}

export interface KeySlotChange {
  id: string;
  kind: KeySlotChangeKind;
  userId: number | null;
  slotId: string | null;
  state: KeySlotChangeState;
  undo: KeySlotChangeUndo;
  startedBy: number | null;
}

interface Row {
  id: string;
  kind: KeySlotChangeKind;
  user_id: number | null;
  slot_id: string | null;
  state: KeySlotChangeState;
  undo: string;
  started_by: number | null;
}

function fromRow(row: Row): KeySlotChange {
  return {
    id: row.id,
    kind: row.kind,
    userId: row.user_id,
    slotId: row.slot_id,
    state: row.state,
    undo: JSON.parse(row.undo) as KeySlotChangeUndo,
    startedBy: row.started_by,
  };
}

export async function insertKeySlotChange(db: Database, change: KeySlotChange, now: string): Promise<void> {
  await db.run(
    'INSERT INTO keyslot_changes (id, kind, user_id, slot_id, state, undo, started_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [change.id, change.kind, change.userId, change.slotId, change.state, JSON.stringify(change.undo), change.startedBy, now],
  );
}

/** The changes not yet settled in the key slot file, oldest first. */
export async function listUnsettledKeySlotChanges(db: Database): Promise<KeySlotChange[]> {
  const rows = await db.all<Row>(
    "SELECT id, kind, user_id, slot_id, state, undo, started_by FROM keyslot_changes WHERE state IN ('awaiting-shown', 'known') ORDER BY created_at, rowid",
  );
  return rows.map(fromRow);
}

export async function findKeySlotChange(db: Database, id: string): Promise<KeySlotChange | undefined> {
  const row = await db.get<Row>('SELECT id, kind, user_id, slot_id, state, undo, started_by FROM keyslot_changes WHERE id = ?', [id]);
  return row ? fromRow(row) : undefined;
}

export async function setKeySlotChangeState(db: Database, ids: readonly string[], state: KeySlotChangeState, now: string): Promise<void> {
  for (const id of ids) {
    await db.run('UPDATE keyslot_changes SET state = ?, settled_at = ? WHERE id = ?', [state, state === 'done' || state === 'withdrawn' ? now : null, id]);
  }
}

/**
 * A data-key rotation writes every slot afresh, so the changes not yet settled no longer name a
 * slot: a known one is done, one awaiting its screen is superseded (its account gets the
 * rotation's temporary password instead), with nothing to put back.
 */
export async function supersedeUnsettledKeySlotChanges(db: Database, now: string): Promise<void> {
  await db.run(
    "UPDATE keyslot_changes SET state = CASE state WHEN 'known' THEN 'done' ELSE 'withdrawn' END, settled_at = ? WHERE state IN ('awaiting-shown', 'known')",
    [now],
  );
}
