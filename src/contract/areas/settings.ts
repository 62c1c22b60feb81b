import { z } from 'zod';
import { limits, requiredText } from '../fields';
import { defineMethod } from '../method';
import { coordinatorOnly, staff } from '../roles';

export const settings = z.object({
  schoolName: z.string(),
  autoLockMinutes: z.number().int(),
  vaultLocation: z.string(),
});
export type Settings = z.infer<typeof settings>;

export const autoLockMinutes = z.number().int().min(1).max(120);

export const settingsMethods = {
  'settings.get': defineMethod({ access: staff, input: z.strictObject({}), output: settings }),
  'settings.update': defineMethod({
    access: coordinatorOnly,
    input: z.strictObject({
      schoolName: requiredText(limits.name).optional(),
      autoLockMinutes: autoLockMinutes.optional(),
    }),
    output: settings,
  }),
};
