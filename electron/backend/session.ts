import path from 'node:path';
import type {
  AppStatus,
  AuditAction,
  DraftInput,
  Language,
  LockReason,
  Role,
  SessionUser,
  VaultState,
} from '../../src/contract';
import type { Clock } from './clock';
import type { Database } from './db/database';
import { VaultTooNewError } from './db/migrate';
import type { Driver } from './db/driver';
import type { StagedBackup } from './backup/check';
import { hasVaultFiles, keptVaultDir, replaceVaultFiles } from './backup/restore';
import { AppError, conflict, invalidField, locked, wrongCredentials } from './errors';
import type { Logger } from './logger';
import { appendAudit, type AuditDetails } from './repositories/audit';
import { upsertDraft } from './repositories/drafts';
import * as users from './repositories/users';
import { loadSettings, saveSettings, settingDefaults } from './services/settingsStore';
import type { KdfCost } from './vault/kdf';
import { KeySlotFileError, usernameLookup } from './vault/keySlots';
import { vaultPaths } from './vault/paths';
import { generateRecoveryKey, isWellFormedRecoveryKey } from './vault/recoveryKey';
import { rotateDataKey } from './vault/rotation';
import { generateTemporaryPassword, verifyPin } from './vault/secrets';
import {
  clearUnlockAttempts,
  readUnlockAttempts,
  recordFailedAttempt,
  secondsUntilNextAttempt,
} from './vault/unlockAttempts';
import {
  createVault,
  openDatabase,
  unlockWithPassword,
  unlockWithRecoveryKey,
  vaultExists,
  VaultMismatchError,
  OpenVault,
  type VaultConfig,
} from './vault/vault';

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
  private feedbackGiven = false;

  constructor(readonly config: SessionConfig) {}

  private get vaultConfig(): VaultConfig {
    return { dataDir: this.config.dataDir, driver: this.config.driver, clock: this.config.clock, kdfCost: this.config.kdfCost };
  }

  private get paths() {
    return vaultPaths(this.config.dataDir);
  }

  private now(): string {
    return this.config.clock.now().toISOString();
  }

  async init(): Promise<void> {
    if (this.vault) return;
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
    const attempts = this.state === 'locked' ? await readUnlockAttempts(this.paths.unlockAttempts) : null;
    const settings = this.vault && this.state === 'unlocked' ? await loadSettings(this.vault.db) : null;
    const user = this.state === 'unlocked' ? this.actor : this.state === 'password-required' ? this.pendingUser : null;
    return {
      state: this.state,
      user: user ? toSessionUser(user) : null,
      schoolName: settings?.schoolName ?? null,
      lockReason: this.state === 'locked' ? this.lockReason : null,
      passwordRequiredReason: this.state === 'password-required' ? this.passwordRequiredReason : null,
      autoLockMinutes: settings?.autoLockMinutes ?? null,
      retryAfterSeconds: attempts ? secondsUntilNextAttempt(attempts, this.config.clock.now()) : 0,
    };
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
    this.config.logger.info('vault created');
    return recoveryKey;
  }

  private openAs(vault: OpenVault, actor: Actor): void {
    this.vault = vault;
    this.actor = actor;
    this.pendingUser = null;
    this.state = 'unlocked';
    this.lockReason = null;
    this.passwordRequiredReason = null;
    this.touch();
  }

  private async assertNotThrottled(): Promise<void> {
    const attempts = await readUnlockAttempts(this.paths.unlockAttempts);
    const wait = secondsUntilNextAttempt(attempts, this.config.clock.now());
    if (wait > 0) {
      throw new AppError({
        code: 'RATE_LIMITED',
        message: `Too many wrong attempts. Try again in ${wait} seconds.`,
        params: { retryAfterSeconds: wait },
      });
    }
  }

  /** Maps vault-level failures to the contract's codes. */
  private async guardOpen<T>(open: () => Promise<T>): Promise<T> {
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
    await this.assertNotThrottled();
    const outcome = await this.guardOpen(() => unlockWithPassword(this.vaultConfig, username, password));
    if (!outcome.vault) {
      await recordFailedAttempt(this.paths.unlockAttempts, { at: this.now(), kind: 'password', lookup: outcome.lookup });
      this.config.logger.warn('unlock failed');
      throw wrongCredentials();
    }
    const vault = outcome.vault;
    const row = outcome.userId === null ? undefined : await users.findUserById(vault.db, outcome.userId);
    if (!row || row.status !== 'active' || row.role === 'peer') {
      await vault.close();
      await recordFailedAttempt(this.paths.unlockAttempts, { at: this.now(), kind: 'password', lookup: outcome.lookup });
      throw wrongCredentials();
    }
    const actor = toActor(row);
    await this.recordUnlock(vault, actor, 'session.unlocked');
    if (row.must_change_password === 1) this.requirePassword(vault, actor, 'temporary');
    else this.openAs(vault, actor);
  }

  /** Writes the failed attempts that waited outside the vault, then the unlock itself. */
  private async recordUnlock(vault: OpenVault, actor: Actor, action: AuditAction): Promise<void> {
    const attempts = await readUnlockAttempts(this.paths.unlockAttempts);
    const known = await users.listAllUsernames(vault.db);
    const byLookup = new Map(known.map((u) => [usernameLookup(vault.vaultId, u.username), u.username]));
    const now = this.now();
    await vault.db.transaction(async () => {
      for (const attempt of attempts.pending) {
        await appendAudit(vault.db, {
          at: attempt.at,
          actorUserId: null,
          actorName: null,
          action: attempt.kind === 'password' ? 'session.unlock-failed' : 'session.recovery-failed',
          target: null,
          details: { username: attempt.lookup ? (byLookup.get(attempt.lookup) ?? null) : null },
        });
      }
      await users.recordSignIn(vault.db, actor.userId, now);
      await appendAudit(vault.db, { at: now, actorUserId: actor.userId, actorName: actor.username, action, target: null, details: {} });
    });
    await clearUnlockAttempts(this.paths.unlockAttempts);
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
    await this.assertNotThrottled();
    const vault = isWellFormedRecoveryKey(recoveryKey)
      ? await this.guardOpen(() => unlockWithRecoveryKey(this.vaultConfig, recoveryKey))
      : null;
    if (!vault) {
      await recordFailedAttempt(this.paths.unlockAttempts, { at: this.now(), kind: 'recovery-key', lookup: null });
      throw new AppError({ code: 'WRONG_CREDENTIALS', message: 'The recovery key is not correct.', reason: 'recovery-key' });
    }
    const row = await users.findUserByUsername(vault.db, username.trim().toLowerCase());
    if (!row || row.status !== 'active' || row.role === 'peer') {
      await vault.close();
      throw new AppError({ code: 'NOT_FOUND', message: 'No active staff account has this username.', reason: 'user' });
    }
    const actor = toActor(row);
    await this.recordUnlock(vault, actor, 'session.recovery-key-used');
    this.requirePassword(vault, actor, 'recovery');
  }

  async setNewPassword(newPassword: string): Promise<void> {
    if (!this.vault || !this.pendingUser) throw locked();
    const vault = this.vault;
    const user = this.pendingUser;
    const reason = this.passwordRequiredReason ?? 'temporary';
    await vault.db.transaction(async () => {
      await users.setMustChangePassword(vault.db, user.userId, false, this.now());
      await this.audit('session.password-set', `user:${user.userId}`, { reason }, user);
      await vault.setUserPassword(user.userId, user.username, newPassword);
    });
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
    this.vault = null;
    this.actor = null;
    this.pendingUser = null;
    this.passwordRequiredReason = null;
    this.state = (await vaultExists(this.config.dataDir)) ? 'locked' : 'no-vault';
    this.lockReason = actor?.role === 'peer' ? 'peer-signed-out' : reason;
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
        await this.audit('session.peer-sign-in-failed', peerRow ? `user:${peerRow.id}` : null, {}, null);
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
   * Puts a fully checked backup in place (issue 6). Allowed with no vault, with
   * the vault locked, or for a signed-in coordinator, whose vault is locked
   * first (its last audit entry is that lock, reason "restored"). A current
   * vault is never deleted: it is moved whole into a dated folder, which is
   * returned so the screen can say where. The restore is written into the
   * restored vault's audit log before it goes into place (so a failure there
   * replaces nothing), and the state ends as locked/restored.
   */
  async restore(staged: StagedBackup, file: string): Promise<{ keptAt: string | null }> {
    // Which of the allowed states this is (no vault, locked, or a coordinator) the dispatcher has checked.
    const coordinator = this.state === 'unlocked' ? this.actor : null;
    const paths = this.paths;
    const keepIn = (await hasVaultFiles(paths)) ? await keptVaultDir(paths.dataDir, this.config.clock.now()) : null;
    const backup = { file: path.basename(file), backupId: staged.contents.backupId, backupCreatedAt: staged.contents.createdAt };

    const restored = await openDatabase(this.config.driver, staged.database, staged.dataKey, false);
    try {
      const openedWith = staged.contents.openedWith;
      const now = this.now();
      await restored.transaction(() =>
        appendAudit(restored, {
          at: now,
          actorUserId: openedWith.kind === 'password' ? openedWith.userId : null,
          actorName: openedWith.kind === 'password' ? openedWith.username : null,
          action: 'backup.restored',
          target: null,
          details: { ...backup, with: openedWith.kind === 'password' ? 'password' : 'recovery-key', keptAt: keepIn, by: coordinator?.username ?? null },
        }),
      );
    } finally {
      await restored.close();
    }

    // The vault being replaced records its last lock with the reason "restored"; who restored what,
    // and where this vault is kept, is in the restored vault's own entry above.
    if (coordinator) await this.lock('restored');
    await replaceVaultFiles(paths, staged, keepIn);
    this.state = 'locked';
    this.lockReason = 'restored';
    this.config.logger.info('vault restored from a backup');
    return { keptAt: keepIn };
  }

  /**
   * Re-encrypts the vault under a new data key (vault/rotation.ts). The
   * coordinator stays signed in with their password; every other active staff
   * member gets a temporary password, returned once, and there is a new
   * recovery key. If the switch fails the old vault stays in place and the
   * session ends locked, so nothing is half-changed.
   */
  async rotateDataKey(password: string): Promise<{ recoveryKey: string; reissued: Array<{ user: users.UserRow; temporaryPassword: string }> }> {
    const actor = this.currentActor;
    const vault = this.vault;
    if (!actor || !vault) throw locked();
    if (!(await vault.verifyUserPassword(actor.userId, password))) {
      throw invalidField('password', 'wrong_password', 'The password is not correct.');
    }
    const others = (await users.listUsers(vault.db)).filter((u) => u.role !== 'peer' && u.status === 'active' && u.id !== actor.userId);
    const reissued = others.map((user) => ({ user, temporaryPassword: generateTemporaryPassword() }));
    const recoveryKey = generateRecoveryKey();
    const now = this.now();
    let switched = false;
    try {
      const newKey = await vault.withDataKey((oldKey) =>
        rotateDataKey(
          {
            driver: this.config.driver,
            paths: this.paths,
            vaultId: vault.vaultId,
            db: vault.db,
            oldKey,
            kdfCost: this.config.kdfCost,
            now,
            recoveryKey,
            holders: [
              { userId: actor.userId, username: actor.username, secret: password },
              ...reissued.map(({ user, temporaryPassword }) => ({ userId: user.id, username: user.username, secret: temporaryPassword })),
            ],
            prepare: (copy) =>
              copy.transaction(async () => {
                for (const { user } of reissued) await users.setMustChangePassword(copy, user.id, true, now);
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
        ),
      );
      await vault.close().catch(() => undefined);
      const db = await openDatabase(this.config.driver, this.paths.database, newKey, false);
      this.vault = new OpenVault(db, newKey, vault.vaultId, this.paths, this.vaultConfig);
      this.touch();
      this.config.logger.info('data key rotated');
      return { recoveryKey, reissued };
    } catch (error) {
      if (switched) {
        // The old connection is closed; whichever vault is now in place, it must be unlocked afresh.
        await vault.close().catch(() => undefined);
        this.vault = null;
        this.actor = null;
        this.state = 'locked';
        this.lockReason = 'manual';
      }
      throw error;
    }
  }

  /** Keeps the in-memory actor in step when a coordinator changes their own account. */
  refreshActor(row: users.UserRow): void {
    if (this.actor?.userId === row.id) this.actor = toActor(row);
  }
}

/** Compared against when the username is unknown, so a wrong username takes as long as a wrong PIN. */
const dummyPinHash = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
