import { appendAudit } from '../repositories/audit';
import { supersedeUnsettledKeySlotChanges } from '../repositories/keySlotChanges';
import * as users from '../repositories/users';
import { locked } from '../errors';
import { generateRecoveryKey } from '../vault/recoveryKey';
import { rotateDataKey } from '../vault/rotation';
import { generateTemporaryPassword } from '../vault/secrets';
import { openDatabase, OpenVault } from '../vault/vault';
import type { Session } from './session';

export interface Rotated {
  recoveryKey: string;
  changeId: string;
  reissued: Array<{ user: users.UserRow; temporaryPassword: string }>;
}

/**
 * Re-encrypts the vault under a new data key (vault/rotation.ts). The
 * coordinator stays signed in with their password; every other active staff
 * member gets a temporary password, returned once, and there is a new
 * recovery key. If the switch fails the old vault stays in place and the
 * session ends locked, so nothing is half-changed. Until the screen has shown
 * the new secrets (`vault.confirmSecretShown`) the old vault is kept, and the
 * next start puts it back if they never were.
 */
export async function rotateVaultKey(session: Session, password: string): Promise<Rotated> {
  const actor = session.currentActor;
  const vault = session.openVaultIfAny;
  if (!actor || !vault || actor.role !== 'coordinator') throw locked();
  await session.confirmOwnPassword(password);
  const { driver, kdfCost } = session.config;
  const others = (await users.listUsers(vault.db)).filter((u) => u.role !== 'peer' && u.status === 'active' && u.id !== actor.userId);
  const reissued = others.map((user) => ({ user, temporaryPassword: generateTemporaryPassword() }));
  const recoveryKey = generateRecoveryKey();
  const now = session.config.clock.now().toISOString();
  let switched = false;
  try {
    const { newKey, changeId } = await vault.withDataKey((oldKey) =>
      rotateDataKey(
        {
          driver,
          paths: session.paths,
          vaultId: vault.vaultId,
          db: vault.db,
          oldKey,
          kdfCost,
          now,
          recoveryKey,
          holders: [
            { userId: actor.userId, username: actor.username, secret: password },
            ...reissued.map(({ user, temporaryPassword }) => ({ userId: user.id, username: user.username, secret: temporaryPassword })),
          ],
          prepare: (copy) =>
            copy.transaction(async () => {
              for (const { user } of reissued) await users.setMustChangePassword(copy, user.id, true, now);
              await supersedeUnsettledKeySlotChanges(copy, now);
              await appendAudit(copy, {
                at: now,
                actorUserId: actor.userId,
                actorName: actor.username,
                action: 'vault.data-key-rotated',
                target: null,
                details: { temporaryPasswords: reissued.length },
              });
            }),
        },
        async () => {
          switched = true;
          await vault.db.close();
        },
        session.config.switchHooks,
      ),
    );
    await vault.close().catch(() => undefined);
    const db = await openDatabase(driver, session.paths.database, newKey, false);
    session.continueIn(new OpenVault(db, newKey, vault.vaultId, session.paths, session.vaultConfig));
    session.config.logger.info('data key rotated');
    await session.config.slotChangeHooks?.at?.('committed', 'rotation');
    return { recoveryKey, reissued, changeId };
  } catch (error) {
    if (switched) {
      // The old connection is closed; whichever vault is now in place, it must be unlocked afresh.
      await vault.close().catch(() => undefined);
      session.endLocked('manual');
    }
    throw error;
  }
}
