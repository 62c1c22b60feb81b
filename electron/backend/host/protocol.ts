/**
 * The messages between the Electron main thread and the backend's worker
 * thread (issue 7: database work off the main thread's event loop). The main
 * side is electron/main/workerBackendHost.ts; the worker side is serve.ts,
 * started by worker.ts. Everything here survives structured cloning, as
 * Electron's IPC results already must.
 */
import type { Result } from '../../../src/contract';
import type { DriverName } from '../db/driver';

export type LockReason = 'os' | 'idle' | 'manual';

/** Main → worker. `id` pairs a request with its reply. */
export type HostRequest =
  | { id: number; op: 'call'; method: unknown; input: unknown }
  | { id: number; op: 'lockNow'; reason: LockReason }
  | { id: number; op: 'lockIfIdle' };

/** Worker → main: the answer to one request. */
export type HostReply =
  | { type: 'reply'; id: number; op: 'call'; result: Result<unknown> }
  | { type: 'reply'; id: number; op: 'lockNow' }
  | { type: 'reply'; id: number; op: 'lockIfIdle'; locked: boolean }
  /** The request could not be carried out at all (never a backend error: those are results). */
  | { type: 'reply'; id: number; op: HostRequest['op']; failed: string };

/** Worker → main, unasked. */
export type HostEvent =
  | { type: 'ready'; driver: DriverName; kdfN: number }
  /** The backend could not start (for example its database driver would not load); the worker exits. */
  | { type: 'fatal'; error: Record<string, string> }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, string | number | boolean> };

export type WorkerMessage = HostReply | HostEvent;

/** What the worker is started with (`workerData`). */
export interface WorkerSettings {
  dataDir: string;
}

const lockReasons: readonly string[] = ['os', 'idle', 'manual'];

/** The worker trusts only the envelope's shape; method and input are checked by the dispatcher like any call. */
export function isHostRequest(message: unknown): message is HostRequest {
  if (typeof message !== 'object' || message === null) return false;
  const { id, op, reason } = message as { id?: unknown; op?: unknown; reason?: unknown };
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return false;
  if (op === 'call' || op === 'lockIfIdle') return true;
  return op === 'lockNow' && typeof reason === 'string' && lockReasons.includes(reason);
}

export function isWorkerSettings(data: unknown): data is WorkerSettings {
  return typeof data === 'object' && data !== null && typeof (data as { dataDir?: unknown }).dataDir === 'string';
}
