import { randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

const readableAlphabet = '23456789abcdefghjkmnpqrstuvwxyz';

/** A generated password, shown once: 15 characters from an alphabet without look-alikes (about 74 bits). */
export function generateTemporaryPassword(): string {
  const chars = Array.from({ length: 15 }, () => readableAlphabet[randomInt(readableAlphabet.length)]);
  return [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10)].map((g) => g.join('')).join('-');
}

/**
 * A peer's PIN is checked by the app inside the unlocked vault; it never
 * decrypts anything. Hashed anyway, so reading the database does not reveal it.
 */
const pinCost = { N: 2 ** 14, r: 8, p: 1 };

function scrypt(secret: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(secret, salt, 32, { N, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(pin, salt, pinCost.N, pinCost.r, pinCost.p);
  return ['scrypt', pinCost.N, pinCost.r, pinCost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [name, N, r, p, salt, hash] = stored.split('$');
  if (name !== 'scrypt' || !N || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), Number(N), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
