import type { Database } from '../db/database';
import type { Peer, PeerStatus } from '../../../src/contract';

interface PeerRow {
  id: number;
  full_name: string;
  class_name: string;
  status: PeerStatus;
  version: number;
  created_at: string;
  updated_at: string;
}

function toPeer(row: PeerRow): Peer {
  return {
    id: row.id,
    fullName: row.full_name,
    className: row.class_name,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listPeers(db: Database): Promise<Peer[]> {
  const rows = await db.all<PeerRow>('SELECT * FROM peers ORDER BY full_name COLLATE NOCASE');
  return rows.map(toPeer);
}

export async function findPeer(db: Database, id: number): Promise<Peer | undefined> {
  const row = await db.get<PeerRow>('SELECT * FROM peers WHERE id = ?', [id]);
  return row ? toPeer(row) : undefined;
}

export interface PeerFields {
  fullName: string;
  className: string;
  status: PeerStatus;
}

export async function insertPeer(db: Database, fields: PeerFields, now: string): Promise<number> {
  const result = await db.run(
    'INSERT INTO peers (full_name, class_name, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    [fields.fullName, fields.className, fields.status, now, now],
  );
  return result.lastInsertRowid;
}

/** Writes only when the row is still at `expectedVersion`; returns false for a stale edit. */
export async function updatePeer(db: Database, id: number, expectedVersion: number, fields: PeerFields, now: string): Promise<boolean> {
  const result = await db.run(
    `UPDATE peers SET full_name = ?, class_name = ?, status = ?, version = version + 1, updated_at = ?
     WHERE id = ? AND version = ?`,
    [fields.fullName, fields.className, fields.status, now, id, expectedVersion],
  );
  return result.changes === 1;
}

export async function countPeersByStatus(db: Database): Promise<Array<{ status: PeerStatus; n: number }>> {
  return db.all('SELECT status, count(*) AS n FROM peers GROUP BY status');
}
