import { isAreaId, type AreaId } from '../stores/navigation';
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
export function areaOf(route: Route): AreaId {
  const first = route.segments[0];
  return first !== undefined && isAreaId(first) ? first : 'dashboard';
}

export function goToArea(area: AreaId): void {
  navigate(pathOf(area));
}

/**
 * An area with tabs over its lists and pages of its own (a log, a meeting, a form): its screen is
 * read from the address after the area's name, and its lists remember the tab they were last on,
 * so coming back from a page lands where one left.
 */
function tabbedArea<Tab extends string, Page extends { kind: string }>(config: {
  area: AreaId;
  tabs: readonly Tab[];
  pageOf(rest: readonly string[]): Page | null;
  addressOf(page: Page): ReadonlyArray<string | number>;
}) {
  type Screen = { kind: 'list' } | Page;
  let tab: Tab = config.tabs[0]!;
  const list: Screen = { kind: 'list' };
  const screenOf = perAddress((segments): Screen => {
    if (segments[0] !== config.area) return list;
    const page = config.pageOf(segments.slice(1));
    if (page) return page;
    if ((config.tabs as readonly string[]).includes(segments[1] ?? '')) tab = segments[1] as Tab;
    return list;
  });
  const show = (screen: Screen, options?: { replace?: boolean }) =>
    navigate(screen.kind === 'list' ? pathOf(config.area, tab) : pathOf(config.area, ...config.addressOf(screen as Page)), options);
  const openTab = (next: Tab, options?: { replace?: boolean }) => {
    tab = next;
    navigate(pathOf(config.area, next), options);
  };
  const actions = { show, setTab: (next: Tab) => openTab(next, { replace: true }) };
  function useView<T>(select: (view: { screen: Screen; tab: Tab } & typeof actions) => T): T {
    return useRouter((state) => select({ screen: screenOf(state.route), tab, ...actions }));
  }
  return { screenOf, useView, show, openTab };
}

// Session logs.

export const sessionsTabs = ['queue', 'all', 'helpSeekers', 'search'] as const;
export type SessionsTab = (typeof sessionsTabs)[number];
type SessionsPage = { kind: 'log'; id: number } | { kind: 'form'; id: number | null };
export type SessionsScreen = { kind: 'list' } | SessionsPage;

const sessions = tabbedArea<SessionsTab, SessionsPage>({
  area: 'sessions',
  tabs: sessionsTabs,
  pageOf: ([what, id]) => {
    if (what === 'new') return { kind: 'form', id: null };
    if (what === 'edit' && idOf(id) !== null) return { kind: 'form', id: idOf(id) };
    if (what === 'log' && idOf(id) !== null) return { kind: 'log', id: idOf(id)! };
    return null;
  },
  addressOf: (page) => (page.kind === 'log' ? ['log', page.id] : page.id === null ? ['new'] : ['edit', page.id]),
});

export const sessionsScreenOf = sessions.screenOf;
export const useSessionsView = sessions.useView;

/** Opens a session log from anywhere (a case, the dashboard, search). */
export function openSessionLog(id: number): void {
  sessions.show({ kind: 'log', id });
}

export function openReviewQueue(): void {
  sessions.openTab('queue');
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
type SupervisionPage = { kind: 'meeting'; id: number } | { kind: 'form'; id: number | null; status: MeetingStatus };
export type SupervisionScreen = { kind: 'list' } | SupervisionPage;

const statusOf = (segment: string | undefined): MeetingStatus | null => (segment === 'planned' || segment === 'held' ? segment : null);

const supervision = tabbedArea<SupervisionTab, SupervisionPage>({
  area: 'supervision',
  tabs: supervisionTabs,
  pageOf: ([what, a, b]) => {
    if (what === 'meeting' && idOf(a) !== null) return { kind: 'meeting', id: idOf(a)! };
    if (what === 'new' && statusOf(a)) return { kind: 'form', id: null, status: statusOf(a)! };
    if (what === 'edit' && idOf(a) !== null && statusOf(b)) return { kind: 'form', id: idOf(a), status: statusOf(b)! };
    return null;
  },
  addressOf: (page) => (page.kind === 'meeting' ? ['meeting', page.id] : page.id === null ? ['new', page.status] : ['edit', page.id, page.status]),
});

export const supervisionScreenOf = supervision.screenOf;
export const useSupervisionView = supervision.useView;

/** Opens a meeting from anywhere (the dashboard, an action item). */
export function openMeeting(id: number): void {
  supervision.show({ kind: 'meeting', id });
}

/** Opens the area on a tab (the dashboard's "see who is due"). */
export function openSupervisionTab(tab: SupervisionTab): void {
  supervision.openTab(tab);
}

/** Opens the session logs on a tab (Today's "and 3 more" of returned logs). */
export function openSessionsTab(tab: SessionsTab): void {
  sessions.openTab(tab);
}

/** An area of tabs only, each tab in the address (`#/settings/backups`); the first tab when none is named. */
function tabsOnlyArea<Tab extends string>(area: AreaId, tabs: readonly [Tab, ...Tab[]]) {
  const tabOf = perAddress((segments): Tab => {
    const tab = segments[0] === area ? segments[1] : undefined;
    return (tabs as readonly string[]).includes(tab ?? '') ? (tab as Tab) : tabs[0];
  });
  const openTab = (tab: Tab, options?: { replace?: boolean }) => navigate(pathOf(area, tab), options);
  /** The tab, read from the address, and a change of it (which stands in for the last address). */
  const useTab = (): [Tab, (tab: Tab) => void] => {
    const tab = useRouter((state) => tabOf(state.route));
    return [tab, (next) => openTab(next, { replace: true })];
  };
  return { openTab, useTab };
}

// Evaluation: its tabs are in the address too, so Today's WHO-5 line opens the outcomes.

export const evaluationTabs = ['peers', 'outcomes', 'feedback'] as const;
export type EvaluationTab = (typeof evaluationTabs)[number];

const evaluation = tabsOnlyArea<EvaluationTab>('evaluation', evaluationTabs);
export const openEvaluationTab = evaluation.openTab;
export const useEvaluationTab = evaluation.useTab;

// Settings: one tab per concern, so each section is a screen of its own with its own save.

export const settingsTabs = ['school', 'cases', 'terms', 'account', 'vault', 'backups'] as const;
export type SettingsTab = (typeof settingsTabs)[number];

const settings = tabsOnlyArea<SettingsTab>('settings', settingsTabs);
export const openSettingsTab = settings.openTab;
export const useSettingsTab = settings.useTab;
