import type { Backend } from '../../../electron/backend/backend';
import { call, coordinator } from './backend';
import { aLog, asUpdate } from './sessions';

/**
 * An ordinary day of sessions and cases, touching every kind of change issue 4
 * adds: a peer's draft, edit, discarded draft and submit with a ticked risk
 * item (a new help-seeker with an identity, an automatic case); a paper log
 * that joins the case and raises it; review (return, approve, escalate) and an
 * addendum; the case viewed, noted, moved and reassigned; the referral
 * directory and a referral with its status; an identity revealed; a search.
 * The coordinator must be signed in, and is again at the end. Returns the
 * texts typed along the way, none of which may reach the audit log.
 */
export async function aDayOfSessionsAndCases(
  backend: Backend,
  options: { peer: { peerId: number; username: string; pin: string }; supervisorId: number },
): Promise<string[]> {
  const secrets = {
    identityName: 'Rahasia Nama Pencari Bantuan',
    identityContact: '0812-rahasia',
    summary: 'rahasia cerita tentang rumah',
    actions: 'rahasia yang dilakukan',
    returnComment: 'rahasia komentar pengembalian',
    escalationNote: 'rahasia catatan eskalasi',
    addendum: 'rahasia tambahan catatan',
    caseNote: 'rahasia catatan kasus',
    reassignNote: 'rahasia alasan pindah',
    serviceName: 'Layanan Rahasia',
    referralReason: 'rahasia alasan rujukan',
    consentBy: 'Ibu Rahasia',
    searched: 'rahasiacari',
  };
  const { peerId } = options.peer;
  const text = { summary: secrets.summary, actions: secrets.actions };

  // The peer at the office PC.
  await call(backend, 'session.handOverToPeer', {});
  await call(backend, 'session.peerSignIn', { username: options.peer.username, pin: options.peer.pin });
  const identity = { fullName: secrets.identityName, className: '8C', contact: secrets.identityContact, parentContact: '' };
  const draft = await call(backend, 'sessionLogs.create', aLog(peerId, { ...text, newHelpSeeker: { identity }, submit: false }));
  const edited = await call(backend, 'sessionLogs.update', asUpdate(draft.log, { durationMinutes: 40 }));
  const spare = await call(backend, 'sessionLogs.create', aLog(peerId, { ...text, submit: false }));
  await call(backend, 'sessionLogs.discardDraft', { id: spare.log.id, version: spare.log.version });
  const flagged = await call(backend, 'sessionLogs.update', asUpdate(edited.log, { risks: ['family_crisis'], noRisks: false, submit: true }));
  await call(backend, 'session.lock', {});
  await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });

  // Paper forms, entered by the coordinator: one joins the case and raises it.
  const helpSeekerId = flagged.log.helpSeekerId;
  const serious = await call(backend, 'sessionLogs.create', aLog(peerId, { ...text, helpSeekerId, newHelpSeeker: undefined, risks: ['self_harm_or_suicide'], noRisks: false }));
  const caseId = serious.flagged!.caseId!;
  const toReturn = await call(backend, 'sessionLogs.create', aLog(peerId, text));
  await call(backend, 'sessionLogs.return', { id: toReturn.log.id, version: toReturn.log.version, comment: secrets.returnComment });
  const approved = await call(backend, 'sessionLogs.approve', { id: flagged.log.id, version: (await call(backend, 'sessionLogs.get', { id: flagged.log.id })).log.version });
  await call(backend, 'sessionLogs.addAddendum', { id: approved.log.id, text: secrets.addendum });
  const toEscalate = await call(backend, 'sessionLogs.create', aLog(peerId, { ...text, concern: 'high' }));
  await call(backend, 'sessionLogs.escalate', {
    id: toEscalate.log.id,
    version: toEscalate.log.version,
    severity: 'high',
    assignedUserId: options.supervisorId,
    note: secrets.escalationNote,
  });

  // The case.
  let detail = await call(backend, 'cases.get', { id: caseId });
  detail = await call(backend, 'cases.addNote', { id: caseId, kind: 'note', text: secrets.caseNote });
  detail = await call(backend, 'cases.transition', { id: caseId, version: detail.case.version, to: 'in_review', note: '' });
  const coordinatorId = (await call(backend, 'app.status', {})).user!.userId;
  const handTo = detail.case.assignedUserId === options.supervisorId ? coordinatorId : options.supervisorId;
  await call(backend, 'cases.reassign', { id: caseId, version: detail.case.version, assignedUserId: handTo, note: secrets.reassignNote });
  const serviceFields = { kind: 'psychologist' as const, name: secrets.serviceName, organisation: '', phone: '', notes: '' };
  const { service } = await call(backend, 'referrals.createService', serviceFields);
  await call(backend, 'referrals.updateService', { ...serviceFields, phone: '021-000', archived: false, id: service.id, version: service.version });
  detail = await call(backend, 'referrals.create', {
    caseId,
    serviceId: service.id,
    referredOn: '2026-08-03',
    reason: secrets.referralReason,
    consent: { by: secrets.consentBy, on: '2026-08-03' },
    overrideReason: null,
    followUpOn: '2026-08-10',
  });
  const referral = detail.referrals[0]!;
  await call(backend, 'referrals.setStatus', { id: referral.id, version: referral.version, to: 'accepted', note: '' });
  await call(backend, 'helpSeekers.revealIdentity', { id: helpSeekerId! });
  await call(backend, 'search.text', { query: secrets.searched });
  return Object.values(secrets);
}
