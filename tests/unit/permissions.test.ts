import { beforeAll, describe, expect, it } from 'vitest';
import { methods, roles, vaultStates, type MethodInput, type MethodName, type Role, type VaultState } from '../../src/contract';
import type { Backend } from '../../electron/backend/backend';
import {
  addPeerAccount,
  addStaff,
  call,
  coordinator,
  createdVault,
  errorOf,
  failure,
  handOverTo,
  newBackend,
  newBackendForFile,
  supervisor,
  TestClock,
} from './support/backend';
import { folderDigest, vaultFingerprint } from './support/files';
import { aProgram, budi, eko, signInAsCoordinator, signInAsPeer, signInAsSupervisor, type Program } from './support/sessions';
import { aMeeting } from './support/supervision';

/**
 * Every test here is generated from the contract's method table, so a method
 * added to the contract is covered without touching this file.
 */
const allMethods = Object.keys(methods) as MethodName[];
const onlyUnlocked = (name: MethodName) => methods[name].access.states.length === 1 && methods[name].access.states[0] === 'unlocked';
const guarded = allMethods.filter(onlyUnlocked);
const allowedRoles = (name: MethodName): readonly Role[] => methods[name].access.roles;
const forbiddenCases = guarded.flatMap((method) => roles.filter((role) => !allowedRoles(method).includes(role)).map((role) => [method, role] as const));
const allowedCases = guarded.flatMap((method) => allowedRoles(method).map((role) => [method, role] as const));

/**
 * Well-formed inputs, so a refusal is shown to come from the role and not from
 * the input; a method missing here is called with `{}` and still must be refused.
 */
const sampleInputs: Partial<{ [M in MethodName]: MethodInput<M> }> = {
  'vault.newRecoveryKey': { password: coordinator.password },
  'session.setLanguage': { language: 'en' },
  'drafts.discard': { formKey: 'peer-form' },
  'users.createStaff': { username: 'newstaff', fullName: 'New Staff', role: 'coordinator' },
  'users.createPeerAccount': { peerId: 1, username: 'newpeer', pin: '1234' },
  'users.disable': { userId: 1 },
  'users.enable': { userId: 1 },
  'users.remove': { userId: 1 },
  'users.resetPassword': { userId: 1 },
  'users.setPeerPin': { userId: 3, pin: '9999' },
  'users.changeOwnPassword': { currentPassword: coordinator.password, newPassword: 'a different password' },
  'peers.get': { id: 1 },
  'peers.profile': { id: 1 },
  'peers.create': { fullName: 'New Peer', className: '9C' },
  'peers.update': { id: 1, version: 0, fullName: 'Renamed', className: '9C' },
  'peers.transition': { id: 1, version: 0, to: 'paused' },
  'peers.recordInterview': {
    id: 1,
    version: 0,
    interviewedOn: '2026-07-20',
    interviewer: 'Bu Sari',
    criteria: { trusted: true, listener: true, confidential: true, steady: true, reliable: true, motivated: true },
    notes: '',
    decision: 'selected',
  },
  'peers.recordConsent': { id: 1, version: 0, consentOn: '2026-07-20', guardianName: 'Ibu Budi', relationship: 'mother', formLocation: 'Map BK' },
  'peers.recordPledge': { id: 1, version: 0, pledgeOn: '2026-07-20' },
  'peers.exportCsv': { language: 'id' },
  'peers.importPreview': { csv: 'Nama,Kelas\nBaru,9A\n' },
  'peers.importCommit': { csv: 'Nama,Kelas\nBaru,9A\n' },
  'training.moduleHistory': { id: 1 },
  'training.createModule': { titleId: 'Modul', titleEn: '', descriptionId: '', descriptionEn: '', hours: 1, required: false, refresherMonths: null },
  'training.updateModule': { id: 1, version: 0, titleId: 'Modul', titleEn: '', descriptionId: '', descriptionEn: '', hours: 1, required: false, refresherMonths: null },
  'training.setModuleRetired': { id: 1, version: 0, retired: true },
  'training.addRecord': { peerId: 1, moduleId: 1, attendedOn: '2026-07-20', hours: 2, trainer: 'Bu Sari', completed: true, score: null },
  'training.deleteRecord': { id: 1 },
  'training.recordGroupSession': {
    moduleId: 1,
    heldOn: '2026-07-20',
    hours: 2,
    trainer: 'Bu Sari',
    notes: '',
    attendees: [{ peerId: 1, completed: true, score: null }],
  },
  'training.setKnowledgeScores': { peerId: 1, version: 0, knowledgePre: 50, knowledgePost: 80 },
  'outreach.create': { heldOn: '2026-08-01', kind: 'assembly', title: 'Upacara', audience: 'Semua siswa', reached: 600, notes: '', peerIds: [1] },
  'outreach.update': { id: 1, version: 0, heldOn: '2026-08-01', kind: 'assembly', title: 'Upacara', audience: '', reached: 600, notes: '', peerIds: [] },
  'outreach.delete': { id: 1 },
  'settings.update': { schoolName: 'Another School', autoLockMinutes: 3 },
  'audit.list': { limit: 5 },
  'supervision.createGroup': { name: 'Kelompok Senin', supervisorUserId: 2, frequencyDays: 14, peerIds: [1] },
  'supervision.createMeeting': aMeeting(2, [1]),
  'supervision.meeting': { id: 1 },
  'actionItems.setDone': { id: 1, version: 0, done: true },
  'evaluations.create': {
    peerId: 1,
    evaluatedOn: '2026-08-03',
    scores: { active_listening: 3, empathy: 3, confidentiality: 4, limits_and_referral: 3, record_keeping: 2, reliability: 3 },
    comments: '',
  },
  'outcomes.delete': { id: 1 },
  'feedback.list': { termId: '2026/2027-1' },
  'reports.term': { termId: '2026/2027-1' },
  'reports.exportPdf': { termId: '2026/2027-1', language: 'id' },
  'reports.exportCsv': { termId: '2026/2027-1', language: 'id' },
};
const sampleInput = (method: MethodName): unknown => sampleInputs[method] ?? {};

