export const roles = ['coordinator', 'supervisor', 'peer'] as const;
export type Role = (typeof roles)[number];

export const staffRoles = ['coordinator', 'supervisor'] as const satisfies readonly Role[];
export type StaffRole = (typeof staffRoles)[number];

/**
 * The vault's states. `handover`: a staff member stepped away so a peer can sign in;
 * `feedback-handover`: the counselor handed the PC to a student for one anonymous
 * feedback form. In both nobody is signed in.
 */
export const vaultStates = ['no-vault', 'locked', 'password-required', 'handover', 'feedback-handover', 'unlocked'] as const;
export type VaultState = (typeof vaultStates)[number];

/**
 * Who may call a method: the vault states it may be called in and, when the
 * vault is unlocked, the signed-in user's roles. The dispatcher checks both,
 * so a handler never checks the state itself. `roles` is empty for a method
 * that cannot be called while unlocked.
 */
export interface Access {
  states: readonly VaultState[];
  roles: readonly Role[];
}

export const everyone = roles;
export const staff = staffRoles;
export const coordinatorOnly = ['coordinator'] as const satisfies readonly Role[];
/** States in which nobody is signed in, for the methods that get a vault open or put a backup in place. */
export const noRoles = [] as const satisfies readonly Role[];
