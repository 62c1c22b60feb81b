import type { Language, TermReport } from '../../../src/contract';
import type { CipherCheckOptions, DriverName, SqlValue } from '../db/driver';

/**
 * The messages between the backend and its thread for long jobs (jobThread.ts, jobWorker.ts).
 * Every request names the connection it is for; the worker answers each with its id.
 */
export type JobRequest =
  | { op: 'open'; driver: DriverName; file: string; key: Uint8Array; create: boolean }
  | { op: 'exec'; conn: number; sql: string }
  | { op: 'run' | 'get' | 'all'; conn: number; sql: string; params: readonly SqlValue[] }
  | { op: 'cipherIntegrityCheck'; conn: number; options: CipherCheckOptions | undefined }
  | { op: 'close'; conn: number }
  | { op: 'termPdf'; report: TermReport; language: Language; today: string };

/** What a thrown error keeps across the thread: enough for the callers' checks (WrongKeyError, SQLite's codes), no stack. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string;
}

export type JobReply = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: ThreadError });
