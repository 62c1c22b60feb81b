import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../../electron/backend/backend';

/** Every file's bytes in a folder (not recursive), by name. */
export function folderBytes(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isFile()) files.set(name, readFileSync(file));
  }
  return files;
}

/**
 * A SHA-256 of every file in a folder, by name: what a test compares to show
 * nothing was written (deep-comparing the bytes themselves is slow in expect).
 * `withShm: false` leaves out SQLite's shared-memory WAL index, which changes on
 * every read (its read marks) and says nothing about the data.
 */
export function folderDigest(dir: string, options: { withShm?: boolean } = {}): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const [name, bytes] of folderBytes(dir)) {
    if (options.withShm === false && name.endsWith('-shm')) continue;
    digests[name] = createHash('sha256').update(bytes).digest('hex');
  }
  return digests;
}

export function fileNames(dir: string): string[] {
  return readdirSync(dir).sort();
}

export function mode(file: string): number {
  return statSync(file).mode & 0o777;
}

/**
 * Every regular file under `root`, recursively, skipping what this user may
 * not read. Used to find files created during a test anywhere in the temp folder.
 */
export function filesUnder(root: string, maxDepth = 8): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      let stat;
      try {
        stat = lstatSync(file);
      } catch {
        continue;
      }
      if (stat.isDirectory() && depth < maxDepth) walk(file, depth + 1);
      else if (stat.isFile()) found.add(file);
    }
  };
  walk(root, 0);
  return found;
}

/** The files among `files` whose bytes contain `marker` as UTF-8 or UTF-16. */
export function filesContaining(files: Iterable<string>, marker: string): string[] {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  const hits: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // gone already, or not ours to read
    }
    if (needles.some((needle) => bytes.includes(needle))) hits.push(file);
  }
  return hits;
}

/**
 * Everything the vault holds, read straight from the database, plus the key
 * slot file: compared before and after a refused call to show it changed nothing.
 */
export async function vaultFingerprint(backend: Backend): Promise<string> {
  const db = backend.session.db;
  const tables = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const content: Record<string, unknown> = {};
  // Rows sorted by their text rather than by rowid: WITHOUT ROWID tables (FTS5's own, among others) have none.
  for (const { name } of tables) {
    content[name] = (await db.all(`SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)).sort();
  }
  content.keySlots = readFileSync(backend.session.openVault.paths.keySlots, 'utf8');
  return JSON.stringify(content);
}