const peerA = { fullName: 'Budi Santoso', username: 'budi', pin: '4321' };
const peerB = { fullName: 'Citra Ayu', username: 'citra', pin: '8765' };

/**
 * A vault with a coordinator (user 1), a supervisor (user 2) and a peer account
 * (user 3, peer 1), with `role` signed in.
 */
async function signedInAs(role: Role, backend: Backend): Promise<Backend> {
  await createdVault(backend);
  await addStaff(backend, supervisor);
  await addPeerAccount(backend, peerA);
  if (role === 'supervisor') {
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
  }
  if (role === 'peer') await handOverTo(backend, peerA);
  expect((await call(backend, 'app.status', {})).user?.role).toBe(role);
  return backend;
}

describe('the contract', () => {
  it('lets only these methods be called in a state other than unlocked, each in the states named here', () => {
    const open = Object.fromEntries(allMethods.filter((name) => !onlyUnlocked(name)).map((name) => [name, [...methods[name].access.states].sort()]));
    const everyState = [...vaultStates].sort();
    // Restoring on a new PC happens before anyone can sign in: no vault, locked, or a signed-in coordinator (backups.test.ts).
    const restoreSide = ['locked', 'no-vault', 'unlocked'];
    expect(open).toEqual({
      'app.status': everyState,
      'backups.drives': restoreSide,
      'backups.folder': restoreSide,
      'backups.restore': restoreSide,
      'backups.verify': restoreSide,
      // The folder picker serves the restore screens too (desktopCalls.test.ts).
      'desktop.chooseFolder': restoreSide,
      // A student fills it in on the counselor's feedback hand-over, and only there (evaluation.test.ts).
      'feedback.submit': ['feedback-handover'],
      'session.lock': everyState,
      'session.peerSignIn': ['handover'],
      'vault.create': ['no-vault'],
      'vault.setNewPassword': ['password-required'],
      'vault.unlock': ['locked'],
      'vault.unlockWithRecoveryKey': ['locked'],
    });
  });

  it('names roles exactly for the methods callable while unlocked, the coordinator among them, and none for the others', () => {
    for (const name of allMethods) {
      const { states, roles: allowed } = methods[name].access;
      expect([name, allowed.every((r) => roles.includes(r))]).toEqual([name, true]);
      expect([name, allowed.length > 0]).toEqual([name, states.includes('unlocked')]);
      if (states.includes('unlocked')) expect([name, allowed.includes('coordinator')]).toEqual([name, true]);
    }
  });
});

