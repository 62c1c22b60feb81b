import { create } from 'zustand';
import { useNavigation } from '../stores/navigation';

export type SupervisionTab = 'meetings' | 'cadence' | 'groups' | 'actions';

/** What the Supervision area shows: the lists (on a tab), one meeting, or the meeting form. */
export type SupervisionScreen = { kind: 'list' } | { kind: 'meeting'; id: number } | { kind: 'form'; id: number | null; status: 'planned' | 'held' };

interface SupervisionViewState {
  screen: SupervisionScreen;
  tab: SupervisionTab;
  show(screen: SupervisionScreen): void;
  setTab(tab: SupervisionTab): void;
}

export const useSupervisionView = create<SupervisionViewState>((set) => ({
  screen: { kind: 'list' },
  tab: 'meetings',
  show: (screen) => set({ screen }),
  setTab: (tab) => set({ tab }),
}));

// Any move through the sidebar starts the area at its lists again.
useNavigation.subscribe(() => useSupervisionView.getState().show({ kind: 'list' }));

/** Opens a meeting from anywhere (the dashboard, an action item). */
export function openMeeting(id: number): void {
  useNavigation.getState().go('supervision');
  useSupervisionView.getState().show({ kind: 'meeting', id });
}

/** Opens the area on a tab (the dashboard's "see who is due"). */
export function openSupervisionTab(tab: SupervisionTab): void {
  useNavigation.getState().go('supervision');
  useSupervisionView.getState().setTab(tab);
}
