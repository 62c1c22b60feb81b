import { describe, expect, it } from 'vitest';
import { offeredPeerStatuses } from '../../src/contract';
import { call, failure, peerVersion, supervisor } from './support/backend';
import { aLog, aProgram, budi, citra, eko, signInAsCoordinator, signInAsPeer, signInAsSupervisor, type Program } from './support/sessions';
import { aMeeting, at } from './support/supervision';

/** A group led by Dewi, meeting every `frequencyDays`, with Budi in it since `joined` (a day at 08:00 local). */
async function budiInAGroup(program: Program, frequencyDays = 14, joined = '2026-08-03') {
  at(program.backend, program.clock, `${joined}T08:00:00`);
  const { group } = await call(program.backend, 'supervision.createGroup', {
    name: 'Kelompok Senin',
    supervisorUserId: program.supervisorId,
    frequencyDays,
    peerIds: [program.budi.peerId],
  });
  return group;
}

async function cadenceOf(program: Program, peerId: number) {
  const { peers } = await call(program.backend, 'supervision.cadence', {});
  return peers.find((p) => p.peerId === peerId)!;
}

describe('supervision cadence', () => {
  it('makes a peer due one frequency after joining their group: fine at first, due in the last week, overdue the day after', async () => {
    const program = await aProgram();
    await budiInAGroup(program);
    expect(await cadenceOf(program, program.budi.peerId)).toMatchObject({ groupName: 'Kelompok Senin', frequencyDays: 14, lastMeetingOn: null, nextDueOn: '2026-08-17', state: 'ok' });
    at(program.backend, program.clock, '2026-08-10T09:00:00');
    expect((await cadenceOf(program, program.budi.peerId)).state).toBe('due');
    at(program.backend, program.clock, '2026-08-17T09:00:00');
    expect((await cadenceOf(program, program.budi.peerId)).state).toBe('due');
    at(program.backend, program.clock, '2026-08-18T09:00:00');
    expect((await cadenceOf(program, program.budi.peerId)).state).toBe('overdue');
  });

  it('starts the count again from the last meeting the peer was present at, and not from one they missed or one only planned', async () => {
    const program = await aProgram();
    const { backend } = program;
    await budiInAGroup(program);
    at(backend, program.clock, '2026-08-14T15:00:00');
    await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { heldOn: '2026-08-14' }));
    expect(await cadenceOf(program, program.budi.peerId)).toMatchObject({ lastMeetingOn: '2026-08-14', nextDueOn: '2026-08-28', state: 'ok' });

    // Invited but absent: the clock does not restart.
    at(backend, program.clock, '2026-08-21T15:00:00');
    await call(backend, 'supervision.createMeeting', {
      ...aMeeting(program.supervisorId, [program.budi.peerId], { heldOn: '2026-08-21' }),
      attendees: [{ peerId: program.budi.peerId, userId: null, present: false }],
    });
    // Planned for later: shown, but not counted.
    await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { status: 'planned', heldOn: '2026-09-04', durationMinutes: null }));
    expect(await cadenceOf(program, program.budi.peerId)).toMatchObject({ lastMeetingOn: '2026-08-14', nextDueOn: '2026-08-28', plannedOn: '2026-09-04', state: 'due' });
    at(backend, program.clock, '2026-08-29T09:00:00');
    expect((await cadenceOf(program, program.budi.peerId)).state).toBe('overdue');
  });

  it('follows each group’s own frequency, and changing it moves the due day at once', async () => {
    const program = await aProgram();
    const group = await budiInAGroup(program, 7);
    expect((await cadenceOf(program, program.budi.peerId)).nextDueOn).toBe('2026-08-10');
    await call(program.backend, 'supervision.updateGroup', {
      id: group.id,
      version: group.version,
      name: group.name,
      supervisorUserId: group.supervisorUserId,
      frequencyDays: 28,
      peerIds: [program.budi.peerId],
      archived: false,
    });
    expect((await cadenceOf(program, program.budi.peerId)).nextDueOn).toBe('2026-08-31');
  });

  it('says “no group” for an active peer outside every group, or in an archived one, and leaves out peers who are not active', async () => {
    const program = await aProgram();
    const group = await budiInAGroup(program);
    expect((await cadenceOf(program, program.citra.peerId)).state).toBe('no_group');
    await call(program.backend, 'supervision.updateGroup', { id: group.id, version: group.version, name: group.name, supervisorUserId: null, frequencyDays: 14, peerIds: [program.budi.peerId], archived: true });
    expect((await cadenceOf(program, program.budi.peerId)).state).toBe('no_group');
    const { peer } = await call(program.backend, 'peers.get', { id: program.citra.peerId });
    await call(program.backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'paused', reason: 'Ujian.' });
    const { peers } = await call(program.backend, 'supervision.cadence', {});
    expect(peers.map((p) => p.fullName)).toEqual([budi.fullName]);
  });

  it('moves a peer to a new group when they are put in it, with the joining day of the move', async () => {
    const program = await aProgram();
    await budiInAGroup(program);
    at(program.backend, program.clock, '2026-08-12T08:00:00');
    await call(program.backend, 'supervision.createGroup', { name: 'Kelompok Kamis', supervisorUserId: program.supervisorId, frequencyDays: 21, peerIds: [program.budi.peerId] });
    expect(await cadenceOf(program, program.budi.peerId)).toMatchObject({ groupName: 'Kelompok Kamis', nextDueOn: '2026-09-02' });
    const { groups } = await call(program.backend, 'supervision.groups', {});
    expect(groups.map((g) => [g.name, g.members.length])).toEqual([
      ['Kelompok Kamis', 1],
      ['Kelompok Senin', 0],
    ]);
  });

  it('adds up each peer’s hours of supervision this term from the held meetings they were present at, and the term’s hours of supervision held', async () => {
    const program = await aProgram();
    const { backend } = program;
    const both = [program.budi.peerId, program.citra.peerId];
    await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, both, { heldOn: '2026-08-03', durationMinutes: 60 }));
    await call(backend, 'supervision.createMeeting', {
      ...aMeeting(program.supervisorId, both, { heldOn: '2026-08-03', durationMinutes: 90 }),
      attendees: [
        { peerId: program.budi.peerId, userId: null, present: true },
        { peerId: program.citra.peerId, userId: null, present: false },
      ],
    });
    // Last term's meeting is not this term's.
    await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, both, { heldOn: '2026-06-20', durationMinutes: 45 }));
    expect(await cadenceOf(program, program.budi.peerId)).toMatchObject({ meetingsThisTerm: 2, hoursThisTerm: 2.5 });
    expect(await cadenceOf(program, program.citra.peerId)).toMatchObject({ meetingsThisTerm: 1, hoursThisTerm: 1 });
    // The term's own total counts each meeting once, however many peers came.
    expect(await call(backend, 'supervision.cadence', {})).toMatchObject({ term: { id: '2026/2027-1' }, termHeld: { meetings: 2, hours: 2.5 } });
  });

  it('shows a group overdue when its last meeting is more than its frequency ago', async () => {
    const program = await aProgram();
    const group = await budiInAGroup(program, 14);
    await call(program.backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { heldOn: '2026-08-03', groupId: group.id }));
    at(program.backend, program.clock, '2026-08-18T08:00:00');
    const [seen] = (await call(program.backend, 'supervision.groups', {})).groups;
    expect(seen).toMatchObject({ lastMeetingOn: '2026-08-03', nextDueOn: '2026-08-17', overdue: true });
  });
});

