import type { BackupFailureReason, BackupProblem } from '../../../src/contract';

export class BackupFailedError extends Error {
  constructor(readonly reason: BackupFailureReason, message: string) {
    super(message);
    this.name = 'BackupFailedError';
  }
}

/** A backup file that cannot be used (damaged, from a newer version, or not a backup at all). */
export class BackupUnusableError extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`The backup cannot be used: ${problem}.`);
    this.name = 'BackupUnusableError';
  }
}

/** The password or recovery key does not open any key slot of the backup. */
export class BackupCredentialError extends Error {
  constructor() {
    super('The password or recovery key does not open this backup.');
    this.name = 'BackupCredentialError';
  }
}

const messages: Record<BackupFailureReason, string> = {
  'folder-missing': 'The backup folder does not exist.',
  'not-a-folder': 'The backup target is not a folder.',
  'not-writable': 'Sebaya may not write to the backup folder.',
  'read-only': 'The drive is read-only.',
  'drive-full': 'The drive is full.',
  'drive-removed': 'The drive was removed or stopped answering.',
  'vault-damaged': 'The vault has damaged pages; run the check first.',
  'write-check-failed': 'The written backup did not read back the same.',
  unknown: 'The backup could not be written.',
};

export function backupFailed(reason: BackupFailureReason): BackupFailedError {
  return new BackupFailedError(reason, messages[reason]);
}

/**
 * Maps what the OS said to what the person can do about it. A USB stick pulled
 * out shows up as ENOENT (the folder vanished), EIO, ENODEV or ENXIO depending
 * on the OS and the moment; Windows reports a full drive as ENOSPC too.
 */
export function failureFromOsError(error: unknown): BackupFailedError {
  if (error instanceof BackupFailedError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return backupFailed('drive-full');
    case 'EROFS':
      return backupFailed('read-only');
    case 'EACCES':
    case 'EPERM':
      return backupFailed('not-writable');
    case 'ENOENT':
    case 'EIO':
    case 'ENODEV':
    case 'ENXIO':
    case 'ESTALE':
    case 'ENOTCONN':
      return backupFailed('drive-removed');
    case 'ENOTDIR':
      return backupFailed('not-a-folder');
    default:
      return backupFailed('unknown');
  }
}

/** One sentence per problem, for the command line and logs (the app shows its own translations). */
export const problemMessages: Record<BackupProblem, string> = {
  'not-found': 'There is no file at that path.',
  'not-a-backup': 'The file is not a Sebaya backup.',
  'newer-format': 'The backup was made by a newer version of Sebaya; install that version to use it.',
  'damaged-header': 'The start of the file (its header) is damaged or was changed.',
  truncated: 'The file is incomplete: it was cut short, for example by removing the drive while it was written.',
  'damaged-key-slots': 'The key slots inside the file are damaged or were changed.',
  'damaged-payload': 'The encrypted data inside the file is damaged or was changed.',
  'newer-version': 'The backup was made by a newer version of Sebaya; install that version to use it.',
  tampered: 'The backup was changed after it was made; it cannot be trusted.',
  'key-slots-mismatch': 'The key slots in the file do not belong to its data; it was put together from different files.',
  integrity: 'The data inside the backup does not pass the integrity checks.',
  unfinished: 'This is a backup that was never finished (Sebaya stopped while writing it); it cannot be used.',
};
