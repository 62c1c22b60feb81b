import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { writeFileAtomic } from '../platform/atomicFile';
import { OneAtATime } from '../platform/oneAtATime';

/**
 * The one back-off for every place a secret is tried on this PC (issue 11):
 * unlocking with a password or the recovery key, and opening a backup with a
 * password or recovery key to verify or restore it (screens and CLI alike), and
 * proving current authority before a restore over a vault.
 *
 * Two counters decide the wait, and the longer one applies:
 * - per username (by its lookup hash): 3 free tries, then 5 s, doubling to 5 minutes;
 * - for the whole PC (every secret, every username, the recovery key): 10 free
 *   tries, then the same doubling. This stops a guesser who sprays usernames.
 * A success resets its own username's counter and the PC's, never another
 * username's: a supervisor who signs in does not reset the guesses against the
 * coordinator's account.
 *
 * Failures happen while the vault is locked, so they cannot go straight into
 * the audit log. They wait in `unlock-attempts.json` (time, kind and username
 * lookup only: no name, no secret) and are written to the log at the next
 * unlock. The same file carries the counters, so restarting does not reset them.
 */
export const failedSecretKinds = ['password', 'recovery-key', 'backup-password', 'backup-recovery-key', 'restore-authority'] as const;
/** Recovery-key tries count like one more username, so they get the same 3 free tries as an account. */
export const recoveryKeyCounter = 'recovery-key';

export type FailedSecretKind = (typeof failedSecretKinds)[number];

const attemptSchema = z.object({
  at: z.string(),
  kind: z.enum(failedSecretKinds),
  lookup: z.string().nullable(),
});

const counterSchema = z.object({ failures: z.number().int().nonnegative(), lastFailureAt: z.string().nullable() });

const fileSchema = z.object({
  version: z.literal(2),
  door: counterSchema,
  users: z.record(z.string(), counterSchema),
  pending: z.array(attemptSchema),
});

/** The first format (one counter for the PC); read so an update does not reset a back-off in force. */
const firstFormat = z.object({
  consecutiveFailures: z.number().int().nonnegative(),
  lastFailureAt: z.string().nullable(),
  pending: z.array(z.object({ at: z.string(), kind: z.enum(['password', 'recovery-key']), lookup: z.string().nullable() })),
});

export type FailedAttempt = z.infer<typeof attemptSchema>;
export type SecretAttempts = z.infer<typeof fileSchema>;
type Counter = z.infer<typeof counterSchema>;

const keepPending = 200;
const keepUsers = 200;
const perUsernameFreeTries = 3;
const perPcFreeTries = 10;

export const noAttempts: SecretAttempts = { version: 2, door: { failures: 0, lastFailureAt: null }, users: {}, pending: [] };

/** A damaged or unreadable file must not become a way to reset the back-off to zero. */
const damaged: SecretAttempts = { ...noAttempts, door: { failures: perPcFreeTries, lastFailureAt: null } };

/** Seconds to wait after `failures` wrong tries in a row, of which `free` cost nothing. */
export function retryDelaySeconds(failures: number, free = perUsernameFreeTries): number {
  if (failures < free) return 0;
  return Math.min(5 * 2 ** (failures - free), 300);
}

function waitOf(counter: Counter | undefined, free: number, now: Date): number {
  if (!counter?.lastFailureAt) return 0;
  const allowedAt = Date.parse(counter.lastFailureAt) + retryDelaySeconds(counter.failures, free) * 1000;
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
}

/** How long before the next try: for the PC, and for this username when there is one. */
export function secondsUntilNextAttempt(attempts: SecretAttempts, now: Date, lookup: string | null = null): number {
  const door = waitOf(attempts.door, perPcFreeTries, now);
  const user = lookup ? waitOf(attempts.users[lookup], perUsernameFreeTries, now) : 0;
  return Math.max(door, user);
}

export async function readSecretAttempts(file: string): Promise<SecretAttempts> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return noAttempts;
    return damaged;
  }
  const parsed = fileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const first = firstFormat.safeParse(json);
  if (first.success) {
    return { version: 2, door: { failures: first.data.consecutiveFailures, lastFailureAt: first.data.lastFailureAt }, users: {}, pending: first.data.pending };
  }
  return damaged;
}

function rateLimited(wait: number): AppError {
  return new AppError({
    code: 'RATE_LIMITED',
    message: `Too many wrong attempts. Try again in ${wait} seconds.`,
    params: { retryAfterSeconds: wait },
  });
}

