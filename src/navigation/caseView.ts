import { create } from 'zustand';
import { useNavigation } from '../stores/navigation';

/** Which case the Cases area shows; null shows the lists. */
interface CaseViewState {
  caseId: number | null;
  open(caseId: number): void;
  close(): void;
}

export const useCaseView = create<CaseViewState>((set) => ({
  caseId: null,
  open: (caseId) => set({ caseId }),
  close: () => set({ caseId: null }),
}));

// Any move through the sidebar starts the Cases area at its lists again.
useNavigation.subscribe(() => useCaseView.getState().close());

/** Opens a case page from anywhere (a log, the dashboard, search). */
export function openCasePage(caseId: number): void {
  useNavigation.getState().go('cases');
  useCaseView.getState().open(caseId);
}