describe('role checks over the whole contract', () => {
  const signedIn = {} as Record<Role, Backend>;

  beforeAll(async () => {
    for (const role of roles) signedIn[role] = await signedInAs(role, newBackendForFile({ clock: new TestClock() }));
  });

  it.each(forbiddenCases)('refuses %s to a %s with FORBIDDEN, changing nothing', async (method, role) => {
    const backend = signedIn[role];
    const before = await vaultFingerprint(backend);
    const error = errorOf(await backend.call(method, sampleInput(method)));
    expect(error).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect(await vaultFingerprint(backend)).toBe(before);
    expect(await call(backend, 'app.status', {})).toMatchObject({ state: 'unlocked', user: { role } });
  });

  // An unknown field makes the input invalid, so the call goes no further than validation, whose
  // answer shows the role check let it through; and a refused caller learns nothing about the input.
  it.each(allowedCases)('lets %s past the role check for a %s', async (method, role) => {
    const backend = signedIn[role];
    const before = await vaultFingerprint(backend);
    const input = { ...(sampleInput(method) as object), notInTheContract: true };
    expect(errorOf(await backend.call(method, input)).code).toBe('VALIDATION');
    expect(await vaultFingerprint(backend)).toBe(before);
  });
});

describe('calls while the vault is not open to anyone', () => {
  const states = {
    'no vault yet': async () => newBackendForFile(),
    'locked': async () => {
      const backend = newBackendForFile();
      await createdVault(backend);
      await call(backend, 'session.lock', {});
      return backend;
    },
    'handed over, before a peer signs in': async () => {
      const backend = newBackendForFile({ clock: new TestClock() });
      await createdVault(backend);
      await call(backend, 'session.handOverToPeer', {});
      return backend;
    },
    'handed over for a student’s feedback': async () => {
      const backend = newBackendForFile({ clock: new TestClock() });
      await createdVault(backend);
      await call(backend, 'session.handOverForFeedback', {});
      return backend;
    },
    'waiting for a new password after the recovery key': async () => {
      const backend = newBackendForFile({ clock: new TestClock() });
      const recoveryKey = await createdVault(backend);
      await call(backend, 'session.lock', {});
      await call(backend, 'vault.unlockWithRecoveryKey', { username: coordinator.username, recoveryKey });
      return backend;
    },
  } satisfies Record<string, () => Promise<Backend>>;
  const stateOf: Record<keyof typeof states, VaultState> = {
    'no vault yet': 'no-vault',
    'locked': 'locked',
    'handed over, before a peer signs in': 'handover',
    'handed over for a student’s feedback': 'feedback-handover',
    'waiting for a new password after the recovery key': 'password-required',
  };

  describe.each(Object.keys(states) as Array<keyof typeof states>)('%s', (state) => {
    let backend: Backend;
    let stateBefore: string;

    beforeAll(async () => {
      backend = await states[state]();
      stateBefore = (await call(backend, 'app.status', {})).state;
      expect(stateBefore).toBe(stateOf[state]);
    });

    it.each(guarded)('answers %s with LOCKED and changes nothing', async (method) => {
      const dataDir = backend.session.config.dataDir;
      const filesBefore = folderDigest(dataDir, { withShm: false });
      const error = errorOf(await backend.call(method, sampleInput(method)));
      expect(error).toEqual({ code: 'LOCKED', message: expect.any(String) });
      expect(folderDigest(dataDir, { withShm: false })).toEqual(filesBefore);
      expect((await call(backend, 'app.status', {})).state).toBe(stateBefore);
    });

    // Well-formed inputs, so only the state can refuse them.
    const openingInputs: Partial<Record<MethodName, unknown>> = {
      'vault.create': { schoolName: 'S', fullName: 'F', username: 'someone', password: 'a long enough password', language: 'en' },
      'vault.unlock': { username: coordinator.username, password: coordinator.password },
      'vault.setNewPassword': { newPassword: 'a long enough password' },
      'session.peerSignIn': { username: peerA.username, pin: peerA.pin },
      'feedback.submit': { helpful: 5, feltHeard: 5, wouldRecommend: 5, comment: '' },
    };
    const notForThisState = (Object.keys(openingInputs) as MethodName[]).filter((method) => !methods[method].access.states.includes(stateOf[state]));
    it.each(notForThisState)('refuses %s, which the contract does not name for this state, changing nothing', async (method) => {
      const dataDir = backend.session.config.dataDir;
      const filesBefore = folderDigest(dataDir, { withShm: false });
      const result = await backend.call(method, openingInputs[method]);
      expect(result.ok ? 'allowed' : ['LOCKED', 'CONFLICT', 'NOT_FOUND'].includes(result.error.code)).toBe(true);
      expect(folderDigest(dataDir, { withShm: false })).toEqual(filesBefore);
      expect((await call(backend, 'app.status', {})).state).toBe(stateBefore);
    });
  });
});

