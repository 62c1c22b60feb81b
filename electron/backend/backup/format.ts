import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BackupProblem } from '../../../src/contract';

/**
 * The backup file (issue 6; DESIGN.md "Backups"). One file, laid out as
 *
 *   preamble   16 bytes  "SEBAYABK", format version (uint32 BE), header length N (uint32 BE)
 *   header      N bytes  JSON: created at, app and schema version, vault id, length and SHA-256 of the two blocks below
 *   digest     32 bytes  SHA-256 of preamble + header: the quick check finds a flipped byte without a password
 *   mac        32 bytes  HMAC-SHA256 of preamble + header under a key derived from the data key: the full check
 *                        finds a header (and so any block) rewritten on purpose, hashes and all
 *   key slots   K bytes  keyslots.json exactly as it was at backup time
 *   payload     P bytes  an SQLCipher 4 snapshot of the vault, encrypted with the data key (never plaintext)
 *
 * The format version sits in the fixed preamble, so an older app can tell "made by a
 * newer Sebaya" from "damaged" without understanding the rest.
 */
export const backupExtension = '.sebaya-backup';
export const backupFormatVersion = 1;

const magic = Buffer.from('SEBAYABK', 'ascii');
/**
 * What a backup being written starts with instead (issue 11). The real magic is written
 * over it only after the whole file was synced and read back, right before the rename, so
 * a file cut short anywhere earlier is refused by every check and list, whatever its name.
 */
export const unfinishedMagic = Buffer.from('SEBAYAWR', 'ascii');
export const preambleLength = 16;
const digestLength = 32;
const maxHeaderLength = 64 * 1024;
const maxKeySlotsLength = 4 * 1024 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const backupHeaderSchema = z.strictObject({
  format: z.literal('sebaya-backup'),
  createdAt: z.iso.datetime(),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().nonnegative(),
  vaultId: z.string().min(1).max(100),
  keySlots: z.strictObject({ length: z.number().int().positive().max(maxKeySlotsLength), sha256: sha256Hex }),
  payload: z.strictObject({ kind: z.literal('sqlcipher-4'), length: z.number().int().positive(), sha256: sha256Hex }),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export type { BackupProblem };

export interface BackupLayout {
  headerLength: number;
  keySlotsOffset: number;
  payloadOffset: number;
  totalLength: number;
}

export function layoutOf(headerLength: number, header: Pick<BackupHeader, 'keySlots' | 'payload'>): BackupLayout {
  const keySlotsOffset = preambleLength + headerLength + 2 * digestLength;
  const payloadOffset = keySlotsOffset + header.keySlots.length;
  return { headerLength, keySlotsOffset, payloadOffset, totalLength: payloadOffset + header.payload.length };
}

function preamble(headerLength: number, version = backupFormatVersion): Buffer {
  const bytes = Buffer.alloc(preambleLength);
  magic.copy(bytes, 0);
  bytes.writeUInt32BE(version, 8);
  bytes.writeUInt32BE(headerLength, 12);
  return bytes;
}

/** A key only for the header MAC, derived from the data key so it never touches the database key itself. */
function macKey(dataKey: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.from(vaultId, 'utf8'), 'sebaya-backup-header-mac-v1', 32));
}

export function headerMac(dataKey: Buffer, vaultId: string, signed: Buffer): Buffer {
  const key = macKey(dataKey, vaultId);
  try {
    return createHmac('sha256', key).update(signed).digest();
  } finally {
    key.fill(0);
  }
}

export function macMatches(dataKey: Buffer, vaultId: string, signed: Buffer, mac: Buffer): boolean {
  const expected = headerMac(dataKey, vaultId, signed);
  return expected.length === mac.length && timingSafeEqual(expected, mac);
}

/** The first bytes of the file up to the key slots: preamble, header, digest and MAC. */
export function encodeHead(header: BackupHeader, dataKey: Buffer): { head: Buffer; backupId: string } {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const signed = Buffer.concat([preamble(json.length), json]);
  const digest = createHash('sha256').update(signed).digest();
  return { head: Buffer.concat([signed, digest, headerMac(dataKey, header.vaultId, signed)]), backupId: backupIdOf(digest) };
}

/** A short, stable name for one backup (whatever its file is called), used in the audit log. */
function backupIdOf(digest: Buffer): string {
  return digest.subarray(0, 8).toString('hex');
}

export interface ParsedHead {
  header: BackupHeader;
  layout: BackupLayout;
  /** Preamble + header: what the digest and the MAC cover. */
  signed: Buffer;
  mac: Buffer;
  backupId: string;
  fileSize: number;
}

export type HeadResult = { ok: true; head: ParsedHead } | { ok: false; problem: BackupProblem; fileSize: number | null };

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}

