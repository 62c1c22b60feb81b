import type {
  AppStatus,
  AuditAction,
  DraftInput,
  JobKind,
  Language,
  LockReason,
  Role,
  SessionUser,
  VaultState,
} from '../../../src/contract';
import type { Clock } from '../clock';
import type { Database } from '../db/database';
import { VaultTooNewError } from '../db/migrate';
import type { Driver } from '../db/driver';
import { undoInterruptedSwitch, type SwitchHooks } from '../backup/restore';
import { removeStagingLeftovers } from '../backup/staging';
import { AppError, conflict, invalidField, locked, notFound, wrongCredentials } from '../errors';
import type { Logger } from '../logger';
import { appendAudit, type AuditDetails } from '../repositories/audit';
import { upsertDraft } from '../repositories/drafts';
import * as users from '../repositories/users';
import { loadSettings, saveSettings, settingDefaults } from '../repositories/settingsStore';
import type { KdfCost } from '../vault/kdf';
import { KeySlotFileError, readKeySlotFile, usernameLookup } from '../vault/keySlots';
import { vaultPaths } from '../vault/paths';
import { generateRecoveryKey, isWellFormedRecoveryKey } from '../vault/recoveryKey';
import { withdrawnRotationNote, withdrawUnshownRotation } from '../vault/rotation';
import { verifyPin } from '../vault/secrets';
import { changeKeySlots, settleKeySlotChanges, type SlotChangeHooks } from '../vault/slotChanges';
import {
  createVault,
  unlockWithPassword,
  unlockWithRecoveryKey,
  vaultExists,
  VaultMismatchError,
  type OpenVault,
  type VaultConfig,
} from '../vault/vault';
import { recoveryKeyCounter, SecretBackOff, type FailedAttempt } from './backOff';
import { RunningJobs, type Job, type OffThreadWork } from './jobs';
import { readLastUsername, rememberLastUsername } from './lastUser';

export interface Actor {
  userId: number;
  username: string;
  fullName: string;
  role: Role;
  peerId: number | null;
  language: Language;
}

export interface SessionConfig {
  dataDir: string;
  driver: Driver;
  clock: Clock;
  logger: Logger;
  kdfCost?: KdfCost | undefined;
  /** Crash tests only: a pause before each rename of a vault switch. */
  switchHooks?: SwitchHooks | undefined;
  /** Crash tests only: a pause at each step of a key-slot change. */
  slotChangeHooks?: SlotChangeHooks | undefined;
  /** Where the long jobs' connections and the term PDF are made (jobs.ts); on this thread without it. */
  offThread?: OffThreadWork | undefined;
}

/** A peer account is locked for this long after this many wrong PINs in a row. */
export const pinLockout = { failures: 5, minutes: 5 };

/** The backend locks this long after the renderer should have (its warning plus a grace minute). */
export const idleGraceSeconds = 60;

function toActor(row: users.UserRow): Actor {
  return {
    userId: row.id,
    username: row.username,
    fullName: users.displayName(row),
    role: row.role,
    peerId: row.peer_id,
    language: row.language,
  };
}

function toSessionUser(actor: Actor): SessionUser {
  return { ...actor };
}

/**
 * The vault's state machine: no vault → locked ⇄ unlocked, with the in-between
 * states "password required" (after a recovery key or a temporary password) and
 * "handover" (a staff member has stepped away so a peer can sign in). Only this
 * class opens or closes the vault.
 */
export class Session {
  private vault: OpenVault | null = null;
  private actor: Actor | null = null;
  private pendingUser: Actor | null = null;
  private state: VaultState = 'locked';
  private lockReason: LockReason | null = 'startup';
  private passwordRequiredReason: 'recovery' | 'temporary' | null = null;
  private lastActivityAt = 0;
  /** Every secret tried on this PC passes this one back-off (backOff.ts). */
  readonly backOff: SecretBackOff;
  private feedbackGiven = false;

  constructor(readonly config: SessionConfig) {
    this.backOff = new SecretBackOff(vaultPaths(config.dataDir).unlockAttempts, config.clock);
  }

