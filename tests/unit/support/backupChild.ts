/**
 * A scheduled-task backup run in its own process, for the interruption tests: at
 * the point named by its fourth argument it says "STOPPED <point>" and waits, so
 * the test can kill it there exactly (no timing guesses). Points: `snapshot`
 * (before the snapshot), `writing:<fraction>` (that share of the file written),
 * `verifying` (written and synced, not yet read back), `finishing` (read back,
 * not yet marked whole and renamed), `rotating` (renamed; older ones not yet
 * rotated). Reads the password from stdin, as the real command does.
 */
import readline from 'node:readline';
import { systemClock } from '../../../electron/backend/clock';
import { headlessBackup } from '../../../electron/backend/cli/headlessBackup';
import { defaultDriver } from '../../../electron/backend/db/drivers';

async function main(): Promise<void> {
  const [dataDir, folder, username, point = 'writing:0.5'] = process.argv.slice(2);
  if (!dataDir || !folder || !username) throw new Error('usage: backupChild DATA_DIR FOLDER USERNAME [POINT]');
  const [stopStage, fraction] = point.split(':');
  const lines = readline.createInterface({ input: process.stdin });
  let secret = '';
  for await (const line of lines) {
    secret = line;
    break;
  }
  lines.close();
  await headlessBackup({
    dataDir,
    folder,
    username,
    secret,
    driver: defaultDriver(),
    clock: systemClock,
    onProgress: async ({ stage, done, total }) => {
      if (stage !== stopStage) return;
      if (stage === 'writing' && done < total * Number(fraction ?? '0.5')) return;
      process.stdout.write(`STOPPED ${point}\n`);
      // A pending promise alone does not keep Node running; a timer does, until the test kills the process.
      setInterval(() => undefined, 60_000);
      await new Promise<never>(() => undefined);
    },
  });
  process.stdout.write('DONE\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
