import { z } from 'zod';
import { id, limits, optionalText, version } from '../fields';
import { defineMethod } from '../method';
import { pageRequest, pageTotal } from '../paging';
import { coordinatorOnly, everyone, staff } from '../roles';

/**
 * A help-seeker is the student a peer talked with. Everywhere in lists, logs,
 * cases, exports and the audit log they are only a pseudonymous code,
 * `HS-<year>-<number>` (`HS-2026-014`): the year the code was made and a
 * sequence of at least three digits that starts again at 001 each year. The
 * backend makes the code; nobody types one.
 *
 * Who the student is (name, class, contact, parent contact) is optional, kept
 * in its own table, and returned only by `helpSeekers.revealIdentity`, which
 * writes an audit entry every time: to the coordinator, and to a supervisor for
 * a help-seeker on a case they may see (issue 4).
 */
export const helpSeekerCodePattern = /^HS-\d{4}-\d{3,}$/;

export const helpSeekerIdentityInput = z.strictObject({
  fullName: optionalText(limits.name),
  className: optionalText(40),
  contact: optionalText(limits.shortText),
  parentContact: optionalText(limits.shortText),
});
export type HelpSeekerIdentityInput = z.infer<typeof helpSeekerIdentityInput>;

export const helpSeekerIdentity = z.object({
  fullName: z.string(),
  className: z.string(),
  contact: z.string(),
  parentContact: z.string(),
  version,
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type HelpSeekerIdentity = z.infer<typeof helpSeekerIdentity>;

/** A help-seeker as lists show them: the code and figures, never the identity. */
export const helpSeekerSummary = z.object({
  id,
  code: z.string(),
  createdAt: z.string(),
  /** Session logs about them the caller may see. */
  logs: z.number().int(),
  lastSessionOn: z.string().nullable(),
  /** Cases about them that are not closed (staff only; 0 for a peer). */
  openCases: z.number().int(),
  /** Whether an identity is on record; staff only (always false for a peer). */
  hasIdentity: z.boolean(),
});
export type HelpSeekerSummary = z.infer<typeof helpSeekerSummary>;

export const helpSeekersMethods = {
  /**
   * Coordinators see every help-seeker, supervisors those on cases they may
   * see, and a peer the ones in their own logs (to pick the same student again).
   */
  /** One page of the help-seekers the caller may see, newest code first; `text` finds a code by its beginning (a picker types it), `id` one code. */
  'helpSeekers.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({ text: z.string().trim().max(40).optional(), id: id.optional(), ...pageRequest }),
    output: z.object({ helpSeekers: z.array(helpSeekerSummary), ...pageTotal }),
  }),
  /**
   * A new code, for a student who came to the office before any log names
   * them. The identity is optional. (Peers make new codes in the log form,
   * where they may give the identity once but never read it back.)
   */
  'helpSeekers.create': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ identity: helpSeekerIdentityInput.nullable() }),
    output: z.object({ helpSeeker: helpSeekerSummary }),
  }),
  /** The identity behind a code, or null when none was recorded. Audited every time, also when there is none. */
  'helpSeekers.revealIdentity': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id }),
    output: z.object({ code: z.string(), identity: helpSeekerIdentity.nullable() }),
  }),
  /** Records or corrects the identity; `version` is the identity's (0 when there is none yet). */
  'helpSeekers.setIdentity': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ id, version, identity: helpSeekerIdentityInput }),
    output: z.object({ code: z.string(), identity: helpSeekerIdentity }),
  }),
};
