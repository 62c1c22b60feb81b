import { randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/**
 * Key derivation behind an interface. Parameters live in each key slot, so a
 * slot made with one cost still opens after the default changes, and another
 * KDF (Argon2id) can be added beside scrypt without touching callers.
 */
export interface ScryptParams {
  name: 'scrypt';
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

export type KdfParams = ScryptParams;

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

/** About 0.3–0.6 s and 128 MiB on this machine's cores; `calibrateScrypt` tunes it per PC. */
export const defaultScryptCost: KdfCost = { N: 2 ** 17, r: 8, p: 1 };

/** Bounds a key-slot file may not exceed, so a tampered file cannot make the app allocate gigabytes. */
const limits = { minN: 2 ** 10, maxN: 2 ** 21, maxR: 32, maxP: 16 };

export class InvalidKdfParamsError extends Error {
  constructor() {
    super('The key slot names key derivation parameters outside the allowed range.');
    this.name = 'InvalidKdfParamsError';
  }
}

export function newScryptParams(cost: KdfCost = defaultScryptCost): ScryptParams {
  return { name: 'scrypt', N: cost.N, r: cost.r, p: cost.p, salt: randomBytes(16).toString('base64') };
}

export function assertValidParams(params: KdfParams): void {
  const { N, r, p } = params;
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (
    params.name !== 'scrypt' ||
    !powerOfTwo ||
    N < limits.minN ||
    N > limits.maxN ||
    !Number.isInteger(r) ||
    r < 1 ||
    r > limits.maxR ||
    !Number.isInteger(p) ||
    p < 1 ||
    p > limits.maxP ||
    typeof params.salt !== 'string' ||
    Buffer.from(params.salt, 'base64').length < 16
  ) {
    throw new InvalidKdfParamsError();
  }
}

/** Derives a 32-byte wrapping key. Unicode secrets are normalised so the same password typed on another OS still works. */
export async function deriveKey(secret: string, params: KdfParams): Promise<Buffer> {
  assertValidParams(params);
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  const salt = Buffer.from(params.salt, 'base64');
  return new Promise((resolve, reject) =>
    scryptCallback(secret.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Picks the scrypt cost for this PC: the smallest power of two that takes at
 * least `targetMs`, capped so a slow PC still unlocks in about a second.
 */
export async function calibrateScrypt(targetMs = 400, base: KdfCost = { N: 2 ** 14, r: 8, p: 1 }): Promise<KdfCost> {
  const started = performance.now();
  await deriveKey('calibration', newScryptParams(base));
  const elapsed = Math.max(performance.now() - started, 1);
  let N = base.N;
  let estimate = elapsed;
  while (estimate < targetMs && N < 2 ** 18) {
    N *= 2;
    estimate *= 2;
  }
  return { N: Math.max(N, 2 ** 15), r: base.r, p: base.p };
}
