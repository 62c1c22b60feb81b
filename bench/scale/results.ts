import type { DriverName } from '../../electron/backend/db/drivers';
import type { Manifest } from './vault';

/** What one child process (one driver, one size) hands back to scale.bench.ts, as JSON. */
export interface ScaleResult {
  driver: DriverName;
  size: number;
  manifest: Manifest;
  /** True when this run built the vault (otherwise it reused the cache). */
  built: boolean;
  cacheDir: string;
  calls: CallResult[];
  /** Plain file operations on the same bytes as the jobs: the vault file, and the backup file the backup job wrote. */
  baselines: { copyFsyncMs: number[]; sha256Ms: number[]; backupCopyFsyncMs: number[] };
  jobs: JobResult[];
  memory: { rssAfterGcBytes: number; heapUsedBytes: number; peakRssBytes: number; gcAvailable: boolean };
}

export interface CallResult {
  screen: string;
  method: string;
  as: 'coordinator' | 'supervisor';
  /** The input as sent, as JSON. */
  input: string;
  samplesMs: number[];
  /** Length of the result's main array; null when it has none. */
  rows: number | null;
  /** Bytes of the result as JSON. */
  bytes: number | null;
  /** Why there are no samples: `input refused: …` (the contract said no to the input) or the error. */
  problem: string | null;
}

export interface JobResult {
  job: string;
  method: string;
  /** Which plain file operation the job's own duration is compared with. */
  baseline: 'copy' | 'sha256' | 'backup-copy' | null;
  durationMs: number[];
  /** How long each fast call due while the job ran (right after it started, then every 25 ms) waited for its answer, from when it was due; none for a job on a PC without a vault. */
  fastWaitMs: number[];
  problem: string | null;
}
