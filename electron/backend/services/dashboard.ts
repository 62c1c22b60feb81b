import { peerStatuses, type PeerStatus } from '../../../src/contract';
import type { HandlerMap } from '../handler';
import { countPeersByStatus } from '../repositories/peers';
import { countUsers } from '../repositories/users';

export const dashboardHandlers: HandlerMap<'dashboard.summary'> = {
  'dashboard.summary': async (_input, ctx) => {
    const counts = Object.fromEntries(peerStatuses.map((s) => [s, 0])) as Record<PeerStatus, number>;
    for (const row of await countPeersByStatus(ctx.db)) counts[row.status] = row.n;
    const userCounts = await countUsers(ctx.db);
    return { peersByStatus: counts, staffUsers: userCounts.staff, peerAccounts: userCounts.peers };
  },
};
