import type { AreaId } from '../stores/navigation';
import { idOf, navigate, pathOf, useRouter, type Route } from './router';

/**
 * The addresses of the app's pages, and each area's screen read from the address. Every move
 * between pages is `navigate` to one of these; the back button walks back through them.
 *
 *   /<area>                          an area's first screen (its lists)
 *   /sessions/<tab>                  queue · all · helpSeekers · search
 *   /sessions/log/12 · /sessions/new · /sessions/edit/12
 *   /cases/12 · /peers/7
 *   /supervision/<tab>               meetings · cadence · groups · actions
 *   /supervision/meeting/5 · /supervision/new/planned|held · /supervision/edit/5/planned|held
 */

/** Reads a screen from an address once per address, so a selector gets the same object back. */
function perAddress<T>(read: (segments: readonly string[]) => T): (route: Route) => T {
  let last: { path: string; value: T } | null = null;
  return (route) => {
    if (last?.path !== route.path) last = { path: route.path, value: read(route.segments) };
    return last.value;
  };
}

/** The area an address is in; an address of no area is the dashboard's. */
export function areaOf(route: Route, isArea: (value: string) => value is AreaId): AreaId {
  const first = route.segments[0];
  return first !== undefined && isArea(first) ? first : 'dashboard';
}

export function goToArea(area: AreaId): void {
  navigate(pathOf(area));
}

// Session logs.

export const sessionsTabs = ['queue', 'all', 'helpSeekers', 'search'] as const;
export type SessionsTab = (typeof sessionsTabs)[number];
export type SessionsScreen = { kind: 'list' } | { kind: 'log'; id: number } | { kind: 'form'; id: number | null };

// The tab a list was last on, so coming back from a log lands where one left.
let sessionsTab: SessionsTab = 'queue';

export const sessionsScreenOf = perAddress((segments): SessionsScreen => {
  if (segments[0] !== 'sessions') return { kind: 'list' };
  const [, what, id] = segments;
  if (what === 'new') return { kind: 'form', id: null };
  if (what === 'edit' && idOf(id) !== null) return { kind: 'form', id: idOf(id) };
  if (what === 'log' && idOf(id) !== null) return { kind: 'log', id: idOf(id)! };
  if ((sessionsTabs as readonly string[]).includes(what ?? '')) sessionsTab = what as SessionsTab;
  return { kind: 'list' };
});

function sessionsPath(screen: SessionsScreen): string {
  if (screen.kind === 'log') return pathOf('sessions', 'log', screen.id);
  if (screen.kind === 'form') return screen.id === null ? pathOf('sessions', 'new') : pathOf('sessions', 'edit', screen.id);
  return pathOf('sessions', sessionsTab);
}

interface SessionsView {
  screen: SessionsScreen;
  tab: SessionsTab;
  show(screen: SessionsScreen, options?: { replace?: boolean }): void;
  setTab(tab: SessionsTab): void;
}

const sessionsActions = {
  show: (screen: SessionsScreen, options?: { replace?: boolean }) => navigate(sessionsPath(screen), options),
  setTab: (tab: SessionsTab) => {
    sessionsTab = tab;
    navigate(pathOf('sessions', tab), { replace: true });
  },
};

export function useSessionsView<T>(select: (view: SessionsView) => T): T {
  return useRouter((state) => {
    const screen = sessionsScreenOf(state.route);
    return select({ screen, tab: sessionsTab, ...sessionsActions });
  });
}

/** Opens a session log from anywhere (a case, the dashboard, search). */
export function openSessionLog(id: number): void {
  sessionsActions.show({ kind: 'log', id });
}

export function openReviewQueue(): void {
  sessionsTab = 'queue';
  navigate(pathOf('sessions', 'queue'));
}

// Cases and peers: a list, or one record's page.

function recordIdIn(area: AreaId) {
  return perAddress((segments) => (segments[0] === area ? idOf(segments[1]) : null));
}

