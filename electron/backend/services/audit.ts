import type { HandlerMap } from '../handler';
import { listAudit, verifyAuditChain } from '../repositories/audit';

export const auditHandlers: HandlerMap<'audit.list' | 'audit.verify'> = {
  'audit.list': async (input, ctx) => listAudit(ctx.db, { beforeId: input.beforeId, limit: input.limit ?? 100, action: input.action }),
  'audit.verify': async (_input, ctx) => verifyAuditChain(ctx.db),
};
