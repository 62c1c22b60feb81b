import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppStatus, SessionLogSummary } from '../../src/contract';
import { LogTable } from '../../src/features/sessions/LogTable';
import { changeLanguage, chooseLanguageBeforeSignIn, currentLanguage } from '../../src/i18n';
import { useSession } from '../../src/stores/session';
import { renderWithBackend } from './render';

const log: SessionLogSummary = {
  id: 1,
  peerId: 1,
  peerName: 'Budi Santoso',
  helpSeekerId: 1,
  helpSeekerCode: 'HS-2026-001',
  heldOn: '2026-12-01',
  startTime: '10:00',
  mode: 'in_person',
  topics: ['school_work'],
  risks: [],
  concern: null,
  severity: null,
  status: 'approved',
  enteredByStaff: false,
  submittedAt: '2026-12-01T03:00:00.000Z',
  updatedAt: '2026-12-01T03:00:00.000Z',
  followUpOn: null,
};

describe('switching the language', () => {
  it('relabels the values in a table’s cells at once, not only its headings', async () => {
    await renderWithBackend(<LogTable logs={[log]} show={[]} search="" empty="" caption="Logs" />, {});
    expect(screen.getByRole('cell', { name: 'School work' })).toBeTruthy();
    await act(() => changeLanguage('id'));
    expect(screen.getByRole('columnheader', { name: /Topik/ })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Pelajaran dan tugas' })).toBeTruthy();
  });
});

const unlockedAs = (language: 'id' | 'en'): AppStatus => ({
  state: 'unlocked',
  user: { userId: 1, username: 'sari', fullName: 'Sari Wulandari', role: 'coordinator', peerId: null, language },
  schoolName: 'SMP Negeri 3 Contoh',
  lockReason: null,
  passwordRequiredReason: null,
  autoLockMinutes: 10,
  retryAfterSeconds: 0,
  lastUsername: null,
});

describe('the language chosen on the unlock screen', () => {
  it('stands after unlocking and becomes the account’s language', async () => {
    const { calls } = await renderWithBackend(<div />, { 'drafts.list': () => ({ ok: true, value: { drafts: [] } }), 'session.setLanguage': (input) => ({ ok: true, value: input }) });
    await chooseLanguageBeforeSignIn('en');
    await useSession.getState().applyStatus(unlockedAs('id'));
    expect(currentLanguage()).toBe('en');
    expect(useSession.getState().status?.user?.language).toBe('en');
    expect(calls).toContainEqual({ method: 'session.setLanguage', input: { language: 'en' } });
  });

  it('gives way to the account’s language when nobody chose one before unlocking', async () => {
    const { calls } = await renderWithBackend(<div />, { 'drafts.list': () => ({ ok: true, value: { drafts: [] } }) });
    await useSession.getState().applyStatus({ ...unlockedAs('id'), state: 'locked', user: null });
    await useSession.getState().applyStatus(unlockedAs('id'));
    expect(currentLanguage()).toBe('id');
    expect(calls.map((c) => c.method)).not.toContain('session.setLanguage');
  });
});
