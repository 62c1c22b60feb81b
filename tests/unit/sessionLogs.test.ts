import { describe, expect, it } from 'vitest';
import { offeredPeerStatuses, riskItems, severityOf, type CaseSeverity, type RiskItem } from '../../src/contract';
import { activatePeer, call, errorOf, failure, minutes, peerVersion } from './support/backend';
import { aLog, aProgram, asUpdate, budi, citra, signInAsCoordinator, signInAsPeer, signInAsSupervisor } from './support/sessions';

const hours = (n: number) => n * 3_600_000;

describe('help-seeker codes', () => {
  it('gives each new help-seeker the next code of the year, HS-<year>-<three digits>, and starts again in a new year', async () => {
    const { backend, clock, budi: b } = await aProgram();
    const first = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    const second = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    expect([first.log.helpSeekerCode, second.log.helpSeekerCode]).toEqual(['HS-2026-001', 'HS-2026-002']);
    clock.set(new Date('2027-01-05T08:00:00'));
    await call(backend, 'session.lock', {});
    await signInAsCoordinator(backend);
    const nextYear = await call(backend, 'helpSeekers.create', { identity: null });
    expect(nextYear.helpSeeker.code).toBe('HS-2027-001');
  });

  it('keeps the identity out of lists and logs; the coordinator reveals it on purpose, and each reveal is audited with the code only', async () => {
    const { backend, budi: b } = await aProgram();
    const identity = { fullName: 'Rahasia Nama Siswa', className: '8C', contact: '0812-1111', parentContact: '0813-2222' };
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { newHelpSeeker: { identity } }));
    const everything = JSON.stringify([
      await call(backend, 'helpSeekers.list', {}),
      await call(backend, 'sessionLogs.list', {}),
      await call(backend, 'sessionLogs.get', { id: log.id }),
    ]);
    expect(everything).not.toContain('Rahasia');
    expect((await call(backend, 'helpSeekers.list', {})).helpSeekers[0]).toMatchObject({ code: 'HS-2026-001', hasIdentity: true, logs: 1 });

    const revealed = await call(backend, 'helpSeekers.revealIdentity', { id: log.helpSeekerId! });
    expect(revealed.identity).toMatchObject(identity);
    const { entries } = await call(backend, 'audit.list', { action: 'help-seeker.identity-viewed' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: 'sari', target: `help-seeker:${log.helpSeekerId}`, details: { code: 'HS-2026-001' } });
    expect(JSON.stringify(await call(backend, 'audit.list', { limit: 500 }))).not.toContain('Rahasia');
  });

  it('lets a peer give the identity once when making a new code, but never read it back', async () => {
    const { backend, budi: b } = await aProgram();
    await signInAsPeer(backend);
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { newHelpSeeker: { identity: { fullName: 'Rina', className: '7A', contact: '', parentContact: '' } } }));
    expect(errorOf(await backend.call('helpSeekers.revealIdentity', { id: log.helpSeekerId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await call(backend, 'helpSeekers.list', {})).helpSeekers).toEqual([
      expect.objectContaining({ code: 'HS-2026-001', hasIdentity: false, openCases: 0 }),
    ]);
    await signInAsCoordinator(backend);
    expect((await call(backend, 'helpSeekers.revealIdentity', { id: log.helpSeekerId! })).identity?.fullName).toBe('Rina');
  });

  it('records and corrects an identity with its version, refusing a stale correction', async () => {
    const { backend } = await aProgram();
    const { helpSeeker } = await call(backend, 'helpSeekers.create', { identity: null });
    const blank = { fullName: 'Nama', className: '9A', contact: '', parentContact: '' };
    const first = await call(backend, 'helpSeekers.setIdentity', { id: helpSeeker.id, version: 0, identity: blank });
    expect(first.identity.version).toBe(1);
    await call(backend, 'helpSeekers.setIdentity', { id: helpSeeker.id, version: 1, identity: { ...blank, className: '9B' } });
    expect(await failure(backend, 'helpSeekers.setIdentity', { id: helpSeeker.id, version: 1, identity: blank })).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale',
    });
  });
});