/**
 * Reads and checks the head of a backup: that it is one, that this app knows
 * its format, that the header is unchanged and that the file has exactly the
 * length the header promises. Cheap (a few kilobytes), so a folder of backups
 * can be listed with it; the blocks themselves are hashed by `quickCheck`.
 */
export async function readHead(file: string, options: { unfinished?: boolean } = {}): Promise<HeadResult> {
  let stats: Stats;
  try {
    stats = await fs.stat(file);
  } catch {
    return { ok: false, problem: 'not-found', fileSize: null };
  }
  if (!stats.isFile()) return { ok: false, problem: 'not-a-backup', fileSize: null };
  const fileSize = stats.size;
  // Named as a backup being written: never restorable, even if its contents are whole.
  if (!options.unfinished && isTemporaryBackupName(path.basename(file))) return { ok: false, problem: 'unfinished', fileSize };
  const handle = await fs.open(file, 'r');
  try {
    const start = await readAt(handle, 0, preambleLength);
    const startsWith = (bytes: Buffer) => start.length >= bytes.length && start.subarray(0, bytes.length).equals(bytes);
    if (startsWith(unfinishedMagic)) {
      if (!options.unfinished) return { ok: false, problem: 'unfinished', fileSize };
      // The writer's own read-back: checked as the file will be once finished.
      magic.copy(start, 0);
    } else if (!startsWith(magic)) return { ok: false, problem: 'not-a-backup', fileSize };
    if (start.length < preambleLength) return { ok: false, problem: 'truncated', fileSize };
    const version = start.readUInt32BE(8);
    if (version > backupFormatVersion) return { ok: false, problem: 'newer-format', fileSize };
    if (version !== backupFormatVersion) return { ok: false, problem: 'damaged-header', fileSize };
    const headerLength = start.readUInt32BE(12);
    if (headerLength === 0 || headerLength > maxHeaderLength) return { ok: false, problem: 'damaged-header', fileSize };
    const rest = await readAt(handle, preambleLength, headerLength + 2 * digestLength);
    if (rest.length < headerLength + 2 * digestLength) return { ok: false, problem: 'truncated', fileSize };
    const json = rest.subarray(0, headerLength);
    const digest = rest.subarray(headerLength, headerLength + digestLength);
    const mac = Buffer.from(rest.subarray(headerLength + digestLength));
    const signed = Buffer.concat([start, json]);
    if (!createHash('sha256').update(signed).digest().equals(digest)) return { ok: false, problem: 'damaged-header', fileSize };
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      return { ok: false, problem: 'damaged-header', fileSize };
    }
    const header = backupHeaderSchema.safeParse(parsed);
    if (!header.success) return { ok: false, problem: 'damaged-header', fileSize };
    const layout = layoutOf(headerLength, header.data);
    if (fileSize < layout.totalLength) return { ok: false, problem: 'truncated', fileSize };
    if (fileSize > layout.totalLength) return { ok: false, problem: 'damaged-payload', fileSize };
    return { ok: true, head: { header: header.data, layout, signed, mac, backupId: backupIdOf(digest), fileSize } };
  } finally {
    await handle.close();
  }
}

/** SHA-256 of a range of a file, read in chunks. */
export async function hashRange(file: string, start: number, length: number): Promise<string> {
  const hash = createHash('sha256');
  const handle = await fs.open(file, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, length - done), start + done);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
      done += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

export async function readRange(file: string, start: number, length: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    return await readAt(handle, start, length);
  } finally {
    await handle.close();
  }
}

/** A file name for a school: `sebaya-smp-negeri-3-20261128-1405.sebaya-backup` (local time). */
export function backupFileName(schoolName: string, at: Date, attempt = 1): string {
  const slug =
    schoolName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/g, '') || 'vault';
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;
  return `sebaya-${slug}-${stamp}${attempt > 1 ? `-${attempt}` : ''}${backupExtension}`;
}

/** Names this app gives its backups; rotation never looks at any other file. */
export function isBackupFileName(name: string): boolean {
  return /^sebaya-[a-z0-9-]+-\d{8}-\d{4}(-\d+)?\.sebaya-backup$/.test(name);
}

/** A backup being written: hidden, named after the process writing it, and never a name that `isBackupFileName` accepts. */
export function temporaryBackupName(random: string, pid = process.pid): string {
  return `.sebaya-backup-${pid}-${random}.tmp`;
}

const temporaryName = /^\.sebaya-backup-(?:(\d+)-)?[0-9a-f]{12}\.tmp$/;

export function isTemporaryBackupName(name: string): boolean {
  return temporaryName.test(name);
}

/** The process that writes (or wrote) a temporary backup file; null for the first naming, which had none. */
export function writerOfTemporaryBackup(name: string): number | null {
  const pid = temporaryName.exec(name)?.[1];
  return pid === undefined ? null : Number(pid);
}
