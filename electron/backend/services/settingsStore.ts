import type { Database } from '../db/database';
import { readAllSettings, writeSetting } from '../repositories/settings';

/** Settings with their defaults. Later areas add their keys here. */
export interface StoredSettings {
  vaultId: string;
  schoolName: string;
  autoLockMinutes: number;
  /** School size and classes, for the peer program's coverage (issue 3). */
  studentCount: number | null;
  classNames: string[];
  /** Backups (issue 6): how many to keep per folder, the reminder's age in days, the last folder used. */
  backupKeepLast: number;
  backupReminderDays: number;
  backupFolder: string | null;
}

export const settingDefaults: Omit<StoredSettings, 'vaultId' | 'schoolName'> = {
  autoLockMinutes: 10,
  studentCount: null,
  classNames: [],
  backupKeepLast: 10,
  backupReminderDays: 7,
  backupFolder: null,
};

export async function loadSettings(db: Database): Promise<StoredSettings> {
  const stored = await readAllSettings(db);
  return {
    vaultId: String(stored.vaultId ?? ''),
    schoolName: String(stored.schoolName ?? ''),
    autoLockMinutes: typeof stored.autoLockMinutes === 'number' ? stored.autoLockMinutes : settingDefaults.autoLockMinutes,
    studentCount: typeof stored.studentCount === 'number' ? stored.studentCount : settingDefaults.studentCount,
    classNames: Array.isArray(stored.classNames) ? stored.classNames.map(String) : settingDefaults.classNames,
    backupKeepLast: typeof stored.backupKeepLast === 'number' ? stored.backupKeepLast : settingDefaults.backupKeepLast,
    backupReminderDays: typeof stored.backupReminderDays === 'number' ? stored.backupReminderDays : settingDefaults.backupReminderDays,
    backupFolder: typeof stored.backupFolder === 'string' ? stored.backupFolder : settingDefaults.backupFolder,
  };
}

export async function saveSettings(db: Database, values: Partial<StoredSettings>): Promise<string[]> {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    await writeSetting(db, key, value);
    changed.push(key);
  }
  return changed;
}
