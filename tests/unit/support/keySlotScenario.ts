import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract';

/**
 * The key-slot changes of the crash-injection suite, shared by the test and the
 * child process that makes them (support/keySlotChild.ts). No vitest here: the
 * child imports it.
 */
export const keySlotChanges = [
  'password-reset',
  'account-disabled',
  'account-removed',
  'account-enabled',
  'account-created',
  'own-password-changed',
  'recovery-key-replaced',
  'data-key-rotated',
] as const;
export type KeySlotChange = (typeof keySlotChanges)[number];

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** What the change answered: the secret it showed (if any) and the id the screen confirms. */
export interface Answer {
  secret?: string;
  recoveryKey?: string;
  changeId?: string | null;
}

export const keySlotScenario = {
  kdfCost: { N: 2 ** 10, r: 8, p: 1 },
  coordinator: {
    schoolName: 'SMP Negeri 3 Contoh',
    fullName: 'Sari Wulandari',
    username: 'sari',
    password: 'correct horse battery',
    language: 'id' as const,
  },
  coordinatorsNewPassword: 'a password sari chose today',
  staff: { username: 'budi', fullName: 'Budi Santoso', role: 'supervisor' as const, password: 'budi’s own passphrase' },
  created: { username: 'citra', fullName: 'Citra Ayu', role: 'supervisor' as const },

  async make(change: KeySlotChange, call: Call, staffId: number): Promise<Answer> {
    switch (change) {
      case 'password-reset': {
        const { temporaryPassword, changeId } = await call('users.resetPassword', { userId: staffId });
        return { secret: temporaryPassword, changeId };
      }
      case 'account-disabled':
        await call('users.disable', { userId: staffId });
        return {};
      case 'account-removed':
        await call('users.remove', { userId: staffId });
        return {};
      case 'account-enabled': {
        const { temporaryPassword, changeId } = await call('users.enable', { userId: staffId });
        return { secret: temporaryPassword ?? '', changeId };
      }
      case 'account-created': {
        const { temporaryPassword, changeId } = await call('users.createStaff', keySlotScenario.created);
        return { secret: temporaryPassword, changeId };
      }
      case 'own-password-changed':
        await call('users.changeOwnPassword', {
          currentPassword: keySlotScenario.coordinator.password,
          newPassword: keySlotScenario.coordinatorsNewPassword,
        });
        return { secret: keySlotScenario.coordinatorsNewPassword };
      case 'recovery-key-replaced': {
        const { recoveryKey, changeId } = await call('vault.newRecoveryKey', { password: keySlotScenario.coordinator.password });
        return { recoveryKey, changeId };
      }
      case 'data-key-rotated': {
        const { recoveryKey, changeId, temporaryPasswords } = await call('vault.rotateDataKey', { password: keySlotScenario.coordinator.password });
        return { secret: temporaryPasswords[0]?.temporaryPassword ?? '', recoveryKey, changeId };
      }
    }
  },
};
