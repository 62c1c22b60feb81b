/**
 * A scheduled-task backup run in its own process, for the interruption test:
 * once half the file is written it says "HALF" and waits, so the test can kill
 * it at exactly that point (no timing guesses). Reads the password from stdin,
 * as the real command does.
 */
import readline from 'node:readline';
import { systemClock } from '../../../electron/backend/clock';
import { headlessBackup } from '../../../electron/backend/cli/headlessBackup';
import { defaultDriver } from '../../../electron/backend/db/drivers';

async function main(): Promise<void> {
  const [dataDir, folder, username] = process.argv.slice(2);
  if (!dataDir || !folder || !username) throw new Error('usage: backupChild DATA_DIR FOLDER USERNAME');
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
      if (stage === 'writing' && done > total / 2) {
        process.stdout.write('HALF\n');
        // A pending promise alone does not keep Node running; a timer does, until the test kills the process.
        setInterval(() => undefined, 60_000);
        await new Promise<never>(() => undefined);
      }
    },
  });
  process.stdout.write('DONE\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