export const caseIdOf = recordIdIn('cases');
export const peerIdOf = recordIdIn('peers');

interface RecordView {
  id: number | null;
  open(id: number): void;
  close(): void;
}

const caseActions = { open: (id: number) => openCasePage(id), close: () => navigate(pathOf('cases')) };
const peerActions = { open: (id: number) => openPeerProfile(id), close: () => navigate(pathOf('peers')) };

export function useCaseView<T>(select: (view: RecordView) => T): T {
  return useRouter((state) => select({ id: caseIdOf(state.route), ...caseActions }));
}

export function usePeerView<T>(select: (view: RecordView) => T): T {
  return useRouter((state) => select({ id: peerIdOf(state.route), ...peerActions }));
}

/** Opens a case page from anywhere (a log, the dashboard, search); `replace` when it stands in for the list. */
export function openCasePage(caseId: number, options?: { replace?: boolean }): void {
  navigate(pathOf('cases', caseId), options);
}

/** Opens a peer's profile from anywhere (a training session, an outreach event). */
export function openPeerProfile(peerId: number): void {
  navigate(pathOf('peers', peerId));
}

// Supervision.

export const supervisionTabs = ['meetings', 'cadence', 'groups', 'actions'] as const;
export type SupervisionTab = (typeof supervisionTabs)[number];
type MeetingStatus = 'planned' | 'held';
export type SupervisionScreen = { kind: 'list' } | { kind: 'meeting'; id: number } | { kind: 'form'; id: number | null; status: MeetingStatus };

let supervisionTab: SupervisionTab = 'meetings';

const statusOf = (segment: string | undefined): MeetingStatus | null => (segment === 'planned' || segment === 'held' ? segment : null);

export const supervisionScreenOf = perAddress((segments): SupervisionScreen => {
  if (segments[0] !== 'supervision') return { kind: 'list' };
  const [, what, a, b] = segments;
  if (what === 'meeting' && idOf(a) !== null) return { kind: 'meeting', id: idOf(a)! };
  if (what === 'new' && statusOf(a)) return { kind: 'form', id: null, status: statusOf(a)! };
  if (what === 'edit' && idOf(a) !== null && statusOf(b)) return { kind: 'form', id: idOf(a), status: statusOf(b)! };
  if ((supervisionTabs as readonly string[]).includes(what ?? '')) supervisionTab = what as SupervisionTab;
  return { kind: 'list' };
});

function supervisionPath(screen: SupervisionScreen): string {
  if (screen.kind === 'meeting') return pathOf('supervision', 'meeting', screen.id);
  if (screen.kind === 'form') return screen.id === null ? pathOf('supervision', 'new', screen.status) : pathOf('supervision', 'edit', screen.id, screen.status);
  return pathOf('supervision', supervisionTab);
}

interface SupervisionView {
  screen: SupervisionScreen;
  tab: SupervisionTab;
  show(screen: SupervisionScreen, options?: { replace?: boolean }): void;
  setTab(tab: SupervisionTab): void;
}

const supervisionActions = {
  show: (screen: SupervisionScreen, options?: { replace?: boolean }) => navigate(supervisionPath(screen), options),
  setTab: (tab: SupervisionTab) => {
    supervisionTab = tab;
    navigate(pathOf('supervision', tab), { replace: true });
  },
};

export function useSupervisionView<T>(select: (view: SupervisionView) => T): T {
  return useRouter((state) => select({ screen: supervisionScreenOf(state.route), tab: supervisionTab, ...supervisionActions }));
}

/** Opens a meeting from anywhere (the dashboard, an action item). */
export function openMeeting(id: number): void {
  supervisionActions.show({ kind: 'meeting', id });
}

/** Opens the area on a tab (the dashboard's "see who is due"). */
export function openSupervisionTab(tab: SupervisionTab): void {
  supervisionTab = tab;
  navigate(pathOf('supervision', tab));
}
