import { z } from 'zod';
import { empty } from '../fields';
import { defineMethod } from '../method';
import { staff } from '../roles';

/**
 * The long jobs (issue 12): they run beside the backend's call queue, so every other call keeps
 * answering, and the screen that started one shows where it is. One of each kind at a time:
 * a second start is CONFLICT `<kind>-running`.
 */
export const jobKinds = ['backup', 'backup-check', 'vault-check', 'audit-check', 'term-pdf', 'roster-import'] as const;
export type JobKind = (typeof jobKinds)[number];

/** Each kind's steps in the order they happen; a job never goes back to an earlier one. */
export const jobSteps = {
  // backup/write.ts names these stages.
  backup: ['snapshot', 'writing', 'verifying', 'finishing', 'rotating'],
  // backup/check.ts, FullCheckStep.
  'backup-check': ['reading-file', 'opening', 'copying', 'checking-pages', 'checking-structure', 'checking-audit', 'counting'],
  'vault-check': ['checking-pages', 'checking-audit', 'checking-structure'],
  'audit-check': ['checking-audit'],
  'term-pdf': ['figures', 'writing-pdf'],
  'roster-import': ['reading-rows', 'saving'],
} as const satisfies Record<JobKind, readonly string[]>;
export type JobStep = (typeof jobSteps)[JobKind][number];

export const allJobSteps = [...new Set(Object.values(jobSteps).flat())] as [JobStep, ...JobStep[]];

export const jobProgress = z.object({
  kind: z.enum(jobKinds),
  step: z.enum(allJobSteps),
  /** Of the whole job, 0–99: it is at 100 only when its call has answered. */
  percent: z.number().int().min(0).max(99),
  /** How far into the step, where it has a count (bytes copied, entries checked, rows read); 0 and 0 otherwise. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  startedAt: z.string(),
});
export type JobProgress = z.infer<typeof jobProgress>;

export const jobsMethods = {
  /**
   * The caller's own long jobs that are still running, polled by the screen that started one
   * while its call is pending. Nobody sees another person's jobs.
   */
  'jobs.progress': defineMethod({
    reads: true,
    polled: true,
    access: { states: ['unlocked'], roles: staff },
    input: empty,
    output: z.object({ jobs: z.array(jobProgress) }),
  }),
};
