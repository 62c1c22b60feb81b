import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileExists, syncDirectory, writeFileAtomic } from '../platform/atomicFile';
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

/** For the crash tests: called before each rename of a vault switch; a hook that never returns stands for the power going off there. */
export interface SwitchHooks {
  beforeStep?(step: number, of: number): Promise<void>;
}

/**
 * The journal of a vault switch under way (a restore or a data-key rotation): the renames
 * planned, written before the first one, removed after the last. A switch cut short by a
 * crash leaves it, and the next start undoes the renames made (`undoInterruptedSwitch`), so
 * the folder never stays half one vault and half another. It names paths only, nothing secret.
 */
function journalFile(dataDir: string): string {
  return path.join(dataDir, 'vault-switch.json');
}

async function undo(moves: Move[]): Promise<void> {
  for (const move of [...moves].reverse()) {
    if ((await fileExists(move.to)) && !(await fileExists(move.from))) {
      await fs.mkdir(path.dirname(move.from), { recursive: true, mode: 0o700 });
      await fs.rename(move.to, move.from).catch(() => undefined);
    }
  }
}

/**
 * Undoes a vault switch a crash cut short (see `journalFile`): every file goes back where it
 * was before, so the vault that was in place opens as before. Returns whether there was one.
 */
export async function undoInterruptedSwitch(dataDir: string): Promise<boolean> {
  const file = journalFile(dataDir);
  let moves: Move[];
  try {
    moves = (JSON.parse(await fs.readFile(file, 'utf8')) as { moves: Move[] }).moves;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    // Unreadable: the atomic write makes this all but impossible; keep it for a person to look at.
    await fs.rename(file, `${file}.unreadable`).catch(() => undefined);
    return false;
  }
  await undo(moves);
  await syncDirectory(dataDir);
  await fs.rm(file, { force: true });
  await syncDirectory(dataDir);
  return true;
}

/**
 * Puts a staged, checked vault in place of the current one (if any), which is
 * moved whole into `keepIn` first. Every step is a rename inside the data
 * folder; the key slot file goes last, so until it is there the folder reads
 * as "no vault" rather than as a vault whose files do not match. If a step
 * fails, the moves already made are undone; if the process dies, the journal
 * lets the next start undo them.
 */
export async function replaceVaultFiles(
  paths: VaultPaths,
  staged: { database: string; keySlots: string },
  keepIn: string | null,
  hooks: SwitchHooks = {},
): Promise<void> {
  if (!keepIn && (await hasVaultFiles(paths))) throw new Error('The data folder holds vault files; they must be kept aside first.');
  const planned: Move[] = [];
  if (keepIn) {
    for (const file of currentVaultFiles(paths)) if (await fileExists(file)) planned.push({ from: file, to: path.join(keepIn, path.basename(file)) });
  }
  for (const file of databaseCompanions(staged.database)) {
    if (await fileExists(file)) planned.push({ from: file, to: path.join(paths.dataDir, path.basename(file)) });
  }
  planned.push({ from: staged.keySlots, to: paths.keySlots });

  const journal = journalFile(paths.dataDir);
  await writeFileAtomic(journal, JSON.stringify({ version: 1, moves: planned }));
  const done: Move[] = [];
  try {
    if (keepIn) await fs.mkdir(keepIn, { recursive: true, mode: 0o700 });
    for (const [index, move] of planned.entries()) {
      await hooks.beforeStep?.(index + 1, planned.length);
      await fs.rename(move.from, move.to);
      done.push(move);
    }
    if (keepIn) await syncDirectory(keepIn);
    await syncDirectory(paths.dataDir);
  } catch (error) {
    await undo(done);
    await fs.rm(journal, { force: true });
    throw error;
  }
  await fs.rm(journal, { force: true });
  await syncDirectory(paths.dataDir);
}
