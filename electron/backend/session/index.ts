// The vault's state and locking (session.ts), the one back-off for secrets (backOff.ts), and the
// use cases that replace the vault under a running session: restore (restore.ts) and data-key
// rotation (rotation.ts). Split along those jobs in issue 11.
export { Session, pinLockout, idleGraceSeconds, type Actor, type SessionConfig } from './session';
export { SecretBackOff } from './backOff';
export { Job, RunningJobs, type OffThreadWork } from './jobs';
