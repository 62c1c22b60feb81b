import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, type Backend } from '../backend';
import { quickCheck } from '../backup/check';
import { problemMessages } from '../backup/errors';
import { systemClock } from '../clock';
import { defaultDriver } from '../db/drivers';
import { seedDemo } from '../demo/demo';
import { DemoClock } from '../demo/sessionsAndCases';
import { silentLogger } from '../logger';
import { headlessBackup, HeadlessBackupError } from './headlessBackup';
import { readSecret } from './secretInput';

/**
 * `npm run cli -- <command>`: the same backend for scripts and scheduled tasks.
 * One line per outcome; exit 0 on success, 1 on a failed check or refused
 * action, 2 on wrong usage. Secrets are read from a prompt or standard input,
 * never from the command line.
 */
const usage = `Usage:
  npm run cli -- demo --data-dir DIR [--seed N]
  npm run cli -- check --data-dir DIR --user USERNAME   (password from prompt or stdin)
  npm run cli -- backup --data-dir DIR --to FOLDER [--user USERNAME]
                       (that user's password, or without --user any staff password or the recovery key, from prompt or stdin)
  npm run cli -- verify FILE [--full [--user USERNAME] [--data-dir DIR]]
                       (quick check without a password; --full asks for the password, or the recovery key without --user;
                        wrong ones count toward the back-off of the vault in DIR, by default the desktop app's)`;

class UsageError extends Error {}

function dataDirOf(values: { 'data-dir'?: string | undefined }): string {
  if (!values['data-dir']) throw new UsageError('--data-dir is required.');
  return path.resolve(values['data-dir']);
}

async function demo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, seed: { type: 'string' } } });
  // A clock the demo can set back, so a term of logs and cases gets the times they would have had.
  const backend = createBackend({ dataDir: dataDirOf(values), logger: silentLogger, clock: new DemoClock() });
  const status = await backend.invoke('app.status', {});
  if (status.ok && status.value.state !== 'no-vault') {
    console.error('A vault already exists in that folder; demo never overwrites one.');
    return 1;
  }
  const accounts = await seedDemo(backend, values.seed ? { seed: Number(values.seed) } : {});
  console.log(`Demo vault created in ${dataDirOf(values)}. These passwords are shown only now:`);
  console.log(`  coordinator  ${accounts.coordinator.username}  ${accounts.coordinator.password}`);
  console.log(`  supervisor   ${accounts.supervisor.username}  ${accounts.supervisor.password}`);
  console.log(`  peer (PIN)   ${accounts.peer.username}  ${accounts.peer.pin}`);
  return 0;
}

async function unlock(backend: Backend, username: string): Promise<boolean> {
  const password = await readSecret(`Password for ${username}: `);
  const result = await backend.invoke('vault.unlock', { username, password });
  if (!result.ok) {
    console.error(`Could not unlock: ${result.error.message}`);
    return false;
  }
  if (result.value.state !== 'unlocked') {
    console.error('This account must first choose a new password in the app.');
    await backend.invoke('session.lock', {});
    return false;
  }
  return true;
}

