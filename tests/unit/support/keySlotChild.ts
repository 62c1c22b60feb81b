/**
 * One key-slot change run in its own process, for the crash-injection suite
 * (tests/unit/keySlotCrash.test.ts): it unlocks the vault in DATA_DIR as the
 * coordinator, makes CHANGE, and at STOP says "STOPPED <stop>" and waits, so
 * the test kills it there exactly (kill -9: an uncommitted transaction dies
 * with it, as in a power cut). STOP is a step of vault/slotChanges.ts
 * (`slot-written`, `committed`, `marked-known`, `database-settled`,
 * `file-settled`), `rename:<n>` (before the n-th rename of a rotation's vault
 * switch), `before-confirm` (the answer is back, the screen has not yet said
 * the secret is shown) or `none`. It prints "ANSWER <json>" when the change
 * answers and "DONE" at the end.
 */
import { createBackend } from '../../../electron/backend/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract';
import { keySlotScenario, type KeySlotChange } from './keySlotScenario';

async function main(): Promise<void> {
  const [dataDir, change, stop] = process.argv.slice(2) as [string, KeySlotChange, string];
  if (!dataDir || !change || !stop) throw new Error('usage: keySlotChild DATA_DIR CHANGE STOP');
  let armed = false;
  const stopHere = async (point: string): Promise<void> => {
    if (!armed || point !== stop) return;
    process.stdout.write(`STOPPED ${point}\n`);
    // A pending promise alone does not keep Node running; a timer does, until the test kills the process.
    setInterval(() => undefined, 60_000);
    await new Promise<never>(() => undefined);
  };
  const backend = createBackend({
    dataDir,
    kdfCost: keySlotScenario.kdfCost,
    slotChangeHooks: { at: (step) => stopHere(step) },
    switchHooks: { beforeStep: (step) => stopHere(`rename:${step}`) },
  });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await backend.invoke(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const { coordinator } = keySlotScenario;
  await call('vault.unlock', { username: coordinator.username, password: coordinator.password });
  const target = (await call('users.list', {})).users.find((u) => u.username === keySlotScenario.staff.username);
  armed = true;

  const answer = await keySlotScenario.make(change, call, target?.id ?? 0);
  process.stdout.write(`ANSWER ${JSON.stringify(answer)}\n`);
  if (answer.changeId) {
    await stopHere('before-confirm');
    await call('vault.confirmSecretShown', { changeId: answer.changeId });
  }
  process.stdout.write('DONE\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
