import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/atomicFile';
import { readKeySlotFile } from '../vault/keySlots';
import type { VaultPaths } from '../vault/paths';

/**
 * The staff username that last unlocked this vault on this PC (issue 14), so the unlock screen
 * after an idle or manual lock, or a restart, is filled in and asks only for the password.
 *
 * It has to live outside the vault, which is locked whenever the screen needs it: in
 * `last-user.json` beside the key slots, owner-only like them. It holds the username and the
 * vault's id, nothing else: never a password or anything typed with one, never a peer's username
 * (peers sign in on their own screen, which remembers nobody: at a shared office PC the next
 * student would see who used it last). Written in clear, unlike the key slots' username lookups:
 * one name is no staff list, and the lock screen shows it to whoever sits at the PC anyway.
 *
 * The vault id ties it to this vault, so a vault restored from another school's backup, or made
 * anew in the folder, is not opened with a name from the one before.
 */
const fileSchema = z.object({ version: z.literal(1), vaultId: z.string(), username: z.string().min(1).max(100) });

export function lastUserFile(paths: VaultPaths): string {
  return path.join(paths.dataDir, 'last-user.json');
}

/** The username to show, or null: none yet, another vault's, or a file that does not read. */
export async function readLastUsername(paths: VaultPaths): Promise<string | null> {
  let text: string;
  try {
    text = await fs.readFile(lastUserFile(paths), 'utf8');
  } catch {
    return null;
  }
  try {
    const remembered = fileSchema.parse(JSON.parse(text));
    const slots = await readKeySlotFile(paths.keySlots);
    return slots.vaultId === remembered.vaultId ? remembered.username : null;
  } catch {
    // A damaged file, or key slots that do not read: the person types the name, as before.
    return null;
  }
}

/** Remembers who unlocked, after the unlock succeeded. */
export async function rememberLastUsername(paths: VaultPaths, vaultId: string, username: string): Promise<void> {
  await writeFileAtomic(lastUserFile(paths), JSON.stringify({ version: 1, vaultId, username }));
}