describe('a peer writing their own logs', () => {
  it('saves an unfinished draft, submits it later, and can then read but not change it', async () => {
    const { backend, budi: b } = await aProgram();
    await signInAsPeer(backend);
    const draft = await call(backend, 'sessionLogs.create', aLog(b.peerId, { summary: '', actions: '', concern: null, submit: false }));
    expect(draft.log).toMatchObject({ status: 'draft', canEdit: true, enteredByStaff: false });

    const sent = await call(backend, 'sessionLogs.update', asUpdate(draft.log, { summary: 'Cerita tentang ujian', actions: 'Mendengarkan', concern: 'low', submit: true }));
    expect(sent.log).toMatchObject({ status: 'submitted', canEdit: false, summary: 'Cerita tentang ujian' });
    expect(sent.flagged).toBeNull();

    const again = await failure(backend, 'sessionLogs.update', asUpdate(sent.log, { summary: 'changed after submitting' }));
    expect(again).toMatchObject({ code: 'CONFLICT', reason: 'log-submitted' });
    expect((await call(backend, 'sessionLogs.get', { id: sent.log.id })).log.summary).toBe('Cerita tentang ujian');
  });

  it('sees only their own logs, and is refused another peer’s log as it is refused one that does not exist', async () => {
    const { backend, budi: b, citra: c } = await aProgram();
    const citraLog = await call(backend, 'sessionLogs.create', aLog(c.peerId));
    await signInAsPeer(backend);
    const own = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    expect((await call(backend, 'sessionLogs.list', {})).logs.map((l) => l.id)).toEqual([own.log.id]);
    expect(await failure(backend, 'sessionLogs.get', { id: citraLog.log.id })).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect(await failure(backend, 'sessionLogs.get', { id: 999 })).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect(await failure(backend, 'sessionLogs.create', aLog(c.peerId))).toMatchObject({ code: 'FORBIDDEN' });
    // Another peer's help-seeker cannot be borrowed either.
    expect(await failure(backend, 'sessionLogs.create', aLog(b.peerId, { helpSeekerId: citraLog.log.helpSeekerId, newHelpSeeker: undefined }))).toMatchObject({
      code: 'VALIDATION',
      field: 'helpSeekerId',
    });
  });

  it('lists one peer’s logs for their profile, and never another peer’s to a peer who asks for them', async () => {
    const { backend, budi: b, citra: c } = await aProgram();
    const citraLog = await call(backend, 'sessionLogs.create', aLog(c.peerId));
    expect((await call(backend, 'sessionLogs.list', { peerId: c.peerId })).logs.map((l) => l.id)).toEqual([citraLog.log.id]);
    expect((await call(backend, 'sessionLogs.list', { peerId: b.peerId })).logs).toEqual([]);
    await signInAsPeer(backend);
    const own = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    expect((await call(backend, 'sessionLogs.list', { peerId: b.peerId })).logs.map((l) => l.id)).toEqual([own.log.id]);
    expect((await call(backend, 'sessionLogs.list', { peerId: c.peerId })).logs).toEqual([]);
  });

  it('picks the same help-seeker again from their own codes', async () => {
    const { backend, budi: b } = await aProgram();
    await signInAsPeer(backend);
    const first = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    const options = await call(backend, 'sessionLogs.formOptions', {});
    expect(options.hasHelpSeekers).toBe(true);
    // The picker finds the peer's own code by typing its beginning.
    expect((await call(backend, 'helpSeekers.list', { text: 'hs-2026' })).helpSeekers.map((h) => h.code)).toEqual(['HS-2026-001']);
    expect((await call(backend, 'helpSeekers.list', { text: 'HS-2025' })).helpSeekers).toEqual([]);
    const second = await call(backend, 'sessionLogs.create', aLog(b.peerId, { helpSeekerId: first.log.helpSeekerId, newHelpSeeker: undefined }));
    expect(second.log.helpSeekerCode).toBe('HS-2026-001');
  });

  it('refuses to submit an incomplete log, naming the field, and writes nothing', async () => {
    const { backend, budi: b } = await aProgram();
    await signInAsPeer(backend);
    const cases: Array<[Partial<Parameters<typeof aLog>[1]>, string, string]> = [
      [{ summary: '' }, 'summary', 'required'],
      [{ topics: [] }, 'topics', 'too_small'],
      [{ mode: 'group', groupSize: null }, 'groupSize', 'required'],
      [{ noRisks: false }, 'risks', 'risk_screen'],
      [{ risks: ['family_crisis'], noRisks: true }, 'noRisks', 'contradicts_risks'],
      [{ heldOn: '2026-08-04' }, 'heldOn', 'in_future'],
      [{ startTime: '08:30' }, 'startTime', 'starts_after_written'],
      [{ followUpOn: '2026-08-01' }, 'followUpOn', 'before_session'],
      [{ concern: null }, 'concern', 'required'],
    ];
    for (const [change, field, reason] of cases) {
      expect([field, await failure(backend, 'sessionLogs.create', aLog(b.peerId, change))]).toEqual([field, expect.objectContaining({ code: 'VALIDATION', field, reason })]);
    }
    expect((await call(backend, 'sessionLogs.list', {})).logs).toEqual([]);
    expect((await call(backend, 'helpSeekers.list', {})).helpSeekers).toEqual([]);
  });

  it('throws away a draft on request, but never a submitted log', async () => {
    const { backend, budi: b } = await aProgram();
    await signInAsPeer(backend);
    const draft = await call(backend, 'sessionLogs.create', aLog(b.peerId, { submit: false }));
    await call(backend, 'sessionLogs.discardDraft', { id: draft.log.id, version: draft.log.version });
    const sent = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    expect(await failure(backend, 'sessionLogs.discardDraft', { id: sent.log.id, version: sent.log.version })).toMatchObject({ code: 'CONFLICT', reason: 'not-draft' });
    expect((await call(backend, 'sessionLogs.list', {})).logs.map((l) => l.id)).toEqual([sent.log.id]);
  });

  it('writes logs only while the peer is active', async () => {
    const { backend, budi: b } = await aProgram();
    const version = await peerVersion(backend, b.peerId);
    await call(backend, 'peers.transition', { id: b.peerId, version, to: 'paused', reason: 'ujian' });
    await signInAsPeer(backend);
    expect(await failure(backend, 'sessionLogs.create', aLog(b.peerId))).toMatchObject({ code: 'CONFLICT', reason: 'peer-not-active' });
  });
});

