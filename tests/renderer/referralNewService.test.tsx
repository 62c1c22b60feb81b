import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CaseDetail, ReferralService } from '../../src/contract';
import { ReferralModal } from '../../src/features/cases/CaseDialogs';
import { DiscardPrompt } from '../../src/ui/DiscardPrompt';
import { caseDetail } from './formDialogCases';
import { renderWithBackend } from './render';

const at = '2026-07-14T08:00:00.000Z';

/** The case of the generated dialog suite, with no referral yet. */
const detail: CaseDetail = { ...caseDetail, referrals: [], escalationProtocol: '' };

const made: ReferralService = {
  id: 8,
  kind: 'psychologist',
  name: 'Biro Psikologi Harapan',
  organisation: '',
  phone: '',
  notes: '',
  archived: false,
  version: 1,
  updatedAt: at,
};

describe('a service added from inside the referral dialog (issue 14)', () => {
  it('with an empty directory: "New service" opens the service form over the referral, and the service saved there is chosen, with every word typed in the referral kept', async () => {
    let services: ReferralService[] = [];
    const onClose = vi.fn();
    const { calls } = await renderWithBackend(
      <>
        <ReferralModal detail={detail} opened onClose={onClose} onSaved={() => undefined} />
        <DiscardPrompt />
      </>,
      {
        'referrals.services': () => ({ ok: true, value: { services } }),
        'referrals.createService': () => {
          services = [made];
          return { ok: true, value: { service: made } };
        },
      },
    );
    const user = userEvent.setup();
    const referral = await screen.findByRole('dialog', { name: 'Make a referral for case #21' });
    expect(await within(referral).findByText(/The referral directory has no services yet/)).toBeInTheDocument();
    await user.type(within(referral).getByRole('textbox', { name: /^Why/ }), 'Sulit tidur sejak pindah rumah.');

    await user.click(within(referral).getByRole('button', { name: 'New service' }));
    const serviceForm = await screen.findByRole('dialog', { name: 'Add a service' });
    await user.type(within(serviceForm).getByRole('textbox', { name: /Name/ }), made.name);
    await user.click(within(serviceForm).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a service' })).not.toBeInTheDocument());
    expect(calls).toContainEqual({ method: 'referrals.createService', input: { kind: 'psychologist', name: made.name, organisation: '', phone: '', notes: '' } });
    await waitFor(() => expect(within(referral).getByRole('combobox', { name: /^Service/ })).toHaveValue('Biro Psikologi Harapan (Psychologist)'));
    expect(within(referral).getByRole('textbox', { name: /^Why/ })).toHaveValue('Sulit tidur sejak pindah rumah.');
    expect(within(referral).queryByText(/The referral directory has no services yet/)).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes only the service form with its Cancel, leaving the referral open as it was', async () => {
    const onClose = vi.fn();
    await renderWithBackend(
      <>
        <ReferralModal detail={detail} opened onClose={onClose} onSaved={() => undefined} />
        <DiscardPrompt />
      </>,
      { 'referrals.services': () => ({ ok: true, value: { services: [] } }) },
    );
    const user = userEvent.setup();
    const referral = await screen.findByRole('dialog', { name: 'Make a referral for case #21' });
    await user.type(within(referral).getByRole('textbox', { name: /^Why/ }), 'Sulit tidur.');
    await user.click(within(referral).getByRole('button', { name: 'New service' }));
    const serviceForm = await screen.findByRole('dialog', { name: 'Add a service' });
    await user.click(within(serviceForm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a service' })).not.toBeInTheDocument());
    expect(screen.getByRole('dialog', { name: 'Make a referral for case #21' })).toBeInTheDocument();
    expect(within(referral).getByRole('textbox', { name: /^Why/ })).toHaveValue('Sulit tidur.');
    expect(onClose).not.toHaveBeenCalled();
  });
});
