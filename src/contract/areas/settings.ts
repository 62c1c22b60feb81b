import { z } from 'zod';
import { limits, requiredText } from '../fields';
import { defineMethod } from '../method';
import { coordinatorOnly, staff } from '../roles';
import { term, termInput } from '../terms';

export const settings = z.object({
  schoolName: z.string(),
  autoLockMinutes: z.number().int(),
  vaultLocation: z.string(),
  /** How many students the school has, for coverage (active peers as a share); null until set. */
  studentCount: z.number().int().nullable(),
  /** The school's classes, for coverage (classes with no active peer) and the class field's suggestions. */
  classNames: z.array(z.string()),
  /** Backups (issue 6): how many to keep in each folder, and after how many days without one the dashboard reminds. */
  backupKeepLast: z.number().int(),
  backupReminderDays: z.number().int(),
  /** Cases (issue 4): the school's escalation protocol, shown the moment a case opens (whom to call, emergency numbers). */
  escalationProtocol: z.string(),
  /** Days a case has for a decision, per severity; 0 means by the end of the day it opened. */
  caseDueDays: z.object({ urgent: z.number().int(), high: z.number().int(), routine: z.number().int() }),
  /** Whether supervisors see every case (and those help-seekers' identities), not only the ones assigned to them. */
  supervisorsSeeAllCases: z.boolean(),
  /** The school's terms (issue 5), oldest first; empty until set, and then terms are derived (see terms.ts). */
  terms: z.array(term),
});
export type Settings = z.infer<typeof settings>;

/**
 * Minutes without activity before Sebaya locks itself (issue 14). Under 3 the warning, a minute
 * before the lock, comes right after unlocking and after every pause; over an hour an office PC
 * left open is open to anyone. A value stored before this range is read into it (settingsStore).
 */
export const autoLockRange = { min: 3, max: 60 } as const;
export const autoLockMinutes = z.number().int().min(autoLockRange.min).max(autoLockRange.max);
export const backupKeepLast = z.number().int().min(1).max(100);
export const backupReminderDays = z.number().int().min(1).max(90);
export const caseDueDays = z.strictObject({
  urgent: z.number().int().min(0).max(7),
  high: z.number().int().min(0).max(30),
  routine: z.number().int().min(0).max(90),
});

export const settingsMethods = {
  'settings.get': defineMethod({ reads: true, access: { states: ['unlocked'], roles: staff }, input: z.strictObject({}), output: settings }),
  'settings.update': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({
      schoolName: requiredText(limits.name).optional(),
      autoLockMinutes: autoLockMinutes.optional(),
      studentCount: z.number().int().min(1).max(100_000).nullable().optional(),
      classNames: z.array(requiredText(40)).max(300).optional(),
      backupKeepLast: backupKeepLast.optional(),
      backupReminderDays: backupReminderDays.optional(),
      escalationProtocol: z.string().trim().max(limits.longText).optional(),
      caseDueDays: caseDueDays.optional(),
      supervisorsSeeAllCases: z.boolean().optional(),
      /** Replaces the whole list; terms may not overlap, and each ends after it starts. */
      terms: z.array(termInput).max(40).optional(),
    }),
    output: settings,
  }),
};
