import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BackupContents as ContractContents, BackupIdentity as ContractIdentity, BackupFile, BackupHistoryEntry, BackupProblem, BackupVerification } from '../../../src/contract';
import { backupCheckLevels } from '../../../src/contract';
import { inspectStaged, quickCheck, type BackupContents, type BackupCredential, type BackupIdentity, type FullCheckStep } from '../backup/check';
import { listDrives, onSameDisk, removableTargets } from '../backup/drives';
import { BackupCredentialError, BackupFailedError, BackupUnusableError, failureFromOsError } from '../backup/errors';
import { backupExtension, readHead } from '../backup/format';
import { writeBackup } from '../backup/write';
import { AppError, conflict, locked } from '../errors';
import { besideTheQueue, type Context, type HandlerMap } from '../handler';
import { backupEvents, type BackupEventRow } from '../repositories/backups';
import { readKeySlotFile } from '../vault/keySlots';
import { vaultPaths } from '../vault/paths';
import { openBackup, restoreBackup } from '../session/restore';
import { loadSettings, saveSettings } from '../repositories/settingsStore';

type BackupMethod = 'backups.overview' | 'backups.drives' | 'backups.folder' | 'backups.create' | 'backups.verify' | 'backups.restore';

/**
 * Which of the states the restore-side methods are allowed in this call came in
 * (the dispatcher has checked it against the contract): no vault, the vault
 * locked, or a signed-in coordinator.
 */
function restoreSide(ctx: Context): 'no-vault' | 'locked' | 'coordinator' {
  const state = ctx.session.currentState;
  return state === 'no-vault' || state === 'locked' ? state : 'coordinator';
}

const unusableMessages: Partial<Record<BackupProblem, string>> = {
  'newer-version': 'This backup was made by a newer version of Sebaya; install that version to restore it.',
  'newer-format': 'This backup was made by a newer version of Sebaya; install that version to restore it.',
};

function unusable(problem: BackupProblem): AppError {
  return conflict(problem, unusableMessages[problem] ?? `The backup cannot be used (${problem}). Nothing was changed.`);
}

const wrongBackupCredential = () =>
  new AppError({
    code: 'WRONG_CREDENTIALS',
    message: 'That password or recovery key does not open this backup. It must be one that was valid when the backup was made.',
    reason: 'backup',
  });

interface Details {
  file?: string;
  folder?: string;
  bytes?: number;
  backupId?: string;
  level?: string;
  ok?: boolean;
  problem?: string | null;
  reason?: string;
  via?: string;
  backupCreatedAt?: string;
}

function parseDetails(row: BackupEventRow): Details {
  try {
    return JSON.parse(row.details) as Details;
  } catch {
    return {};
  }
}

const actionNames: Record<string, BackupHistoryEntry['action']> = {
  'backup.created': 'created',
  'backup.failed': 'failed',
  'backup.checked': 'checked',
  'backup.restored': 'restored',
};

function toHistory(row: BackupEventRow): BackupHistoryEntry {
  const d = parseDetails(row);
  const action = actionNames[row.action] ?? 'checked';
  return {
    id: row.id,
    at: row.at,
    action,
    by: row.actor_name,
    name: d.file ?? null,
    folder: d.folder ?? null,
    bytes: typeof d.bytes === 'number' ? d.bytes : null,
    ok: action === 'failed' ? false : action === 'checked' ? d.ok === true : true,
    problem: d.reason ?? d.problem ?? null,
    via: d.via === 'cli' ? 'cli' : d.via === 'app' ? 'app' : null,
  };
}

/**
 * The last verified backup: every backup is verified before it gets its name,
 * so a "created" entry counts; so does the backup a vault was restored from.
 */
export function lastVerifiedBackupAt(rows: BackupEventRow[]): string | null {
  let latest: string | null = null;
  for (const row of rows) {
    const at = row.action === 'backup.created' ? row.at : row.action === 'backup.restored' ? (parseDetails(row).backupCreatedAt ?? null) : null;
    if (at && (!latest || at > latest)) latest = at;
  }
  return latest;
}

function toIdentity(identity: BackupIdentity): ContractIdentity {
  const { schoolName, createdAt, appVersion, schemaVersion, openedWith } = identity;
  return { schoolName, createdAt, appVersion, schemaVersion, openedWith: { kind: openedWith.kind, username: openedWith.kind === 'password' ? openedWith.username : null } };
}

function toContents(contents: BackupContents): ContractContents {
  return { ...toIdentity(contents), counts: contents.counts, checks: contents.checks };
}

async function currentVaultId(ctx: Context): Promise<string | null> {
  try {
    return (await readKeySlotFile(vaultPaths(ctx.session.config.dataDir).keySlots)).vaultId;
  } catch {
    return null;
  }
}

/** Whose backup a vault id names, seen from this computer. */
async function belongsToOf(ctx: Context, backupVaultId: string | null): Promise<BackupVerification['belongsTo']> {
  if (!backupVaultId) return null;
  await ctx.session.init();
  if (ctx.session.currentState === 'no-vault') return 'no-vault';
  const vaultId = await currentVaultId(ctx);
  return vaultId === backupVaultId ? 'this-vault' : 'other-vault';
}

