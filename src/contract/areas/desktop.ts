import { z } from 'zod';
import { empty, requiredText } from '../fields';
import { defineMethod } from '../method';
import { coordinatorOnly, staff } from '../roles';

/**
 * What only the desktop shell can do: the OS folder picker and the file manager. They are
 * contract methods like any other so the dispatcher decides who may use them (the same states
 * and roles as the screens that offer them); the backend answers "nothing" (it has no windows),
 * and the Electron main process, which asked the backend first, does the OS part only for a call
 * the backend allowed (electron/main/desktopCalls.ts). The web harness has neither.
 */
export const desktopMethods = {
  /** Where to save backups or find them: from Settings and Backups, and on the unlock screen for a restore. */
  'desktop.chooseFolder': defineMethod({
    reads: true,
    access: { states: ['no-vault', 'locked', 'unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ title: requiredText(200) }),
    output: z.object({ folder: z.string().nullable() }),
  }),
  /** Shows the vault's own folder (the page names no path); false when the OS could not. */
  'desktop.openVaultFolder': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: empty,
    output: z.object({ opened: z.boolean() }),
  }),
};
