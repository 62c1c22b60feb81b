export const roles = ['coordinator', 'supervisor', 'peer'] as const;
export type Role = (typeof roles)[number];

export const staffRoles = ['coordinator', 'supervisor'] as const satisfies readonly Role[];
export type StaffRole = (typeof staffRoles)[number];

/**
 * Who may call a method.
 * - `public`: callable while locked (status, create, unlock); the handler checks the vault state itself.
 * - a list of roles: needs an unlocked vault and a signed-in user with one of these roles.
 */
export type Access = 'public' | readonly Role[];

export const everyone = roles;
export const staff = staffRoles;
export const coordinatorOnly = ['coordinator'] as const satisfies readonly Role[];