describe('supervision meetings', () => {
  async function anOpenCase(program: Program) {
    const flagged = await call(program.backend, 'sessionLogs.create', aLog(program.budi.peerId, { risks: ['family_crisis'], noRisks: false }));
    return { caseId: flagged.flagged!.caseId!, logId: flagged.log.id };
  }

  it('puts a held meeting that discussed a case on the case’s timeline, but not a planned one', async () => {
    const program = await aProgram();
    const { backend } = program;
    const { caseId, logId } = await anOpenCase(program);
    await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { status: 'planned', heldOn: '2026-08-10', durationMinutes: null, caseIds: [caseId] }));
    expect((await call(backend, 'cases.get', { id: caseId })).discussedInSupervision).toEqual([]);
    const { meeting } = await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { caseIds: [caseId], logIds: [logId] }));
    expect(meeting.discussedCases.map((c) => c.id)).toEqual([caseId]);
    expect(meeting.discussedLogs.map((l) => l.id)).toEqual([logId]);
    expect((await call(backend, 'cases.get', { id: caseId })).discussedInSupervision).toEqual([
      { meetingId: meeting.id, heldOn: '2026-08-03', startTime: '13:30', kind: 'group', supervisorName: supervisor.fullName },
    ]);
  });

  it('refuses a held meeting dated before a case it discusses was opened, on its date, also when an edit moves the date', async () => {
    const program = await aProgram();
    const { backend } = program;
    const { caseId } = await anOpenCase(program);
    expect(await failure(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { heldOn: '2026-07-30', caseIds: [caseId] }))).toMatchObject({
      code: 'VALIDATION',
      field: 'heldOn',
      reason: 'before_case_opened',
      params: { caseId },
    });
    const { meeting } = await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { caseIds: [caseId] }));
    expect(
      await failure(backend, 'supervision.updateMeeting', {
        ...aMeeting(program.supervisorId, [program.budi.peerId], { heldOn: '2026-07-30', caseIds: [caseId] }),
        id: meeting.id,
        version: meeting.version,
      }),
    ).toMatchObject({ field: 'heldOn', reason: 'before_case_opened' });
  });

  it('lists an action item on its owner’s dashboard, marks it overdue after its day, and lets the owner tick it off', async () => {
    const program = await aProgram();
    const { backend } = program;
    const { meeting } = await call(
      backend,
      'supervision.createMeeting',
      aMeeting(program.supervisorId, [program.budi.peerId], {
        actionItems: [
          { id: null, text: 'Hubungi wali kelas 8B', ownerPeerId: null, ownerUserId: program.supervisorId, dueOn: '2026-08-07', done: false },
          { id: null, text: 'Latihan menutup sesi', ownerPeerId: program.budi.peerId, ownerUserId: null, dueOn: '2026-08-14', done: false },
        ],
      }),
    );
    expect(meeting.openActionItems).toBe(2);
    await signInAsSupervisor(backend);
    at(backend, program.clock, '2026-08-08T08:00:00');
    const mine = await call(backend, 'actionItems.mine', {});
    expect(mine.items.map((i) => [i.text, i.overdue, i.canTick])).toEqual([['Hubungi wali kelas 8B', true, true]]);
    const { item } = await call(backend, 'actionItems.setDone', { id: mine.items[0]!.id, version: mine.items[0]!.version, done: true });
    expect(item).toMatchObject({ done: true, overdue: false });

    // The peer reads their own item from their account, and cannot tick it.
    await signInAsPeer(backend, budi);
    const own = await call(backend, 'actionItems.mine', {});
    expect(own.items.map((i) => [i.text, i.canTick])).toEqual([['Latihan menutup sesi', false]]);
    expect((await failure(backend, 'actionItems.setDone', { id: own.items[0]!.id, version: 0, done: true })).code).toBe('FORBIDDEN');
  });

  it('refuses a held meeting without its length or dated after today, naming the field', async () => {
    const program = await aProgram();
    expect(await failure(program.backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { durationMinutes: null }))).toMatchObject({
      code: 'VALIDATION',
      field: 'durationMinutes',
      reason: 'required',
    });
    expect(await failure(program.backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { heldOn: '2026-08-04' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'heldOn',
      reason: 'in_future',
    });
    expect(await failure(program.backend, 'supervision.createMeeting', aMeeting(program.supervisorId, []))).toMatchObject({ code: 'VALIDATION', field: 'attendees', reason: 'no_peer' });
    expect(
      await failure(program.backend, 'supervision.createMeeting', {
        ...aMeeting(program.supervisorId, [program.budi.peerId]),
        actionItems: [{ id: null, text: 'x', ownerPeerId: program.budi.peerId, ownerUserId: program.supervisorId, dueOn: '2026-08-10', done: false }],
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'actionItems.0.ownerPeerId', reason: 'one_of' });
  });

  it('records a planned meeting as held later, keeps it held, cancels only planned ones, and refuses a stale edit', async () => {
    const program = await aProgram();
    const { backend } = program;
    const planned = await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { status: 'planned', heldOn: '2026-08-06', durationMinutes: null }));
    expect(planned.meeting.attendees[0]!.present).toBe(false);
    at(backend, program.clock, '2026-08-06T16:00:00');
    const held = await call(backend, 'supervision.updateMeeting', { ...aMeeting(program.supervisorId, [program.budi.peerId], { heldOn: '2026-08-06' }), id: planned.meeting.id, version: planned.meeting.version });
    expect(held.meeting).toMatchObject({ status: 'held', peersPresent: 1 });
    expect(
      await failure(backend, 'supervision.updateMeeting', {
        ...aMeeting(program.supervisorId, [program.budi.peerId], { status: 'planned', heldOn: '2026-08-06' }),
        id: held.meeting.id,
        version: held.meeting.version,
      }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'meeting-held' });
    expect(await failure(backend, 'supervision.cancelMeeting', { id: held.meeting.id, version: held.meeting.version })).toMatchObject({ code: 'CONFLICT', reason: 'meeting-not-planned' });
    expect(
      await failure(backend, 'supervision.updateMeeting', { ...aMeeting(program.supervisorId, [program.budi.peerId], { heldOn: '2026-08-06' }), id: held.meeting.id, version: planned.meeting.version }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'stale' });
  });

  it('refuses saving a meeting form opened before one of its action items was ticked off, so the tick is not undone', async () => {
    const program = await aProgram();
    const { backend } = program;
    const item = { id: null, text: 'Hubungi wali kelas 8B', ownerPeerId: null, ownerUserId: program.supervisorId, dueOn: '2026-08-07', done: false };
    const { meeting } = await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { actionItems: [item] }));
    const saved = meeting.actionItems[0]!;
    await call(backend, 'actionItems.setDone', { id: saved.id, version: saved.version, done: true });
    expect(
      await failure(backend, 'supervision.updateMeeting', {
        ...aMeeting(program.supervisorId, [program.budi.peerId], { notes: 'Ditambah catatan.', actionItems: [{ ...item, id: saved.id }] }),
        id: meeting.id,
        version: meeting.version,
      }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'stale' });
    const again = (await call(backend, 'supervision.meeting', { id: meeting.id })).meeting;
    expect(again.actionItems[0]).toMatchObject({ done: true });
    expect(again.openActionItems).toBe(0);
  });

  it('lets a supervisor record meetings only as themselves and only with the peers they supervise', async () => {
    const program = await aProgram();
    const { backend } = program;
    await signInAsSupervisor(backend);
    const own = await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId], { kind: 'individual' }));
    expect(own.meeting.canEdit).toBe(true);
    expect((await failure(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.citra.peerId]))).code).toBe('FORBIDDEN');
    expect((await failure(backend, 'supervision.createMeeting', aMeeting(program.otherSupervisorId, [program.budi.peerId]))).code).toBe('FORBIDDEN');
    // The meeting form's picker offers her only those peers.
    const offered = await call(backend, 'peers.list', { supervised: true, statuses: [...offeredPeerStatuses.meeting] });
    expect(offered.peers.map((p) => p.fullName)).toEqual([budi.fullName]);

    // Eko does not see Dewi's meeting, nor can he tell it from one that does not exist.
    await signInAsSupervisor(backend, eko);
    expect((await failure(backend, 'supervision.meeting', { id: own.meeting.id })).code).toBe('FORBIDDEN');
    expect((await failure(backend, 'supervision.meeting', { id: 999 })).code).toBe('FORBIDDEN');
    expect((await call(backend, 'supervision.meetings', {})).meetings).toEqual([]);
    await signInAsCoordinator(backend);
    expect((await call(backend, 'supervision.meetings', {})).meetings.map((m) => m.id)).toEqual([own.meeting.id]);
  });

  it('lets a supervisor supervise the members of a group they lead, though the roster names another supervisor', async () => {
    const program = await aProgram();
    const { backend } = program;
    await call(backend, 'supervision.createGroup', { name: 'Kelompok Dewi', supervisorUserId: program.supervisorId, frequencyDays: 14, peerIds: [program.citra.peerId] });
    await signInAsSupervisor(backend);
    const { meeting } = await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.budi.peerId, program.citra.peerId]));
    expect(meeting.peersPresent).toBe(2);
  });

  it('keeps a peer’s changed name on the meetings they attended', async () => {
    const program = await aProgram();
    const { backend } = program;
    const { meeting } = await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [program.citra.peerId]));
    await call(backend, 'peers.update', { id: program.citra.peerId, version: await peerVersion(backend, program.citra.peerId), fullName: 'Citra Ayu Lestari', className: citra.className });
    expect((await call(backend, 'supervision.meeting', { id: meeting.id })).meeting.attendees.map((a) => a.name)).toEqual(['Citra Ayu Lestari']);
  });
});
