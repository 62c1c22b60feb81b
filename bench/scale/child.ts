import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addDays, derivedTerm, localDate } from '../../src/contract';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { driverByName, driverNames, type DriverName } from '../../electron/backend/db/drivers';
import { vaultPaths } from '../../electron/backend/vault/paths';
import { fastCall, screenCalls, type Fixtures, type ScreenCall } from './calls';
import type { CallResult, JobResult, ScaleResult } from './results';
import { ensureVault, fastKdf, must, openCopy, scaleAccounts } from './vault';

/**
 * One measurement of one driver at one size, in a process of its own (started
 * by bench/scale.bench.ts with --expose-gc), so its memory is the backend's
 * alone: `node --expose-gc --import tsx bench/scale/child.ts RESULT.json`
 * with SEBAYA_DB_DRIVER and SEBAYA_SCALE_SIZE set. Progress goes to stderr;
 * the result to RESULT.json.
 */

const log = (message: string) => process.stderr.write(`  [scale] ${message}\n`);

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
/** Warm runs per screen call, and the time after which a slow call stops early (after at least three runs). */
const runs = numberFromEnv('SEBAYA_SCALE_RUNS', 15);
const secondsPerCall = numberFromEnv('SEBAYA_SCALE_CALL_SECONDS', 15);
const jobRuns = numberFromEnv('SEBAYA_SCALE_JOB_RUNS', 1);
/** Only the long jobs (no screen calls, no memory figures): for working on the jobs themselves. */
const jobsOnly = process.env.SEBAYA_SCALE_JOBS_ONLY === '1';

async function findFixtures(backend: Backend): Promise<Fixtures> {
  const db = backend.session.db;
  const one = async (sql: string): Promise<number> => {
    const row = await db.get<{ v: number }>(sql);
    if (row?.v == null) throw new Error(`no fixture for: ${sql}`);
    return row.v;
  };
  const bigCaseId = await one("SELECT cl.case_id AS v FROM case_logs cl JOIN cases c ON c.id = cl.case_id WHERE c.status != 'closed' GROUP BY cl.case_id ORDER BY count(*) DESC LIMIT 1");
  const log = (await db.get<{ id: number; peer_id: number }>("SELECT id, peer_id FROM session_logs WHERE status = 'approved' ORDER BY id DESC LIMIT 1"))!;
  const today = localDate(new Date());
  return {
    bigCaseId,
    recentCaseId: await one("SELECT max(id) AS v FROM cases WHERE status != 'closed'"),
    logId: log.id,
    logPeerId: log.peer_id,
    busyPeerId: await one(
      "SELECT l.peer_id AS v FROM session_logs l JOIN peers p ON p.id = l.peer_id WHERE p.status = 'active' GROUP BY l.peer_id ORDER BY count(*) DESC LIMIT 1",
    ),
    busyHelpSeekerId: await one(`SELECT help_seeker_id AS v FROM cases WHERE id = ${bigCaseId}`),
    meetingId: await one("SELECT max(id) AS v FROM supervision_meetings WHERE status = 'held'"),
    currentTermId: (await must(backend, 'reports.terms', {})).currentTermId,
    lastFullTermId: derivedTerm(addDays(derivedTerm(today).start, -1)).id,
    deepAuditId: Math.floor((await one('SELECT max(id) AS v FROM audit_log')) / 10),
  };
}

