import { fail, isMethodName, methods, ok, validationError, type MethodName, type Result } from '../../src/contract';
import { AppError } from './errors';
import type { Context, HandlerMap } from './handler';
import { describeErrorSafely, type Logger } from './logger';
import type { Session } from './session';

const internalMessage = 'Something went wrong inside Sebaya. Nothing was changed.';

/**
 * The single door into the backend, shared by Electron IPC, the web harness and
 * the CLI. For every call: known method → vault unlocked and role allowed →
 * input valid → handler → output valid. Errors leave as `{ code, message }`
 * with no stack, SQL or personal data.
 */
export class Dispatcher {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly session: Session,
    private readonly handlers: HandlerMap<MethodName>,
    private readonly context: Context,
    private readonly logger: Logger,
  ) {}

  call(name: unknown, input: unknown): Promise<Result<unknown>> {
    return this.serialize(() => this.dispatch(name, input));
  }

  /**
   * One call at a time: the drivers are asynchronous, and a transaction must
   * not interleave with another call's statements on the same connection.
   */
  serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async dispatch(name: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (typeof name !== 'string' || !isMethodName(name)) {
      return fail({ code: 'NOT_FOUND', message: 'There is no such operation.', reason: 'method' });
    }
    // Everything after the name check is inside the try: the idle check and the
    // role check read the database too, and a failure there must still come
    // back as a result, not as a thrown error with SQLite's message and a stack.
    try {
      return await this.checkAndRun(name, rawInput);
    } catch (error) {
      if (error instanceof AppError) return fail(error.toPayload());
      this.logger.error('unexpected error', { method: name, ...describeErrorSafely(error) });
      return fail({ code: 'INTERNAL', message: internalMessage });
    }
  }

  private async checkAndRun(name: MethodName, rawInput: unknown): Promise<Result<unknown>> {
    const spec = methods[name];
    // Every call but a lock checks for idleness first, public ones included: a handover
    // or a recovery unlock left unattended must not accept a PIN or a new password
    // after the auto-lock time just because no timer ran (web harness, a PC waking
    // from sleep). A lock is left alone so the drafts it carries are saved for their user.
    if (name !== 'session.lock') await this.session.lockIfIdle();
    if (spec.access !== 'public') {
      const actor = this.session.currentActor;
      if (!actor) return fail({ code: 'LOCKED', message: 'The vault is locked.' });
      if (!spec.access.includes(actor.role)) {
        return fail({ code: 'FORBIDDEN', message: 'Your role is not allowed to do this.' });
      }
    }
    // reportInput lets the error tell a missing field from a wrong type (see issueToError);
    // the input itself never goes into the payload.
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput, { reportInput: true });
    if (!parsed.success) return fail(validationError(parsed.error));

    const handler = this.handlers[name] as (input: unknown, ctx: Context) => Promise<unknown>;
    const value = await handler(parsed.data, this.context);
    const output = spec.output.safeParse(value);
    if (!output.success) {
      this.logger.error('handler returned output outside the contract', { method: name });
      return fail({ code: 'INTERNAL', message: internalMessage });
    }
    if (spec.access !== 'public') this.session.touch();
    return ok(output.data);
  }
}
