import { describe, expect, it } from 'vitest';
import { caseOfDraft } from '../../src/features/cases/draftCase';

describe('after an unlock, the Cases area', () => {
  it.each([
    [['case-note:7'], 7],
    [['session-log:new', 'case-status:12'], 12],
    [['reassign:3'], 3],
    [['referral:5'], 5],
  ])('opens the case whose draft waits (%j → case %i)', (keys, caseId) => {
    expect(caseOfDraft(keys)).toBe(caseId);
  });

  it('stays on its lists when no draft belongs to a case', () => {
    expect(caseOfDraft(['session-log:new', 'referral-status:4', 'service:new'])).toBeNull();
  });
});
