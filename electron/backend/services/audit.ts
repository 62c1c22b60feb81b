import { locked } from '../errors';
import { besideTheQueue, type HandlerMap } from '../handler';
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
    const vault = ctx.vault;
    // The walk reads a snapshot on its own connection beside the queue, so the rest of the app
    // keeps answering while ten years of entries are hashed; entries added meanwhile wait for the next check.
    return besideTheQueue(
      async () => {
        const reader = await vault.openReader();
        try {
          // Small batches: with the Windows driver each read holds the backend's thread, and other calls answer between them.
          return await reader.readSnapshot(() => verifyAuditChainFrom(reader, from, 500));
        } catch (error) {
          // Locked while it read: the lock closed its connection.
          if (vault.isClosed) throw locked();
          throw error;
        } finally {
          await vault.closeReader(reader);
        }
      },
      async ({ verification, last }) => {
        // Back in the queue: the checkpoint only moves forward, and only in the vault that was checked.
        if (ctx.session.openVaultIfAny !== vault) throw locked();
        const stored = (await readSetting<ChainPoint>(ctx.db, checkpointKey)) ?? null;
        if (verification.ok && last && last.id > (stored?.id ?? 0)) {
          await ctx.db.transaction(() => writeSetting(ctx.db, checkpointKey, last));
        }
        return { ...verification, full: from === null, verifiedThroughId: verification.ok ? (last?.id ?? null) : null };
      },
    );
  },
};
