import { fireEvent, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { auditActions, type AuditAction, type AuditEntry, type AuditRef } from '../../src/contract';
import { AuditPage } from '../../src/features/audit/AuditPage';
import { describeEntry, type DescribedEntry } from '../../src/features/audit/auditSentence';
import { setupI18n } from '../../src/i18n';
import { routeOf } from '../../src/navigation/router';
import { renderWithBackend } from './render';

const ratna = 2;

/** One entry of each action as the backend writes it: its target and its details. */
const examples: Record<AuditAction, Pick<AuditEntry, 'target' | 'details'> & { actor?: 'peer' | 'nobody' }> = {
  'vault.created': { target: null, details: {} },
  'vault.recovery-key-replaced': { target: null, details: {} },
  'vault.data-key-rotated': { target: null, details: { temporaryPasswords: 3 } },
  'vault.data-key-rotation-withdrawn': { target: null, details: { keptIn: 'C:\\Sebaya\\kept' }, actor: 'nobody' },
  'vault.secret-withdrawn': { target: 'user:7', details: { change: 'password-reset' }, actor: 'nobody' },
  'vault.checked': { target: null, details: { ok: true, cipherProblems: 0, databaseProblems: 0, auditChainOk: true } },
  'backup.created': { target: null, details: { file: 'cadangan_20261205.sebaya', folder: 'E:\\', bytes: 2_400_000, backupId: 'b1', via: 'app', removed: 1 } },
  'backup.failed': { target: null, details: { folder: 'E:\\', reason: 'drive-full', via: 'app' } },
  'backup.checked': { target: null, details: { file: 'cadangan_20261205.sebaya', backupId: 'b1', level: 'full', ok: false, problem: 'tampered' } },
  'backup.restored': {
    target: null,
    details: { file: 'cadangan_20261205.sebaya', backupId: 'b1', backupCreatedAt: '2026-12-01T09:00:00.000Z', with: 'password', keptAt: 'C:\\old', by: 'ratna' },
  },
  'backup.open-failed': { target: null, details: { username: 'dewi', with: 'recovery-key' }, actor: 'nobody' },
  'backup.restore-refused': { target: null, details: { username: null }, actor: 'nobody' },
  'session.unlocked': { target: null, details: {} },
  'session.unlock-failed': { target: null, details: { username: 'ratna' }, actor: 'nobody' },
  'session.locked': { target: null, details: { reason: 'idle' } },
  'session.recovery-key-used': { target: null, details: {} },
  'session.recovery-failed': { target: null, details: { username: null }, actor: 'nobody' },
  'session.password-check-failed': { target: null, details: {} },
  'session.password-set': { target: 'user:2', details: { reason: 'temporary' } },
  'session.handed-over': { target: null, details: {} },
  'session.peer-signed-in': { target: null, details: {}, actor: 'peer' },
  'session.peer-sign-in-failed': { target: 'user:9', details: { username: 'budi' }, actor: 'nobody' },
  'session.peer-signed-out': { target: null, details: { reason: 'peer-signed-out' }, actor: 'peer' },
  'user.created': { target: 'user:7', details: { role: 'supervisor' } },
  'user.disabled': { target: 'user:7', details: {} },
  'user.enabled': { target: 'user:7', details: {} },
  'user.removed': { target: 'user:7', details: {} },
  'user.password-reset': { target: 'user:7', details: {} },
  'user.password-changed': { target: 'user:2', details: {} },
  'user.pin-set': { target: 'user:9', details: {} },
  'settings.changed': { target: null, details: { keys: ['schoolName', 'autoLockMinutes'] } },
  'peer.created': { target: 'peer:4', details: {} },
  'peer.updated': { target: 'peer:4', details: { supervisorUserId: 7 } },
  'peer.status-changed': { target: 'peer:4', details: { from: 'in_training', to: 'active' } },
  'peer.activation-overridden': { target: 'peer:4', details: { missing: ['consent', 'training'] } },
  'peer.interview-recorded': { target: 'peer:4', details: { decision: 'not_selected' } },
  'peer.consent-recorded': { target: 'peer:4', details: {} },
  'peer.pledge-recorded': { target: 'peer:4', details: {} },
  'peer.exported': { target: null, details: { rows: 1 } },
  'peer.imported': { target: null, details: { count: 2, peerIds: ['4', '5'] } },
  'training.module-created': { target: 'module:3', details: {} },
  'training.module-updated': { target: 'module:3', details: {} },
  'training.module-retired': { target: 'module:3', details: {} },
  'training.module-restored': { target: 'module:3', details: {} },
  'training.record-added': { target: 'peer:4', details: { recordId: 11, moduleId: 3 } },
  'training.record-deleted': { target: 'peer:4', details: { recordId: 11, moduleId: 3 } },
  'training.session-recorded': { target: 'training-session:6', details: { moduleId: 3, peers: 5 } },
  'training.scores-recorded': { target: 'peer:4', details: {} },
  'outreach.created': { target: 'outreach:8', details: {} },
  'outreach.updated': { target: 'outreach:8', details: {} },
  'outreach.deleted': { target: 'outreach:99', details: {} },
  'help-seeker.created': { target: 'help-seeker:1', details: { code: 'HS-2026-001' } },
  'help-seeker.identity-recorded': { target: 'help-seeker:1', details: { code: 'HS-2026-001' } },
  'help-seeker.identity-viewed': { target: 'help-seeker:1', details: { code: 'HS-2026-001' } },
  'session-log.created': { target: 'session-log:30', details: { peerId: 4 } },
  'session-log.updated': { target: 'session-log:30', details: {}, actor: 'peer' },
  'session-log.submitted': { target: 'session-log:30', details: {}, actor: 'peer' },
  'session-log.draft-discarded': { target: 'session-log:31', details: {}, actor: 'peer' },
  'session-log.approved': { target: 'session-log:30', details: {} },
  'session-log.returned': { target: 'session-log:30', details: {} },
  'session-log.escalated': { target: 'session-log:30', details: {} },
  'session-log.addendum-added': { target: 'session-log:30', details: { addendumId: 2 } },
  'case.opened': { target: 'case:12', details: { origin: 'risk_screen', severity: 'urgent' } },
  'case.viewed': { target: 'case:12', details: {} },
  'case.note-added': { target: 'case:12', details: { kind: 'decision' } },
  'case.status-changed': { target: 'case:12', details: { from: 'open', to: 'in_review' } },
  'case.reassigned': { target: 'case:12', details: { to: 7 } },
  'case.log-linked': { target: 'case:12', details: { logId: 30 } },
  'case.severity-raised': { target: 'case:12', details: { from: 'high', to: 'urgent' } },
  'referral.service-created': { target: 'referral-service:2', details: {} },
  'referral.service-updated': { target: 'referral-service:2', details: { archived: true } },
  'referral.created': { target: 'referral:5', details: { caseId: 12, consentOverridden: false } },
  'referral.status-changed': { target: 'referral:5', details: { from: 'pending', to: 'accepted' } },
  'search.performed': { target: null, details: { hits: 4 } },
  'supervision.group-created': { target: 'supervision-group:1', details: { members: 4, frequencyDays: 14 } },
  'supervision.group-updated': { target: 'supervision-group:1', details: { members: 5, frequencyDays: 14, archived: false } },
  'supervision.meeting-planned': { target: 'supervision-meeting:3', details: { kind: 'group', peers: 4, cases: 1, actionItems: 0 } },
  'supervision.meeting-recorded': { target: 'supervision-meeting:3', details: { kind: 'case_conference', peers: 4, cases: 1, actionItems: 2 } },
  'supervision.meeting-updated': { target: 'supervision-meeting:3', details: { kind: 'individual', peers: 1, cases: 0, actionItems: 1 } },
  'supervision.meeting-cancelled': { target: 'supervision-meeting:3', details: {} },
  'action-item.done': { target: 'action-item:2', details: { meetingId: 3 } },
  'action-item.reopened': { target: 'action-item:2', details: { meetingId: 3 } },
  'evaluation.created': { target: 'evaluation:1', details: { peerId: 4 } },
  'evaluation.updated': { target: 'evaluation:1', details: { peerId: 4 } },
  'outcome.recorded': { target: 'outcome:10', details: { code: 'HS-2026-001', instrument: 'who5', occasion: 'follow_up' } },
  'outcome.deleted': { target: 'outcome:11', details: { instrument: 'who5', occasion: 'first_contact' } },
  'report.exported': { target: null, details: { termId: 2, format: 'pdf' } },
};

const ref = (label: string | null, on: string | null = null, labelEn: string | null = null): AuditRef => ({ label, labelEn, on });
/** What the backend names for the records above; `outreach:99`, `session-log:31` and `outcome:11` are gone. */
const refs: Record<string, AuditRef> = {
  'user:2': ref('Ratna Pertiwi'),
  'user:7': ref('Dewi Anggraini'),
  'user:9': ref('Budi Santoso'),
  'peer:4': ref('Budi Santoso'),
  'peer:5': ref('Citra Ayu'),
  'module:3': ref('Empati', null, 'Empathy'),
  'training-session:6': ref('Empati', '2026-11-20', 'Empathy'),
  'outreach:8': ref('Kelas 7 mengenal konselor sebaya', '2026-10-02'),
  'help-seeker:1': ref('HS-2026-001'),
  'session-log:30': ref('HS-2026-001'),
  'case:12': ref('HS-2026-001'),
  'referral-service:2': ref('Puskesmas Kecamatan'),
  'referral:5': ref('Puskesmas Kecamatan'),
  'supervision-group:1': ref('Kelompok A'),
  'supervision-meeting:3': ref('Kelompok A', '2026-11-24'),
  'action-item:2': ref(null, '2026-11-24'),
  'evaluation:1': ref('Budi Santoso', '2026-12-01'),
  'outcome:10': ref('HS-2026-001', '2026-12-02'),
};

function entryOf(action: AuditAction, id = 1): AuditEntry {
  const example = examples[action];
  const actor = example.actor === 'nobody' ? null : example.actor === 'peer' ? { id: 9, name: 'budi' } : { id: ratna, name: 'ratna' };
  return { id, at: '2026-12-03T02:15:00.000Z', actorUserId: actor?.id ?? null, actorName: actor?.name ?? null, action, target: example.target, details: example.details };
}

async function sentences(language: 'en' | 'id') {
  await setupI18n(language);
  const t = i18next.getFixedT(language);
  return Object.fromEntries(auditActions.map((action) => [action, describeEntry(t, language, entryOf(action), refs)])) as Record<AuditAction, DescribedEntry>;
}

/** Words of the code left in a text: `in_review`, `{{who}}`, `undefined`. */
const codeWords = /\{\{|\}\}|undefined|\bnull\b|NaN|\[object|\b[a-z]+(?:_[a-z]+)+\b/;
/** Details shown as they were typed or named: a file, a folder, a username. */
const verbatim = new Set(['file', 'folder', 'username', 'by', 'keptAt', 'keptIn', 'code']);

/** The example's values that are codes (`drive-full`, `idle`, `who5`), which must be shown in words. */
function codeValues(action: AuditAction): string[] {
  return Object.entries(examples[action].details)
    .filter(([field]) => !verbatim.has(field))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter((value): value is string => typeof value === 'string' && /^[a-z]/.test(value));
}

describe.each(['en', 'id'] as const)('the audit log in sentences, in %s', (language) => {
  it.each(auditActions)('says %s as a sentence with no code words in it or its details', async (action) => {
    const described = (await sentences(language))[action];
    expect(described.sentence).toMatch(/^[A-Z#“]/);
    expect(described.sentence).toMatch(/[.)]$/);
    const texts = [described.sentence, ...described.details.flatMap((detail) => [detail.label, detail.value])];
    expect(texts.filter((text) => codeWords.test(text))).toEqual([]);
    // A one-word code can be an English word too ("full"), so only Indonesian, which shares none, finds those.
    const codes = codeValues(action).filter((value) => language === 'id' || /[-_]/.test(value));
    const left = codes.filter((value) => texts.some((text) => new RegExp(`(^|[^\\w-])${value}($|[^\\w-])`).test(text)));
    expect(left).toEqual([]);
    expect(described.details.filter((detail) => detail.label === detail.field)).toEqual([]);
  });

  it('says each action in its own words, different from every other action', async () => {
    const all = Object.values(await sentences(language)).map((d) => d.sentence);
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives every action a name for the filter', async () => {
    await setupI18n(language);
    const t = i18next.getFixedT(language);
    expect(auditActions.filter((action) => !i18next.exists(`auditActions.${action}`, { lng: language, fallbackLng: [] }))).toEqual([]);
    expect(auditActions.filter((action) => !i18next.exists(`auditSentences.${action}`, { lng: language, fallbackLng: [] }))).toEqual([]);
    expect(t('auditActions.outcome.recorded' as never)).not.toBe('auditActions.outcome.recorded');
  });
});

describe('what a principal reads in the audit log', () => {
  it('names the account tried in a failed sign-in', async () => {
    expect((await sentences('en'))['session.peer-sign-in-failed'].sentence).toBe('Someone tried to sign in as peer supporter budi with a wrong PIN.');
    expect((await sentences('id'))['session.peer-sign-in-failed'].sentence).toBe('Seseorang mencoba masuk sebagai konselor sebaya budi dengan PIN yang salah.');
    expect((await sentences('en'))['session.recovery-failed'].sentence).toBe('Someone gave a wrong recovery key, as an unknown username.');
  });

  it('says a case’s status change with both statuses in words and the case by number and code', async () => {
    const en = (await sentences('en'))['case.status-changed'];
    expect(en.sentence).toBe('Ratna Pertiwi moved case #12 (HS-2026-001) from Open to In review.');
    expect(en.record).toEqual({ kind: 'case', id: '12', name: '#12 (HS-2026-001)' });
    expect((await sentences('id'))['case.status-changed'].sentence).toBe('Ratna Pertiwi memindahkan kasus #12 (HS-2026-001) dari Terbuka ke Sedang ditangani.');
  });

  it('says who recorded a WHO-5 follow-up for which student, and names detail ids as people and modules', async () => {
    const en = await sentences('en');
    expect(en['outcome.recorded'].sentence).toBe('Ratna Pertiwi recorded a WHO-5 follow-up for HS-2026-001.');
    expect(en['case.reassigned'].sentence).toBe('Ratna Pertiwi handed case #12 (HS-2026-001) to Dewi Anggraini.');
    expect(en['training.record-added'].sentence).toBe('Ratna Pertiwi recorded that Budi Santoso completed “Empathy”.');
    expect((await sentences('id'))['training.record-added'].sentence).toBe('Ratna Pertiwi mencatat bahwa Budi Santoso telah menyelesaikan “Empati”.');
    expect(en['backup.created'].details).toEqual([
      { field: 'bytes', label: 'Size', value: '2.3 MB' },
      { field: 'via', label: 'Made by', value: 'Sebaya' },
      { field: 'removed', label: 'Old backups removed', value: '1' },
    ]);
  });

  it('does not name a person twice when the record is their own account', async () => {
    const all = await sentences('id');
    expect(all['session.password-set'].details.map((d) => d.field)).not.toContain('record');
    expect(all['user.password-changed'].details).toEqual([]);
  });

  it('names a record that is gone by its number', async () => {
    expect((await sentences('en'))['outreach.deleted'].sentence).toBe('Ratna Pertiwi deleted the outreach event #99.');
  });
});

describe('the audit log screen', () => {
  const page = {
    entries: [entryOf('case.status-changed', 3), entryOf('session.peer-sign-in-failed', 2), entryOf('vault.created', 1)],
    hasMore: false,
    refs,
  };
  const answers = {
    'audit.list': () => ({ ok: true, value: page }),
    'audit.verify': () => ({ ok: true, value: { ok: true, checked: 3, brokenAtId: null, full: false, verifiedThroughId: 3 } }),
  };

  it('shows each entry as a sentence, with the case as a link that opens it', async () => {
    await renderWithBackend(<AuditPage />, answers);
    const row = (await screen.findByText(/moved case/)).closest('tr')!;
    expect(row.textContent).toContain('Ratna Pertiwi moved case #12 (HS-2026-001) from Open to In review.');
    fireEvent.click(within(row).getByRole('button', { name: '#12 (HS-2026-001)' }));
    expect(routeOf(window.location.hash).segments).toEqual(['cases', '12']);
    expect(screen.getByText('Someone tried to sign in as peer supporter budi with a wrong PIN.')).toBeTruthy();
  });

  it('shows the same sentences in Indonesian after the language changes', async () => {
    await renderWithBackend(<AuditPage />, answers);
    await screen.findByText(/moved case/);
    await i18next.changeLanguage('id');
    expect(await screen.findByText('Seseorang mencoba masuk sebagai konselor sebaya budi dengan PIN yang salah.')).toBeTruthy();
    await i18next.changeLanguage('en');
  });
});
