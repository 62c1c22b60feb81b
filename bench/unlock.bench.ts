import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodInput, MethodName } from '../src/contract';
import { createBackend, type Backend } from '../electron/backend/backend';
import { calibrateScrypt, defaultScryptCost, deriveKey, newScryptParams } from '../electron/backend/vault/kdf';
import { sample, type Benchmark, type BenchRow } from './bench';

async function must<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<void> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
}

/**
 * What one unlock costs. The issue asks for roughly 0.3 to 1 s on an office PC:
 * slow enough that guessing passwords against a stolen key-slot file is
 * expensive, quick enough for a counselor. Most of it is scrypt; opening the
 * SQLCipher file with the raw data key is the small remainder.
 */
const unlock: Benchmark = {
  name: 'unlock',
  about: `scrypt N=2^${Math.log2(defaultScryptCost.N)}, r=${defaultScryptCost.r}, p=${defaultScryptCost.p} (the default for new key slots); the app calibrates per PC at start.`,
  async run(): Promise<BenchRow[]> {
    const root = mkdtempSync(path.join(os.tmpdir(), 'sebaya-bench-unlock-'));
    try {
      const backend = createBackend({ dataDir: path.join(root, 'vault') });
      const user = { username: 'sari', password: 'a long counselor passphrase' };
      await must(backend, 'vault.create', { schoolName: 'Bench', fullName: 'Sari', ...user, language: 'id' });
      await must(backend, 'session.lock', {});

      const kdf = await sample(() => deriveKey(user.password, newScryptParams(defaultScryptCost)), { runs: 5 });
      const unlockAndLock = await sample(async () => {
        await must(backend, 'vault.unlock', user);
        await must(backend, 'session.lock', {});
      });
      const calibrated = await calibrateScrypt();
      const calibratedKdf = await sample(() => deriveKey(user.password, newScryptParams(calibrated)), { runs: 3 });
      return [
        { case: 'default cost', what: 'scrypt key derivation alone', samplesMs: kdf, baseline: true },
        { case: 'default cost', what: 'unlock (slot, open, audit) and lock', samplesMs: unlockAndLock },
        { case: `calibrated here: N=2^${Math.log2(calibrated.N)}`, what: 'scrypt key derivation alone', samplesMs: calibratedKdf },
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

export default unlock;
