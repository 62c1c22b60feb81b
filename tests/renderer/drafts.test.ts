import { describe, expect, it } from 'vitest';
import { collectDrafts, registerDraftSource, setPendingDrafts, takePendingDraft } from '../../src/drafts/registry';

describe('drafts kept across a lock', () => {
  it('collects only forms with unsaved changes', () => {
    const stopA = registerDraftSource({ formKey: 'peer:new', area: 'peers', read: () => ({ fullName: 'Citra' }) });
    const stopB = registerDraftSource({ formKey: 'peer:3', area: 'peers', read: () => null });
    expect(collectDrafts()).toEqual([{ formKey: 'peer:new', area: 'peers', payload: '{"fullName":"Citra"}' }]);
    stopA();
    stopB();
    expect(collectDrafts()).toEqual([]);
  });

  it('hands a waiting draft to its form exactly once', () => {
    setPendingDrafts([{ formKey: 'peer:new', area: 'peers', payload: '{"fullName":"Citra"}' }]);
    expect(takePendingDraft('peer:new')).toEqual({ fullName: 'Citra' });
    expect(takePendingDraft('peer:new')).toBeNull();
  });
});
