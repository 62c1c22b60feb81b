import type { TFunction } from 'i18next';
import { call } from '../../api/client';
import { backupFailureReasons, backupProblems, type BackupFailureReason, type BackupProblem } from '../../contract';
import type { SebayaBridge } from '../../contract/bridge';
import { errorText, payloadOf } from '../../ui/errors';

type AnyT = TFunction<'translation', undefined>;

/** Why a restore over a vault was refused for want of current authority (session/restore.ts). */
const authorityErrors = {
  'current-authority': true,
  'current-authority-not-coordinator': true,
  'current-authority-vault-unreadable': true,
  'current-authority-key-slots-damaged': true,
} as const;
type AuthorityReason = keyof typeof authorityErrors;

export function problemText(t: AnyT, problem: BackupProblem): string {
  return t(`backups.problems.${problem}`);
}

/**
 * What to say about a failed backup call: the drive is full, the file is cut
 * short, the password does not open this backup... Other errors as anywhere else.
 */
export function backupErrorText(t: AnyT, error: unknown): string {
  const payload = payloadOf(error);
  if (payload.code === 'WRONG_CREDENTIALS' && payload.reason === 'backup') return t('backups.wrongCredential');
  if (payload.reason && payload.reason in authorityErrors) return t(`backups.restore.authorityErrors.${payload.reason as AuthorityReason}`);
  if (payload.code === 'CONFLICT' && payload.reason) {
    if ((backupFailureReasons as readonly string[]).includes(payload.reason)) return t(`backups.failures.${payload.reason as BackupFailureReason}`);
    if ((backupProblems as readonly string[]).includes(payload.reason)) return problemText(t, payload.reason as BackupProblem);
  }
  return errorText(t, error);
}

/**
 * Record counts as the counselor knows them: the tables with a name in
 * `backups.tables` one by one, in that order, and every other table (settings,
 * drafts, link tables, tables added later) summed as "other records".
 */
export function namedCounts(t: AnyT, exists: (key: string) => boolean, counts: Array<{ table: string; rows: number }>): Array<{ label: string; rows: number }> {
  const named = counts.filter((c) => c.table !== 'other' && exists(`backups.tables.${c.table}`));
  const order = Object.keys(t('backups.tables', { returnObjects: true }) as Record<string, string>);
  named.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
  const other = counts.filter((c) => !named.includes(c)).reduce((sum, c) => sum + c.rows, 0);
  return [...named.map((c) => ({ label: t(`backups.tables.${c.table}` as never) as string, rows: c.rows })), { label: t('backups.tables.other'), rows: other }];
}


/** The OS folder picker, where the shell offers one (Electron); the web harness has none. */
export function folderPicker(): ((title: string) => Promise<string | null>) | null {
  const bridge = (globalThis as { sebaya?: SebayaBridge }).sebaya;
  return bridge?.desktop ? async (title) => (await call('desktop.chooseFolder', { title })).folder : null;
}
