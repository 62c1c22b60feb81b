import { z } from 'zod';
import { id } from '../fields';
import { defineMethod } from '../method';
import { coordinatorOnly } from '../roles';

export const searchHitKinds = ['log', 'addendum', 'case_note'] as const;
export type SearchHitKind = (typeof searchHitKinds)[number];

/**
 * Around each match in a snippet: the text between `searchMarkStart` and
 * `searchMarkEnd` is what matched. Characters from Unicode's private use area,
 * so nothing a person typed can look like a marker.
 */
export const searchMarkStart = '\uE000';
export const searchMarkEnd = '\uE001';

export const searchHit = z.object({
  kind: z.enum(searchHitKinds),
  /** The log the text is in (for a log or an addendum). */
  logId: id.nullable(),
  /** The case the note is on. */
  caseId: id.nullable(),
  helpSeekerCode: z.string().nullable(),
  at: z.string(),
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchMethods = {
  /**
   * Full-text search over what logs say (summary, what the peer did, addenda)
   * and case notes, with SQLite FTS5 inside the encrypted vault. Each word
   * matches as a prefix (`sedi` finds `sedih`), accents ignored; every word
   * must be present. The best matches first, at most 100.
   */
  'search.text': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ query: z.string().trim().min(1).max(200) }),
    output: z.object({ hits: z.array(searchHit), truncated: z.boolean() }),
  }),
};