/** The result's main array: the one named, or else the first array among its fields. */
function rowsOf(value: unknown, key: string | undefined): number | null {
  if (Array.isArray(value)) return value.length;
  if (!value || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if (key) return Array.isArray(record[key]) ? (record[key] as unknown[]).length : null;
  const first = Object.values(record).find(Array.isArray) as unknown[] | undefined;
  return first ? first.length : null;
}

async function measureCall(backend: Backend, call: ScreenCall, fixtures: Fixtures): Promise<CallResult> {
  const input = typeof call.input === 'function' ? (call.input as (f: Fixtures) => unknown)(fixtures) : call.input;
  const base = { screen: call.screen, method: call.method, as: call.as ?? 'coordinator', input: JSON.stringify(input) } as const;
  // The first call warms the caches and gives the rows and bytes; it is not a sample.
  const first = await backend.call(call.method, input);
  if (!first.ok) {
    const { code, message } = first.error;
    const problem = code === 'VALIDATION' ? `input refused: ${message}` : `${code}: ${message}`;
    return { ...base, samplesMs: [], rows: null, bytes: null, problem };
  }
  const rows = rowsOf(first.value, call.rows);
  const bytes = Buffer.byteLength(JSON.stringify(first.value));
  const samplesMs: number[] = [];
  const started = performance.now();
  while (samplesMs.length < runs && (samplesMs.length < 3 || performance.now() - started < secondsPerCall * 1000)) {
    const t0 = performance.now();
    const result = await backend.call(call.method, input);
    samplesMs.push(performance.now() - t0);
    if (!result.ok) return { ...base, samplesMs, rows, bytes, problem: `${result.error.code}: ${result.error.message}` };
  }
  return { ...base, samplesMs, rows, bytes, problem: null };
}

async function signInAs(backend: Backend, who: 'coordinator' | 'supervisor'): Promise<void> {
  await must(backend, 'session.lock', {});
  await must(backend, 'vault.unlock', scaleAccounts[who]);
}

async function copyWithFsync(from: string, to: string): Promise<void> {
  await fs.copyFile(from, to);
  const handle = await fs.open(to, 'r+');
  await handle.sync();
  await handle.close();
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function timed(work: () => Promise<unknown>, times: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * A restore onto an empty PC (no vault, so no fast call beside it): a new data folder
 * each run, as a school's new computer would have.
 */
async function restoreJob(job: string, driver: DriverName, scratch: string, file: string | null): Promise<JobResult> {
  const result: JobResult = { job, method: 'backups.restore', baseline: 'backup-copy', durationMs: [], fastWaitMs: [], problem: file ? null : 'no backup to restore' };
  if (!file) return result;
  for (let i = 0; i < jobRuns; i += 1) {
    const newPc = createBackend({ dataDir: mkdtempSync(path.join(scratch, 'new-pc-')), driver: driverByName(driver), kdfCost: fastKdf });
    const t0 = performance.now();
    const done = await newPc.call('backups.restore', { file, credential: { kind: 'password', ...scaleAccounts.coordinator } });
    result.durationMs.push(performance.now() - t0);
    await fs.rm(newPc.session.config.dataDir, { recursive: true, force: true });
    if (!done.ok) {
      result.problem = `${done.error.code}: ${done.error.message}`;
      break;
    }
  }
  return result;
}

/** Between two fast calls while a job runs: a person clicking about, not a loop that starves the job. */
const fastCallEveryMs = 25;

/**
 * Starts the job, issues the fast call right after it and again every 25 ms until the job has
 * answered (each one 25 ms after the last has answered), and times the job and every fast call.
 */
async function longJob(
  backend: Backend,
  job: string,
  method: ScreenCall['method'],
  input: unknown,
  baseline: JobResult['baseline'],
): Promise<JobResult & { value?: unknown }> {
  const result: JobResult & { value?: unknown } = { job, method, baseline, durationMs: [], fastWaitMs: [], problem: null };
  for (let i = 0; i < jobRuns; i += 1) {
    const t0 = performance.now();
    let finished = false;
    const running = backend.call(method, input).finally(() => (finished = true));
    // Timed from when the call was due, not from when this thread got round to making it: a
    // statement that holds the thread (the Windows driver's, in the queue) delays a click that
    // arrives meanwhile just as much as one waiting in the queue.
    let due = performance.now();
    do {
      await backend.call(fastCall.method, fastCall.input);
      result.fastWaitMs.push(performance.now() - due);
      due = performance.now() + fastCallEveryMs;
      if (!finished) await new Promise((resolve) => setTimeout(resolve, fastCallEveryMs));
    } while (!finished);
    const done = await running;
    result.durationMs.push(performance.now() - t0);
    if (!done.ok) {
      result.problem = `${done.error.code}: ${done.error.message}`;
      break;
    }
    result.value = done.value;
  }
  return result;
}

/** A roster file of `rows` new peers, in the columns a school's spreadsheet has. */
function rosterFile(rows: number): string {
  const lines = ['Nama;Kelas;Sumber nominasi;Dinominasikan oleh;Tanggal nominasi'];
  for (let i = 1; i <= rows; i += 1) lines.push(`Siswa Impor ${i};${7 + (i % 3)}${'ABCDEFGH'[i % 8]};guru;Bu Sari;28/07/2026`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const out = process.argv[2];
  const driver = process.env.SEBAYA_DB_DRIVER as DriverName;
  const size = Number(process.env.SEBAYA_SCALE_SIZE);
  if (!out || !(driverNames as readonly string[]).includes(driver) || !Number.isInteger(size) || size < 100) {
    throw new Error('usage: SEBAYA_DB_DRIVER=<driver> SEBAYA_SCALE_SIZE=<logs> node --expose-gc --import tsx bench/scale/child.ts RESULT.json');
  }
  const { dir, manifest, built } = await ensureVault(driver, size, log);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sebaya-scale-run-'));
  try {
    log(`${driver}, ${size.toLocaleString('en')} logs: copying the cached vault and opening it`);
    const backend = await openCopy(dir, scratch, driver);
    const fixtures = await findFixtures(backend);

    // Every screen's calls, the coordinator's first, then the supervisor's.
    const calls = new Map<ScreenCall, CallResult>();
    for (const who of jobsOnly ? [] : (['coordinator', 'supervisor'] as const)) {
      const mine = screenCalls.filter((c) => (c.as ?? 'coordinator') === who);
      if (mine.length === 0) continue;
      if (who !== 'coordinator') await signInAs(backend, who);
      for (const call of mine) {
        log(`${who}: ${call.method} ${typeof call.input === 'function' ? '(…)' : JSON.stringify(call.input)}`);
        calls.set(call, await measureCall(backend, call, fixtures));
      }
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const memoryNow = process.memoryUsage();
    const memory = {
      rssAfterGcBytes: memoryNow.rss,
      heapUsedBytes: memoryNow.heapUsed,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      gcAvailable: gc !== undefined,
    };
    await signInAs(backend, 'coordinator');

    // The long jobs, beside plain file operations on the same bytes.
    const database = vaultPaths(backend.session.config.dataDir).database;
    await backend.session.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    log('long jobs: baselines (copy + fsync, SHA-256 of the vault file)');
    const copyTarget = path.join(scratch, 'copy.db');
    const copyFsyncMs = await timed(async () => {
      await copyWithFsync(database, copyTarget);
      await fs.rm(copyTarget);
    }, 3);
    const sha256Ms = await timed(() => sha256(database), 3);
    const jobs: Array<JobResult & { value?: unknown }> = [];
    log('long jobs: backups.create');
    await fs.mkdir(path.join(scratch, 'stick'));
    const backup = await longJob(backend, 'backup', 'backups.create', { folder: path.join(scratch, 'stick') }, 'copy');
    const backupFile = (backup.value as { file?: string } | undefined)?.file ?? null;
    delete backup.value;
    jobs.push(backup);
    const backupCopy = path.join(scratch, 'backup-copy');
    const backupCopyFsyncMs = backupFile
      ? await timed(async () => {
          await copyWithFsync(backupFile, backupCopy);
          await fs.rm(backupCopy);
        }, 3)
      : [];
    // First as a script would (nothing checked this backup before), then in the restore screen's order: its full check, then the restore.
    log('long jobs: backups.restore onto an empty PC');
    jobs.push(await restoreJob('restore, no check before', driver, scratch, backupFile));
    log('long jobs: backups.verify (full)');
    jobs.push(
      backupFile
        ? await longJob(backend, 'backup check (full)', 'backups.verify', { file: backupFile, credential: { kind: 'password', ...scaleAccounts.coordinator } }, 'sha256')
        : { job: 'backup check (full)', method: 'backups.verify', baseline: 'sha256', durationMs: [], fastWaitMs: [], problem: 'no backup to check' },
    );
    log('long jobs: backups.restore after the full check');
    jobs.push(await restoreJob('restore after its full check', driver, scratch, backupFile));
    log('long jobs: vault.check');
    jobs.push(await longJob(backend, 'vault check', 'vault.check', {}, 'sha256'));
    log('long jobs: audit.verify (full)');
    jobs.push(await longJob(backend, 'audit chain (full)', 'audit.verify', { full: true }, 'sha256'));
    log('long jobs: reports.exportPdf');
    jobs.push(await longJob(backend, 'term report PDF', 'reports.exportPdf', { termId: fixtures.lastFullTermId, language: 'id' }, null));
    // Last, because it writes: 5,000 new peers, the most a file may hold.
    const roster = rosterFile(5000);
    log('long jobs: peers.importPreview, peers.importCommit (5,000 rows)');
    jobs.push(await longJob(backend, 'roster import: preview, 5,000 rows', 'peers.importPreview', { csv: roster }, null));
    jobs.push(await longJob(backend, 'roster import: commit, 5,000 rows', 'peers.importCommit', { csv: roster }, null));
    await must(backend, 'session.lock', {});
    for (const job of jobs) delete job.value;

    const result: ScaleResult = {
      driver,
      size,
      manifest,
      built,
      cacheDir: dir,
      calls: screenCalls.filter((c) => calls.has(c)).map((c) => calls.get(c)!),
      baselines: { copyFsyncMs, sha256Ms, backupCopyFsyncMs },
      jobs,
      memory,
    };
    await fs.writeFile(out, JSON.stringify(result));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
