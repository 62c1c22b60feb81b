import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * The private folders a backup's snapshot or a backup being checked is unpacked
 * into, inside the vault folder (issue 11: 100 interrupted backups had left 58 of
 * them, 2.7 GB, that nothing removed). Each is named after the process that made
 * it, `.backup-<pid>-…` / `.restore-<pid>-…` / `.rotation-<pid>-…`, so the next backup or unlock can
 * remove those no running job still uses: made by a process that is gone, or by
 * this one but no longer in use (a job that failed before it could clean up).
 */
export type StagingKind = 'backup' | 'restore' | 'rotation';

const inUse = new Set<string>();
const stagingName = /^\.(backup|restore|rotation)-(?:(\d+)-)?[A-Za-z0-9]{6}$/;

export async function makeStagingDir(parent: string, kind: StagingKind): Promise<string> {
  await fs.mkdir(parent, { recursive: true, mode: 0o700 });
  const dir = await fs.mkdtemp(path.join(parent, `.${kind}-${process.pid}-`));
  inUse.add(dir);
  return dir;
}

export async function removeStagingDir(dir: string): Promise<void> {
  try {
    await fs.rm(dir, { recursive: true, force: true });
  } finally {
    inUse.delete(dir);
  }
}

/** Whether a process of this id runs on this computer (EPERM: it runs, as another user). */
export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging folders in `dataDir` that no running job uses. A folder of the
 * first naming (no process id) is from a Sebaya that has since been updated or restarted.
 * Returns how many it removed.
 */
export async function removeStagingLeftovers(dataDir: string): Promise<number> {
  let removed = 0;
  // A rotation's staging folder holds the old vault until its new secrets are shown (vault/rotation.ts).
  const pendingRotation = await fs
    .readFile(path.join(dataDir, 'rotation-pending.json'), 'utf8')
    .then((text) => (JSON.parse(text) as { staging?: unknown }).staging)
    .catch(() => null);
  for (const name of await fs.readdir(dataDir).catch(() => [] as string[])) {
    const match = stagingName.exec(name);
    if (!match || name === pendingRotation) continue;
    const dir = path.join(dataDir, name);
    const pid = match[2] === undefined ? null : Number(match[2]);
    const stillUsed = pid === process.pid ? inUse.has(dir) : pid !== null && processIsAlive(pid);
    if (stillUsed) continue;
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    removed += 1;
  }
  return removed;
}
