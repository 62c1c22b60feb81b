import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileExists, syncDirectory } from '../platform/atomicFile';
import { databaseCompanions, type VaultPaths } from '../vault/paths';

/** Where a replaced vault is kept: inside the data folder, so it keeps its owner-only permissions. */
export function previousVaultsDir(dataDir: string): string {
  return path.join(dataDir, 'previous-vaults');
}

/** `previous-vaults/2026-11-28-140512` in local time, with a suffix if that second is taken. */
export async function keptVaultDir(dataDir: string, at: Date): Promise<string> {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  for (let attempt = 1; ; attempt += 1) {
    const dir = path.join(previousVaultsDir(dataDir), attempt === 1 ? stamp : `${stamp}-${attempt}`);
    if (!(await fileExists(dir))) return dir;
  }
}

/** The current vault's files, key slots first: once they are gone the folder no longer counts as a vault. */
function currentVaultFiles(paths: VaultPaths): string[] {
  return [paths.keySlots, ...databaseCompanions(paths.database), paths.unlockAttempts];
}

/** Whether anything of a vault is in the folder, even the leftovers of an interrupted creation. */
export async function hasVaultFiles(paths: VaultPaths): Promise<boolean> {
  for (const file of currentVaultFiles(paths)) if (await fileExists(file)) return true;
  return false;
}

interface Move {
  from: string;
  to: string;
}

async function undo(moves: Move[]): Promise<void> {
  for (const move of [...moves].reverse()) await fs.rename(move.to, move.from).catch(() => undefined);
}

/**
 * Puts a staged, checked vault in place of the current one (if any), which is
 * moved whole into `keepIn` first. Every step is a rename inside the data
 * folder; the key slot file goes last, so until it is there the folder reads
 * as "no vault" rather than as a vault whose files do not match. If a step
 * fails, the moves already made are undone.
 */
export async function replaceVaultFiles(
  paths: VaultPaths,
  staged: { database: string; keySlots: string },
  keepIn: string | null,
): Promise<void> {
  if (!keepIn && (await hasVaultFiles(paths))) throw new Error('The data folder holds vault files; they must be kept aside first.');
  const moves: Move[] = [];
  try {
    if (keepIn) {
      await fs.mkdir(keepIn, { recursive: true, mode: 0o700 });
      for (const file of currentVaultFiles(paths)) {
        if (!(await fileExists(file))) continue;
        const to = path.join(keepIn, path.basename(file));
        await fs.rename(file, to);
        moves.push({ from: file, to });
      }
      await syncDirectory(keepIn);
    }
    for (const file of databaseCompanions(staged.database)) {
      if (!(await fileExists(file))) continue;
      const to = path.join(paths.dataDir, path.basename(file));
      await fs.rename(file, to);
      moves.push({ from: file, to });
    }
    await fs.rename(staged.keySlots, paths.keySlots);
    moves.push({ from: staged.keySlots, to: paths.keySlots });
    await syncDirectory(paths.dataDir);
  } catch (error) {
    await undo(moves);
    throw error;
  }
}
