import { z } from 'zod';
import { defineMethod } from '../method';
import { staff } from '../roles';
import { peerStatuses } from './peers';

export const dashboardMethods = {
  'dashboard.summary': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({}),
    output: z.object({
      peersByStatus: z.record(z.enum(peerStatuses), z.number().int()),
      staffUsers: z.number().int(),
      peerAccounts: z.number().int(),
    }),
  }),
};