  get vaultConfig(): VaultConfig {
    const { dataDir, driver, clock, kdfCost, slotChangeHooks, offThread } = this.config;
    return { dataDir, driver, clock, kdfCost, slotChangeHooks, readerDriver: offThread?.driver };
  }

  get paths() {
    return vaultPaths(this.config.dataDir);
  }

  private now(): string {
    return this.config.clock.now().toISOString();
  }

  async init(): Promise<void> {
    if (this.vault) return;
    // A restore or rotation cut short by a crash is undone before anything looks at the folder.
    if (await undoInterruptedSwitch(this.config.dataDir)) this.config.logger.warn('an interrupted vault switch was undone');
    if (await withdrawUnshownRotation(this.paths, this.config.clock.now())) this.config.logger.warn('a rotation whose secrets were never shown was withdrawn');
    this.state = (await vaultExists(this.config.dataDir)) ? 'locked' : 'no-vault';
  }

  get currentState(): VaultState {
    return this.state;
  }

  get currentActor(): Actor | null {
    return this.state === 'unlocked' ? this.actor : null;
  }

  /** The open database; LOCKED when there is none. */
  get db(): Database {
    if (!this.vault) throw locked();
    return this.vault.db;
  }

  get openVault(): OpenVault {
    if (!this.vault) throw locked();
    return this.vault;
  }

  touch(): void {
    this.lastActivityAt = this.config.clock.now().getTime();
  }

  async audit(action: AuditAction, target: string | null = null, details: AuditDetails = {}, actor = this.actor): Promise<void> {
    await appendAudit(this.db, {
      at: this.now(),
      actorUserId: actor?.userId ?? null,
      actorName: actor?.username ?? null,
      action,
      target,
      details,
    });
  }

  async status(): Promise<AppStatus> {
    await this.init();
    const settings = this.vault && this.state === 'unlocked' ? await loadSettings(this.vault.db) : null;
    const user = this.state === 'unlocked' ? this.actor : this.state === 'password-required' ? this.pendingUser : null;
    return {
      state: this.state,
      user: user ? toSessionUser(user) : null,
      schoolName: settings?.schoolName ?? null,
      lockReason: this.state === 'locked' ? this.lockReason : null,
      passwordRequiredReason: this.state === 'password-required' ? this.passwordRequiredReason : null,
      autoLockMinutes: settings?.autoLockMinutes ?? null,
      retryAfterSeconds: this.state === 'locked' ? await this.backOff.secondsToWaitAtTheLockScreen() : 0,
      lastUsername: this.state === 'locked' ? await readLastUsername(this.paths) : null,
    };
  }

  /** Who unlocked, for the next unlock screen (lastUser.ts); a file that cannot be written costs only the prefill. */
  private async rememberUnlock(vault: OpenVault, actor: Actor): Promise<void> {
    if (actor.role === 'peer') return;
    await rememberLastUsername(this.paths, vault.vaultId, actor.username).catch(() => this.config.logger.warn('could not remember the last username'));
  }

  async create(input: {
    schoolName: string;
    fullName: string;
    username: string;
    password: string;
    language: Language;
  }): Promise<string> {
    const recoveryKey = generateRecoveryKey();
    const now = this.now();
    let userId = 0;
    const vault = await createVault(this.vaultConfig, { username: input.username, password: input.password, recoveryKey }, async (db, vaultId) => {
      await db.transaction(async () => {
        await saveSettings(db, { vaultId, schoolName: input.schoolName });
        userId = await users.insertUser(db, {
          username: input.username,
          fullName: input.fullName,
          role: 'coordinator',
          language: input.language,
          peerId: null,
          pinHash: null,
          mustChangePassword: false,
          now,
        });
        await users.recordSignIn(db, userId, now);
        await appendAudit(db, { at: now, actorUserId: userId, actorName: input.username, action: 'vault.created', target: null, details: {} });
      });
      return userId;
    });
    const row = await users.findUserById(vault.db, userId);
    if (!row) throw new Error('The first user was not written.');
    this.openAs(vault, toActor(row));
    await this.rememberUnlock(vault, toActor(row));
    this.config.logger.info('vault created');
    return recoveryKey;
  }

