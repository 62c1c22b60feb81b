import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { openSlotWithCredential, readKeySlotFile } from '../../electron/backend/vault/keySlots';
import { vaultPaths } from '../../electron/backend/vault/paths';
import { call, newBackend, tempDir } from './support/backend';
import { keySlotChanges, keySlotScenario, type Answer, type KeySlotChange } from './support/keySlotScenario';

/**
 * Issue 11: a change of key slots (a password reset, a disabled, removed,
 * enabled or new account, a changed password, a new recovery key, a data-key
 * rotation) is killed with kill -9 at every step, in its own process. At the
 * next start every account must open with exactly the secret last shown to a
 * person (a generated secret counts as shown once the screen has said so), the
 * recovery key that works must be the one last shown, the key slot file must
 * hold one slot per active staff account and one recovery slot, nothing
 * half-made, and `vault.check` must pass.
 */
const { coordinator, staff, created } = keySlotScenario;

/** The steps each change passes, in order; from `shownFrom` on, its new secret (or removal) stands. */
const stepsOf: Record<KeySlotChange, { steps: string[]; shownFrom: string }> = {
  'password-reset': { steps: ['slot-written', 'committed', 'before-confirm', 'marked-known', 'file-settled', 'none'], shownFrom: 'marked-known' },
  'account-enabled': { steps: ['slot-written', 'committed', 'before-confirm', 'marked-known', 'file-settled', 'none'], shownFrom: 'marked-known' },
  'account-created': { steps: ['slot-written', 'committed', 'before-confirm', 'marked-known', 'file-settled', 'none'], shownFrom: 'marked-known' },
  'recovery-key-replaced': { steps: ['slot-written', 'committed', 'before-confirm', 'marked-known', 'file-settled', 'none'], shownFrom: 'marked-known' },
  'own-password-changed': { steps: ['slot-written', 'committed', 'file-settled', 'none'], shownFrom: 'committed' },
  'account-disabled': { steps: ['committed', 'file-settled', 'none'], shownFrom: 'committed' },
  'account-removed': { steps: ['committed', 'file-settled', 'none'], shownFrom: 'committed' },
  'data-key-rotated': {
    // Before each rename of the vault switch (the test finds how many there are), then as the others.
    steps: [...Array.from({ length: 12 }, (_, i) => `rename:${i + 1}`), 'committed', 'before-confirm', 'marked-known', 'none'],
    shownFrom: 'marked-known',
  },
};

/** A vault with the coordinator and one supervisor with her own password, locked, ready for `change`. */
async function vaultBefore(change: KeySlotChange): Promise<{ dataDir: string; recoveryKey: string }> {
  const dataDir = tempDir();
  const backend = newBackend({ dataDir, kdfCost: keySlotScenario.kdfCost });
  const { recoveryKey } = await call(backend, 'vault.create', coordinator);
  await call(backend, 'peers.create', { fullName: 'Before The Change', className: '8A' });
  const made = await call(backend, 'users.createStaff', { username: staff.username, fullName: staff.fullName, role: staff.role });
  await call(backend, 'session.lock', {});
  await call(backend, 'vault.unlock', { username: staff.username, password: made.temporaryPassword });
  await call(backend, 'vault.setNewPassword', { newPassword: staff.password });
  await call(backend, 'session.lock', {});
  if (change === 'account-enabled') {
    await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    await call(backend, 'users.disable', { userId: made.user.id });
    await call(backend, 'session.lock', {});
  }
  return { dataDir, recoveryKey };
}

/** Makes `change` in its own process and kills it at `stop`: what it answered, and whether it got there. */
async function changeKilledAt(dataDir: string, change: KeySlotChange, stop: string): Promise<{ reached: boolean; answer: Answer }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'keySlotChild.ts'), dataDir, change, stop], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let answer: Answer = {};
  let reached = false;
  let done = false;
  for await (const line of readline.createInterface({ input: child.stdout })) {
    if (line.startsWith('ANSWER ')) answer = JSON.parse(line.slice('ANSWER '.length)) as Answer;
    if (line === `STOPPED ${stop}`) reached = true;
    if (line === 'DONE') done = true;
    if (reached || done) break;
  }
  child.kill('SIGKILL');
  await exited;
  if (!reached && !done) throw new Error(`The child stopped without reaching ${stop}: ${stderr.trim()}`);
  return { reached: reached || stop === 'none', answer };
}

async function opens(backend: Backend, username: string, password: string | undefined): Promise<boolean> {
  if (!password) return false;
  const result = await backend.invoke('vault.unlock', { username, password });
  if (!result.ok) return false;
  await call(backend, 'session.lock', {});
  return true;
}

/** Which of two secrets opens an account: 'old', 'new', 'both' or 'none'. */
async function whichOpens(backend: Backend, username: string, old: string | undefined, next: string | undefined) {
  // The old one first: an old secret must be refused even while its change is settled by that very unlock.
  const withOld = await opens(backend, username, old);
  const withNew = await opens(backend, username, next);
  return withOld && withNew ? 'both' : withOld ? 'old' : withNew ? 'new' : 'none';
}

async function recoveryKeyOpens(dataDir: string, recoveryKey: string | undefined): Promise<boolean> {
  if (!recoveryKey) return false;
  const opened = await openSlotWithCredential(await readKeySlotFile(vaultPaths(dataDir).keySlots), { kind: 'recoveryKey', recoveryKey });
  opened?.key.fill(0);
  return opened !== null;
}

