import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CaseDetail, CaseEvent } from '../../src/contract';
import { CaseHeadline, OverdueAlert } from '../../src/features/cases/CaseHeadline';
import { renderWithBackend } from './render';

const at = '2026-07-14T08:00:00.000Z';

function aCase(overrides: Partial<CaseDetail['case']> = {}, detail: Partial<Omit<CaseDetail, 'case'>> = {}): CaseDetail {
  return {
    case: {
      id: 21,
      helpSeekerId: 42,
      helpSeekerCode: 'HS-2026-042',
      severity: 'urgent',
      status: 'in_review',
      origin: 'risk_screen',
      assignedUserId: 2,
      assignedName: 'Dewi Anggraini',
      peerNames: ['Rina Kartika'],
      openedAt: at,
      dueAt: '2026-07-14T16:59:00.000Z',
      overdue: true,
      closedAt: null,
      outcome: null,
      lastEventAt: at,
      version: 3,
      ...overrides,
    },
    helpSeeker: { id: 42, code: 'HS-2026-042', identityAllowed: true },
    logCount: 1,
    timeline: [],
    discussedInSupervision: [],
    referrals: [],
    allowedTransitions: ['monitoring', 'referred'],
    canAct: true,
    canReassign: true,
    escalationProtocol: '',
    ...detail,
  };
}

const decision: CaseEvent = {
  id: 9,
  kind: 'decision',
  at,
  authorName: 'Dewi Anggraini',
  body: 'Dipantau setiap minggu.',
  fromStatus: null,
  toStatus: null,
  outcome: null,
  assignedToName: null,
  severity: null,
  logId: null,
  logHeldOn: null,
  logVisible: false,
  referralId: null,
  referralStatus: null,
};

async function headline(detail: CaseDetail) {
  const onDialog = vi.fn();
  await renderWithBackend(<CaseHeadline detail={detail} onDialog={onDialog} onShowProtocol={() => undefined} />, {});
  const region = screen.getByRole('region', { name: 'Where the case stands' });
  const buttons = within(region)
    .queryAllByRole('button')
    .map((b) => b.textContent);
  return { region, buttons, onDialog };
}

describe('the top of a case page', () => {
  it('says when the decision is due, that it is overdue, who decides, and opens the decision dialog from its first button', async () => {
    const { region, buttons, onDialog } = await headline(aCase());
    expect(region).toHaveTextContent('Decision due');
    expect(region).toHaveTextContent('Overdue');
    expect(region).toHaveTextContent('DecidesDewi Anggraini');
    expect(buttons).toEqual(['Record the decision', 'Change status', 'Refer', 'Reassign', 'Show the escalation protocol']);
    fireEvent.click(within(region).getByRole('button', { name: 'Record the decision' }));
    expect(onDialog).toHaveBeenCalledWith('decision');
  });

  it('offers no step to someone the backend would refuse, only the protocol to read', async () => {
    const { buttons } = await headline(aCase({}, { canAct: false, canReassign: false, allowedTransitions: [] }));
    expect(buttons).toEqual(['Show the escalation protocol']);
  });

  it('offers only the steps of the case’s status: a referred case can be closed but has no decision left to record', async () => {
    const { region, buttons, onDialog } = await headline(aCase({ status: 'referred', overdue: false }, { allowedTransitions: ['monitoring', 'closed'] }));
    expect(buttons).toEqual(['Change status', 'Refer', 'Reassign', 'Close the case', 'Show the escalation protocol']);
    fireEvent.click(within(region).getByRole('button', { name: 'Close the case' }));
    expect(onDialog).toHaveBeenCalledWith('transition', { closing: true });
  });

  it('says “Not assigned” and offers to assign a case nobody holds', async () => {
    const { region, buttons } = await headline(aCase({ assignedUserId: null, assignedName: null }));
    expect(region).toHaveTextContent('DecidesNot assigned');
    expect(buttons).toContain('Assign');
  });
});

describe('the red alert of an overdue case', () => {
  it('has the button that records the decision', async () => {
    const onDialog = vi.fn();
    await renderWithBackend(<OverdueAlert detail={aCase()} onDialog={onDialog} />, {});
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('still has no decision');
    fireEvent.click(within(alert).getByRole('button', { name: 'Record the decision' }));
    expect(onDialog).toHaveBeenCalledWith('decision');
  });

  it('once a decision is on the timeline, says the case must move on and offers the status change instead', async () => {
    const onDialog = vi.fn();
    await renderWithBackend(<OverdueAlert detail={aCase({}, { timeline: [decision] })} onDialog={onDialog} />, {});
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('A decision is on the timeline');
    expect(within(alert).queryByRole('button', { name: 'Record the decision' })).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Change status' }));
    expect(onDialog).toHaveBeenCalledWith('transition');
  });

  it('shows no button to someone who may only read the case', async () => {
    await renderWithBackend(<OverdueAlert detail={aCase({}, { canAct: false, canReassign: false, allowedTransitions: [] })} onDialog={() => undefined} />, {});
    expect(within(screen.getByRole('alert')).queryAllByRole('button')).toEqual([]);
  });
});