  private openAs(vault: OpenVault, actor: Actor): void {
    this.config.offThread?.vaultOpened();
    this.vault = vault;
    this.actor = actor;
    this.pendingUser = null;
    this.state = 'unlocked';
    this.lockReason = null;
    this.passwordRequiredReason = null;
    this.touch();
  }

  private async requireLockedVault(): Promise<void> {
    await this.init();
    if (this.state === 'no-vault') throw notFound('vault');
    if (this.state !== 'locked') throw conflict('already-unlocked', 'The vault is already unlocked.');
  }

  /** Maps vault-level failures to the contract's codes. */
  async guardOpen<T>(open: () => Promise<T>): Promise<T> {
    try {
      return await open();
    } catch (error) {
      if (error instanceof VaultTooNewError) {
        throw new AppError({ code: 'VAULT_TOO_NEW', message: error.message, params: { found: error.found, supported: error.supported } });
      }
      // Told apart from damage so the app says "update Sebaya", not "your vault is broken".
      if (error instanceof KeySlotFileError && error.tooNew) {
        throw new AppError({ code: 'VAULT_TOO_NEW', message: error.message });
      }
      if (error instanceof VaultMismatchError || error instanceof KeySlotFileError) {
        throw new AppError({ code: 'VAULT_DAMAGED', message: error.message });
      }
      throw error;
    }
  }

  async unlock(username: string, password: string): Promise<void> {
    await this.requireLockedVault();
    const slots = await this.guardOpen(() => readKeySlotFile(this.paths.keySlots));
    const lookup = usernameLookup(slots.vaultId, username);
    const outcome = await this.backOff.oneAtATime(async () => {
      await this.backOff.assertMayTry(lookup);
      const tried = await this.guardOpen(() => unlockWithPassword(this.vaultConfig, username, password));
      if (!tried.vault) await this.backOff.recordFailure('password', lookup);
      return tried;
    });
    if (!outcome.vault) {
      this.config.logger.warn('unlock failed');
      throw wrongCredentials();
    }
    const vault = outcome.vault;
    const settled = await this.settleAtOpen(vault, outcome.slotId);
    const row = outcome.userId === null ? undefined : await users.findUserById(vault.db, outcome.userId);
    if (!settled || !row || row.status !== 'active' || row.role === 'peer') {
      await vault.close();
      await this.backOff.recordFailure('password', lookup);
      throw wrongCredentials();
    }
    const actor = toActor(row);
    await this.recordUnlock(vault, actor, 'session.unlocked', lookup);
    if (row.must_change_password === 1) this.requirePassword(vault, actor, 'temporary');
    else this.openAs(vault, actor);
  }

  /**
   * Finishes or withdraws the key-slot changes a crash interrupted (vault/slotChanges.ts); false
   * when the secret that opened the vault is one such a change replaced.
   */
  private async settleAtOpen(vault: OpenVault, openedWith: string): Promise<boolean> {
    try {
      return (await settleKeySlotChanges(vault, { openedWith, atOpen: true })).openedSlotKept;
    } catch (error) {
      await vault.close();
      throw error;
    }
  }

