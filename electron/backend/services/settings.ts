import type { Settings } from '../../../src/contract';
import type { Context, HandlerMap } from '../handler';
import { loadSettings, saveSettings } from './settingsStore';

async function current(ctx: Context): Promise<Settings> {
  const stored = await loadSettings(ctx.db);
  return {
    schoolName: stored.schoolName,
    autoLockMinutes: stored.autoLockMinutes,
    vaultLocation: ctx.vault.paths.dataDir,
    studentCount: stored.studentCount,
    classNames: stored.classNames,
    backupKeepLast: stored.backupKeepLast,
    backupReminderDays: stored.backupReminderDays,
    escalationProtocol: stored.escalationProtocol,
    caseDueDays: stored.caseDueDays,
    supervisorsSeeAllCases: stored.supervisorsSeeAllCases,
  };
}

/** The same class typed twice (or in another case) is kept once, in the order first given. */
function uniqueClasses(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLocaleLowerCase('id');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': async (_input, ctx) => current(ctx),

  'settings.update': async (input, ctx) => {
    await ctx.db.transaction(async () => {
      const changed = await saveSettings(ctx.db, { ...input, classNames: input.classNames && uniqueClasses(input.classNames) });
      // The audit names which settings changed, not their values.
      if (changed.length > 0) await ctx.audit('settings.changed', null, { keys: changed });
    });
    return current(ctx);
  },
};
