import * as crypto from 'node:crypto';
import { promises as fs } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * SQLCipher 4's page check, done from the file itself: for drivers whose engine
 * has no `PRAGMA cipher_integrity_check` (SQLite3 Multiple Ciphers, the Windows
 * driver), and for a backup, which checks every page of the vault as it copies
 * it (backup/write.ts). The page format is SQLCipher's documented one
 * (https://www.zetetic.net/sqlcipher/design/):
 *
 * - page 1 starts with the 16-byte salt, stored in the clear;
 * - every page ends with a reserve of 80 bytes: a 16-byte IV, then a 64-byte
 *   HMAC-SHA512 over the page's ciphertext, the IV and the page number
 *   (4 bytes, little-endian);
 * - with a raw key, the HMAC key is PBKDF2-HMAC-SHA512 of the key, salted
 *   with the file's salt XOR 0x3a, 2 iterations, 32 bytes.
 *
 * Its answers are checked against SQLCipher's own pragma, page for page, in
 * the driver conformance suite (tests/unit/drivers).
 */
const saltBytes = 16;
const hmacKdfIterations = 2;

/**
 * SQLite never writes the page that holds its lock bytes (offset 2^30, PENDING_BYTE), so in a
 * file past 1 GiB that page is a hole, not an encrypted page; on Windows another connection's
 * byte-range locks on it even make it unreadable. 1-based, as SQLite numbers pages.
 */
export function lockBytePage(pageSize: number): number {
  return Math.floor(0x40000000 / pageSize) + 1;
}

export function assertPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    throw new Error('Unexpected page size.');
  }
}

/**
 * The HMAC check of `count` pages in `pages`, the first being page `first`: the numbers of those
 * that do not verify, the lock-byte page skipped. It uses nothing but its arguments (no imports,
 * no inner functions, which a bundler would name with a helper), because `PageCheckThread` runs
 * this very function's text in a worker thread.
 */
function damagedPagesIn(
  nodeCrypto: Pick<typeof crypto, 'createHmac' | 'timingSafeEqual'>,
  hmacKey: Uint8Array,
  pageSize: number,
  lockPage: number,
  pages: Uint8Array,
  first: number,
  count: number,
): number[] {
  const damaged: number[] = [];
  const pageNumber = new Uint8Array(4);
  for (let i = 0; i < count; i += 1) {
    const number = first + i;
    if (number === lockPage) continue;
    const start = i * pageSize;
    // On page 1 the salt (16 bytes) is not part of the authenticated ciphertext; the HMAC is the last 64 bytes.
    const signed = pages.subarray(start + (number === 1 ? 16 : 0), start + pageSize - 64);
    const stored = pages.subarray(start + pageSize - 64, start + pageSize);
    new DataView(pageNumber.buffer).setUint32(0, number, true);
    const expected = nodeCrypto.createHmac('sha512', hmacKey).update(signed).update(pageNumber).digest();
    if (!nodeCrypto.timingSafeEqual(expected, stored)) damaged.push(number);
  }
  return damaged;
}

/** Checks pages of one SQLCipher file against their HMACs; made from the file's salt (the first 16 bytes of page 1). */
export class SqlcipherPageVerifier {
  private constructor(
    private readonly hmacKey: Buffer,
    readonly pageSize: number,
  ) {}

  static async create(key: Buffer, salt: Buffer, pageSize: number): Promise<SqlcipherPageVerifier> {
    assertPageSize(pageSize);
    if (key.length !== 32) throw new Error('A data key must be 32 bytes.');
    if (salt.length < saltBytes) throw new Error('The salt is 16 bytes.');
    const hmacSalt = Buffer.from(salt.subarray(0, saltBytes).map((byte) => byte ^ 0x3a));
    const hmacKey = await new Promise<Buffer>((resolve, reject) =>
      crypto.pbkdf2(key, hmacSalt, hmacKdfIterations, 32, 'sha512', (error, derived) => (error ? reject(error) : resolve(derived))),
    );
    return new SqlcipherPageVerifier(hmacKey, pageSize);
  }

  /** The page numbers among `count` whole pages in `pages` (the first being page `first`) whose HMAC does not verify. */
  damagedPages(pages: Buffer, first: number, count = Math.floor(pages.length / this.pageSize)): number[] {
    return damagedPagesIn(crypto, this.hmacKey, this.pageSize, lockBytePage(this.pageSize), pages, first, count);
  }

  /**
   * The same check on a thread of its own, over `slots` buffers of `slotBytes` shared with it:
   * SHA-512 of every page is most of a backup's CPU time, and on a second core it runs while
   * the pages are written and hashed (backup/write.ts).
   */
  inThread(slots: number, slotBytes: number): PageCheckThread {
    return new PageCheckThread(this.hmacKey, this.pageSize, slots, slotBytes);
  }

