import type { OutreachEvent } from '../../../src/contract';
import type { Backend } from '../../../electron/backend/backend';
import { call } from './backend';

export const allCriteria = { trusted: true, listener: true, confidential: true, steady: true, reliable: true, motivated: true };

/**
 * An ordinary day of the peer program, touching every kind of change issue 3
 * adds (life cycle, interview, consent, pledge, an activation override, CSV
 * export and import, curriculum, training records and sessions, outreach).
 * `activePeerId` is an active peer. Returns the texts typed along the way,
 * none of which may reach the audit log.
 */
export async function aDayOfThePeerProgram(backend: Backend, activePeerId: number): Promise<string[]> {
  const secrets = {
    nominee: 'Rahasia Nominee Siswa',
    nominatedBy: 'Rahasia Pengusul',
    nominationReason: 'rahasia alasan nominasi',
    interviewNotes: 'rahasia catatan wawancara',
    guardian: 'Rahasia Ibu Wali',
    formLocation: 'Lemari rahasia BK',
    overrideReason: 'alasan rahasia untuk melewati syarat',
    moduleTitle: 'Modul rahasia',
    trainer: 'Pelatih Rahasia',
    imported: 'Rahasia Siswa Impor',
    outreachTitle: 'Sosialisasi rahasia',
    outreachNotes: 'catatan rahasia sosialisasi',
  };
  let { peer } = await call(backend, 'peers.create', {
    fullName: secrets.nominee,
    className: '9A',
    nomination: { source: 'student', nominatedBy: secrets.nominatedBy, nominatedOn: '2026-07-15', reason: secrets.nominationReason },
  });
  ({ peer } = await call(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'interviewing' }));
  ({ peer } = await call(backend, 'peers.recordInterview', {
    id: peer.id,
    version: peer.version,
    interviewedOn: '2026-07-20',
    interviewer: 'Guru BK',
    criteria: allCriteria,
    notes: secrets.interviewNotes,
    decision: 'selected',
  }));
  ({ peer } = await call(backend, 'peers.recordConsent', {
    id: peer.id,
    version: peer.version,
    consentOn: '2026-07-22',
    guardianName: secrets.guardian,
    relationship: 'mother',
    formLocation: secrets.formLocation,
  }));
  ({ peer } = await call(backend, 'peers.recordPledge', { id: peer.id, version: peer.version, pledgeOn: '2026-07-23' }));
  ({ peer } = await call(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'selected' }));
  ({ peer } = await call(backend, 'peers.transition', { id: peer.id, version: peer.version, to: 'in_training' }));
  ({ peer } = await call(backend, 'peers.transition', {
    id: peer.id,
    version: peer.version,
    to: 'active',
    override: true,
    reason: secrets.overrideReason,
  }));

  const { module } = await call(backend, 'training.createModule', {
    titleId: secrets.moduleTitle,
    titleEn: '',
    descriptionId: '',
    descriptionEn: '',
    hours: 1,
    required: false,
    refresherMonths: null,
  });
  const edited = await call(backend, 'training.updateModule', {
    id: module.id,
    version: module.version,
    titleId: `${secrets.moduleTitle} 2`,
    titleEn: '',
    descriptionId: '',
    descriptionEn: '',
    hours: 1.5,
    required: false,
    refresherMonths: 12,
  });
  const retired = await call(backend, 'training.setModuleRetired', { id: module.id, version: edited.module.version, retired: true });
  await call(backend, 'training.setModuleRetired', { id: module.id, version: retired.module.version, retired: false });
  await call(backend, 'training.recordGroupSession', {
    moduleId: 1,
    heldOn: '2026-07-25',
    hours: 2,
    trainer: secrets.trainer,
    notes: '',
    attendees: [
      { peerId: activePeerId, completed: true, score: 80 },
      { peerId: peer.id, completed: true, score: null },
    ],
  });
  const { recordId } = await call(backend, 'training.addRecord', {
    peerId: activePeerId,
    moduleId: 2,
    attendedOn: '2026-07-26',
    hours: 3,
    trainer: secrets.trainer,
    completed: false,
    score: null,
  });
  await call(backend, 'training.deleteRecord', { id: recordId });
  const current = await call(backend, 'peers.get', { id: activePeerId });
  await call(backend, 'training.setKnowledgeScores', { peerId: activePeerId, version: current.peer.version, knowledgePre: 55, knowledgePost: 85 });

  await call(backend, 'peers.exportCsv', { language: 'id' });
  await call(backend, 'peers.importCommit', { csv: `Nama,Kelas\n${secrets.imported},9B\n` });

  const { event } = await call(backend, 'outreach.create', {
    heldOn: '2026-08-01',
    kind: 'class_visit',
    title: secrets.outreachTitle,
    audience: '9A',
    reached: 32,
    notes: secrets.outreachNotes,
    peerIds: [activePeerId],
  });
  await call(backend, 'outreach.update', { ...eventFields(event), id: event.id, version: event.version, reached: 30 });
  await call(backend, 'outreach.delete', { id: event.id });
  return Object.values(secrets);
}

function eventFields(event: OutreachEvent) {
  return {
    heldOn: event.heldOn,
    kind: event.kind,
    title: event.title,
    audience: event.audience,
    reached: event.reached,
    notes: event.notes,
    peerIds: event.peers.map((p) => p.id),
  };
}