describe('logs entered by a coordinator from paper forms', () => {
  it('enters a log on a peer’s behalf, marked as entered by staff, for an active, paused or alumni peer', async () => {
    const { backend, budi: b } = await aProgram();
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    expect(log).toMatchObject({ peerName: budi.fullName, enteredByStaff: true, enteredByName: 'Sari Wulandari', status: 'submitted' });
    await call(backend, 'peers.transition', { id: b.peerId, version: await peerVersion(backend, b.peerId), to: 'alumni' });
    expect((await call(backend, 'sessionLogs.create', aLog(b.peerId))).log.status).toBe('submitted');
  });

  it('refuses a log for a peer who was never active, naming the peer field', async () => {
    const { backend } = await aProgram();
    const { peer } = await call(backend, 'peers.create', { fullName: 'Baru Dicalonkan', className: '7B' });
    expect(await failure(backend, 'sessionLogs.create', aLog(peer.id))).toMatchObject({ code: 'VALIDATION', field: 'peerId', reason: 'peer_not_active' });
    // The form's picker offers only the peers a log may be written for.
    const offered = await call(backend, 'peers.list', { statuses: [...offeredPeerStatuses.paperLog] });
    expect(offered.peers.map((p) => p.fullName)).toEqual([budi.fullName, citra.fullName]);
  });
});

