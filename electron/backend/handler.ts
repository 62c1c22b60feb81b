import type { z } from 'zod';
import type { AuditAction, MethodName, MethodOutput, Methods } from '../../src/contract';
import type { Clock } from './clock';
import type { Database } from './db/database';
import { locked } from './errors';
import type { Logger } from './logger';
import type { AuditDetails } from './repositories/audit';
import type { Actor, Session } from './session';
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
