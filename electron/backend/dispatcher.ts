import {
  fail,
  isMethodName,
  methods,
  ok,
  validationError,
  type Access,
  type AppErrorPayload,
  type MethodName,
  type Result,
  type VaultState,
} from '../../src/contract';
import { AppError, conflict, locked, notFound } from './errors';
import { BesideTheQueue, type Context, type HandlerMap } from './handler';
import { describeErrorSafely, type Logger } from './logger';
import { OneAtATime } from './platform/oneAtATime';
import type { Session } from './session';

const internalMessage = 'Something went wrong inside Sebaya. Nothing was changed.';

/**
 * The single door into the backend, shared by Electron IPC, the web harness and
 * the CLI. For every call: known method → vault state and (when unlocked)
 * role allowed, as the contract's `access` says → input valid → handler →
 * output valid. Errors leave as `{ code, message }`
 * with no stack, SQL or personal data.
 */
export class Dispatcher {
  private readonly queue = new OneAtATime();

  constructor(
    private readonly session: Session,
    private readonly handlers: HandlerMap<MethodName>,
    private readonly context: Context,
    private readonly logger: Logger,
  ) {}

  async call(name: unknown, input: unknown): Promise<Result<unknown>> {
    const first = await this.serialize(() => this.dispatch(name, input));
    return first instanceof BesideTheQueue ? this.finishBeside(name as MethodName, first) : first;
  }

  /** The part of a call that runs beside the queue, then its last step back in it (handler.ts, BesideTheQueue). */
  private async finishBeside(name: MethodName, work: BesideTheQueue): Promise<Result<unknown>> {
    try {
      const result = await work.outside();
      return await this.serialize(async () => this.checkedOutput(name, await work.inside(result)));
    } catch (error) {
      return this.failure(name, error);
    }
  }

  /**
   * One call at a time: the drivers are asynchronous, and a transaction must
   * not interleave with another call's statements on the same connection.
   */
  serialize<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(work);
  }

  private async dispatch(name: unknown, rawInput: unknown): Promise<Result<unknown> | BesideTheQueue> {
    if (typeof name !== 'string' || !isMethodName(name)) {
      return fail({ code: 'NOT_FOUND', message: 'There is no such operation.', reason: 'method' });
    }
    // Everything after the name check is inside the try: the idle check and the
    // role check read the database too, and a failure there must still come
    // back as a result, not as a thrown error with SQLite's message and a stack.
    try {
      return await this.checkAndRun(name, rawInput);
    } catch (error) {
      return this.failure(name, error);
    }
  }

  private failure(name: MethodName, error: unknown): Result<unknown> {
    if (error instanceof AppError) return fail(error.toPayload());
    this.logger.error('unexpected error', { method: name, ...describeErrorSafely(error) });
    return fail({ code: 'INTERNAL', message: internalMessage });
  }

  private checkedOutput(name: MethodName, value: unknown): Result<unknown> {
    const output = methods[name].output.safeParse(value);
    if (!output.success) {
      this.logger.error('handler returned output outside the contract', { method: name });
      return fail({ code: 'INTERNAL', message: internalMessage });
    }
    return ok(output.data);
  }

  private async checkAndRun(name: MethodName, rawInput: unknown): Promise<Result<unknown> | BesideTheQueue> {
    const spec = methods[name];
    // Every call but a lock checks for idleness first, public ones included: a handover
    // or a recovery unlock left unattended must not accept a PIN or a new password
    // after the auto-lock time just because no timer ran (web harness, a PC waking
    // from sleep). A lock is left alone so the drafts it carries are saved for their user.
    if (name !== 'session.lock') await this.session.lockIfIdle();
    await this.session.init();
    const state = this.session.currentState;
    if (!spec.access.states.includes(state)) return fail(wrongState(spec.access, state));
    if (state === 'unlocked') {
      const actor = this.session.currentActor;
      if (!actor) return fail(locked().toPayload());
      if (!spec.access.roles.includes(actor.role)) {
        return fail({ code: 'FORBIDDEN', message: 'Your role is not allowed to do this.' });
      }
    }
    // reportInput lets the error tell a missing field from a wrong type (see issueToError);
    // the input itself never goes into the payload.
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput, { reportInput: true });
    if (!parsed.success) return fail(validationError(parsed.error));

    const handler = this.handlers[name] as (input: unknown, ctx: Context) => Promise<unknown>;
    const value = await handler(parsed.data, this.context);
    // A call that needs someone at the PC counts as activity; one also open while locked
    // (status, lock, finding a backup) does not, or polling the status would keep a vault open;
    // nor does a screen polling a long job's progress.
    if (!spec.access.states.includes('locked') && !spec.polled) this.session.touch();
    if (value instanceof BesideTheQueue) return value;
    return this.checkedOutput(name, value);
  }
}

/**
 * The answer for a call in a state its method is not for: LOCKED for work that
 * needs an open vault; for the methods that open one, what the person at the
 * screen needs to hear instead (there is no vault yet, there is one already,
 * it is already open).
 */
export function wrongState(access: Access, state: VaultState): AppErrorPayload {
  const opensVault = !access.states.includes('unlocked');
  if (opensVault && access.states.every((s) => s === 'no-vault')) {
    return conflict('vault-exists', 'A vault already exists on this computer.').toPayload();
  }
  if (opensVault && access.states.every((s) => s === 'locked')) {
    if (state === 'no-vault') return notFound('vault').toPayload();
    return conflict('already-unlocked', 'The vault is already unlocked.').toPayload();
  }
  if (access.states.includes('handover') && state !== 'no-vault') {
    return locked('A staff member must unlock the vault and hand it over first.').toPayload();
  }
  return locked().toPayload();
}