describe('reviewing a log whose peer cannot take it back (issue 14)', () => {
  /** An active peer on the roster who has no account: their logs come only on paper. */
  async function aPeerWithoutAccount(backend: Awaited<ReturnType<typeof aProgram>>['backend']) {
    const { peer } = await call(backend, 'peers.create', { fullName: 'Dani Kertas', className: '8D' });
    await activatePeer(backend, peer.id);
    return peer.id;
  }

  it('refuses to return a paper log to a peer with no account, says why, and leaves the log waiting in the queue', async () => {
    const { backend } = await aProgram();
    const dani = await aPeerWithoutAccount(backend);
    const { log } = await call(backend, 'sessionLogs.create', aLog(dani));
    expect(log).toMatchObject({ status: 'submitted', enteredByStaff: true, peerHasAccount: false, canReview: true, canReturn: false });
    const refused = await failure(backend, 'sessionLogs.return', { id: log.id, version: log.version, comment: 'Lengkapi.' });
    expect(refused).toMatchObject({ code: 'CONFLICT', reason: 'no-peer-account' });
    expect((await call(backend, 'sessionLogs.get', { id: log.id })).log).toMatchObject({ status: 'submitted', version: log.version, reviews: [] });
    expect((await call(backend, 'sessionLogs.reviewQueue', {})).logs.map((l) => l.id)).toEqual([log.id]);
  });

  it('refuses it as well when the peer’s account is disabled or the peer is paused, and allows it again once both are back', async () => {
    const { backend, budi: b } = await aProgram();
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    expect(log).toMatchObject({ peerHasAccount: true, canReturn: true });
    await call(backend, 'users.disable', { userId: b.userId });
    expect((await call(backend, 'sessionLogs.get', { id: log.id })).log).toMatchObject({ peerHasAccount: false, canReturn: false });
    expect(await failure(backend, 'sessionLogs.return', { id: log.id, version: log.version, comment: 'Lengkapi.' })).toMatchObject({ reason: 'no-peer-account' });
    await call(backend, 'users.enable', { userId: b.userId });
    await call(backend, 'peers.transition', { id: b.peerId, version: await peerVersion(backend, b.peerId), to: 'paused', reason: 'ujian' });
    expect((await call(backend, 'sessionLogs.get', { id: log.id })).log).toMatchObject({ peerHasAccount: true, canReturn: false });
    expect(await failure(backend, 'sessionLogs.return', { id: log.id, version: log.version, comment: 'Lengkapi.' })).toMatchObject({ reason: 'return-peer-not-active' });
    await call(backend, 'peers.transition', { id: b.peerId, version: await peerVersion(backend, b.peerId), to: 'active', override: true, reason: 'Kembali setelah ujian.' });
    const returned = await call(backend, 'sessionLogs.return', { id: log.id, version: log.version, comment: 'Lengkapi.' });
    expect(returned.log.status).toBe('returned');
  });

  it('lets the coordinator correct a paper log waiting for review herself: it stays submitted in its place in the queue, and a risk ticked in the correction flags it', async () => {
    const { backend, clock, budi: b } = await aProgram();
    const dani = await aPeerWithoutAccount(backend);
    const first = await call(backend, 'sessionLogs.create', aLog(dani, { actions: 'Menasihati.' }));
    clock.advance(minutes(5));
    const later = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    expect(first.log.canEdit).toBe(true);

    const corrected = await call(backend, 'sessionLogs.update', asUpdate(first.log, { actions: 'Mendengarkan dan menemaninya ke wali kelas.' }));
    expect(corrected.log).toMatchObject({ status: 'submitted', actions: 'Mendengarkan dan menemaninya ke wali kelas.', submittedAt: first.log.submittedAt });
    expect(corrected.flagged).toBeNull();
    expect((await call(backend, 'sessionLogs.reviewQueue', {})).logs.map((l) => l.id)).toEqual([first.log.id, later.log.id]);
    // Still everything the review needs: a correction cannot empty a field.
    expect(await failure(backend, 'sessionLogs.update', asUpdate(corrected.log, { summary: '' }))).toMatchObject({ code: 'VALIDATION', field: 'summary' });

    const flagged = await call(backend, 'sessionLogs.update', asUpdate(corrected.log, { risks: ['severe_distress'], noRisks: false, submit: true }));
    expect(flagged.log.status).toBe('submitted');
    expect(flagged.flagged).toMatchObject({ severity: 'high', caseId: expect.any(Number) });
    const { entries } = await call(backend, 'audit.list', { action: 'session-log.updated' });
    expect(entries.map((e) => e.target)).toEqual([`session-log:${first.log.id}`, `session-log:${first.log.id}`]);
  });

  it('still refuses a change to a log the peer submitted from their own account, though the coordinator reviews it', async () => {
    const { backend, budi: b } = await aProgram();
    await signInAsPeer(backend);
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    await signInAsCoordinator(backend);
    expect((await call(backend, 'sessionLogs.get', { id: log.id })).log).toMatchObject({ canEdit: false, canReturn: true });
    expect(await failure(backend, 'sessionLogs.update', asUpdate(log, { summary: 'ditulis ulang' }))).toMatchObject({ code: 'CONFLICT', reason: 'log-submitted' });
  });

  it('approves a log that cannot go back with a review note saying why, which stays with the decision', async () => {
    const { backend } = await aProgram();
    const dani = await aPeerWithoutAccount(backend);
    const { log } = await call(backend, 'sessionLogs.create', aLog(dani));
    const note = 'Jam mulai tidak tertulis di kertas; sudah ditanyakan langsung ke Dani.';
    const approved = await call(backend, 'sessionLogs.approve', { id: log.id, version: log.version, comment: note });
    expect(approved.log).toMatchObject({ status: 'approved', canEdit: false });
    expect(approved.log.reviews.map((r) => [r.decision, r.comment, r.byName])).toEqual([['approved', note, 'Sari Wulandari']]);
    expect((await call(backend, 'sessionLogs.reviewQueue', {})).logs).toEqual([]);
  });
});

