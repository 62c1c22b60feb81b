import { autoLockRange, termInput, toTerm, type Term } from '../../../src/contract';
import type { Database } from '../db/database';
import { readAllSettings, writeSetting } from './settings';

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
  /** Cases (issue 4): escalation protocol text, days to a decision per severity, whether supervisors see all cases. */
  escalationProtocol: string;
  caseDueDays: { urgent: number; high: number; routine: number };
  supervisorsSeeAllCases: boolean;
  /** Terms set by the school (issue 5), oldest first; empty: terms are derived from the date. */
  terms: Term[];
}

export const settingDefaults: Omit<StoredSettings, 'vaultId' | 'schoolName'> = {
  autoLockMinutes: 10,
  studentCount: null,
  classNames: [],
  backupKeepLast: 10,
  backupReminderDays: 7,
  backupFolder: null,
  escalationProtocol: '',
  // Urgent: by the end of the day the case opened; high: two days; routine: a week.
  caseDueDays: { urgent: 0, high: 2, routine: 7 },
  supervisorsSeeAllCases: false,
  terms: [],
};

/** Stored terms that still read as terms; anything else is dropped rather than trusted. */
function termsOf(stored: unknown): Term[] {
  if (!Array.isArray(stored)) return settingDefaults.terms;
  return stored
    .map((value) => {
      const { academicYear, semester, start, end } = (value ?? {}) as Record<string, unknown>;
      return termInput.safeParse({ academicYear, semester, start, end });
    })
    .filter((parsed) => parsed.success)
    .map((parsed) => toTerm(parsed.data))
    .sort((a, b) => a.start.localeCompare(b.start));
}

function dueDaysOf(stored: unknown): StoredSettings['caseDueDays'] {
  const value = (stored ?? {}) as Record<string, unknown>;
  const day = (key: keyof StoredSettings['caseDueDays']) =>
    typeof value[key] === 'number' ? (value[key] as number) : settingDefaults.caseDueDays[key];
  return { urgent: day('urgent'), high: day('high'), routine: day('routine') };
}

/**
 * The auto-lock as stored, inside the range Settings allows now (issue 14): a vault from before
 * kept 1 or 2 (or up to 120) minutes, and is read as the nearest allowed value until the next
 * save writes it. Read this way rather than rewritten by a migration, so no schema version is
 * spent on one setting and a value written by an older Sebaya is always read the same way.
 */
function autoLockOf(stored: unknown): number {
  if (typeof stored !== 'number' || !Number.isFinite(stored)) return settingDefaults.autoLockMinutes;
  return Math.min(autoLockRange.max, Math.max(autoLockRange.min, Math.round(stored)));
}

export async function loadSettings(db: Database): Promise<StoredSettings> {
  const stored = await readAllSettings(db);
  return {
    vaultId: String(stored.vaultId ?? ''),
    schoolName: String(stored.schoolName ?? ''),
    autoLockMinutes: autoLockOf(stored.autoLockMinutes),
    studentCount: typeof stored.studentCount === 'number' ? stored.studentCount : settingDefaults.studentCount,
    classNames: Array.isArray(stored.classNames) ? stored.classNames.map(String) : settingDefaults.classNames,
    backupKeepLast: typeof stored.backupKeepLast === 'number' ? stored.backupKeepLast : settingDefaults.backupKeepLast,
    backupReminderDays: typeof stored.backupReminderDays === 'number' ? stored.backupReminderDays : settingDefaults.backupReminderDays,
    backupFolder: typeof stored.backupFolder === 'string' ? stored.backupFolder : settingDefaults.backupFolder,
    escalationProtocol: typeof stored.escalationProtocol === 'string' ? stored.escalationProtocol : settingDefaults.escalationProtocol,
    caseDueDays: dueDaysOf(stored.caseDueDays),
    supervisorsSeeAllCases:
      typeof stored.supervisorsSeeAllCases === 'boolean' ? stored.supervisorsSeeAllCases : settingDefaults.supervisorsSeeAllCases,
    terms: termsOf(stored.terms),
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