  dispose(): void {
    this.hmacKey.fill(0);
  }
}

const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const nodeCrypto = require('node:crypto');
const check = ${damagedPagesIn.toString()};
const { hmacKey, pageSize, lockPage, slots } = workerData;
parentPort.on('message', (message) => {
  if (message === 'close') {
    hmacKey.fill(0);
    parentPort.close();
    return;
  }
  const pages = new Uint8Array(slots[message.slot], 0, message.count * pageSize);
  parentPort.postMessage({ id: message.id, damaged: check(nodeCrypto, hmacKey, pageSize, lockPage, pages, message.first, message.count) });
});
`;

/**
 * `SqlcipherPageVerifier.damagedPages` in a worker thread, over buffers it shares with this one
 * (`slot(i)`): sending the pages in a message would copy them twice, which costs more than the
 * check itself. A slot must not be refilled before the check of what it holds has answered.
 */
export class PageCheckThread {
  private readonly worker: Worker;
  private readonly slots: Buffer[];
  private readonly waiting = new Map<number, { resolve: (damaged: number[]) => void; reject: (error: Error) => void }>();
  private readonly exited: Promise<void>;
  private nextId = 0;
  private failure: Error | null = null;

  constructor(hmacKey: Buffer, pageSize: number, slots: number, slotBytes: number) {
    const shared = Array.from({ length: slots }, () => new SharedArrayBuffer(slotBytes));
    this.slots = shared.map((buffer) => Buffer.from(buffer));
    this.worker = new Worker(threadSource, {
      eval: true,
      workerData: { hmacKey: new Uint8Array(hmacKey), pageSize, lockPage: lockBytePage(pageSize), slots: shared },
    });
    this.worker.on('message', ({ id, damaged }: { id: number; damaged: number[] }) => {
      this.waiting.get(id)?.resolve(damaged);
      this.waiting.delete(id);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.fail(new Error('The page check stopped.'));
        resolve();
      }),
    );
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  slot(index: number): Buffer {
    return this.slots[index]!;
  }

  /** Checks the first `count` pages in slot `index`, the first of them being page `first`. */
  damagedPages(index: number, first: number, count: number): Promise<number[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, slot: index, first, count });
    });
  }

  /** Ends the thread, its copy of the HMAC key and the shared buffers zeroed. */
  async close(): Promise<void> {
    if (!this.failure) this.worker.postMessage('close');
    await this.exited;
    for (const slot of this.slots) slot.fill(0);
  }
}

export function pageProblem(pageNumber: number): string {
  return `HMAC verification failed for page ${pageNumber}`;
}

export async function sqlcipherPageProblems(file: string, key: Buffer, pageSize: number): Promise<string[]> {
  assertPageSize(pageSize);
  const handle = await fs.open(file, 'r');
  const problems: string[] = [];
  let verifier: SqlcipherPageVerifier | undefined;
  try {
    const { size } = await handle.stat();
    if (size === 0) return [];
    if (size % pageSize !== 0) problems.push(`The file size is not a whole number of ${pageSize}-byte pages.`);
    const pages = Math.floor(size / pageSize);
    const batch = Math.max(1, Math.floor((1 << 20) / pageSize));
    const buffer = Buffer.alloc(batch * pageSize);
    for (let first = 0; first < pages; first += batch) {
      const count = Math.min(batch, pages - first);
      await readPages(handle, buffer, first + 1, count, pageSize);
      verifier ??= await SqlcipherPageVerifier.create(key, buffer, pageSize);
      for (const page of verifier.damagedPages(buffer, first + 1, count)) problems.push(pageProblem(page));
    }
    buffer.fill(0);
    return problems;
  } finally {
    verifier?.dispose();
    await handle.close();
  }
}

/**
 * Reads `count` pages from page `first` on into `into`, the lock-byte page (never written,
 * see `lockBytePage`) as the zeros it holds. Throws if the file ends before them.
 */
export async function readPages(handle: fs.FileHandle, into: Buffer, first: number, count: number, pageSize: number): Promise<void> {
  const skip = lockBytePage(pageSize);
  const ranges: Array<[number, number]> =
    skip >= first && skip < first + count
      ? [
          [first, skip - first],
          [skip + 1, first + count - skip - 1],
        ]
      : [[first, count]];
  if (ranges.length > 1) into.fill(0, (skip - first) * pageSize, (skip - first + 1) * pageSize);
  for (const [from, pages] of ranges) {
    const offset = (from - first) * pageSize;
    const length = pages * pageSize;
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(into, offset + read, length - read, (from - 1) * pageSize + read);
      if (bytesRead === 0) throw new Error('The database file changed while it was being read.');
      read += bytesRead;
    }
  }
}
