import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TodayGroup } from '../../src/contract';
import { ReturnedLogBanners, TodayList } from '../../src/features/today';
import { navigate, useRouter } from '../../src/navigation/router';
import { renderWithBackend } from './render';

const groups: TodayGroup[] = [
  { kind: 'urgentCase', total: 1, items: [{ kind: 'urgentCase', tone: 'urgent', caseId: 12, helpSeekerCode: 'HS-2026-004', since: new Date(Date.now() - 3 * 3_600_000).toISOString() }] },
  {
    kind: 'logAwaitingReview',
    total: 1,
    items: [{ kind: 'logAwaitingReview', tone: 'soon', logId: 41, peerName: 'Nadia Hidayat', helpSeekerCode: 'HS-2026-042', severity: 'high', submittedAt: '2026-08-01T05:40:00.000Z' }],
  },
  {
    kind: 'refresherOverdue',
    total: 9,
    items: [
      {
        kind: 'refresherOverdue',
        tone: 'soon',
        peerId: 7,
        peerName: 'Tegar Wijaya',
        moduleTitleId: 'Mengenali risiko dan kapan merujuk',
        moduleTitleEn: 'Recognising risk and when to refer',
        dueOn: '2026-05-04',
      },
    ],
  },
  {
    kind: 'returnedLog',
    total: 1,
    items: [
      {
        kind: 'returnedLog',
        tone: 'soon',
        logId: 3,
        peerName: 'Dinda Saputra',
        heldOn: '2026-07-28',
        returnedAt: '2026-07-29T08:30:00.000Z',
        comment: 'Durasi dan jam sesi belum sesuai dengan jadwal piket.',
        byName: 'Sari Wulandari, S.Pd.',
      },
    ],
  },
  { kind: 'backup', total: 1, items: [{ kind: 'backup', tone: 'soon', lastBackupAt: null, reminderDays: 7 }] },
];

const answering = (answer: TodayGroup[]) => ({ 'today.list': () => ({ ok: true, value: { groups: answer } }) });
const path = () => useRouter.getState().route.path;

afterEach(() => navigate('/dashboard', { replace: true }));

describe('Today on the dashboard', () => {
  it('names each thing in the order the backend gives, the urgent case as an alert, and opens each in one click', async () => {
    await renderWithBackend(<TodayList />, answering(groups));
    const list = await screen.findByRole('list', { name: 'Today' });
    const lines = within(list).getAllByRole('button');
    expect(lines.map((b) => b.getAttribute('data-kind') ?? 'more')).toEqual(['urgentCase', 'logAwaitingReview', 'refresherOverdue', 'more', 'returnedLog', 'backup']);
    expect(screen.getByRole('alert')).toHaveTextContent('Urgent case #12 (HS-2026-004) has waited 3 hours without being taken into review.');

    fireEvent.click(screen.getByRole('button', { name: /^Review Nadia Hidayat’s log about HS-2026-042/ }));
    expect(path()).toBe('/sessions/log/41');
    fireEvent.click(screen.getByRole('button', { name: /^Tegar Wijaya is overdue for the refresher “Recognising risk and when to refer”/ }));
    expect(path()).toBe('/peers/7');
    fireEvent.click(screen.getByRole('button', { name: 'and 8 more' }));
    expect(path()).toBe('/peers');
    fireEvent.click(screen.getByRole('button', { name: 'There is no backup of this vault yet.' }));
    expect(path()).toBe('/backups');
    fireEvent.click(screen.getByRole('button', { name: /^Urgent case #12/ }));
    expect(path()).toBe('/cases/12');
  });

  it('says kindly that nothing needs the person today', async () => {
    await renderWithBackend(<TodayList />, answering([]));
    expect(await screen.findByText('Nothing needs you today. Well done!')).toBeInTheDocument();
  });
});

describe('a peer’s returned logs', () => {
  it('are banners with the coordinator’s comment and a button that opens the log to correct it', async () => {
    await renderWithBackend(<ReturnedLogBanners />, answering(groups.filter((g) => g.kind === 'returnedLog')));
    const banner = await screen.findByRole('status');
    expect(banner).toHaveTextContent('Your log of');
    expect(banner).toHaveTextContent('Sari Wulandari, S.Pd. wrote: “Durasi dan jam sesi belum sesuai dengan jadwal piket.”');
    fireEvent.click(within(banner).getByRole('button', { name: 'Open and correct the log' }));
    expect(path()).toBe('/sessions/log/3');
  });

  it('show nothing when no log is returned', async () => {
    const { calls, container } = await renderWithBackend(<ReturnedLogBanners />, answering([]));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(container).not.toHaveTextContent('returned');
  });
});
