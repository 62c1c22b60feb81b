import { describe, expect, it } from 'vitest';
import { peerStatuses, peerTransitions, type Peer, type PeerStatus } from '../../src/contract';
import type { Backend } from '../../electron/backend/backend';
import { call, createdVault, failure, minutes, newBackend, TestClock } from './support/backend';
import { allCriteria } from './support/peerProgram';

async function vault() {
  const clock = new TestClock();
  const backend = newBackend({ clock });
  await createdVault(backend);
  return { clock, backend };
}

async function nominate(backend: Backend, fullName = 'Budi Santoso'): Promise<Peer> {
  return (await call(backend, 'peers.create', { fullName, className: '8A' })).peer;
}

async function move(backend: Backend, peer: Peer, to: PeerStatus, extra: { reason?: string; override?: boolean } = {}): Promise<Peer> {
  return (await call(backend, 'peers.transition', { id: peer.id, version: peer.version, to, ...extra })).peer;
}

async function interview(backend: Backend, peer: Peer, decision: 'selected' | 'not_selected' | 'undecided' = 'selected'): Promise<Peer> {
  return (
    await call(backend, 'peers.recordInterview', {
      id: peer.id,
      version: peer.version,
      interviewedOn: '2026-07-20',
      interviewer: 'Bu Sari',
      criteria: allCriteria,
      notes: 'Tenang dan bisa dipercaya.',
      decision,
    })
  ).peer;
}

/** A peer in training: interviewed, selected, moved to training; nothing else recorded. */
async function inTraining(backend: Backend, name?: string): Promise<Peer> {
  let peer = await nominate(backend, name);
  peer = await move(backend, peer, 'interviewing');
  peer = await interview(backend, peer);
  peer = await move(backend, peer, 'selected');
  return move(backend, peer, 'in_training');
}

async function consentAndPledge(backend: Backend, peer: Peer): Promise<Peer> {
  const consented = await call(backend, 'peers.recordConsent', {
    id: peer.id,
    version: peer.version,
    consentOn: '2026-07-22',
    guardianName: 'Ibu Sulastri',
    relationship: 'mother',
    formLocation: 'Map persetujuan, lemari BK',
  });
  return (await call(backend, 'peers.recordPledge', { id: peer.id, version: consented.peer.version, pledgeOn: '2026-07-23' })).peer;
}

async function completeRequiredTraining(backend: Backend, peer: Peer): Promise<void> {
  const { modules } = await call(backend, 'training.modules', {});
  for (const module of modules.filter((m) => m.required)) {
    await call(backend, 'training.recordGroupSession', {
      moduleId: module.id,
      heldOn: '2026-07-27',
      hours: module.hours,
      trainer: 'Bu Sari',
      notes: '',
      attendees: [{ peerId: peer.id, completed: true, score: null }],
    });
  }
}

