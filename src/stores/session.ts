import { create } from 'zustand';
import { call } from '../api/client';
import { forgetCachedAnswers } from '../api/queries';
import { forgetListChoices } from '../api/usePage';
import type { AppStatus, Role } from '../contract';
import { collectDrafts, pendingDrafts, placeDraftKey, setPendingDrafts, takePendingDraft } from '../drafts/registry';
import { changeLanguage, takeLanguageChosenBeforeSignIn } from '../i18n';
import { navigate, pathOf, routeOf } from '../navigation/router';
import { areasFor, homeArea, isAreaId } from './navigation';

interface SessionState {
  status: AppStatus | null;
  /** Shown once after the vault is created (`fresh`) or the key is replaced, then forgotten. */
  recoveryKeyToShow: ShownRecoveryKey | null;
  refresh(): Promise<void>;
  /** Applies a new status from the backend; after an unlock, also the user's language and waiting drafts. */
  applyStatus(status: AppStatus): Promise<void>;
  showRecoveryKey(shown: ShownRecoveryKey | null): void;
}

/** `changeId`: the change to confirm once the key is on screen (vault.confirmSecretShown); none for a new vault's first key. */
export interface ShownRecoveryKey {
  key: string;
  fresh: boolean;
  changeId?: string;
}

/**
 * Reloading the page after a lock is what guarantees the renderer holds no
 * vault data: every store, cache and React tree is dropped with the document.
 */
export function reloadRenderer(): void {
  window.location.reload();
}

export const useSession = create<SessionState>((set, get) => ({
  status: null,
  recoveryKeyToShow: null,

  async refresh() {
    await get().applyStatus(await call('app.status', {}));
  },

  async applyStatus(status) {
    const before = get().status;
    const wasUnlocked = before?.state === 'unlocked';
    // Cached answers and list choices belong to the person they were made for, while the vault is open for them.
    if (before && (status.state !== 'unlocked' || status.user?.userId !== before.user?.userId)) {
      forgetCachedAnswers();
      forgetListChoices();
    }
    if (status.state === 'unlocked' && !wasUnlocked && status.user) {
      const chosen = takeLanguageChosenBeforeSignIn();
      const user = chosen ? { ...status.user, language: chosen } : status.user;
      if (user.language !== status.user.language) {
        await call('session.setLanguage', { language: user.language }).catch(() => undefined);
        status = { ...status, user };
      }
      await changeLanguage(user.language);
      const { drafts } = await call('drafts.list', {});
      setPendingDrafts(drafts);
      // A page loaded while the vault was already open (a reload while developing) stays where its address says.
      if (before !== null) navigate(placeAfterUnlock(user.role), { replace: true });
    }
    set({ status });
  },

  showRecoveryKey(shown) {
    set({ recoveryKeyToShow: shown });
  },
}));

/**
 * Where an unlock opens: the page this user was on at the lock (stored in the vault with the
 * drafts), else the area of a waiting draft, else the role's home. Never an area the role cannot use.
 */
function placeAfterUnlock(role: Role): string {
  const allowed = (area: string | undefined) => area !== undefined && isAreaId(area) && areasFor(role).includes(area);
  const place = takePendingDraft<{ path?: unknown }>(placeDraftKey);
  if (place && typeof place.path === 'string' && allowed(routeOf(place.path).segments[0])) return place.path;
  const draftArea = pendingDrafts()[0]?.area;
  return pathOf(draftArea !== undefined && allowed(draftArea) ? draftArea : homeArea(role));
}

/** Locks now: unsaved form text goes into the vault as drafts first, then the page reloads empty. */
export async function lockNow(reason: 'manual' | 'idle' | 'os'): Promise<void> {
  try {
    await call('session.lock', { drafts: collectDrafts(), reason });
  } catch {
    // A draft the backend refuses (too long, say) must never keep the vault open: lock without drafts.
    await call('session.lock', { reason }).catch(() => undefined);
  } finally {
    reloadRenderer();
  }
}
