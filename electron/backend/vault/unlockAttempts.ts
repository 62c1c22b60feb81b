import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/atomicFile';

/**
 * Failed unlocks happen while the vault is locked, so they cannot go straight
 * into the audit log. They wait here (time and username lookup hash only, no
 * name) and are written to the log at the next unlock. The same file carries
 * the back-off, so restarting the app does not reset it.
 */
const attemptSchema = z.object({
  at: z.string(),
  kind: z.enum(['password', 'recovery-key']),
  lookup: z.string().nullable(),
});

const fileSchema = z.object({
  consecutiveFailures: z.number().int().nonnegative(),
  lastFailureAt: z.string().nullable(),
  pending: z.array(attemptSchema),
});

export type FailedAttempt = z.infer<typeof attemptSchema>;
export type UnlockAttempts = z.infer<typeof fileSchema>;

const keepPending = 200;

export const noAttempts: UnlockAttempts = { consecutiveFailures: 0, lastFailureAt: null, pending: [] };

/** Three free tries, then 5 s, 10 s, 20 s … up to 5 minutes between attempts. */
export function retryDelaySeconds(consecutiveFailures: number): number {
  if (consecutiveFailures < 3) return 0;
  return Math.min(5 * 2 ** (consecutiveFailures - 3), 300);
}

export function secondsUntilNextAttempt(attempts: UnlockAttempts, now: Date): number {
  if (!attempts.lastFailureAt) return 0;
  const allowedAt = Date.parse(attempts.lastFailureAt) + retryDelaySeconds(attempts.consecutiveFailures) * 1000;
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
}

export async function readUnlockAttempts(file: string): Promise<UnlockAttempts> {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    // A damaged file must not become a way to reset the back-off to zero.
    return parsed.success ? parsed.data : { consecutiveFailures: 3, lastFailureAt: null, pending: [] };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return noAttempts;
    return { consecutiveFailures: 3, lastFailureAt: null, pending: [] };
  }
}

export async function recordFailedAttempt(file: string, attempt: FailedAttempt): Promise<UnlockAttempts> {
  const current = await readUnlockAttempts(file);
  const next: UnlockAttempts = {
    consecutiveFailures: current.consecutiveFailures + 1,
    lastFailureAt: attempt.at,
    pending: [...current.pending, attempt].slice(-keepPending),
  };
  await writeFileAtomic(file, JSON.stringify(next));
  return next;
}

export async function clearUnlockAttempts(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}