describe('the life cycle of a peer', () => {
  it('follows nominated → interviewing → selected → in training → active → paused → active → alumni, recording when and by whom', async () => {
    const { clock, backend } = await vault();
    let peer = await nominate(backend);
    clock.advance(minutes(10));
    peer = await move(backend, peer, 'interviewing');
    peer = await interview(backend, peer);
    peer = await move(backend, peer, 'selected');
    peer = await consentAndPledge(backend, peer);
    peer = await move(backend, peer, 'in_training');
    await completeRequiredTraining(backend, peer);
    peer = await move(backend, peer, 'active');
    peer = await move(backend, peer, 'paused', { reason: 'Persiapan ujian' });
    peer = await move(backend, peer, 'active');
    peer = await move(backend, peer, 'alumni');
    expect(peer.status).toBe('alumni');

    const { history } = await call(backend, 'peers.profile', { id: peer.id });
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'nominated'],
      ['nominated', 'interviewing'],
      ['interviewing', 'selected'],
      ['selected', 'in_training'],
      ['in_training', 'active'],
      ['active', 'paused'],
      ['paused', 'active'],
      ['active', 'alumni'],
    ]);
    expect(history.every((h) => h.changedByName === 'Sari Wulandari' && !h.overridden)).toBe(true);
    expect(history[1]?.changedAt).toBe(clock.now().toISOString());
    expect(history[5]?.reason).toBe('Persiapan ujian');
    const roster = (await call(backend, 'peers.list', {})).peers[0];
    expect(roster?.statusSince).toBe(history[7]?.changedAt);
  });

  it('allows exactly the steps of the table, and refuses the rest with CONFLICT naming both statuses', async () => {
    const { backend } = await vault();
    const peer = await nominate(backend);
    for (const to of peerStatuses.filter((s) => s !== 'nominated' && !peerTransitions.nominated.includes(s))) {
      const error = await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to });
      expect(error).toMatchObject({ code: 'CONFLICT', reason: 'transition-not-allowed', params: { from: 'nominated', to } });
    }
    expect((await call(backend, 'peers.get', { id: peer.id })).peer).toEqual(peer);
  });

  it('treats alumni and withdrawn as final', () => {
    expect(peerTransitions.alumni).toEqual([]);
    expect(peerTransitions.withdrawn).toEqual([]);
    for (const status of peerStatuses.filter((s) => s !== 'alumni' && s !== 'withdrawn')) {
      expect([status, peerTransitions[status].includes('withdrawn')]).toEqual([status, true]);
    }
  });

  it('withdraws a peer at any step, but only with a reason', async () => {
    const { backend } = await vault();
    for (const status of ['nominated', 'interviewing', 'selected', 'in_training'] as const) {
      let peer = await nominate(backend, `Siswa ${status}`);
      if (status !== 'nominated') peer = await move(backend, peer, 'interviewing');
      if (status === 'selected' || status === 'in_training') peer = await move(backend, await interview(backend, peer), 'selected');
      if (status === 'in_training') peer = await move(backend, peer, 'in_training');
      expect(await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'withdrawn', reason: '  ' })).toMatchObject({
        code: 'VALIDATION',
        field: 'reason',
        reason: 'required',
      });
      const withdrawn = await move(backend, peer, 'withdrawn', { reason: 'Pindah sekolah' });
      expect(withdrawn.status).toBe('withdrawn');
      const { history } = await call(backend, 'peers.profile', { id: peer.id });
      expect(history.at(-1)).toMatchObject({ fromStatus: status, toStatus: 'withdrawn', reason: 'Pindah sekolah' });
    }
  });

  it('selects a peer only after an interview decided "selected"', async () => {
    const { backend } = await vault();
    let peer = await move(backend, await nominate(backend), 'interviewing');
    expect(await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'selected' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'interview-not-selected',
    });
    peer = await interview(backend, peer, 'undecided');
    expect((await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'selected' })).reason).toBe('interview-not-selected');
    peer = await interview(backend, peer, 'selected');
    expect((await move(backend, peer, 'selected')).status).toBe('selected');
  });

  it('keeps the interview checklist, notes and decision, and changes it when recorded again', async () => {
    const { backend } = await vault();
    let peer = await move(backend, await nominate(backend), 'interviewing');
    peer = await interview(backend, peer, 'undecided');
    await call(backend, 'peers.recordInterview', {
      id: peer.id,
      version: peer.version,
      interviewedOn: '2026-07-24',
      interviewer: 'Bu Dewi',
      criteria: { ...allCriteria, steady: false },
      notes: 'Masih mudah panik; coba lagi semester depan.',
      decision: 'not_selected',
    });
    expect((await call(backend, 'peers.profile', { id: peer.id })).interview).toMatchObject({
      interviewedOn: '2026-07-24',
      interviewer: 'Bu Dewi',
      criteria: { ...allCriteria, steady: false },
      notes: 'Masih mudah panik; coba lagi semester depan.',
      decision: 'not_selected',
    });
  });

  it('refuses a status change started from an old version as stale, changing nothing', async () => {
    const { backend } = await vault();
    const peer = await nominate(backend);
    await call(backend, 'peers.update', { id: peer.id, version: peer.version, fullName: 'Budi S.', className: '8A' });
    expect(await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'interviewing' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale',
    });
    expect((await call(backend, 'peers.get', { id: peer.id })).peer.status).toBe('nominated');
  });

  it('refuses to "change" a status to the one the peer already has', async () => {
    const { backend } = await vault();
    const peer = await nominate(backend);
    expect((await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'nominated' })).reason).toBe('same-status');
  });
});

