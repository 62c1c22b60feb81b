import type { MethodInput } from '../../../src/contract';
import type { Backend } from '../../../electron/backend/backend';
import { call, giveFeedback, type TestClock } from './backend';

/** Moves the test clock to a moment (local time when no zone is given) and counts it as activity, so the vault does not idle-lock. */
export function at(backend: Backend, clock: TestClock, moment: string): void {
  clock.set(new Date(moment));
  backend.session.touch();
}

/** A held group meeting led by `supervisorUserId` with these peers present; override what a test needs. */
export function aMeeting(
  supervisorUserId: number,
  peerIds: number[],
  overrides: Partial<MethodInput<'supervision.createMeeting'>> = {},
): MethodInput<'supervision.createMeeting'> {
  return {
    status: 'held',
    kind: 'group',
    heldOn: '2026-08-03',
    startTime: '13:30',
    durationMinutes: 60,
    groupId: null,
    supervisorUserId,
    attendees: peerIds.map((peerId) => ({ peerId, userId: null, present: true })),
    topics: ['Batas peran'],
    caseIds: [],
    logIds: [],
    notes: 'Membahas cara menutup sesi dengan hangat.',
    actionItems: [],
    ...overrides,
  };
}

/** Five answers of the WHO-5 that add up to `raw` (0–25). */
export function who5Answers(raw: number): Array<{ item: string; score: number }> {
  const keys = ['cheerful', 'calm', 'active', 'rested', 'interested'];
  return keys.map((item, i) => ({ item, score: Math.floor(raw / 5) + (i < raw % 5 ? 1 : 0) }));
}

/**
 * An ordinary day of supervision and evaluation, touching every kind of change
 * issue 5 adds: a group made and changed, a meeting planned and cancelled,
 * one recorded with a case, a log and an action item, then corrected; the
 * item ticked off and opened again; a peer evaluated and the evaluation
 * corrected; WHO-5 measured twice and one measurement removed; feedback; the
 * term report exported. A coordinator must be signed in. Returns the texts
 * typed along the way, none of which may reach the audit log.
 */
export async function aDayOfSupervision(
  backend: Backend,
  options: { peerId: number; supervisorId: number; caseId: number; logId: number; helpSeekerId: number },
): Promise<string[]> {
  const secrets = {
    groupName: 'Kelompok Rahasia Melati',
    topic: 'rahasia topik supervisi',
    notes: 'rahasia catatan supervisi',
    action: 'rahasia tindak lanjut',
    comments: 'rahasia komentar penilaian',
    feedback: 'rahasia komentar siswa',
  };
  const { peerId, supervisorId } = options;
  const { group } = await call(backend, 'supervision.createGroup', { name: secrets.groupName, supervisorUserId: supervisorId, frequencyDays: 14, peerIds: [peerId] });
  await call(backend, 'supervision.updateGroup', { id: group.id, version: group.version, name: secrets.groupName, supervisorUserId: supervisorId, frequencyDays: 7, peerIds: [peerId], archived: false });
  const planned = await call(backend, 'supervision.createMeeting', aMeeting(supervisorId, [peerId], { status: 'planned', heldOn: '2026-08-20', durationMinutes: null }));
  await call(backend, 'supervision.cancelMeeting', { id: planned.meeting.id, version: planned.meeting.version });
  const held = await call(
    backend,
    'supervision.createMeeting',
    aMeeting(supervisorId, [peerId], {
      groupId: group.id,
      topics: [secrets.topic],
      notes: secrets.notes,
      caseIds: [options.caseId],
      logIds: [options.logId],
      actionItems: [{ id: null, text: secrets.action, ownerPeerId: null, ownerUserId: supervisorId, dueOn: '2026-08-10', done: false }],
    }),
  );
  const { meeting } = await call(backend, 'supervision.updateMeeting', {
    ...aMeeting(supervisorId, [peerId], { groupId: group.id, topics: [secrets.topic], notes: `${secrets.notes} 2`, caseIds: [options.caseId], logIds: [options.logId] }),
    actionItems: held.meeting.actionItems.map((item) => ({ id: item.id, text: item.text, ownerPeerId: null, ownerUserId: supervisorId, dueOn: item.dueOn, done: false })),
    id: held.meeting.id,
    version: held.meeting.version,
  });
  const item = meeting.actionItems[0]!;
  const ticked = await call(backend, 'actionItems.setDone', { id: item.id, version: item.version, done: true });
  await call(backend, 'actionItems.setDone', { id: item.id, version: ticked.item.version, done: false });

  const scores = { active_listening: 3, empathy: 4, confidentiality: 4, limits_and_referral: 3, record_keeping: 2, reliability: 3 };
  const { evaluation } = await call(backend, 'evaluations.create', { peerId, evaluatedOn: '2026-08-03', scores, comments: secrets.comments });
  await call(backend, 'evaluations.update', { id: evaluation.id, version: evaluation.version, evaluatedOn: '2026-08-03', scores: { ...scores, record_keeping: 3 }, comments: secrets.comments });

  await call(backend, 'outcomes.record', { helpSeekerId: options.helpSeekerId, instrument: 'who5', occasion: 'first_contact', measuredOn: '2026-08-03', answers: who5Answers(11) });
  const { outcome } = await call(backend, 'outcomes.record', { helpSeekerId: options.helpSeekerId, instrument: 'who5', occasion: 'follow_up', measuredOn: '2026-08-03', answers: who5Answers(16) });
  await call(backend, 'outcomes.delete', { id: outcome.measures.at(-1)!.id });
  await giveFeedback(backend, { helpful: 5, feltHeard: 4, wouldRecommend: 5, comment: secrets.feedback });
  await call(backend, 'reports.exportCsv', { termId: '2026/2027-1', language: 'id' });
  await call(backend, 'reports.exportPdf', { termId: '2026/2027-1', language: 'en' });
  return Object.values(secrets);
}
