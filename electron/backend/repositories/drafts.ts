import type { Database } from '../db/database';

export interface DraftRow {
  formKey: string;
  area: string;
  payload: string;
  savedAt: string;
}

export async function upsertDraft(db: Database, userId: number, draft: DraftRow): Promise<void> {
  await db.run(
    `INSERT INTO drafts (user_id, form_key, area, payload, saved_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(user_id, form_key) DO UPDATE SET area = excluded.area, payload = excluded.payload, saved_at = excluded.saved_at`,
    [userId, draft.formKey, draft.area, draft.payload, draft.savedAt],
  );
}

export function listDrafts(db: Database, userId: number): Promise<DraftRow[]> {
  return db.all<DraftRow>(
    'SELECT form_key AS formKey, area, payload, saved_at AS savedAt FROM drafts WHERE user_id = ? ORDER BY saved_at',
    [userId],
  );
}

export async function deleteDraft(db: Database, userId: number, formKey: string): Promise<void> {
  await db.run('DELETE FROM drafts WHERE user_id = ? AND form_key = ?', [userId, formKey]);
}

export async function deleteDraftsOfUser(db: Database, userId: number): Promise<void> {
  await db.run('DELETE FROM drafts WHERE user_id = ?', [userId]);
}
