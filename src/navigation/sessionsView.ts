import { create } from 'zustand';
import { useNavigation } from '../stores/navigation';

export type SessionsTab = 'queue' | 'all' | 'helpSeekers' | 'search';

/**
 * What the Session logs area shows: the lists (on a tab), one log, or the log
 * form (a new log, or a draft or returned log being edited).
 */
type SessionsScreen = { kind: 'list' } | { kind: 'log'; id: number } | { kind: 'form'; id: number | null };

interface SessionsViewState {
  screen: SessionsScreen;
  tab: SessionsTab;
  show(screen: SessionsScreen): void;
  setTab(tab: SessionsTab): void;
}

export const useSessionsView = create<SessionsViewState>((set) => ({
  screen: { kind: 'list' },
  tab: 'queue',
  show: (screen) => set({ screen }),
  setTab: (tab) => set({ tab }),
}));

// Any move through the sidebar starts the area at its lists again.
useNavigation.subscribe(() => useSessionsView.getState().show({ kind: 'list' }));

/** Opens a session log from anywhere (a case, the dashboard, search). */
export function openSessionLog(id: number): void {
  useNavigation.getState().go('sessions');
  useSessionsView.getState().show({ kind: 'log', id });
}

export function openReviewQueue(): void {
  useNavigation.getState().go('sessions');
  useSessionsView.getState().setTab('queue');
}
