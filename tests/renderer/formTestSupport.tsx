import { act, waitFor } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect } from 'vitest';
import { queryClient } from '../../src/api/queries';
import type { AppStatus, MethodOutput, ModuleProgress } from '../../src/contract';
import { collectDrafts, setPendingDrafts } from '../../src/drafts/registry';
import { useSession } from '../../src/stores/session';

/**
 * What the generated form suites (everyFormDialog, everyPageForm) share: the person signed in
 * before the lock and after the unlock, the words typed, a backend whose answers can be held
 * back, and the wait until answers that came are on screen.
 */

export const words = 'Ayu listened for an hour and wrote it down';
export const discardTitle = 'Discard your changes?';
export const restoredNotice = 'Restored what you had typed before Sebaya locked.';

/** The same user before the lock and after the unlock: drafts come back only to them. */
export const signedIn: AppStatus = {
  state: 'unlocked',
  user: { userId: 2, username: 'sari', fullName: 'Bu Sari', role: 'coordinator', peerId: null, language: 'en' },
  schoolName: 'SMP Negeri 3',
  lockReason: null,
  passwordRequiredReason: null,
  autoLockMinutes: 10,
  retryAfterSeconds: 0,
  lastUsername: null,
};

export const sampleSettings = (): MethodOutput<'settings.get'> => ({
  schoolName: 'SMP Negeri 3',
  autoLockMinutes: 10,
  vaultLocation: '/data/sebaya',
  studentCount: 640,
  classNames: ['7A', '7B', '8A', '8B', '9A'],
  backupKeepLast: 10,
  backupReminderDays: 7,
  escalationProtocol: 'Call the counselor, then the parents.',
  caseDueDays: { urgent: 0, high: 2, routine: 7 },
  supervisorsSeeAllCases: false,
  terms: [{ id: '2026/2027-1', academicYear: '2026/2027', semester: 1, start: '2026-07-13', end: '2026-12-18' }],
});

/** Each test starts signed in with no draft registered or waiting, and leaves none behind. */
export function signedInWithoutDrafts(): void {
  beforeEach(() => {
    // Whatever the test before registered or left waiting is gone.
    expect(collectDrafts()).toEqual([]);
    useSession.setState({ status: signedIn });
  });
  afterEach(() => {
    setPendingDrafts([]);
    useSession.setState({ status: null });
  });
}

/** Resolves when released; every fake answer of a "late" backend waits for it. */
export function gate() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { held, release };
}

/** A fake backend's answers that wait for `held` (when given), counted while they wait; a draft's discard always answers. */
export function heldAnswers(given: Record<string, ((input: never) => unknown) | undefined> | undefined, held?: Promise<void>) {
  const pending = { count: 0 };
  const answers: Record<string, (input: unknown) => unknown> = { 'drafts.discard': () => ({ ok: true, value: {} }) };
  for (const [method, answer] of Object.entries(given ?? {}) as Array<[string, (input: unknown) => unknown]>) {
    answers[method] = async (input) => {
      pending.count += 1;
      try {
        await held;
        return { ok: true, value: answer(input) };
      } finally {
        pending.count -= 1;
      }
    };
  }
  return { answers, pending };
}

/** Answers that have come are applied: nothing is fetching, and what was notified has rendered. */
export async function answersApplied(pending: { count: number }) {
  await waitFor(() => {
    expect(pending.count).toBe(0);
    expect(queryClient.isFetching()).toBe(0);
  });
  // The query cache tells its screens on the next tick.
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

/** The methods a form asked the backend for, beside a draft's discard. */
export const asked = (calls: Array<{ method: string }>) => [...new Set(calls.map((c) => c.method))].filter((m) => m !== 'drafts.discard').sort();

/**
 * Empties the field and enters the text: its first character by a key press, the rest pasted
 * (key by key, a long form re-renders for every letter, which a busy PC makes slow).
 */
export async function enterText(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.type(field, text.slice(0, 1));
  await user.paste(text.slice(1));
}

export const sampleSupervisionOptions = (): MethodOutput<'supervision.formOptions'> => ({
  staff: [
    { id: 2, fullName: 'Bu Sari', role: 'coordinator' },
    { id: 3, fullName: 'Pak Budi', role: 'supervisor' },
  ],
  groups: [{ id: 8, name: 'Tuesday group', supervisorUserId: 3, members: [{ peerId: 7, fullName: 'Rina Kartika' }] }],
  logs: [],
  topicSuggestions: [],
});

/** A peer's progress in one training module: done on 1 July 2026, or not begun. */
export const sampleModule = (moduleId: number, titleEn: string, completed: boolean): ModuleProgress => ({
  moduleId,
  titleId: '',
  titleEn,
  required: true,
  retired: false,
  moduleHours: 2,
  refresherMonths: null,
  attended: completed,
  completed,
  firstCompletedOn: completed ? '2026-07-01' : null,
  lastCompletedOn: completed ? '2026-07-01' : null,
  hours: completed ? 2 : 0,
  bestScore: null,
  refresherDueOn: null,
  refresherState: null,
});

const datePlaceholders = ['dd/mm/yyyy', 'hh:mm'];

/** A field a person types words into: no choice (a select, a picker), no date, no number. */
export function isPlainText(element: Element): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly;
  if (!(element instanceof HTMLInputElement)) return false;
  return (
    ['text', ''].includes(element.getAttribute('type') ?? '') &&
    !element.readOnly &&
    !element.hasAttribute('aria-haspopup') &&
    !element.hasAttribute('inputmode') &&
    !datePlaceholders.includes(element.placeholder)
  );
}