describe('what a peer may see of the roster', () => {
  async function twoPeersWithASignedInPeer() {
    const backend = newBackend();
    await createdVault(backend);
    const a = await addPeerAccount(backend, peerA);
    const b = await addPeerAccount(backend, { ...peerB, className: '9B' });
    await handOverTo(backend, peerA);
    return { backend, a, b };
  }

  it('shows a signed-in peer only their own entry in the peer list', async () => {
    const { backend, a } = await twoPeersWithASignedInPeer();
    const { peers } = await call(backend, 'peers.list', {});
    expect(peers.map((p) => [p.id, p.fullName])).toEqual([[a.peerId, peerA.fullName]]);
  });

  it('refuses a peer another peer’s profile with FORBIDDEN, and shows them their own', async () => {
    const { backend, a, b } = await twoPeersWithASignedInPeer();
    expect(await failure(backend, 'peers.get', { id: b.peerId })).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect((await call(backend, 'peers.get', { id: a.peerId })).peer.fullName).toBe(peerA.fullName);
  });

  it('answers a peer asking for a profile that does not exist as it answers for another’s, so ids cannot be probed', async () => {
    const { backend } = await twoPeersWithASignedInPeer();
    expect((await failure(backend, 'peers.get', { id: 999 })).code).toBe('FORBIDDEN');
  });

  it('shows a peer their own profile and training record, and refuses another peer’s as it refuses an unknown id', async () => {
    const { backend, a, b } = await twoPeersWithASignedInPeer();
    const own = await call(backend, 'peers.profile', { id: a.peerId });
    expect(own.peer.fullName).toBe(peerA.fullName);
    expect(own.training.requiredTotal).toBe(5);
    expect(await failure(backend, 'peers.profile', { id: b.peerId })).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect(await failure(backend, 'peers.profile', { id: 999 })).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
  });

  it('leaves the coordinator’s notes out of a peer’s own profile: nomination, interview and the reasons in the history', async () => {
    const { backend, a } = await twoPeersWithASignedInPeer();
    const own = await call(backend, 'peers.profile', { id: a.peerId });
    expect(own.nomination).toBeNull();
    expect(own.interview).toBeNull();
    expect(own.history.length).toBeGreaterThan(1);
    expect(own.history.every((h) => h.reason === null)).toBe(true);
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    const seenByStaff = await call(backend, 'peers.profile', { id: a.peerId });
    expect(seenByStaff.interview?.decision).toBe('selected');
    expect(seenByStaff.history.some((h) => h.reason === 'Set up for a test.')).toBe(true);
  });

  it('shows staff the whole roster', async () => {
    const { backend } = await twoPeersWithASignedInPeer();
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual([peerA.fullName, peerB.fullName]);
  });
});

/**
 * Row by row, beyond the roles (issue 5): the coordinator does everything; a
 * supervisor records meetings and evaluations for the peers they supervise
 * and reads the reports; a peer account reads only their own action items and
 * evaluations. Dewi supervises Budi, Eko supervises Citra.
 */