  /** Writes the failed attempts that waited outside the vault, then the unlock itself. */
  private async recordUnlock(vault: OpenVault, actor: Actor, action: AuditAction, lookup: string | null): Promise<void> {
    const { attempts, written } = await this.backOff.pending();
    const known = await users.listAllUsernames(vault.db);
    const byLookup = new Map(known.map((u) => [usernameLookup(vault.vaultId, u.username), u.username]));
    const now = this.now();
    const withdrawnRotation = await withdrawnRotationNote(this.config.dataDir);
    await vault.db.transaction(async () => {
      if (withdrawnRotation) {
        await appendAudit(vault.db, {
          at: now,
          actorUserId: null,
          actorName: null,
          action: 'vault.data-key-rotation-withdrawn',
          target: null,
          details: { keptIn: withdrawnRotation.keptIn },
        });
      }
      for (const attempt of attempts) {
        await appendAudit(vault.db, {
          at: attempt.at,
          actorUserId: null,
          actorName: null,
          action: failedAttemptActions[attempt.kind],
          target: null,
          details: { username: attempt.lookup ? (byLookup.get(attempt.lookup) ?? null) : null, ...failedAttemptDetails(attempt) },
        });
      }
      await users.recordSignIn(vault.db, actor.userId, now);
      await appendAudit(vault.db, { at: now, actorUserId: actor.userId, actorName: actor.username, action, target: null, details: {} });
    });
    await written();
    await withdrawnRotation?.remove();
    await this.backOff.recordSuccess(lookup);
    await this.rememberUnlock(vault, actor);
    // What interrupted backups and checks left in the vault folder (issue 11).
    await removeStagingLeftovers(this.config.dataDir);
    // The query planner's statistics (issue 12: the term figures took a third of the time with
    // them). `optimize` analyses only tables whose statistics are missing or stale, each on a
    // sample (analysis_limit), so an unlock of ten years stays quick.
    await vault.db.exec('PRAGMA analysis_limit = 400; PRAGMA optimize;');
  }

  private requirePassword(vault: OpenVault, actor: Actor, reason: 'recovery' | 'temporary'): void {
    this.vault = vault;
    this.actor = null;
    this.pendingUser = actor;
    this.state = 'password-required';
    this.passwordRequiredReason = reason;
    this.lockReason = null;
    this.touch();
  }

  async unlockWithRecoveryKey(username: string, recoveryKey: string): Promise<void> {
    await this.requireLockedVault();
    const opened = await this.backOff.oneAtATime(async () => {
      await this.backOff.assertMayTry(recoveryKeyCounter);
      const tried = isWellFormedRecoveryKey(recoveryKey) ? await this.guardOpen(() => unlockWithRecoveryKey(this.vaultConfig, recoveryKey)) : null;
      if (!tried || !(await this.settleAtOpen(tried.vault, tried.slotId))) {
        if (tried) await tried.vault.close();
        await this.backOff.recordFailure('recovery-key', recoveryKeyCounter);
        return null;
      }
      return tried;
    });
    if (!opened) throw new AppError({ code: 'WRONG_CREDENTIALS', message: 'The recovery key is not correct.', reason: 'recovery-key' });
    const vault = opened.vault;
    const row = await users.findUserByUsername(vault.db, username.trim().toLowerCase());
    if (!row || row.status !== 'active' || row.role === 'peer') {
      await vault.close();
      throw new AppError({ code: 'NOT_FOUND', message: 'No active staff account has this username.', reason: 'user' });
    }
    const actor = toActor(row);
    await this.recordUnlock(vault, actor, 'session.recovery-key-used', recoveryKeyCounter);
    this.requirePassword(vault, actor, 'recovery');
  }

  async setNewPassword(newPassword: string): Promise<void> {
    if (!this.vault || !this.pendingUser) throw locked();
    const vault = this.vault;
    const user = this.pendingUser;
    const reason = this.passwordRequiredReason ?? 'temporary';
    await changeKeySlots(vault, {
      kind: 'password-set',
      secret: newPassword,
      known: true,
      startedBy: user.userId,
      write: async () => {
        await users.setMustChangePassword(vault.db, user.userId, false, this.now());
        await this.audit('session.password-set', `user:${user.userId}`, { reason }, user);
        return { id: user.userId, username: user.username };
      },
    });
    // Guesses at the forgotten password no longer hold back the one just chosen.
    await this.backOff.recordSuccess(usernameLookup(vault.vaultId, user.username));
    this.openAs(vault, user);
  }