async function check(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, user: { type: 'string' } } });
  if (!values.user) throw new UsageError('--user is required.');
  const backend = createBackend({ dataDir: dataDirOf(values), logger: silentLogger });
  const status = await backend.invoke('app.status', {});
  if (status.ok && status.value.state === 'no-vault') {
    console.error('There is no vault in that folder.');
    return 1;
  }
  if (!(await unlock(backend, values.user))) return 1;
  try {
    const result = await backend.invoke('vault.check', {});
    if (!result.ok) {
      console.error(`Check refused: ${result.error.message}`);
      return 1;
    }
    const report = result.value;
    const parts = [
      `encryption ${report.cipherIntegrity.ok ? 'ok' : `${report.cipherIntegrity.problems} damaged pages`}`,
      `database ${report.databaseIntegrity.ok ? 'ok' : `${report.databaseIntegrity.problems} problems`}`,
      `audit chain ${report.auditChain.ok ? `ok (${report.auditChain.checked} entries)` : `broken at entry ${report.auditChain.brokenAtId}`}`,
    ];
    (report.ok ? console.log : console.error)(`${report.ok ? 'Vault is sound' : 'Vault has problems'}: ${parts.join(', ')}.`);
    return report.ok ? 0 : 1;
  } finally {
    await backend.lockNow('manual');
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function backup(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, to: { type: 'string' }, user: { type: 'string' } } });
  if (!values.to) throw new UsageError('--to FOLDER is required.');
  const dataDir = dataDirOf(values);
  const secret = await readSecret(values.user ? `Password for ${values.user}: ` : 'Password or recovery key: ');
  try {
    const written = await headlessBackup({
      dataDir,
      folder: path.resolve(values.to),
      username: values.user ?? null,
      secret,
      driver: defaultDriver(),
      clock: systemClock,
    });
    const removed = written.removed.length > 0 ? ` Removed ${written.removed.length} older backup(s).` : '';
    console.log(`Backup written and verified: ${written.file} (${megabytes(written.bytes)}, ${(written.durationMs / 1000).toFixed(1)} s).${removed}`);
    return 0;
  } catch (error) {
    if (error instanceof HeadlessBackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function verify(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { full: { type: 'boolean', default: false }, user: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('Name one backup file.');
  const file = path.resolve(positionals[0]!);
  const quick = await quickCheck(file);
  if (!quick.ok || !quick.head) {
    console.error(`Backup cannot be used: ${problemMessages[quick.problem ?? 'damaged-header']}`);
    return 1;
  }
  const header = quick.head.header;
  const made = `made ${header.createdAt} by Sebaya ${header.appVersion} (schema ${header.schemaVersion}), ${megabytes(quick.head.fileSize)}`;
  if (!values.full) {
    console.log(`Backup is complete and unmodified: ${made}.`);
    return 0;
  }
  const secret = await readSecret(values.user ? `Password for ${values.user}: ` : 'Recovery key: ');
  const credential = values.user
    ? { kind: 'password' as const, username: values.user, password: secret }
    : { kind: 'recoveryKey' as const, recoveryKey: secret };
  // Through the backend of the vault folder, so a wrong secret counts toward the same back-off as the
  // unlock screen and appears in that vault's audit log at its next unlock.
  const backend = createBackend({ dataDir: values['data-dir'] ? path.resolve(values['data-dir']) : desktopVaultDir(), logger: silentLogger });
  const result = await backend.invoke('backups.verify', { file, credential });
  if (!result.ok) {
    console.error(result.error.code === 'WRONG_CREDENTIALS' ? 'That password or recovery key does not open this backup.' : result.error.message);
    return 1;
  }
  const { contents, problem } = result.value;
  if (!contents) {
    console.error(`Backup cannot be used: ${problemMessages[problem ?? 'damaged-header']}`);
    return 1;
  }
  const counts = contents.counts.map((c) => `${c.table} ${c.rows}`).join(', ');
  const chain = contents.checks.auditChain.ok ? 'audit chain ok' : 'audit chain BROKEN';
  console.log(`Backup opens and passes the integrity checks: ${contents.schoolName}, ${made}; ${chain}; ${counts}.`);
  return 0;
}

/**
 * The desktop app's vault folder for this OS user (Electron's userData + `/vault`, see
 * electron/main/index.ts), where the back-off of this PC lives when no --data-dir is named.
 */
export function desktopVaultDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  const userData =
    platform === 'win32'
      ? path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Sebaya')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support', 'Sebaya')
        : path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Sebaya');
  return platform === 'win32' ? path.win32.join(userData, 'vault') : path.join(userData, 'vault');
}

const commands: Record<string, (args: string[]) => Promise<number>> = { demo, check, backup, verify };

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const run = command ? commands[command] : undefined;
  if (!run) {
    console.error(usage);
    return 2;
  }
  try {
    return await run(args);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n${usage}`);
      return 2;
    }
    // One line, no stack: the message of our own errors never holds record content.
    console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
