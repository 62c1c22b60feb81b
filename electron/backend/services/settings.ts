import type { Settings } from '../../../src/contract';
import type { Context, HandlerMap } from '../handler';
import { loadSettings, saveSettings } from './settingsStore';

async function current(ctx: Context): Promise<Settings> {
  const stored = await loadSettings(ctx.db);
  return { schoolName: stored.schoolName, autoLockMinutes: stored.autoLockMinutes, vaultLocation: ctx.vault.paths.dataDir };
}

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': async (_input, ctx) => current(ctx),

  'settings.update': async (input, ctx) => {
    await ctx.db.transaction(async () => {
      const changed = await saveSettings(ctx.db, input);
      // The audit names which settings changed, not their values.
      if (changed.length > 0) await ctx.audit('settings.changed', null, { keys: changed });
    });
    return current(ctx);
  },
};
