import type { HandlerMap } from '../handler';
import { listAudit, verifyAuditChainFrom, type ChainPoint } from '../repositories/audit';
import { readSetting, writeSetting } from '../repositories/settings';

/** Where the last check of the chain that found it intact ended; kept in the vault, so in its backups too. */
const checkpointKey = 'auditVerifiedThrough';

export const auditHandlers: HandlerMap<'audit.list' | 'audit.verify'> = {
  'audit.list': async (input, ctx) => listAudit(ctx.db, { beforeId: input.beforeId, limit: input.limit ?? 100, action: input.action }),

  /**
   * On opening the screen: the entries added since the last intact check. The whole chain
   * on demand (and always in `vault.check` and a backup's full check), since an entry
   * altered before the checkpoint is found only by a walk from the start.
   */
  'audit.verify': async (input, ctx) => {
    const full = input.full === true;
    const from = full ? null : ((await readSetting<ChainPoint>(ctx.db, checkpointKey)) ?? null);
    const { verification, last } = await verifyAuditChainFrom(ctx.db, from);
    if (verification.ok && last && last.id !== from?.id) {
      await ctx.db.transaction(() => writeSetting(ctx.db, checkpointKey, last));
    }
    return { ...verification, full: from === null, verifiedThroughId: verification.ok ? (last?.id ?? null) : null };
  },
};
