import { create } from 'zustand';
import { placeDraftKey, registerDraftSource } from '../drafts/registry';

/**
 * Where the person is, as an address in the window's hash (`#/cases/12`): the back and forward
 * buttons (Alt+←/→, a mouse's side buttons) move through the places they saw, every page has an
 * address, and a lock can store the address in the vault to come back to it after the unlock.
 * A hash and not a path because the packaged app is one file served by its own protocol: a
 * reload must land on the same document whatever the address.
 *
 * The address is the only state of where one is; the areas' views (sessionsView, caseView, …)
 * read their screen from it.
 */
export interface Route {
  /** The address without the `#`, e.g. `/sessions/log/12`. */
  path: string;
  /** Its segments after the leading slash: `['sessions', 'log', '12']`. */
  segments: readonly string[];
}

export function routeOf(path: string): Route {
  const clean = normalPath(path);
  return { path: clean, segments: clean.split('/').filter(Boolean).map(decodeURIComponent) };
}

/** An address from its segments; each one encoded, so a segment can never add a level. */
export function pathOf(...segments: ReadonlyArray<string | number>): string {
  return `/${segments.map((s) => encodeURIComponent(String(s))).join('/')}`;
}

/** What `location.hash` holds for an address, read back: '' and '#' are the start, `/` always leads. */
export function normalPath(path: string): string {
  const bare = path.replace(/^#/, '').split('?')[0] ?? '';
  const trimmed = bare.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed || '/' : `/${trimmed}`;
}

/** A whole number id from an address segment, or null for anything else (`12abc`, `-1`, `1e3`). */
export function idOf(segment: string | undefined): number | null {
  return segment !== undefined && /^[1-9]\d{0,14}$/.test(segment) ? Number(segment) : null;
}

/**
 * Asked before the back or forward button leaves a page whose form holds unsaved text
 * (the shell sets it); a no keeps the person where they were. Moves the app makes itself
 * (a link, the sidebar) ask on their own before they go.
 */
type LeaveGuard = () => Promise<boolean>;
let leaveGuard: LeaveGuard = async () => true;

export function setLeaveGuard(guard: LeaveGuard): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = async () => true;
  };
}

interface RouterState {
  route: Route;
}

function currentHash(): string {
  return typeof window === 'undefined' ? '/' : window.location.hash;
}

export const useRouter = create<RouterState>(() => ({ route: routeOf(currentHash()) }));

/** Goes to an address: a new entry in the history, or in place of the current one (`replace`). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const route = routeOf(path);
  if (route.path === useRouter.getState().route.path) return;
  useRouter.setState({ route });
  const url = `#${route.path}`;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
}

export function currentRoute(): Route {
  return useRouter.getState().route;
}

/** Follows the back and forward buttons (and an address typed in the harness's browser). */
export function followHistory(): () => void {
  const onMove = () => {
    const route = routeOf(window.location.hash);
    const before = useRouter.getState().route;
    if (route.path === before.path) return;
    void leaveGuard().then((leave) => {
      if (leave) useRouter.setState({ route });
      // Staying: the window shows this page's address again; the entry it went to keeps the other.
      else window.history.pushState(null, '', `#${before.path}`);
    });
  };
  window.addEventListener('popstate', onMove);
  return () => window.removeEventListener('popstate', onMove);
}

/**
 * Keeps the address among the drafts a lock stores in the vault (registry.placeDraftKey), so the
 * same user comes back to it after the unlock; another user starts on their own home page.
 */
export function rememberPlaceAcrossLock(): () => void {
  return registerDraftSource({
    formKey: placeDraftKey,
    get area() {
      return currentRoute().segments[0] ?? 'dashboard';
    },
    read: () => ({ path: currentRoute().path }),
  });
}
