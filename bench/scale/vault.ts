import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDate, type MethodInput, type MethodName, type MethodOutput } from '../../src/contract';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { driverByName, type DriverName } from '../../electron/backend/db/drivers';
import { latestSchemaVersion } from '../../electron/backend/db/migrations';
import type { KdfCost } from '../../electron/backend/vault/kdf';
import { vaultPaths } from '../../electron/backend/vault/paths';
import { hashPin } from '../../electron/backend/vault/secrets';
import { countsFor, type ScaleCounts } from './counts';
import { seedDistrict } from './seed';

/** Cheap key slots: the bench measures the screens, not scrypt (bench/unlock.bench.ts does that). */
export const fastKdf: KdfCost = { N: 2 ** 10, r: 8, p: 1 };

export const scaleAccounts = {
  coordinator: { username: 'bk.kabupaten', password: 'bench district coordinator passphrase' },
  supervisor: { username: 'pembina.utama', password: 'bench district supervisor passphrase' },
} as const;

/**
 * Bumped whenever seed.ts writes a different vault, so a cached vault from
 * an older generator is built again rather than measured as if it were new.
 */
const generatorVersion = 1;

export interface Manifest {
  generatorVersion: number;
  driver: DriverName;
  schemaVersion: number;
  counts: ScaleCounts;
  /** Rows per table as built (audit_log included). */
  tables: Record<string, number>;
  builtOn: string;
  buildMs: number;
  databaseBytes: number;
}

export async function must<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** `os.tmpdir()/sebaya-scale-<driver>-<size>-<schemaVersion>`: holds `vault/` (the data folder) and `manifest.json`. */
export function cacheDirFor(driver: DriverName, size: number): string {
  return path.join(os.tmpdir(), `sebaya-scale-${driver}-${size}-${latestSchemaVersion}`);
}

function readManifest(dir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

const countedTables = [
  'users', 'peers', 'peer_status_history', 'training_records', 'help_seekers', 'help_seeker_identities', 'session_logs',
  'session_log_topics', 'session_log_reviews', 'session_log_addenda', 'cases', 'case_logs', 'case_events', 'referrals',
  'supervision_groups', 'supervision_meetings', 'supervision_attendees', 'action_items', 'peer_evaluations', 'outcome_measures',
  'outcome_measure_items', 'session_feedback', 'outreach_events', 'audit_log',
];

/**
 * The cached vault of this driver and size, built first when there is none
 * (or only one from an older generator). Building takes minutes at 100k logs;
 * it says so on stderr.
 */
export async function ensureVault(driver: DriverName, size: number, log: (message: string) => void): Promise<{ dir: string; manifest: Manifest; built: boolean }> {
  const dir = cacheDirFor(driver, size);
  const cached = readManifest(dir);
  if (cached?.generatorVersion === generatorVersion && existsSync(path.join(dir, 'vault'))) return { dir, manifest: cached, built: false };
  log(
    `${cached ? 'rebuilding (older generator)' : 'building'} the ${size.toLocaleString('en')}-log vault for ${driver} in ${dir}; ` +
      'this takes from seconds to a few minutes (about 20 s for 100k logs on a fast PC) and is reused afterwards',
  );
  const partial = `${dir}.partial-${process.pid}`;
  await fs.rm(partial, { recursive: true, force: true });
  await fs.mkdir(partial, { recursive: true });
  try {
    const manifest = await build(path.join(partial, 'vault'), driver, size, log);
    await fs.writeFile(path.join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rename(partial, dir);
    log(`built in ${(manifest.buildMs / 1000).toFixed(0)} s: ${(manifest.databaseBytes / 1024 / 1024).toFixed(0)} MB, ${manifest.tables.audit_log?.toLocaleString('en')} audit entries`);
    return { dir, manifest, built: true };
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    throw error;
  }
}

async function build(dataDir: string, driver: DriverName, size: number, log: (message: string) => void): Promise<Manifest> {
  const started = Date.now();
  const counts = countsFor(size);
  const today = localDate(new Date());
  // The accounts are made on the vault's first day, ten years ago, so the audit log reads in time order.
  let shiftMs = counts.days * 86_400_000;
  const clock = { now: () => new Date(Date.now() - shiftMs) };
  const backend = createBackend({ dataDir, driver: driverByName(driver), kdfCost: fastKdf, clock });
  const { coordinator, supervisor } = scaleAccounts;
  await must(backend, 'vault.create', {
    schoolName: 'Dinas Pendidikan Kabupaten Contoh (bench)',
    fullName: 'Sari Wulandari, S.Pd.',
    username: coordinator.username,
    password: coordinator.password,
    language: 'id',
  });
  const coordinatorId = (await must(backend, 'app.status', {})).user!.userId;
  const made = await must(backend, 'users.createStaff', { username: supervisor.username, fullName: 'Dewi Anggraini, M.Psi., Psikolog', role: 'supervisor' });
  await must(backend, 'vault.confirmSecretShown', { changeId: made.changeId });
  await must(backend, 'session.lock', {});
  await must(backend, 'vault.unlock', { username: supervisor.username, password: made.temporaryPassword });
  await must(backend, 'vault.setNewPassword', { newPassword: supervisor.password });
  await must(backend, 'session.lock', {});
  await must(backend, 'vault.unlock', coordinator);
  // Back to the real time; the session counts the change as activity, not as ten years of idling.
  shiftMs = 0;
  backend.session.touch();

  const db = backend.session.db;
  await seedDistrict(db, counts, { coordinatorId, supervisorId: made.user.id, pinHash: await hashPin('2468') }, today, (m) => log(`  ${m}`));
  // The Audit log screen's check from its checkpoint: proves the chain and leaves the checkpoint a used vault has.
  const verified = await must(backend, 'audit.verify', {});
  if (!verified.ok) throw new Error(`the seeded audit chain does not verify (broken at ${verified.brokenAtId})`);
  log(`  audit chain verified (${verified.checked.toLocaleString('en')} entries)`);
  const tables: Record<string, number> = {};
  for (const table of countedTables) tables[table] = (await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
  await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  await must(backend, 'session.lock', {});
  const databaseBytes = (await fs.stat(vaultPaths(dataDir).database)).size;
  return {
    generatorVersion,
    driver,
    schemaVersion: latestSchemaVersion,
    counts,
    tables,
    builtOn: today,
    buildMs: Date.now() - started,
    databaseBytes,
  };
}

/** A fresh copy of the cached vault in `scratch`, so measured calls (audit entries, backups) never change the cache. */
export async function openCopy(dir: string, scratch: string, driver: DriverName): Promise<Backend> {
  const dataDir = path.join(scratch, 'vault');
  await fs.cp(path.join(dir, 'vault'), dataDir, { recursive: true });
  const backend = createBackend({ dataDir, driver: driverByName(driver), kdfCost: fastKdf });
  await must(backend, 'vault.unlock', scaleAccounts.coordinator);
  return backend;
}