describe('two people editing the same log', () => {
  it('refuses the second save as stale and keeps the first, so nobody silently overwrites anybody', async () => {
    const { backend, budi: b } = await aProgram();
    await signInAsPeer(backend);
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { submit: false }));
    // The peer saves a change; the coordinator, who opened the same version, saves theirs afterwards.
    await call(backend, 'sessionLogs.update', asUpdate(log, { summary: 'Versi peer' }));
    await signInAsCoordinator(backend);
    const stale = await failure(backend, 'sessionLogs.update', asUpdate(log, { summary: 'Versi koordinator' }));
    expect(stale).toMatchObject({ code: 'CONFLICT', reason: 'stale' });
    expect((await call(backend, 'sessionLogs.get', { id: log.id })).log.summary).toBe('Versi peer');
  });

  it('refuses a review of a version the reviewer did not see', async () => {
    const { backend, budi: b } = await aProgram();
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    await call(backend, 'sessionLogs.return', { id: log.id, version: log.version, comment: 'Tambahkan apa yang kamu lakukan.' });
    expect(await failure(backend, 'sessionLogs.approve', { id: log.id, version: log.version })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('review', () => {
  it('queues submitted logs oldest first, leaving out drafts and reviewed ones', async () => {
    const { backend, clock, budi: b, citra: c } = await aProgram();
    const first = await call(backend, 'sessionLogs.create', aLog(c.peerId));
    clock.advance(minutes(5));
    await call(backend, 'sessionLogs.create', aLog(b.peerId, { submit: false }));
    const second = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    clock.advance(minutes(5));
    const third = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    await call(backend, 'sessionLogs.approve', { id: second.log.id, version: second.log.version });
    expect((await call(backend, 'sessionLogs.reviewQueue', {})).logs.map((l) => l.id)).toEqual([first.log.id, third.log.id]);
  });

  it('locks an approved log: no edit through the app, none behind its back, corrections only as dated addenda by named authors', async () => {
    const { backend, clock, budi: b } = await aProgram();
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    const approved = await call(backend, 'sessionLogs.approve', { id: log.id, version: log.version });
    expect(approved.log).toMatchObject({ status: 'approved', approvedByName: 'Sari Wulandari', canEdit: false, canAddAddendum: true });
    expect(await failure(backend, 'sessionLogs.update', asUpdate(approved.log, { summary: 'rewritten' }))).toMatchObject({ code: 'CONFLICT', reason: 'log-locked' });
    await expect(backend.session.db.run("UPDATE session_logs SET summary = 'rewritten' WHERE id = ?", [log.id])).rejects.toThrow(/locked/);
    await expect(backend.session.db.run("DELETE FROM session_log_topics WHERE log_id = ?", [log.id])).rejects.toThrow(/locked/);

    clock.advance(minutes(5));
    await call(backend, 'sessionLogs.addAddendum', { id: log.id, text: 'Durasi sebenarnya 45 menit.' });
    await signInAsPeer(backend);
    const withBoth = await call(backend, 'sessionLogs.addAddendum', { id: log.id, text: 'Saya lupa menulis: dia juga cerita soal adiknya.' });
    expect(withBoth.log.addenda).toEqual([
      { id: expect.any(Number), text: 'Durasi sebenarnya 45 menit.', at: clock.now().toISOString(), authorName: 'Sari Wulandari', authorRole: 'coordinator' },
      expect.objectContaining({ authorName: budi.fullName, authorRole: 'peer' }),
    ]);
    expect(withBoth.log.summary).toBe(log.summary);
    await expect(backend.session.db.run("UPDATE session_log_addenda SET text = 'x'")).rejects.toThrow(/append-only/);
    await expect(backend.session.db.run('DELETE FROM session_log_addenda')).rejects.toThrow(/append-only/);
  });

  it('takes addenda only on approved logs', async () => {
    const { backend, budi: b } = await aProgram();
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    expect(await failure(backend, 'sessionLogs.addAddendum', { id: log.id, text: 'terlalu cepat' })).toMatchObject({ code: 'CONFLICT', reason: 'not-approved' });
  });

  it('returns a log to the peer with a comment; the peer edits and resubmits it into the queue', async () => {
    const { backend, budi: b } = await aProgram();
    await signInAsPeer(backend);
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { actions: 'Menasihati dia supaya sabar.' }));
    await signInAsCoordinator(backend);
    await call(backend, 'sessionLogs.return', { id: log.id, version: log.version, comment: 'Tulis apa yang kamu lakukan, bukan nasihatnya.' });
    expect((await call(backend, 'sessionLogs.reviewQueue', {})).logs).toEqual([]);

    await signInAsPeer(backend);
    const returned = (await call(backend, 'sessionLogs.get', { id: log.id })).log;
    expect(returned).toMatchObject({ status: 'returned', canEdit: true });
    expect(returned.reviews.map((r) => [r.decision, r.comment, r.byName])).toEqual([
      ['returned', 'Tulis apa yang kamu lakukan, bukan nasihatnya.', 'Sari Wulandari'],
    ]);
    await call(backend, 'sessionLogs.update', asUpdate(returned, { actions: 'Mendengarkan dan menemaninya ke guru BK.', submit: true }));
    await signInAsCoordinator(backend);
    expect((await call(backend, 'sessionLogs.reviewQueue', {})).logs.map((l) => l.id)).toEqual([log.id]);
  });

  it('escalates a log: approves it, opens a case assigned to the peer’s supervisor, and gives back the escalation protocol', async () => {
    const { backend, supervisorId, budi: b } = await aProgram();
    await call(backend, 'settings.update', { escalationProtocol: 'Hubungi Bu Dewi: 0812-0000-111. Darurat: 112.' });
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { concern: 'high' }));
    const escalated = await call(backend, 'sessionLogs.escalate', {
      id: log.id,
      version: log.version,
      severity: 'high',
      assignedUserId: null,
      note: 'Kekhawatiran tinggi tanpa butir risiko; perlu dilihat konselor.',
    });
    expect(escalated.escalationProtocol).toBe('Hubungi Bu Dewi: 0812-0000-111. Darurat: 112.');
    expect(escalated.log.status).toBe('approved');
    const detail = await call(backend, 'cases.get', { id: escalated.caseId });
    expect(detail.case).toMatchObject({ origin: 'review', severity: 'high', status: 'open', assignedUserId: supervisorId });
    expect(detail.timeline[0]).toMatchObject({ kind: 'opened', body: 'Kekhawatiran tinggi tanpa butir risiko; perlu dilihat konselor.', authorName: 'Sari Wulandari' });
    expect(detail.logCount).toBe(1);
    expect((await call(backend, 'cases.logs', { id: escalated.caseId })).logs.map((l) => l.id)).toEqual([log.id]);
  });

  it('does not escalate a log that is already on an open case', async () => {
    const { backend, budi: b } = await aProgram();
    const { log } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { risks: ['family_crisis'], noRisks: false }));
    const error = await failure(backend, 'sessionLogs.escalate', { id: log.id, version: log.version, severity: 'high', assignedUserId: null, note: 'x' });
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'log-has-case' });
  });
});

