import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { driverNames, type DriverName } from '../electron/backend/db/drivers';
import type { Benchmark, BenchRow } from './bench';
import { defaultSize, sizeLabel } from './scale/counts';
import { driverLabel, formatBytes, scaleReport, type Failure } from './scale/report';
import type { ScaleResult } from './scale/results';

/**
 * `npm run bench -- scale`: a district's ten years in one vault (bench/scale/seed.ts),
 * every screen's calls against it (bench/scale/calls.ts), the long jobs with a
 * fast call beside them, and the backend's memory. One child process per
 * driver and size (bench/scale/child.ts), so each one's memory is its own.
 *
 * - SEBAYA_SCALE_SIZES=10000,50000,100000,200000: session logs per vault (default 100000);
 *   with several, a growth table puts each call's p95 side by side.
 * - SEBAYA_DB_DRIVER: only that driver; unset, both drivers run, one after the other.
 * - SEBAYA_SCALE_RUNS (15), SEBAYA_SCALE_CALL_SECONDS (15), SEBAYA_SCALE_JOB_RUNS (1): samples.
 * - SEBAYA_SCALE_JOBS_ONLY=1: only the long jobs (backup, checks, restore, PDF), no screen calls.
 *
 * The vault of each driver and size is built once and cached in the temp folder
 * (os.tmpdir()/sebaya-scale-<driver>-<size>-<schemaVersion>); each run measures a copy of it.
 */

function sizesFromEnv(): number[] {
  const text = process.env.SEBAYA_SCALE_SIZES?.trim();
  if (!text) return [defaultSize];
  const sizes = text.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  const wrong = sizes.find((n) => !Number.isInteger(n) || n < 100);
  if (wrong !== undefined) throw new Error(`SEBAYA_SCALE_SIZES="${text}": each size is a whole number of session logs, at least 100.`);
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function driversFromEnv(): DriverName[] {
  const requested = process.env.SEBAYA_DB_DRIVER?.trim();
  if (!requested) return [...driverNames];
  if (!(driverNames as readonly string[]).includes(requested)) {
    throw new Error(`SEBAYA_DB_DRIVER="${requested}" is not a driver; use one of: ${driverNames.join(', ')}.`);
  }
  return [requested as DriverName];
}

/** Runs bench/scale/child.ts for one driver and size and reads back what it measured. */
function runChild(driver: DriverName, size: number, folder: string): Promise<ScaleResult> {
  const out = path.join(folder, `${driver}-${size}.json`);
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'scale', 'child.ts'), out], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, SEBAYA_DB_DRIVER: driver, SEBAYA_SCALE_SIZE: String(size) },
    // Progress only, never the tables: the child's stdout goes to our stderr too.
    stdio: ['ignore', 2, 2],
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) {
        resolve(JSON.parse(readFileSync(out, 'utf8')) as ScaleResult);
      } else {
        reject(new Error(`the measuring process ended with ${signal ?? `exit code ${code}`} (its messages are above)`));
      }
    });
  });
}

const results: ScaleResult[] = [];
const failures: Failure[] = [];

function benchRows(r: ScaleResult): BenchRow[] {
  const label = `${driverLabel(r.driver)} ${sizeLabel(r.size)}`;
  const job = (name: string) => r.jobs.find((j) => j.job === name && j.durationMs.length > 0);
  const rows: BenchRow[] = [];
  const add = (c: string, what: string, samples: number[] | undefined, baseline = false) => {
    if (samples?.length) rows.push({ case: c, what, samplesMs: samples, ...(baseline ? { baseline } : {}) });
  };
  const write = `${label}: write, ${formatBytes(r.manifest.databaseBytes)}`;
  add(write, 'copy + fsync of the vault file', r.baselines.copyFsyncMs, true);
  add(write, 'backups.create', job('backup')?.durationMs);
  const read = `${label}: read, ${formatBytes(r.manifest.databaseBytes)}`;
  add(read, 'SHA-256 of the vault file', r.baselines.sha256Ms, true);
  add(read, 'backups.verify with a password (full)', job('backup check (full)')?.durationMs);
  add(read, 'vault.check', job('vault check')?.durationMs);
  add(read, 'audit.verify {full: true}', job('audit chain (full)')?.durationMs);
  const restore = `${label}: restore onto an empty PC`;
  add(restore, 'copy + fsync of the backup file', r.baselines.backupCopyFsyncMs, true);
  add(restore, 'backups.restore, nothing checked it before', job('restore, no check before')?.durationMs);
  add(restore, 'backups.restore right after its full check', job('restore after its full check')?.durationMs);
  add(`${label}: term report`, 'reports.exportPdf, last full term', job('term report PDF')?.durationMs);
  return rows;
}

const benchmark: Benchmark = {
  name: 'scale',
  about:
    'A district vault written with SQL (bench/scale/seed.ts: per 100k logs 1,000 peers, 30,000 help-seekers, 20,000 cases, 2,000 meetings, ' +
    'about half a million hash-chained audit entries, no ANALYZE, as the app never runs one); each call goes through the dispatcher ' +
    '(validation of input and output included, IPC and rendering not). The rows above are the long jobs next to plain file operations on ' +
    'the same vault file, and the restores next to a copy of the backup they read; the tables below hold every screen call with its budget. Both drivers run unless SEBAYA_DB_DRIVER names one; ' +
    'SEBAYA_SCALE_SIZES=10000,50000,100000,200000 adds the growth table. The first run of a size builds its vault and caches it in the temp folder.',
  async run() {
    const sizes = sizesFromEnv();
    const drivers = driversFromEnv();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'sebaya-scale-results-'));
    try {
      for (const driver of drivers) {
        for (const size of sizes) {
          process.stderr.write(`scale: ${driver}, ${size.toLocaleString('en')} session logs\n`);
          try {
            results.push(await runChild(driver, size, folder));
          } catch (error) {
            failures.push({ driver, size, message: error instanceof Error ? error.message : String(error) });
          }
        }
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    return results.flatMap(benchRows);
  },
  report: () => scaleReport(results, failures),
};

export default benchmark;
