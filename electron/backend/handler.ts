import type { z } from 'zod';
import type { AuditAction, JobKind, MethodName, MethodOutput, Methods } from '../../src/contract';
import type { Clock } from './clock';
import type { Database } from './db/database';
import { locked } from './errors';
import type { Logger } from './logger';
import type { AuditDetails } from './repositories/audit';
import type { Actor, Job, Session } from './session';
import type { OpenVault } from './vault/vault';

/** What a handler gets besides its validated input. */
export class Context {
  constructor(
    readonly session: Session,
    readonly clock: Clock,
    readonly logger: Logger,
  ) {}

  get db(): Database {
    return this.session.db;
  }

  get vault(): OpenVault {
    return this.session.openVault;
  }

  /** The signed-in user; the dispatcher has already checked the role. */
  get actor(): Actor {
    const actor = this.session.currentActor;
    if (!actor) throw locked();
    return actor;
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  audit(action: AuditAction, target: string | null = null, details: AuditDetails = {}): Promise<void> {
    return this.session.audit(action, target, details);
  }
}

export type Handler<M extends MethodName> = (input: z.output<Methods[M]['input']>, ctx: Context) => Promise<MethodOutput<M>>;

export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };

/**
 * Work a handler hands back to run beside the call queue (issue 12: a full audit check of ten
 * years held every other call for seconds): `outside` runs after the queue has moved on, on its
 * own read connection (`OpenVault.openReader`), so every other call keeps answering; `inside`,
 * if given, then runs in the queue again for whatever the result must write. Its answer is
 * checked against the contract like any other.
 */
export class BesideTheQueue<T = unknown, O = unknown> {
  constructor(
    readonly outside: () => Promise<T>,
    readonly inside: (result: T) => Promise<O>,
  ) {}
}

export function besideTheQueue<T, O>(outside: () => Promise<T>, inside: (result: T) => Promise<O>): O {
  // Typed as the method's output for the handler map; the dispatcher recognises the instance.
  return new BesideTheQueue(outside, inside) as unknown as O;
}

/**
 * A long job that reads the vault beside the queue (issue 12). In the queue: the job is started
 * (CONFLICT while one of its kind runs), a read-only connection of its own is opened and its
 * snapshot taken, so it reads the vault exactly as it was when the call came and no write after
 * it can show half-way. `checkpointFirst` moves every committed page into the file just before the
 * snapshot: a snapshot that needs nothing from the WAL stops any checkpoint from writing into the
 * file while it is open (SQLite's WAL read lock 0), which a check that reads the file itself needs.
 * Beside the queue: `read`, while every other call answers. Back in the queue: `record` writes
 * what the result must, in the vault that was read; a lock in between ends it as LOCKED. The job
 * ends with `record`, so a job that writes (an import) is under way until it has.
 */
export async function readBesideTheQueue<T, O>(
  ctx: Context,
  how: { job?: JobKind; checkpointFirst?: boolean },
  read: (reader: Database, job: Job | null) => Promise<T>,
  record: (result: T, job: Job | null) => Promise<O>,
): Promise<O> {
  const vault = ctx.vault;
  const job = how.job ? ctx.session.startJob(how.job) : null;
  let reader: Database | null = null;
  try {
    reader = await vault.openReader();
    if (how.checkpointFirst) await ctx.db.exec('PRAGMA wal_checkpoint(PASSIVE)');
    await reader.beginSnapshot();
  } catch (error) {
    job?.end();
    if (reader) await vault.closeReader(reader);
    if (vault.isClosed) throw locked();
    throw error;
  }
  const opened = reader;
  return besideTheQueue(
    async () => {
      try {
        return await read(opened, job);
      } catch (error) {
        job?.end();
        // Locked while it read: the lock closed its connection.
        if (vault.isClosed) throw locked();
        throw error;
      } finally {
        await opened.endSnapshot();
        await vault.closeReader(opened);
      }
    },
    async (result) => {
      try {
        if (ctx.session.openVaultIfAny !== vault) throw locked();
        return await record(result, job);
      } finally {
        job?.end();
      }
    },
  );
}