async function auditCheck(ctx: Context, side: string, details: Details): Promise<void> {
  if (side !== 'coordinator') return;
  await ctx.db.transaction(() => ctx.audit('backup.checked', null, { ...details }));
}

/** Folder paths as typed: a leading "~" is the user's home, as in every file dialog. */
function resolveTyped(input: string): string {
  const home = process.env.HOME ?? process.env.USERPROFILE;
  const expanded = home && (input === '~' || input.startsWith('~/') || input.startsWith('~\\')) ? path.join(home, input.slice(1)) : input;
  return path.resolve(expanded);
}

export const backupsHandlers: HandlerMap<BackupMethod> = {
  'backups.overview': async (_input, ctx) => {
    const settings = await loadSettings(ctx.db);
    const rows = await backupEvents(ctx.db, 500);
    const lastBackupAt = lastVerifiedBackupAt(rows);
    const age = lastBackupAt ? ctx.clock.now().getTime() - Date.parse(lastBackupAt) : Infinity;
    return {
      folder: settings.backupFolder,
      keepLast: settings.backupKeepLast,
      reminderDays: settings.backupReminderDays,
      lastBackupAt,
      reminderDue: age > settings.backupReminderDays * 24 * 60 * 60 * 1000,
      history: rows.slice(0, 50).map(toHistory),
    };
  },

  'backups.drives': async () => {
    return { drives: removableTargets(await listDrives()) };
  },

  'backups.folder': async (input, ctx) => {
    const side = restoreSide(ctx);
    const target = resolveTyped(input.folder);
    const stats = await fs.stat(target).catch(() => null);
    const folder = stats?.isFile() ? path.dirname(target) : target;
    if (!stats) return { folder, exists: false, sameDiskAsVault: null, backups: [] };
    const names = stats.isFile()
      ? [path.basename(target)]
      : (await fs.readdir(target).catch(() => [] as string[])).filter((name) => name.toLowerCase().endsWith(backupExtension));
    const vaultId = await currentVaultId(ctx);
    const checks = new Map<string, BackupFile['lastCheck']>();
    if (side === 'coordinator') {
      // Newest first, so the first entry seen for a backup is its latest check.
      for (const row of await backupEvents(ctx.db, 500)) {
        const d = parseDetails(row);
        if (!d.backupId || checks.has(d.backupId)) continue;
        if (row.action === 'backup.created') checks.set(d.backupId, { at: row.at, level: 'created', ok: true });
        if (row.action === 'backup.checked' && backupCheckLevels.includes(d.level as never)) {
          checks.set(d.backupId, { at: row.at, level: d.level as 'quick' | 'full', ok: d.ok === true });
        }
      }
    }
    const backups: BackupFile[] = [];
    for (const name of names) {
      const file = path.join(folder, name);
      const read = await readHead(file);
      const header = read.ok ? read.head.header : null;
      backups.push({
        file,
        name,
        bytes: read.ok ? read.head.fileSize : read.fileSize,
        createdAt: header?.createdAt ?? null,
        appVersion: header?.appVersion ?? null,
        schemaVersion: header?.schemaVersion ?? null,
        thisVault: header && vaultId ? header.vaultId === vaultId : null,
        problem: read.ok ? null : read.problem,
        lastCheck: read.ok ? (checks.get(read.head.backupId) ?? null) : null,
      });
    }
    backups.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || a.name.localeCompare(b.name));
    const sameDiskAsVault = vaultId ? await onSameDisk(folder, ctx.session.config.dataDir, await listDrives()) : null;
    return { folder, exists: true, sameDiskAsVault, backups };
  },

  'backups.create': async (input, ctx) => {
    const folder = resolveTyped(input.folder);
    const settings = await loadSettings(ctx.db);
    const dataDir = ctx.session.config.dataDir;
    const vault = ctx.vault;
    // Asked while the backup is written: listing drives starts a system tool on some OSes.
    const drives = listDrives();
    const job = ctx.session.startJob('backup');
    const driver = ctx.session.jobDriver;
    // Written beside the queue (issue 12): the snapshot is taken on its own connection, so the
    // screens keep answering while hundreds of megabytes are copied, synced and read back.
    return besideTheQueue(
      async () => {
        try {
          const written = await vault.withDataKey((dataKey) =>
            writeBackup(
              {
                driver,
                databaseFile: vault.paths.database,
                keySlotsFile: vault.paths.keySlots,
                dataKey,
                vaultId: vault.vaultId,
                schoolName: settings.schoolName,
                stagingParent: dataDir,
              },
              { folder, now: ctx.clock.now(), keepLast: settings.backupKeepLast, onProgress: (p) => job.report(p.stage, p.done, p.total) },
            ),
          );
          return { written };
        } catch (error) {
          return { error };
        } finally {
          job.end();
        }
      },
      async (outcome) => {
        // Locked while it was written: the backup's own check ended it, and there is no vault to record it in.
        if (ctx.session.openVaultIfAny !== vault) throw locked();
        if ('error' in outcome) {
          const failure = outcome.error instanceof BackupFailedError ? outcome.error : failureFromOsError(outcome.error);
          if (!(outcome.error instanceof BackupFailedError)) ctx.logger.error('backup failed', { reason: failure.reason });
          await ctx.db.transaction(() => ctx.audit('backup.failed', null, { folder, reason: failure.reason, via: 'app' }));
          throw conflict(failure.reason, failure.message);
        }
        const { written } = outcome;
        await ctx.db.transaction(async () => {
          await saveSettings(ctx.db, { backupFolder: written.folder });
          await ctx.audit('backup.created', null, {
            file: written.name,
            folder: written.folder,
            bytes: written.bytes,
            backupId: written.backupId,
            via: 'app',
            removed: written.removed,
          });
        });
        return {
          file: written.file,
          name: written.name,
          folder: written.folder,
          bytes: written.bytes,
          createdAt: written.createdAt,
          durationMs: written.durationMs,
          verified: true as const,
          sameDiskAsVault: await onSameDisk(written.folder, dataDir, await drives),
          removed: written.removed,
          notRemoved: written.notRemoved,
        };
      },
    );
  },

  'backups.verify': async (input, ctx) => {
    const side = restoreSide(ctx);
    const file = resolveTyped(input.file);
    const name = path.basename(file);
    const credential = input.credential as BackupCredential | undefined;
    const level = credential ? 'full' : 'quick';
    // Only the header in the queue (a few kilobytes); hashing and opening the whole file run beside it (issue 12).
    const read = await readHead(file);
    const head = read.ok ? read.head : null;
    const header = head ? { createdAt: head.header.createdAt, appVersion: head.header.appVersion, schemaVersion: head.header.schemaVersion, bytes: head.fileSize } : null;
    const belongsTo = await belongsToOf(ctx, head?.header.vaultId ?? null);
    const backupId = head?.backupId;
    const vault = side === 'coordinator' ? ctx.vault : null;
    // The full check is a job with progress, one at a time; the quick one only reads the file once.
    const job = vault && credential ? ctx.session.startJob('backup-check') : null;
    const driver = ctx.session.jobDriver;
    type Outcome = { ok: true; contents: BackupContents | null } | { ok: false; problem: BackupProblem } | { wrongCredential: true };
    return besideTheQueue(
      async (): Promise<Outcome> => {
        try {
          if (!credential) {
            const quick = await quickCheck(file);
            return quick.ok ? { ok: true, contents: null } : { ok: false, problem: quick.problem ?? 'damaged-header' };
          }
          // The secret is tried through the one back-off, one try at a time with every other (session/restore.ts).
          const onStep = (step: FullCheckStep) => job?.report(step);
          const staged = await openBackup(ctx.session, file, credential, { driver, onStep, auditWaits: !vault });
          try {
            return { ok: true, contents: { ...staged.identity, ...(await inspectStaged(staged, { driver, onStep })) } };
          } finally {
            await staged.dispose();
          }
        } catch (error) {
          if (error instanceof BackupUnusableError) return { ok: false, problem: error.problem };
          if (error instanceof BackupCredentialError) return { wrongCredential: true };
          throw error;
        } finally {
          job?.end();
        }
      },
      async (outcome): Promise<BackupVerification> => {
        // Begun signed in: recorded in that vault, and not at all once it has locked.
        if (vault && ctx.session.openVaultIfAny !== vault) throw locked();
        const problem = 'wrongCredential' in outcome ? 'wrong-credential' : outcome.ok ? null : outcome.problem;
        await auditCheck(ctx, side, { file: name, backupId, level, ok: problem === null, problem });
        if ('wrongCredential' in outcome) throw wrongBackupCredential();
        const contents = outcome.ok && outcome.contents ? toContents(outcome.contents) : null;
        return { file, name, level, ok: outcome.ok, problem: outcome.ok ? null : outcome.problem, header, belongsTo, contents };
      },
    );
  },

  'backups.restore': async (input, ctx) => {
    const side = restoreSide(ctx);
    const file = resolveTyped(input.file);
    let restored;
    try {
      restored = await restoreBackup(ctx.session, {
        file,
        credential: input.credential as BackupCredential,
        authority: input.authority as BackupCredential | undefined,
        confirmSchoolName: input.confirmSchoolName,
      });
    } catch (error) {
      if (error instanceof BackupUnusableError) {
        await auditCheck(ctx, side, { file: path.basename(file), level: 'full', ok: false, problem: error.problem });
        throw unusable(error.problem);
      }
      if (error instanceof BackupCredentialError) {
        await auditCheck(ctx, side, { file: path.basename(file), level: 'full', ok: false, problem: 'wrong-credential' });
        throw wrongBackupCredential();
      }
      throw error;
    }
    try {
      return { status: await ctx.session.status(), keptAt: restored.keptAt, backup: toIdentity(restored.staged.identity) };
    } finally {
      await restored.staged.dispose();
    }
  },
};
