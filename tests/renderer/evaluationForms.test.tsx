import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { competencies, rubric, type PeerEvaluation } from '../../src/contract';
import { EvaluationModal } from '../../src/features/evaluation/EvaluationForm';
import { FeedbackKiosk } from '../../src/features/evaluation/FeedbackKiosk';
import { RecordOutcomeModal } from '../../src/features/evaluation/Outcomes';
import { renderWithBackend } from './render';

const evaluation: PeerEvaluation = {
  id: 7,
  peerId: 3,
  peerName: 'Budi Santoso',
  evaluatedOn: '2026-11-20',
  evaluatorUserId: 2,
  evaluatorName: 'Dewi Anggraini',
  scores: { active_listening: 3, empathy: 4, confidentiality: 3, limits_and_referral: 2, record_keeping: 3, reliability: 3 },
  average: 3,
  comments: 'Perlu lebih cepat menyampaikan masalah berat.',
  termId: '2026/2027-1',
  canEdit: false,
  version: 1,
  updatedAt: '2026-11-20T08:00:00.000Z',
};

describe('evaluation forms', () => {
  it('opens an evaluation the reader may not change as text: each level with its words, no choices and no Save', async () => {
    await renderWithBackend(<EvaluationModal target={{ evaluation }} onClose={() => undefined} onSaved={() => undefined} />, {});
    const dialog = await screen.findByRole('dialog', { name: 'Evaluation of Budi Santoso' });
    const table = within(dialog).getByRole('table', { name: 'Competencies' });
    expect(within(table).getAllByRole('row')).toHaveLength(competencies.length + 1);
    expect(table).toHaveTextContent(rubric.limits_and_referral.levels[2].en);
    expect(dialog).toHaveTextContent('Odd semester 2026/2027');
    expect(within(dialog).queryAllByRole('radio')).toHaveLength(0);
    expect(within(dialog).queryByRole('button', { name: 'Save the evaluation' })).toBeNull();
  });

  it('works out the WHO-5 score and poor well-being as the answers come in', async () => {
    await renderWithBackend(
      <RecordOutcomeModal opened helpSeeker={{ id: 4, code: 'HS-2026-004' }} hasFirstContact={() => false} onClose={() => undefined} onSaved={() => undefined} />,
      {},
    );
    const dialog = await screen.findByRole('dialog', { name: 'Record a WHO-5 for HS-2026-004' });
    expect(dialog).toHaveTextContent('The score shows when all five questions are answered.');
    const groups = within(dialog).getAllByRole('radiogroup');
    for (const [i, value] of [3, 2, 3, 2, 2].entries()) fireEvent.click(within(groups[i]!).getByRole('radio', { name: new RegExp(`^${value} `) }));
    await waitFor(() => expect(dialog).toHaveTextContent('12 of 25 (48%)'));
    expect(dialog).toHaveTextContent('Poor well-being');
    fireEvent.click(within(groups[0]!).getByRole('radio', { name: /^4 / }));
    await waitFor(() => expect(dialog).toHaveTextContent('13 of 25 (52%)'));
    expect(dialog).not.toHaveTextContent('Poor well-being');
  });

  it('sends a student’s three answers and comment, nothing else, and thanks them', async () => {
    const { calls } = await renderWithBackend(<FeedbackKiosk />, { 'feedback.submit': () => ({ ok: true, value: {} }) });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Was the session helpful?' })).getByRole('radio', { name: '4 – Mostly' }));
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Did you feel heard?' })).getByRole('radio', { name: '5 – Very much' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(screen.getByText('Choose a number from 1 to 5.')).toBeInTheDocument());
    expect(calls).toEqual([]);
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Would you recommend it to a friend?' })).getByRole('radio', { name: '3 – Somewhat' }));
    fireEvent.change(screen.getByLabelText('Anything else you want to tell us? (optional)'), { target: { value: 'Terima kasih.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByRole('heading', { name: 'Thank you!' });
    expect(calls).toEqual([{ method: 'feedback.submit', input: { helpful: 4, feltHeard: 5, wouldRecommend: 3, comment: 'Terima kasih.' } }]);
  });
});