/** The next start: who opens with what, and whether the folder is whole. */
async function afterRestart(dataDir: string, change: KeySlotChange, answer: Answer, recoveryKey: string) {
  const backend = newBackend({ dataDir, kdfCost: keySlotScenario.kdfCost });
  const coordinatorNew = change === 'own-password-changed' ? keySlotScenario.coordinatorsNewPassword : undefined;
  // The coordinator first: her unlock is the next open, which settles or withdraws what the crash left.
  const coordinatorOpens = await whichOpens(backend, coordinator.username, coordinator.password, coordinatorNew);
  const staffOpens = await whichOpens(backend, staff.username, change === 'account-enabled' ? undefined : staff.password, change === 'account-created' ? undefined : answer.secret);
  const createdOpens = await whichOpens(backend, created.username, undefined, change === 'account-created' ? answer.secret : undefined);
  const recovery = (await recoveryKeyOpens(dataDir, recoveryKey))
    ? (await recoveryKeyOpens(dataDir, answer.recoveryKey)) ? 'both' : 'old'
    : (await recoveryKeyOpens(dataDir, answer.recoveryKey)) ? 'new' : 'none';

  await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinatorNew && coordinatorOpens === 'new' ? coordinatorNew : coordinator.password });
  const check = (await call(backend, 'vault.check', {})).ok;
  const active = (await call(backend, 'users.list', {})).users.filter((u) => u.role !== 'peer' && u.status === 'active').map((u) => u.id).sort();
  const slots = (await readKeySlotFile(vaultPaths(dataDir).keySlots)).slots;
  const peers = (await call(backend, 'peers.list', {})).peers.map((p) => p.fullName);
  const withdrawals = (await call(backend, 'audit.list', { limit: 500 })).entries.filter((e) => e.action === 'vault.secret-withdrawn' || e.action === 'vault.data-key-rotation-withdrawn').length;
  await call(backend, 'session.lock', {});
  return {
    coordinatorOpens,
    staffOpens,
    createdOpens,
    recovery,
    check,
    slotsMatchAccounts:
      slots.filter((s) => s.kind === 'user').map((s) => s.userId).sort().join() === active.join() && slots.filter((s) => s.kind === 'recovery').length === 1,
    pendingTags: slots.filter((s) => s.pending).length,
    peers,
    withdrawals,
    leftovers: readdirSync(dataDir).filter((name) => /^\.rotation-|rotation-pending|vault-switch/.test(name)),
  };
}

type Outcome = Awaited<ReturnType<typeof afterRestart>>;

/** What the next start must find, the change having stood (`shown`) or not. */
function expected(change: KeySlotChange, shown: boolean): Partial<Outcome> {
  const common = { check: true, slotsMatchAccounts: true, pendingTags: 0, peers: ['Before The Change'], leftovers: [] as string[] };
  // An old secret or account the change did away with never opens; an unshown new one never does either.
  switch (change) {
    case 'password-reset':
      return { ...common, coordinatorOpens: 'old', staffOpens: shown ? 'new' : 'old', recovery: 'old' };
    case 'account-disabled':
    case 'account-removed':
      return { ...common, coordinatorOpens: 'old', staffOpens: shown ? 'none' : 'old', recovery: 'old' };
    case 'account-enabled':
      return { ...common, coordinatorOpens: 'old', staffOpens: shown ? 'new' : 'none', recovery: 'old' };
    case 'account-created':
      return { ...common, coordinatorOpens: 'old', createdOpens: shown ? 'new' : 'none', recovery: 'old' };
    case 'own-password-changed':
      return { ...common, coordinatorOpens: shown ? 'new' : 'old', staffOpens: 'old', recovery: 'old' };
    case 'recovery-key-replaced':
      return { ...common, coordinatorOpens: 'old', staffOpens: 'old', recovery: shown ? 'new' : 'old' };
    case 'data-key-rotated':
      return { ...common, coordinatorOpens: 'old', staffOpens: shown ? 'new' : 'old', recovery: shown ? 'new' : 'old' };
  }
}

describe('a key-slot change killed at any step', () => {
  for (const change of keySlotChanges) {
    const { steps, shownFrom } = stepsOf[change];
    it(`${change}: leaves every account opening with the secret last shown to a person, and the vault whole`, { timeout: 300_000 }, async () => {
      const stopsReached: string[] = [];
      for (const [index, stop] of steps.entries()) {
        const { dataDir, recoveryKey } = await vaultBefore(change);
        const { reached, answer } = await changeKilledAt(dataDir, change, stop);
        if (!reached && stop.startsWith('rename:')) continue;
        expect([change, stop, 'reached', reached]).toEqual([change, stop, 'reached', true]);
        stopsReached.push(stop);
        const shown = index >= steps.indexOf(shownFrom);
        const outcome = await afterRestart(dataDir, change, answer, recoveryKey);
        const want = expected(change, shown);
        expect([change, stop, outcome]).toEqual([change, stop, expect.objectContaining(want)]);
        // A generated secret a crash kept from the screen is withdrawn, and the audit log says so.
        const generated = steps.includes('before-confirm');
        const withdrawnAfterCommit = generated && !shown && index >= steps.indexOf('committed');
        expect([change, stop, 'withdrawals', outcome.withdrawals]).toEqual([change, stop, 'withdrawals', withdrawnAfterCommit ? 1 : 0]);
        expect(existsSync(path.join(dataDir, 'vault-switch.json'))).toBe(false);
      }
      // The rotation's switch moves the old vault's files out and the new one's in: at least four renames (key slots and database out, then in).
      if (change === 'data-key-rotated') expect(stopsReached.filter((s) => s.startsWith('rename:')).length).toBeGreaterThanOrEqual(4);
    });
  }
});
