import { createHmac, pbkdf2, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';

/**
 * SQLCipher 4's page check, done from the file itself, for drivers whose
 * engine has no `PRAGMA cipher_integrity_check` (SQLite3 Multiple Ciphers,
 * the Windows driver). The page format is SQLCipher's documented one
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
const hmacBytes = 64;
const hmacKdfIterations = 2;

export async function sqlcipherPageProblems(file: string, key: Buffer, pageSize: number): Promise<string[]> {
  if (!Number.isInteger(pageSize) || pageSize < 512 || pageSize > 65536) throw new Error('Unexpected page size.');
  const handle = await fs.open(file, 'r');
  const problems: string[] = [];
  let hmacKey: Buffer | undefined;
  try {
    const { size } = await handle.stat();
    if (size === 0) return [];
    if (size % pageSize !== 0) problems.push(`The file size is not a whole number of ${pageSize}-byte pages.`);
    const pages = Math.floor(size / pageSize);
    const batch = Math.max(1, Math.floor((1 << 20) / pageSize));
    const buffer = Buffer.alloc(batch * pageSize);
    const pageNumber = Buffer.alloc(4);
    for (let first = 0; first < pages; first += batch) {
      const count = Math.min(batch, pages - first);
      const { bytesRead } = await handle.read(buffer, 0, count * pageSize, first * pageSize);
      if (bytesRead < count * pageSize) throw new Error('The database file changed while it was being checked.');
      if (first === 0) hmacKey = await hmacKeyFor(key, buffer.subarray(0, saltBytes));
      for (let i = 0; i < count; i += 1) {
        const page = buffer.subarray(i * pageSize, (i + 1) * pageSize);
        const number = first + i + 1;
        // On page 1 the salt is not part of the authenticated ciphertext.
        const signed = page.subarray(number === 1 ? saltBytes : 0, pageSize - hmacBytes);
        const stored = page.subarray(pageSize - hmacBytes);
        pageNumber.writeUInt32LE(number);
        const expected = createHmac('sha512', hmacKey!).update(signed).update(pageNumber).digest();
        if (!timingSafeEqual(expected, stored)) problems.push(`HMAC verification failed for page ${number}`);
      }
    }
    buffer.fill(0);
    return problems;
  } finally {
    hmacKey?.fill(0);
    await handle.close();
  }
}

function hmacKeyFor(key: Buffer, salt: Buffer): Promise<Buffer> {
  if (key.length !== 32) throw new Error('A data key must be 32 bytes.');
  const hmacSalt = Buffer.from(salt.map((byte) => byte ^ 0x3a));
  return new Promise((resolve, reject) =>
    pbkdf2(key, hmacSalt, hmacKdfIterations, 32, 'sha512', (error, derived) => (error ? reject(error) : resolve(derived))),
  );
}
