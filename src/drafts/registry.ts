import type { DraftInput } from '../contract';

/**
 * Forms with unsaved text register here, so that just before a lock their
 * values can go into the vault as encrypted drafts (never into browser
 * storage). After unlocking as the same user the drafts wait here until their
 * form opens and takes them back.
 */
export interface DraftSource {
  formKey: string;
  area: string;
  /** The form's values when it has unsaved changes, otherwise null. Never include passwords or PINs. */
  read(): unknown;
}

/**
 * The place the person was (the router's address) goes into the vault beside the drafts, so an
 * unlock as the same user opens that page again. It is no unsaved text: leaving never asks for it.
 */
export const placeDraftKey = 'place';

const sources = new Map<string, DraftSource>();
let pending: Array<{ formKey: string; area: string; payload: string }> = [];

export function registerDraftSource(source: DraftSource): () => void {
  sources.set(source.formKey, source);
  return () => {
    if (sources.get(source.formKey) === source) sources.delete(source.formKey);
  };
}

/** A source's values when its form has unsaved changes, otherwise null. */
function unsavedValues(source: DraftSource): unknown {
  return source.read() ?? null;
}

export function collectDrafts(): DraftInput[] {
  const drafts: DraftInput[] = [];
  for (const source of sources.values()) {
    const values = unsavedValues(source);
    if (values !== null) {
      drafts.push({ formKey: source.formKey, area: source.area, payload: JSON.stringify(values) });
    }
  }
  return drafts;
}

/** Whether a form on screen holds text not saved yet, which leaving it would throw away. */
export function hasUnsavedText(): boolean {
  return [...sources.values()].some((source) => source.formKey !== placeDraftKey && unsavedValues(source) !== null);
}

export function setPendingDrafts(drafts: Array<{ formKey: string; area: string; payload: string }>): void {
  pending = drafts;
}

export function pendingDrafts(): ReadonlyArray<{ formKey: string; area: string; payload: string }> {
  return pending;
}

/** Hands a waiting draft to its form once; returns its values or null. */
export function takePendingDraft<T>(formKey: string): T | null {
  const draft = pending.find((d) => d.formKey === formKey);
  if (!draft) return null;
  pending = pending.filter((d) => d !== draft);
  try {
    return JSON.parse(draft.payload) as T;
  } catch {
    return null;
  }
}
