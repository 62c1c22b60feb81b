import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isBackupFileName, isTemporaryBackupName, readHead, writerOfTemporaryBackup } from './format';
import { processIsAlive } from './staging';

/**
 * Keeps the newest `keepLast` backups of this vault in the folder and removes
 * older ones. A file is only ever removed when its name is one this app gives
 * its backups AND its head reads as a backup of this same vault: another
 * school's backups, a damaged file, or anything else with a similar name stay.
 * Age is the time written inside the backup, not the file's date (copying a
 * file changes that).
 */
export async function rotateBackups(
  folder: string,
  vaultId: string,
  keepLast: number,
  newest: string,
): Promise<{ removed: string[]; notRemoved: string[] }> {
  const ours: Array<{ name: string; createdAt: string }> = [];
  for (const name of await fs.readdir(folder)) {
    if (!isBackupFileName(name)) continue;
    const read = await readHead(path.join(folder, name));
    if (read.ok && read.head.header.vaultId === vaultId) ours.push({ name, createdAt: read.head.header.createdAt });
  }
  ours.sort((a, b) => (a.name === newest ? -1 : b.name === newest ? 1 : b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name)));
  const removed: string[] = [];
  const notRemoved: string[] = [];
  for (const old of ours.slice(Math.max(1, keepLast))) {
    try {
      await fs.rm(path.join(folder, old.name));
      removed.push(old.name);
    } catch {
      notRemoved.push(old.name);
    }
  }
  return { removed, notRemoved };
}

const staleAfterMs = 24 * 60 * 60 * 1000;

/**
 * Hidden temporary files of backups that never finished (a pulled drive, a killed
 * process): those whose writing process is gone from this computer, and any a day old
 * (one written on another computer). Never one a running backup is still writing.
 */
export async function removeStaleTemporaryFiles(folder: string, now = Date.now()): Promise<void> {
  for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
    if (!isTemporaryBackupName(name)) continue;
    const file = path.join(folder, name);
    const stats = await fs.stat(file).catch(() => null);
    if (!stats?.isFile()) continue;
    const writer = writerOfTemporaryBackup(name);
    const writerGone = writer !== null && writer !== process.pid && !processIsAlive(writer);
    if (writerGone || now - stats.mtimeMs > staleAfterMs) await fs.rm(file, { force: true }).catch(() => undefined);
  }
}
