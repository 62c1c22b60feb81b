import type { Role } from '../contract';

export const areaIds = [
  'dashboard',
  'peers',
  'training',
  'outreach',
  'sessions',
  'cases',
  'supervision',
  'evaluation',
  'reports',
  'backups',
  'users',
  'settings',
  'audit',
] as const;
export type AreaId = (typeof areaIds)[number];

/** Which roles see an area in the sidebar. The backend enforces the same rules on every call. */
export const areaRoles: Record<AreaId, readonly Role[]> = {
  dashboard: ['coordinator', 'supervisor'],
  peers: ['coordinator', 'supervisor', 'peer'],
  training: ['coordinator', 'supervisor'],
  outreach: ['coordinator'],
  sessions: ['coordinator', 'supervisor', 'peer'],
  cases: ['coordinator', 'supervisor'],
  supervision: ['coordinator', 'supervisor'],
  evaluation: ['coordinator', 'supervisor'],
  reports: ['coordinator', 'supervisor'],
  backups: ['coordinator'],
  users: ['coordinator'],
  settings: ['coordinator', 'supervisor'],
  audit: ['coordinator'],
};

export function areasFor(role: Role): AreaId[] {
  return areaIds.filter((area) => areaRoles[area].includes(role));
}

export function homeArea(role: Role): AreaId {
  return role === 'peer' ? 'sessions' : 'dashboard';
}

export function isAreaId(value: string): value is AreaId {
  return (areaIds as readonly string[]).includes(value);
}