describe('who may do what in supervision and evaluation', () => {
  type Who = 'coordinator' | 'dewi' | 'eko' | 'budi';
  interface World {
    program: Program;
    dewisMeeting: { id: number; version: number };
    dewisItem: { id: number; version: number };
    budisItem: { id: number; version: number };
    dewisEvaluation: { id: number; version: number };
  }
  let world: World;
  const scores = { active_listening: 3, empathy: 3, confidentiality: 4, limits_and_referral: 3, record_keeping: 2, reliability: 3 };

  beforeAll(async () => {
    const program = await aProgram({ forFile: true });
    const { backend } = program;
    await signInAsSupervisor(backend);
    const { meeting } = await call(
      backend,
      'supervision.createMeeting',
      aMeeting(program.supervisorId, [program.budi.peerId], {
        actionItems: [
          { id: null, text: 'Hubungi wali kelas', ownerPeerId: null, ownerUserId: program.supervisorId, dueOn: '2026-08-10', done: false },
          { id: null, text: 'Latihan menutup sesi', ownerPeerId: program.budi.peerId, ownerUserId: null, dueOn: '2026-08-10', done: false },
        ],
      }),
    );
    const { evaluation } = await call(backend, 'evaluations.create', { peerId: program.budi.peerId, evaluatedOn: '2026-08-03', scores, comments: '' });
    await signInAsSupervisor(backend, eko);
    await call(backend, 'evaluations.create', { peerId: program.citra.peerId, evaluatedOn: '2026-08-03', scores, comments: '' });
    world = {
      program,
      dewisMeeting: meeting,
      dewisItem: meeting.actionItems[0]!,
      budisItem: meeting.actionItems[1]!,
      dewisEvaluation: evaluation,
    };
  }, 60_000);

  async function as(who: Who) {
    const { backend } = world.program;
    if (who === 'coordinator') await signInAsCoordinator(backend);
    if (who === 'dewi') await signInAsSupervisor(backend);
    if (who === 'eko') await signInAsSupervisor(backend, eko);
    if (who === 'budi') await signInAsPeer(backend, budi);
  }

  const rules: Array<[Who, string, 'allowed' | 'FORBIDDEN', (w: World) => [MethodName, unknown]]> = [
    ['coordinator', 'records a meeting with any peer', 'allowed', (w) => ['supervision.createMeeting', aMeeting(w.program.otherSupervisorId, [w.program.citra.peerId])]],
    ['coordinator', 'reads a supervisor’s meeting', 'allowed', (w) => ['supervision.meeting', { id: w.dewisMeeting.id }]],
    ['coordinator', 'reads every peer’s evaluations', 'allowed', () => ['evaluations.list', {}]],
    ['dewi', 'records a meeting with Budi, whom she supervises', 'allowed', (w) => ['supervision.createMeeting', aMeeting(w.program.supervisorId, [w.program.budi.peerId])]],
    ['dewi', 'records a meeting with Citra, whom she does not supervise', 'FORBIDDEN', (w) => ['supervision.createMeeting', aMeeting(w.program.supervisorId, [w.program.citra.peerId])]],
    ['dewi', 'records a meeting in Eko’s name', 'FORBIDDEN', (w) => ['supervision.createMeeting', aMeeting(w.program.otherSupervisorId, [w.program.budi.peerId])]],
    ['dewi', 'gives Citra an action item', 'FORBIDDEN', (w) => ['supervision.createMeeting', aMeeting(w.program.supervisorId, [w.program.budi.peerId], { actionItems: [{ id: null, text: 'x', ownerPeerId: w.program.citra.peerId, ownerUserId: null, dueOn: '2026-08-10', done: false }] })]],
    ['dewi', 'evaluates Budi', 'allowed', (w) => ['evaluations.create', { peerId: w.program.budi.peerId, evaluatedOn: '2026-08-03', scores, comments: '' }]],
    ['dewi', 'evaluates Citra', 'FORBIDDEN', (w) => ['evaluations.create', { peerId: w.program.citra.peerId, evaluatedOn: '2026-08-03', scores, comments: '' }]],
    ['dewi', 'reads Budi’s evaluations', 'allowed', (w) => ['evaluations.list', { peerId: w.program.budi.peerId }]],
    ['dewi', 'reads Citra’s evaluations', 'FORBIDDEN', (w) => ['evaluations.list', { peerId: w.program.citra.peerId }]],
    ['dewi', 'ticks off her own action item', 'allowed', (w) => ['actionItems.setDone', { id: w.dewisItem.id, version: w.dewisItem.version, done: true }]],
    ['dewi', 'reads the term report', 'allowed', () => ['reports.term', { termId: '2026/2027-1' }]],
    ['dewi', 'exports the term report as CSV', 'allowed', () => ['reports.exportCsv', { termId: '2026/2027-1', language: 'id' }]],
    ['eko', 'reads Dewi’s meeting', 'FORBIDDEN', (w) => ['supervision.meeting', { id: w.dewisMeeting.id }]],
    ['eko', 'changes Dewi’s meeting', 'FORBIDDEN', (w) => ['supervision.updateMeeting', { ...aMeeting(w.program.otherSupervisorId, [w.program.citra.peerId]), id: w.dewisMeeting.id, version: w.dewisMeeting.version }]],
    ['eko', 'ticks off Budi’s action item from Dewi’s meeting', 'FORBIDDEN', (w) => ['actionItems.setDone', { id: w.budisItem.id, version: w.budisItem.version, done: true }]],
    ['eko', 'changes Dewi’s evaluation of Budi', 'FORBIDDEN', (w) => ['evaluations.update', { id: w.dewisEvaluation.id, version: w.dewisEvaluation.version, evaluatedOn: '2026-08-03', scores, comments: '' }]],
    ['budi', 'reads his own action items', 'allowed', () => ['actionItems.mine', {}]],
    ['budi', 'reads his own evaluations', 'allowed', (w) => ['evaluations.list', { peerId: w.program.budi.peerId }]],
    ['budi', 'reads Citra’s evaluations', 'FORBIDDEN', (w) => ['evaluations.list', { peerId: w.program.citra.peerId }]],
    ['budi', 'changes his own evaluation', 'FORBIDDEN', (w) => ['evaluations.update', { id: w.dewisEvaluation.id, version: w.dewisEvaluation.version, evaluatedOn: '2026-08-03', scores, comments: '' }]],
    ['budi', 'ticks off his own action item', 'FORBIDDEN', (w) => ['actionItems.setDone', { id: w.budisItem.id, version: w.budisItem.version, done: true }]],
    ['budi', 'reads the meeting his item came from', 'FORBIDDEN', (w) => ['supervision.meeting', { id: w.dewisMeeting.id }]],
    ['budi', 'records a meeting', 'FORBIDDEN', (w) => ['supervision.createMeeting', aMeeting(w.program.supervisorId, [w.program.budi.peerId])]],
    ['budi', 'reads the supervision cadence', 'FORBIDDEN', () => ['supervision.cadence', {}]],
    ['budi', 'reads the term report', 'FORBIDDEN', () => ['reports.term', { termId: '2026/2027-1' }]],
    ['budi', 'reads the feedback students gave', 'FORBIDDEN', () => ['feedback.list', { termId: '2026/2027-1' }]],
  ];

  it.each(rules)('%s %s: %s', async (who, _what, expected, request) => {
    await as(who);
    const [method, input] = request(world);
    const result = await world.program.backend.call(method, input);
    if (expected === 'allowed') expect(result.ok ? 'allowed' : result.error).toBe('allowed');
    else expect(result.ok ? 'allowed' : result.error.code).toBe('FORBIDDEN');
  });

  it('shows a peer only their own action items, never another owner’s from the same meeting', async () => {
    await as('budi');
    const { items } = await call(world.program.backend, 'actionItems.mine', {});
    expect(items.map((i) => i.text)).toEqual(['Latihan menutup sesi']);
    const { evaluations } = await call(world.program.backend, 'evaluations.list', {});
    expect(new Set(evaluations.map((e) => e.peerName))).toEqual(new Set([budi.fullName]));
  });
});