describe('activation', () => {
  it('is refused while consent, pledge and training are missing, saying exactly which', async () => {
    const { backend } = await vault();
    const peer = await inTraining(backend);
    const error = await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'active' });
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'activation-incomplete', params: { missing: 'consent,pledge,training', modules: 5 } });
    const profile = await call(backend, 'peers.profile', { id: peer.id });
    expect(profile.peer.status).toBe('in_training');
    expect(profile.activation).toEqual({ ready: false, missing: ['consent', 'pledge', 'training'], missingModuleIds: [1, 2, 3, 4, 5] });
  });

  it('names only what is still missing as things are recorded', async () => {
    const { backend } = await vault();
    let peer = await inTraining(backend);
    peer = await consentAndPledge(backend, peer);
    const { modules } = await call(backend, 'training.modules', {});
    await call(backend, 'training.recordGroupSession', {
      moduleId: modules[0]!.id,
      heldOn: '2026-07-27',
      hours: 2,
      trainer: 'Bu Sari',
      notes: '',
      attendees: [{ peerId: peer.id, completed: true, score: null }],
    });
    const error = await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'active' });
    expect(error.params).toEqual({ missing: 'training', modules: 4 });
    expect((await call(backend, 'peers.profile', { id: peer.id })).activation).toEqual({
      ready: false,
      missing: ['training'],
      missingModuleIds: [2, 3, 4, 5],
    });
  });

  it('succeeds once consent, pledge and every required module are done, without an override', async () => {
    const { backend } = await vault();
    let peer = await consentAndPledge(backend, await inTraining(backend));
    await completeRequiredTraining(backend, peer);
    expect((await call(backend, 'peers.profile', { id: peer.id })).activation.ready).toBe(true);
    peer = await move(backend, peer, 'active');
    expect(peer.status).toBe('active');
    expect((await call(backend, 'audit.list', { action: 'peer.activation-overridden' })).entries).toEqual([]);
  });

  it('lets the coordinator override with a written reason, kept in the history and audited without its text', async () => {
    const { backend } = await vault();
    const peer = await inTraining(backend);
    expect(
      await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'active', override: true }),
    ).toMatchObject({ code: 'VALIDATION', field: 'reason', reason: 'required' });
    const reason = 'Formulir persetujuan sudah ditandatangani, tetapi tertinggal di rumah; diserahkan Senin.';
    const active = await move(backend, peer, 'active', { override: true, reason });
    expect(active.status).toBe('active');
    const { history } = await call(backend, 'peers.profile', { id: peer.id });
    expect(history.at(-1)).toMatchObject({ fromStatus: 'in_training', toStatus: 'active', overridden: true, reason });
    const { entries } = await call(backend, 'audit.list', { action: 'peer.activation-overridden' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: 'sari', target: `peer:${peer.id}`, details: { missing: ['consent', 'pledge', 'training'] } });
    expect(JSON.stringify(await call(backend, 'audit.list', { limit: 500 }))).not.toContain('tertinggal');
  });

  it('applies the same rule when a paused peer comes back', async () => {
    const { backend } = await vault();
    let peer = await move(backend, await inTraining(backend), 'active', { override: true, reason: 'Uji coba' });
    peer = await move(backend, peer, 'paused');
    expect((await failure(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'active' })).reason).toBe('activation-incomplete');
  });

  it('stops counting a retired required module, and counts a new required one', async () => {
    const { backend } = await vault();
    let peer = await consentAndPledge(backend, await inTraining(backend));
    await completeRequiredTraining(backend, peer);
    const { module } = await call(backend, 'training.createModule', {
      titleId: 'Pertolongan pertama psikologis',
      titleEn: 'Psychological first aid',
      descriptionId: '',
      descriptionEn: '',
      hours: 2,
      required: true,
      refresherMonths: null,
    });
    expect((await call(backend, 'peers.profile', { id: peer.id })).activation).toMatchObject({ missing: ['training'], missingModuleIds: [module.id] });
    await call(backend, 'training.setModuleRetired', { id: module.id, version: module.version, retired: true });
    peer = await move(backend, peer, 'active');
    expect(peer.status).toBe('active');
  });
});
