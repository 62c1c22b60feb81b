import path from 'node:path';

/** The files of one vault. Everything in the data folder is either encrypted or holds no record content. */
export interface VaultPaths {
  dataDir: string;
  database: string;
  keySlots: string;
  unlockAttempts: string;
}

export function vaultPaths(dataDir: string): VaultPaths {
  return {
    dataDir,
    database: path.join(dataDir, 'vault.db'),
    keySlots: path.join(dataDir, 'keyslots.json'),
    unlockAttempts: path.join(dataDir, 'unlock-attempts.json'),
  };
}

export function databaseCompanions(database: string): string[] {
  return [database, `${database}-wal`, `${database}-shm`, `${database}-journal`];
}
