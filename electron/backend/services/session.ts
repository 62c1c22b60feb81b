import { readBesideTheQueue, type HandlerMap } from '../handler';
import { auditChainLength, verifyAuditChain } from '../repositories/audit';
import { deleteDraft, listDrafts } from '../repositories/drafts';
import { cipherIntegrityProblems, databaseIntegrityProblems } from '../repositories/integrity';
import { generateRecoveryKey } from '../vault/recoveryKey';
import { loadSettings } from '../repositories/settingsStore';
import { rotateVaultKey } from '../session/rotation';
import { confirmRotationShown } from '../vault/rotation';
import { changeKeySlots, confirmSecretShown } from '../vault/slotChanges';

type SessionMethod =
  | 'app.status'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.unlockWithRecoveryKey'
  | 'vault.setNewPassword'
  | 'vault.newRecoveryKey'
  | 'vault.confirmSecretShown'
  | 'vault.check'
  | 'vault.rotateDataKey'
  | 'session.lock'
  | 'session.heartbeat'
  | 'session.handOverToPeer'
  | 'session.handOverForFeedback'
  | 'session.peerSignIn'
  | 'session.setLanguage'
  | 'drafts.list'
  | 'drafts.discard';

export const sessionHandlers: HandlerMap<SessionMethod> = {
  'app.status': async (_input, ctx) => ctx.session.status(),

  'vault.create': async (input, ctx) => {
    const recoveryKey = await ctx.session.create(input);
    return { recoveryKey, status: await ctx.session.status() };
  },

  'vault.unlock': async (input, ctx) => {
    await ctx.session.unlock(input.username, input.password);
    return ctx.session.status();
  },

  'vault.unlockWithRecoveryKey': async (input, ctx) => {
    await ctx.session.unlockWithRecoveryKey(input.username, input.recoveryKey);
    return ctx.session.status();
  },

  'vault.setNewPassword': async (input, ctx) => {
    await ctx.session.setNewPassword(input.newPassword);
    return ctx.session.status();
  },

  'vault.newRecoveryKey': async (input, ctx) => {
    await ctx.session.confirmOwnPassword(input.password);
    const recoveryKey = generateRecoveryKey();
    // The key on paper keeps working until the screen has shown the new one.
    const changeId = await changeKeySlots(ctx.vault, {
      kind: 'recovery-key-replaced',
      secret: recoveryKey,
      known: false,
      startedBy: ctx.actor.userId,
      write: async () => {
        await ctx.audit('vault.recovery-key-replaced');
        return null;
      },
    });
    return { recoveryKey, changeId };
  },

  'vault.confirmSecretShown': async (input, ctx) => {
    if (!(await confirmRotationShown(ctx.session.paths.dataDir, input.changeId, ctx.vault.hooks))) {
      await confirmSecretShown(ctx.vault, input.changeId, ctx.actor.userId);
    }
    return {};
  },

  'vault.check': async (_input, ctx) =>
    // Beside the queue (issue 12: seven seconds at district scale), on a snapshot taken with nothing
    // left in the WAL: no checkpoint can write into the file while the page check reads it, and a
    // write committed meanwhile is neither half in the check nor a reason for it to fail.
    readBesideTheQueue(
      ctx,
      { job: 'vault-check', checkpointFirst: true },
      async (reader, job) => {
        // Page HMACs first, from the file; then the chain; SQLite's structural check last, because after it
        // meets a damaged page SQLCipher may refuse further reads on this connection (SQLITE_NOMEM).
        job?.report('checking-pages');
        const cipherProblems = await cipherIntegrityProblems(reader, { checkpoint: false });
        const total = await auditChainLength(reader).catch(() => 0);
        job?.report('checking-audit', 0, total);
        const auditChain = await verifyAuditChain(reader, 500, (checked) => job?.report('checking-audit', checked, total)).catch(() => ({
          ok: false,
          checked: 0,
          brokenAtId: null,
        }));
        job?.report('checking-structure');
        const databaseProblems = await databaseIntegrityProblems(reader);
        return {
          ok: cipherProblems === 0 && databaseProblems === 0 && auditChain.ok,
          cipherIntegrity: { ok: cipherProblems === 0, problems: cipherProblems },
          databaseIntegrity: { ok: databaseProblems === 0, problems: databaseProblems },
          auditChain,
        };
      },
      async (result) => result,
    ),

  'vault.rotateDataKey': async (input, ctx) => {
    const { recoveryKey, reissued, changeId } = await rotateVaultKey(ctx.session, input.password);
    return {
      recoveryKey,
      changeId,
      temporaryPasswords: reissued.map(({ user, temporaryPassword }) => ({
        userId: user.id,
        username: user.username,
        fullName: user.full_name,
        temporaryPassword,
      })),
    };
  },

  'session.lock': async (input, ctx) => {
    await ctx.session.lock(input.reason ?? 'manual', input.drafts ?? []);
    return ctx.session.status();
  },

  'session.heartbeat': async (_input, ctx) => ({ autoLockMinutes: (await loadSettings(ctx.db)).autoLockMinutes }),

  'session.handOverToPeer': async (input, ctx) => {
    await ctx.session.handOver(input.drafts ?? []);
    return ctx.session.status();
  },

  'session.handOverForFeedback': async (input, ctx) => {
    await ctx.session.handOver(input.drafts ?? [], 'feedback-handover');
    return ctx.session.status();
  },

  'session.peerSignIn': async (input, ctx) => {
    await ctx.session.peerSignIn(input.username, input.pin);
    return ctx.session.status();
  },

  'session.setLanguage': async (input, ctx) => {
    await ctx.session.setLanguage(input.language);
    return { language: input.language };
  },

  'drafts.list': async (_input, ctx) => ({ drafts: await listDrafts(ctx.db, ctx.actor.userId) }),

  'drafts.discard': async (input, ctx) => {
    await deleteDraft(ctx.db, ctx.actor.userId, input.formKey);
    return {};
  },
};