  /** Locks the vault: saves the drafts handed over by the renderer, records the lock, closes the database and forgets the key. */
  async lock(reason: LockReason, drafts: DraftInput[] = []): Promise<void> {
    const vault = this.vault;
    const actor = this.state === 'unlocked' ? this.actor : null;
    if (vault) {
      try {
        await vault.db.transaction(async () => {
          if (actor) {
            const savedAt = this.now();
            for (const draft of drafts) await upsertDraft(vault.db, actor.userId, { ...draft, savedAt });
          }
          const peerSigningOut = actor?.role === 'peer';
          await this.audit(peerSigningOut ? 'session.peer-signed-out' : 'session.locked', null, { reason }, actor ?? this.pendingUser);
        });
      } catch (error) {
        // A lock must happen even when the last write cannot.
        this.config.logger.error('could not record the lock', { reason });
        void error;
      } finally {
        await vault.close().catch(() => undefined);
      }
    }
    this.endLocked(actor?.role === 'peer' ? 'peer-signed-out' : reason);
    if (!(await vaultExists(this.config.dataDir))) this.state = 'no-vault';
  }

  async lockIfIdle(): Promise<boolean> {
    if (!this.vault) return false;
    // If the setting cannot be read (a damaged database), fall back to the default rather than never locking.
    const minutes =
      this.state === 'unlocked' || this.state === 'handover' || this.state === 'feedback-handover'
        ? await loadSettings(this.vault.db).then((s) => s.autoLockMinutes, () => settingDefaults.autoLockMinutes)
        : settingDefaults.autoLockMinutes;
    const idleMs = this.config.clock.now().getTime() - this.lastActivityAt;
    if (idleMs < (minutes * 60 + idleGraceSeconds) * 1000) return false;
    await this.lock('idle');
    return true;
  }

  /** Hands the open vault over for a peer's sign-in, or for one student's feedback form. */
  async handOver(drafts: DraftInput[] = [], purpose: 'handover' | 'feedback-handover' = 'handover'): Promise<void> {
    const actor = this.currentActor;
    if (!actor || !this.vault) throw locked();
    const db = this.vault.db;
    await db.transaction(async () => {
      const savedAt = this.now();
      for (const draft of drafts) await upsertDraft(db, actor.userId, { ...draft, savedAt });
      await this.audit('session.handed-over');
    });
    this.actor = null;
    // Nobody signs in on a feedback hand-over: its lock is recorded as the counselor's, who handed the PC over.
    this.pendingUser = purpose === 'feedback-handover' ? actor : null;
    this.state = purpose;
    this.feedbackGiven = false;
    this.touch();
  }

  /**
   * One feedback form per hand-over, so a student (or someone after them) cannot
   * fill the term's figures at an unattended PC. `write` runs only for the first.
   */
  async takeFeedback(write: () => Promise<void>): Promise<void> {
    if (this.feedbackGiven) {
      throw conflict('feedback-given', 'Feedback was already given in this hand-over. Give the computer back to the counselor.');
    }
    await write();
    this.feedbackGiven = true;
  }

  async peerSignIn(username: string, pin: string): Promise<void> {
    if (!this.vault) throw locked('A staff member must unlock the vault and hand it over first.');
    const db = this.vault.db;
    const now = this.config.clock.now();
    const row = await users.findUserByUsername(db, username.trim().toLowerCase());
    const peerRow = row && row.role === 'peer' && row.status === 'active' ? row : undefined;
    if (peerRow?.pin_locked_until && Date.parse(peerRow.pin_locked_until) > now.getTime()) {
      const wait = Math.ceil((Date.parse(peerRow.pin_locked_until) - now.getTime()) / 1000);
      throw new AppError({ code: 'RATE_LIMITED', message: `Too many wrong PINs. Try again in ${wait} seconds.`, params: { retryAfterSeconds: wait } });
    }
    const matches = peerRow?.pin_hash ? await verifyPin(pin, peerRow.pin_hash) : await verifyPin(pin, dummyPinHash);
    if (!peerRow || !matches) {
      await db.transaction(async () => {
        if (peerRow) {
          const failures = peerRow.pin_failed_count + 1;
          const lockedUntil =
            failures >= pinLockout.failures ? new Date(now.getTime() + pinLockout.minutes * 60_000).toISOString() : null;
          await users.recordPinFailure(db, peerRow.id, lockedUntil);
        }
        // The name tried, so the log says who was tried even when no such peer exists; cut short, as it is typed by anyone.
        await this.audit('session.peer-sign-in-failed', peerRow ? `user:${peerRow.id}` : null, { username: username.trim().toLowerCase().slice(0, 40) }, null);
      });
      this.touch();
      throw new AppError({ code: 'WRONG_CREDENTIALS', message: 'The username or PIN is not correct.', reason: 'pin' });
    }
    const actor = toActor(peerRow);
    await db.transaction(async () => {
      await users.recordSignIn(db, actor.userId, now.toISOString());
      await this.audit('session.peer-signed-in', null, {}, actor);
    });
    this.openAs(this.vault, actor);
  }

