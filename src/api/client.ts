import {
  methods,
  type AppErrorPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
} from '../contract';
import type { BackendEvent, SebayaBridge } from '../contract/bridge';

/**
 * How the renderer reaches the backend: the preload bridge inside Electron, or
 * the web harness (development and end-to-end tests) over fetch with the
 * per-run token the harness wrote into the page.
 */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent?(listener: (event: BackendEvent) => void): () => void;
}

export class ApiError extends Error {
  constructor(readonly payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
  }

  get code() {
    return this.payload.code;
  }
}

const unreachable: AppErrorPayload = { code: 'INTERNAL', message: 'The backend did not answer.', reason: 'network' };

function harnessTransport(token: string): Transport {
  return {
    async call(method, input) {
      try {
        const response = await fetch('/__sebaya/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-sebaya-token': token },
          body: JSON.stringify({ method, input }),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: unreachable };
      }
    },
  };
}

function pickTransport(): Transport {
  const bridge = (globalThis as { sebaya?: SebayaBridge }).sebaya;
  if (bridge) return bridge;
  const token = globalThis.document?.querySelector('meta[name="sebaya-harness-token"]')?.getAttribute('content');
  if (token) return harnessTransport(token);
  return { call: async () => ({ ok: false, error: unreachable }) };
}

let transport: Transport | null = null;
let lockedListener: (() => void) | null = null;

function currentTransport(): Transport {
  transport ??= pickTransport();
  return transport;
}

/** For renderer tests: a fake backend. */
export function setTransport(next: Transport | null): void {
  transport = next;
}

/** Called when the backend answers LOCKED to a signed-in call: the vault was locked behind the renderer's back. */
export function onBackendLocked(listener: () => void): void {
  lockedListener = listener;
}

export function onBackendEvent(listener: (event: BackendEvent) => void): () => void {
  return currentTransport().onEvent?.(listener) ?? (() => undefined);
}

let changedListener: ((method: MethodName) => void) | null = null;

/** Called after every successful call that may have changed what screens show: a method of the open vault not marked `reads`. */
export function onRecordsChanged(listener: (method: MethodName) => void): void {
  changedListener = listener;
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await currentTransport().call(method, input);
  if (result.ok) {
    // Only a change inside the open vault: a restore, a lock or a hand-over ends what is on screen anyway.
    const spec = methods[method];
    if (!spec.reads && spec.access.states.every((state) => state === 'unlocked')) changedListener?.(method);
    return result.value as MethodOutput<M>;
  }
  if (result.error.code === 'LOCKED' && !methods[method].access.states.includes('locked')) lockedListener?.();
  throw new ApiError(result.error);
}
