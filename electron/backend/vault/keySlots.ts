import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../platform/atomicFile';
import type { BackupCredential } from '../../../src/contract';
import { assertValidParams, deriveKey, newScryptParams, type KdfCost, type KdfParams } from './kdf';
import { isWellFormedRecoveryKey, normaliseRecoveryKey } from './recoveryKey';

/**
 * Key slots: the vault's random data key, wrapped once per staff user (by their
 * password) and once by the recovery key. AES-256-GCM with the format version,
 * vault id, slot id, kind, user id, username lookup and KDF parameters in the
 * associated data, so changing any of them makes the slot fail to open.
 */
export const keySlotFormat = 'sebaya-keyslots';
export const keySlotVersion = 1;

const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number(),
  r: z.number(),
  p: z.number(),
  salt: z.string(),
});

const slotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.number().int().nullable(),
  lookup: z.string().nullable(),
  kdf: kdfSchema,
  iv: z.string(),
  tag: z.string(),
  ciphertext: z.string(),
  createdAt: z.string(),
  /**
   * The key-slot change (vault/slotChanges.ts) that added this slot and is not yet settled. Outside
   * the associated data on purpose: settling a change only drops this tag, without rewrapping.
   */
  pending: z.string().optional(),
});

const fileSchema = z.object({
  format: z.literal(keySlotFormat),
  version: z.literal(keySlotVersion),
  vaultId: z.string(),
  slots: z.array(slotSchema),
});

export type KeySlot = z.infer<typeof slotSchema>;
export type KeySlotFile = z.infer<typeof fileSchema>;

export class KeySlotFileError extends Error {
  constructor(
    message: string,
    /** Written by a newer Sebaya: the vault is not damaged, this app is too old for it. */
    readonly tooNew = false,
  ) {
    super(message);
    this.name = 'KeySlotFileError';
  }
}

/**
 * Finds a user's slot without writing the username in clear beside the
 * database. Not a secret (usernames are guessable); it only keeps the file from
 * being a staff list.
 */
export function usernameLookup(vaultId: string, username: string): string {
  return createHash('sha256')
    .update(`sebaya-username\0${vaultId}\0${username.normalize('NFC').trim().toLowerCase()}`)
    .digest('hex');
}

function associatedData(vaultId: string, slot: Pick<KeySlot, 'id' | 'kind' | 'userId' | 'lookup' | 'kdf'>): Buffer {
  const { name, N, r, p, salt } = slot.kdf;
  return Buffer.from(
    JSON.stringify([keySlotFormat, keySlotVersion, vaultId, slot.id, slot.kind, slot.userId, slot.lookup, [name, N, r, p, salt]]),
    'utf8',
  );
}

export interface NewSlot {
  vaultId: string;
  kind: 'user' | 'recovery';
  userId: number | null;
  username: string | null;
  secret: string;
  dataKey: Buffer;
  cost: KdfCost;
  createdAt: string;
  /** The change that adds it, while that change is not settled. */
  pending?: string;
}

export async function createSlot(spec: NewSlot): Promise<KeySlot> {
  const kdf: KdfParams = newScryptParams(spec.cost);
  const header = {
    id: randomUUID(),
    kind: spec.kind,
    userId: spec.userId,
    lookup: spec.username === null ? null : usernameLookup(spec.vaultId, spec.username),
    kdf,
  };
  const wrappingKey = await deriveKey(spec.secret, kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
    cipher.setAAD(associatedData(spec.vaultId, header));
    const ciphertext = Buffer.concat([cipher.update(spec.dataKey), cipher.final()]);
    return {
      ...header,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      createdAt: spec.createdAt,
      ...(spec.pending ? { pending: spec.pending } : {}),
    };
  } finally {
    wrappingKey.fill(0);
  }
}

/** The data key, or null when the secret is wrong or the slot was altered. */
export async function openSlot(vaultId: string, slot: KeySlot, secret: string): Promise<Buffer | null> {
  try {
    assertValidParams(slot.kdf);
  } catch {
    return null;
  }
  const wrappingKey = await deriveKey(secret, slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(associatedData(vaultId, slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.ciphertext, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    wrappingKey.fill(0);
  }
}

/**
 * The slots a credential may open: its user's (or the recovery key's), settled ones first. While a
 * change is unsettled there are two, the old secret's and the new one's, and either opens the vault.
 */
export function slotsFor(keySlots: KeySlotFile, credential: { kind: 'recoveryKey' } | { kind: 'password'; username: string }): KeySlot[] {
  const lookup = credential.kind === 'password' ? usernameLookup(keySlots.vaultId, credential.username) : null;
  const matching = keySlots.slots.filter((s) => (lookup === null ? s.kind === 'recovery' : s.kind === 'user' && s.lookup === lookup));
  return [...matching.filter((s) => !s.pending), ...matching.filter((s) => s.pending)];
}

export interface OpenedSlot {
  key: Buffer;
  slot: KeySlot;
}

/** Tries each slot in turn; the data key and the slot that opened, or null. */
export async function openFirstSlot(vaultId: string, slots: KeySlot[], secret: string): Promise<OpenedSlot | null> {
  for (const slot of slots) {
    const key = await openSlot(vaultId, slot, secret);
    if (key) return { key, slot };
  }
  return null;
}

/** Opens the slot a password (with its username) or the recovery key names; a wrong secret and a missing user look the same. */
export async function openSlotWithCredential(keySlots: KeySlotFile, credential: BackupCredential): Promise<{ key: Buffer; userId: number | null } | null> {
  if (credential.kind === 'recoveryKey') {
    if (!isWellFormedRecoveryKey(credential.recoveryKey)) return null;
    const opened = await openFirstSlot(keySlots.vaultId, slotsFor(keySlots, credential), normaliseRecoveryKey(credential.recoveryKey));
    return opened ? { key: opened.key, userId: null } : null;
  }
  const opened = await openFirstSlot(keySlots.vaultId, slotsFor(keySlots, credential), credential.password);
  return opened ? { key: opened.key, userId: opened.slot.userId } : null;
}

export function parseKeySlotFile(text: string): KeySlotFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeySlotFileError('The key slot file is not valid JSON.');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const version = (json as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > keySlotVersion) {
      throw new KeySlotFileError('The key slot file was written by a newer version of Sebaya.', true);
    }
    throw new KeySlotFileError('The key slot file is damaged.');
  }
  return parsed.data;
}

export async function readKeySlotFile(file: string): Promise<KeySlotFile> {
  return parseKeySlotFile(await fs.readFile(file, 'utf8'));
}

export async function writeKeySlotFile(file: string, content: KeySlotFile): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(content, null, 2)}\n`);
}