/** The door every secret passes through; one per data folder. */
export class SecretBackOff {
  private readonly tries = new OneAtATime();
  private readonly writes = new OneAtATime();

  constructor(
    readonly file: string,
    private readonly clock: Clock,
  ) {}

  /**
   * One try of a secret, from `assertMayTry` to counting it, with no other try at the same time
   * (issue 12): a backup's full check tries its secret beside the call queue, and two tries at
   * once would both pass the wait before either was counted. Never nest one in another.
   */
  oneAtATime<T>(attempt: () => Promise<T>): Promise<T> {
    return this.tries.run(attempt);
  }

  read(): Promise<SecretAttempts> {
    return readSecretAttempts(this.file);
  }

  /**
   * The wait the lock screen counts down: the PC's, or that of the username tried last,
   * since the person at the screen is most likely the one who just typed it.
   */
  async secondsToWaitAtTheLockScreen(): Promise<number> {
    const attempts = await this.read();
    // The map keeps the last username to fail at its end (recordFailure moves it there).
    const lastUser = Object.keys(attempts.users).at(-1) ?? null;
    return secondsUntilNextAttempt(attempts, this.clock.now(), lastUser);
  }

  /** How long before the next try, for the PC and for this username when there is one. */
  async secondsToWait(lookup: string | null = null): Promise<number> {
    return secondsUntilNextAttempt(await this.read(), this.clock.now(), lookup);
  }

  /** RATE_LIMITED while a wait is in force; a try that is refused here is not counted. */
  async assertMayTry(lookup: string | null): Promise<void> {
    const wait = await this.secondsToWait(lookup);
    if (wait > 0) throw rateLimited(wait);
  }

  /**
   * A wrong secret. `waitForAudit: false` when the caller writes the audit entry
   * itself (a signed-in coordinator's wrong backup password), so it is not written twice.
   */
  recordFailure(kind: FailedSecretKind, lookup: string | null, options = { waitForAudit: true }): Promise<void> {
    // Read, changed and written with no other change of the file in between, or one would be lost.
    return this.writes.run(() => this.countFailure(kind, lookup, options));
  }

  private async countFailure(kind: FailedSecretKind, lookup: string | null, options: { waitForAudit: boolean }): Promise<void> {
    const current = await this.read();
    const at = this.clock.now().toISOString();
    const users = { ...current.users };
    if (lookup) {
      delete users[lookup];
      users[lookup] = { failures: (current.users[lookup]?.failures ?? 0) + 1, lastFailureAt: at };
    }
    const next: SecretAttempts = {
      version: 2,
      door: { failures: current.door.failures + 1, lastFailureAt: at },
      users: Object.fromEntries(Object.entries(users).slice(-keepUsers)),
      pending: options.waitForAudit ? [...current.pending, { at, kind, lookup }].slice(-keepPending) : current.pending,
    };
    // On a new PC the data folder may not exist yet when a backup is tried.
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file, JSON.stringify(next));
  }

  /**
   * After a secret opened: this username's counter and the PC's start again.
   * Pending failures stay until `takePending` has written them to an audit log.
   */
  recordSuccess(lookup: string | null): Promise<void> {
    return this.writes.run(async () => {
      const current = await this.read();
      const changed = current.door.failures > 0 || (lookup !== null && lookup in current.users);
      if (!changed) return;
      const users = { ...current.users };
      if (lookup) delete users[lookup];
      await this.write({ ...current, door: { failures: 0, lastFailureAt: null }, users });
    });
  }

  /** The failures waiting for the audit log; `written()` removes them once they are in it. */
  async pending(): Promise<{ attempts: FailedAttempt[]; written: () => Promise<void> }> {
    const attempts = (await this.read()).pending;
    return {
      attempts,
      written: async () => {
        if (attempts.length === 0) return;
        await this.writes.run(async () => {
          const now = await this.read();
          await this.write({ ...now, pending: now.pending.filter((a) => !attempts.some((b) => b.at === a.at && b.kind === a.kind && b.lookup === a.lookup)) });
        });
      },
    };
  }

  private async write(next: SecretAttempts): Promise<void> {
    if (next.door.failures === 0 && Object.keys(next.users).length === 0 && next.pending.length === 0) {
      await fs.rm(this.file, { force: true });
      return;
    }
    await writeFileAtomic(this.file, JSON.stringify(next));
  }
}