describe('the risk screen', () => {
  const expected: Record<RiskItem, CaseSeverity> = {
    self_harm_or_suicide: 'urgent',
    violence_or_abuse_at_home: 'urgent',
    sexual_abuse: 'urgent',
    wanting_to_hurt_someone: 'high',
    alcohol_or_drugs: 'high',
    severe_distress: 'high',
    family_crisis: 'routine',
    beyond_peer_role: 'routine',
  };

  it('gives every risk item its severity', () => {
    expect(Object.fromEntries(riskItems.map((item) => [item, severityOf([item], 'low')]))).toEqual(expected);
    expect(severityOf([], 'high')).toBeNull();
    expect(severityOf(['family_crisis'], 'high')).toBe('high');
    expect(severityOf(['family_crisis', 'sexual_abuse'], 'low')).toBe('urgent');
  });

  it.each(riskItems.map((item) => [item, expected[item]] as const))(
    'opens a flagged case automatically when a peer submits a log with “%s” ticked, at severity %s',
    async (item, severity) => {
      const { backend, supervisorId, budi: b } = await aProgram();
      await call(backend, 'settings.update', { escalationProtocol: 'Protokol sekolah' });
      await signInAsPeer(backend);
      const saved = await call(backend, 'sessionLogs.create', aLog(b.peerId, { risks: [item], noRisks: false }));
      // The peer is told it reached someone, and sees the protocol, but not the case.
      expect(saved.flagged).toEqual({ severity, caseId: null });
      expect(saved.escalationProtocol).toBe('Protokol sekolah');
      expect(saved.log.cases).toEqual([]);

      await signInAsSupervisor(backend);
      const { cases } = await call(backend, 'cases.list', { open: true });
      expect(cases).toEqual([
        expect.objectContaining({ severity, status: 'open', origin: 'risk_screen', assignedUserId: supervisorId, helpSeekerCode: 'HS-2026-001', peerNames: [budi.fullName] }),
      ]);
    },
  );

  it('opens no case for a draft, however serious: a draft has not been told to anyone yet', async () => {
    const { backend, budi: b } = await aProgram();
    const { log, flagged } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { risks: ['self_harm_or_suicide'], noRisks: false, submit: false }));
    expect(flagged).toBeNull();
    expect((await call(backend, 'cases.list', {})).cases).toEqual([]);
    const sent = await call(backend, 'sessionLogs.update', asUpdate(log, { submit: true }));
    expect(sent.flagged?.severity).toBe('urgent');
    expect((await call(backend, 'cases.list', {})).cases).toHaveLength(1);
  });

  it('opens no case when nothing was ticked, even with the peer’s concern high', async () => {
    const { backend, budi: b } = await aProgram();
    const saved = await call(backend, 'sessionLogs.create', aLog(b.peerId, { concern: 'high' }));
    expect(saved.flagged).toBeNull();
    expect((await call(backend, 'cases.list', {})).cases).toEqual([]);
  });

  it('adds a later flagged log about the same help-seeker to the case still open, raising its severity and bringing its due time forward', async () => {
    const { backend, clock, budi: b } = await aProgram();
    const first = await call(backend, 'sessionLogs.create', aLog(b.peerId, { risks: ['family_crisis'], noRisks: false }));
    const caseId = first.flagged!.caseId!;
    expect((await call(backend, 'cases.get', { id: caseId })).case.dueAt).toBe(new Date(2026, 7, 10, 23, 59, 59, 999).toISOString());
    clock.advance(hours(24));
    await signInAsCoordinator(backend);
    const second = await call(backend, 'sessionLogs.create', aLog(b.peerId, {
      helpSeekerId: first.log.helpSeekerId,
      newHelpSeeker: undefined,
      heldOn: '2026-08-04',
      risks: ['self_harm_or_suicide'],
      noRisks: false,
    }));
    expect(second.flagged?.caseId).toBe(caseId);
    const detail = await call(backend, 'cases.get', { id: caseId });
    expect(detail.case).toMatchObject({ severity: 'urgent', dueAt: new Date(2026, 7, 4, 23, 59, 59, 999).toISOString() });
    // Newest first: the log that raised the severity is the one a counselor reads first.
    expect((await call(backend, 'cases.logs', { id: caseId })).logs.map((l) => l.id)).toEqual([second.log.id, first.log.id]);
    expect(detail.timeline.map((e) => e.kind)).toEqual(['opened', 'log_linked', 'severity_raised']);
    expect((await call(backend, 'cases.list', {})).cases).toHaveLength(1);
  });
});

