import { create } from 'zustand';
import { useNavigation } from '../stores/navigation';

/** Which peer's profile the Peers area shows; null shows the roster. */
interface PeerViewState {
  peerId: number | null;
  open(peerId: number): void;
  close(): void;
}

export const usePeerView = create<PeerViewState>((set) => ({
  peerId: null,
  open: (peerId) => set({ peerId }),
  close: () => set({ peerId: null }),
}));

// Any move through the sidebar (Peers included) starts at the roster again, not at the last profile.
useNavigation.subscribe(() => usePeerView.getState().close());

/** Opens a peer's profile from anywhere (a training session, an outreach event). */
export function openPeerProfile(peerId: number): void {
  useNavigation.getState().go('peers');
  usePeerView.getState().open(peerId);
}
