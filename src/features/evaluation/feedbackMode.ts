/**
 * Whether the current handover is for a student's anonymous feedback rather
 * than a peer's sign-in. Only which screen to show is kept here (in the tab's
 * sessionStorage, so it survives the reload a handover does): the protection
 * itself is the backend's handover state, in which nothing but the feedback
 * form and a lock can be called.
 */
const key = 'sebaya.handoverFor';

export function startFeedbackMode(): void {
  window.sessionStorage.setItem(key, 'feedback');
}

export function inFeedbackMode(): boolean {
  return window.sessionStorage.getItem(key) === 'feedback';
}

export function endFeedbackMode(): void {
  window.sessionStorage.removeItem(key);
}