  async setLanguage(language: Language): Promise<void> {
    const actor = this.currentActor;
    if (!actor) throw locked();
    await users.setLanguage(this.db, actor.userId, language);
    this.actor = { ...actor, language };
  }

  /**
   * The use cases that replace the vault's files under a running session
   * (restore.ts, rotation.ts) change its state only through these three.
   */
  /** Ends locked with this reason, the open vault (if any) already closed by the caller. */
  endLocked(reason: LockReason): void {
    this.vault = null;
    this.actor = null;
    this.pendingUser = null;
    this.passwordRequiredReason = null;
    this.state = 'locked';
    this.lockReason = reason;
  }

  /** The same person goes on in a vault that replaced the open one (a data-key rotation). */
  continueIn(vault: OpenVault): void {
    this.vault = vault;
    this.touch();
  }

  /** The open vault, or null: for the use cases that must close it themselves. */
  get openVaultIfAny(): OpenVault | null {
    return this.vault;
  }

  /**
   * The signed-in person's own password, asked again before a change that needs it (a new
   * recovery key, a rotation, a password change): through the same back-off as the unlock
   * screen, so a vault left open is no faster a way to guess a password than a locked one.
   */
  async confirmOwnPassword(password: string, field = 'password'): Promise<void> {
    const actor = this.currentActor;
    const vault = this.vault;
    if (!actor || !vault) throw locked();
    const lookup = usernameLookup(vault.vaultId, actor.username);
    const right = await this.backOff.oneAtATime(async () => {
      await this.backOff.assertMayTry(lookup);
      if (await vault.verifyUserPassword(actor.userId, password)) return true;
      await this.backOff.recordFailure('password', lookup, { waitForAudit: false });
      return false;
    });
    if (right) return;
    await vault.db.transaction(() => this.audit('session.password-check-failed', null, {}));
    throw invalidField(field, 'wrong_password', 'The password is not correct.');
  }

  /** What a long job's own connections are opened with (jobs.ts, OffThreadWork). */
  get jobDriver(): Driver {
    return this.config.offThread?.driver ?? this.config.driver;
  }

  /** The long jobs running beside the call queue (jobs.ts). */
  readonly jobs = new RunningJobs();

  /**
   * Marks a long job running beside the call queue, as the signed-in person's; CONFLICT when one
   * of its kind already is (a second click on "Back up now"). The caller ends it.
   */
  startJob(kind: JobKind): Job {
    const actor = this.currentActor;
    if (!actor) throw locked();
    return this.jobs.start(kind, actor.userId, this.now());
  }

  /** Keeps the in-memory actor in step when a coordinator changes their own account. */
  refreshActor(row: users.UserRow): void {
    if (this.actor?.userId === row.id) this.actor = toActor(row);
  }
}

/** Compared against when the username is unknown, so a wrong username takes as long as a wrong PIN. */
const dummyPinHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Each kind of wrong secret as the audit log names it at the next unlock. */
const failedAttemptActions: Record<FailedAttempt['kind'], AuditAction> = {
  password: 'session.unlock-failed',
  'recovery-key': 'session.recovery-failed',
  'backup-password': 'backup.open-failed',
  'backup-recovery-key': 'backup.open-failed',
  'restore-authority': 'backup.restore-refused',
};

function failedAttemptDetails(attempt: FailedAttempt): AuditDetails {
  if (attempt.kind === 'backup-password' || attempt.kind === 'backup-recovery-key') {
    return { with: attempt.kind === 'backup-password' ? 'password' : 'recovery-key' };
  }
  return {};
}
