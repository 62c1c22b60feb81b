import { readBesideTheQueue, type HandlerMap } from '../handler';
import { auditChainLength, listAudit, verifyAuditChainFrom, type ChainPoint } from '../repositories/audit';
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
    // The walk reads a snapshot on its own connection beside the queue, so the rest of the app
    // keeps answering while ten years of entries are hashed; entries added meanwhile wait for the next check.
    // Only the whole chain is a job with progress: the check on opening the screen takes moments.
    return readBesideTheQueue(
      ctx,
      { job: full ? 'audit-check' : undefined },
      async (reader, job) => {
        const total = (await auditChainLength(reader)) - (from?.id ?? 0);
        job?.report('checking-audit', 0, total);
        // Small batches: with the Windows driver each read holds a thread, and the hashing is done on the backend's.
        return verifyAuditChainFrom(reader, from, 500, (checked) => job?.report('checking-audit', checked, total));
      },
      async ({ verification, last }) => {
        // Back in the queue: the checkpoint only moves forward.
        const stored = (await readSetting<ChainPoint>(ctx.db, checkpointKey)) ?? null;
        if (verification.ok && last && last.id > (stored?.id ?? 0)) {
          await ctx.db.transaction(() => writeSetting(ctx.db, checkpointKey, last));
        }
        return { ...verification, full: from === null, verifiedThroughId: verification.ok ? (last?.id ?? null) : null };
      },
    );
  },
};
