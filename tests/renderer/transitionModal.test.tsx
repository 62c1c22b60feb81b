import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PeerProfile } from '../../src/contract';
import { TransitionModal } from '../../src/features/peers/TransitionModal';
import { sampleModule } from './formTestSupport';
import { renderWithBackend } from './render';


const inTraining: PeerProfile = {
  peer: { id: 7, fullName: 'Rina Kartika', className: '8B', status: 'in_training', supervisorUserId: null, version: 4, createdAt: '', updatedAt: '' },
  supervisorName: null,
  nomination: null,
  interview: null,
  consent: null,
  pledgeOn: '2026-07-20',
  history: [],
  training: {
    trained: false,
    trainedOn: null,
    requiredDone: 1,
    requiredTotal: 3,
    hours: 2,
    modules: [sampleModule(1, 'Active listening', true), sampleModule(2, 'Empathy', false), sampleModule(3, 'Confidentiality and its limits', false)],
    records: [],
    knowledgePre: null,
    knowledgePost: null,
  },
  activation: { ready: false, missing: ['consent', 'training'], missingModuleIds: [2, 3] },
};

const refused = { ok: false, error: { code: 'CONFLICT', reason: 'activation-incomplete', message: 'x', params: { missing: 'consent,training', modules: 2 } } };

describe('changing a peer’s status', () => {
  it('lists what activation is missing, by name, and says so again when the backend refuses', async () => {
    await renderWithBackend(<TransitionModal profile={inTraining} opened onClose={() => undefined} onSaved={() => undefined} />, {
      'peers.transition': () => refused,
    });
    expect(screen.getByText('Parent or guardian consent is not recorded.')).toBeInTheDocument();
    expect(screen.getByText('Pledge signed.')).toBeInTheDocument();
    expect(screen.getByText('Required training not completed: Empathy, Confidentiality and its limits.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Change to Active' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Rina Kartika cannot become active yet. What is missing:'));
    expect(screen.getByRole('alert')).toHaveTextContent('Required training not completed: Empathy, Confidentiality and its limits.');
  });

  it('needs a written reason for an override, and sends it with the override', async () => {
    let saved = false;
    const { calls } = await renderWithBackend(
      <TransitionModal profile={inTraining} opened onClose={() => undefined} onSaved={() => (saved = true)} />,
      { 'peers.transition': () => ({ ok: true, value: { peer: { ...inTraining.peer, status: 'active', version: 5 } } }) },
    );
    fireEvent.click(screen.getByLabelText(/Activate anyway/));
    fireEvent.click(screen.getByRole('button', { name: 'Change to Active' }));
    await waitFor(() => expect(screen.getByText('Reason is required.')).toBeInTheDocument());
    expect(calls).toEqual([]);
    fireEvent.change(screen.getByLabelText(/Reason for the override/), { target: { value: 'Formulir diserahkan Senin.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change to Active' }));
    await waitFor(() => expect(saved).toBe(true));
    expect(calls).toEqual([{ method: 'peers.transition', input: { id: 7, version: 4, to: 'active', reason: 'Formulir diserahkan Senin.', override: true } }]);
  });
});