describe('due times', () => {
  it('makes an urgent case due the same day, a high one in two days and a routine one in seven, by the end of that day', async () => {
    const { backend, budi: b } = await aProgram();
    const due = async (item: RiskItem) => {
      const { flagged } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { risks: [item], noRisks: false }));
      return (await call(backend, 'cases.get', { id: flagged!.caseId! })).case.dueAt;
    };
    const endOf = (day: number) => new Date(2026, 7, day, 23, 59, 59, 999).toISOString();
    expect(await due('sexual_abuse')).toBe(endOf(3));
    expect(await due('alcohol_or_drugs')).toBe(endOf(5));
    expect(await due('beyond_peer_role')).toBe(endOf(10));
  });

  it('takes the days per severity from Settings', async () => {
    const { backend, budi: b } = await aProgram();
    const settings = await call(backend, 'settings.update', { caseDueDays: { urgent: 1, high: 3, routine: 14 } });
    expect(settings.caseDueDays).toEqual({ urgent: 1, high: 3, routine: 14 });
    const { flagged } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { risks: ['self_harm_or_suicide'], noRisks: false }));
    expect((await call(backend, 'cases.get', { id: flagged!.caseId! })).case.dueAt).toBe(new Date(2026, 7, 4, 23, 59, 59, 999).toISOString());
  });

  it('shows a case as overdue once its due time passes without a decision, and no longer once one is made', async () => {
    const { backend, clock, budi: b } = await aProgram();
    const { flagged } = await call(backend, 'sessionLogs.create', aLog(b.peerId, { risks: ['severe_distress'], noRisks: false }));
    const id = flagged!.caseId!;
    expect((await call(backend, 'cases.list', {})).cases[0]!.overdue).toBe(false);
    clock.set(new Date(2026, 7, 6, 7, 0));
    await call(backend, 'session.lock', {});
    await signInAsCoordinator(backend);
    expect((await call(backend, 'cases.list', {})).cases[0]!.overdue).toBe(true);
    expect((await call(backend, 'cases.dashboard', {})).overdueCases).toBe(1);
    let detail = await call(backend, 'cases.transition', { id, version: (await call(backend, 'cases.get', { id })).case.version, to: 'in_review', note: '' });
    expect(detail.case.overdue).toBe(true);
    detail = await call(backend, 'cases.transition', { id, version: detail.case.version, to: 'monitoring', note: 'Dipantau mingguan.' });
    expect(detail.case.overdue).toBe(false);
  });
});

describe('what a supervisor sees of logs', () => {
  it('reads the submitted logs of the peers they supervise and of their cases, never drafts or other peers’ logs, and cannot write logs', async () => {
    const { backend, budi: b, citra: c } = await aProgram();
    const draft = await call(backend, 'sessionLogs.create', aLog(b.peerId, { submit: false }));
    const sent = await call(backend, 'sessionLogs.create', aLog(b.peerId));
    const citras = await call(backend, 'sessionLogs.create', aLog(c.peerId));
    await signInAsSupervisor(backend);
    expect((await call(backend, 'sessionLogs.list', {})).logs.map((l) => l.id)).toEqual([sent.log.id]);
    expect((await call(backend, 'sessionLogs.get', { id: sent.log.id })).log.canReview).toBe(false);
    expect((await failure(backend, 'sessionLogs.get', { id: draft.log.id })).code).toBe('FORBIDDEN');
    expect((await failure(backend, 'sessionLogs.get', { id: citras.log.id })).code).toBe('FORBIDDEN');
    expect((await failure(backend, 'sessionLogs.create', aLog(b.peerId))).code).toBe('FORBIDDEN');
  });
});

