import { randomBytes } from 'node:crypto';

/**
 * A recovery key is 160 random bits written in Crockford base32: 32 characters
 * in 8 groups of 4, with no I, L, O or U to misread when copying it by hand.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function generateRecoveryKey(): string {
  return formatRecoveryKey(encodeBase32(randomBytes(20)));
}

export function formatRecoveryKey(compact: string): string {
  return compact.match(/.{1,4}/g)?.join('-') ?? compact;
}

/** Forgives case, spaces, dashes and the look-alike letters a person may write. */
export function normaliseRecoveryKey(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function isWellFormedRecoveryKey(input: string): boolean {
  const compact = normaliseRecoveryKey(input);
  return compact.length === 32 && [...compact].every((c) => alphabet.includes(c));
}

function encodeBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}
