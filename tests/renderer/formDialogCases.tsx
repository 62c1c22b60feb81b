import type { ReactElement } from 'react';
import type {
  CaseDetail,
  MethodInput,
  MethodName,
  MethodOutput,
  Peer,
  PeerEvaluation,
  PeerProfile,
  Referral,
  ReferralService,
  RosterEntry,
  SessionLog,
  SupervisionGroup,
  TrainingModule,
  UserSummary,
} from '../../src/contract';
import { ReassignModal, ReferralModal, ReferralStatusModal, TransitionModal as CaseTransitionModal } from '../../src/features/cases/CaseDialogs';
import { DecisionModal } from '../../src/features/cases/DecisionModal';
import { ServiceFormModal } from '../../src/features/cases/DirectoryPanel';
import { OpenCaseModal } from '../../src/features/cases/OpenCaseModal';
import { EvaluationModal } from '../../src/features/evaluation/EvaluationForm';
import { RecordOutcomeModal } from '../../src/features/evaluation/Outcomes';
import { OutreachFormModal } from '../../src/features/outreach/OutreachFormModal';
import { ConsentModal, PledgeModal } from '../../src/features/peers/ConsentPledgeModals';
import { InterviewModal } from '../../src/features/peers/InterviewModal';
import { PeerFormModal } from '../../src/features/peers/PeerFormModal';
import { AddRecordModal, KnowledgeScoresModal } from '../../src/features/peers/TrainingModals';
import { TransitionModal as PeerTransitionModal } from '../../src/features/peers/TransitionModal';
import { ApproveWithNoteModal, ReturnModal } from '../../src/features/sessions/SessionLogPage';
import { GroupModal } from '../../src/features/supervision/GroupsPanel';
import { GroupSessionModal } from '../../src/features/training/GroupSessionModal';
import { ModuleFormModal } from '../../src/features/training/ModuleFormModal';
import { AddPeerAccountModal, AddStaffModal, SetPinModal } from '../../src/features/users/UserForms';
import { sampleModule, sampleSettings, sampleSupervisionOptions } from './formTestSupport';

/** What the fake backend answers, per method, typed by the contract. */
export type Answers = { [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> };

/**
 * One dialog that holds a form (tests/support/formDialogs.ts finds them in the source), as
 * tests/renderer/everyFormDialog.test.tsx drives it.
 */
export interface DialogCase {
  /** The component's name and file, as the finder reports them. */
  name: string;
  file: string;
  /** The dialog, open on a realistic record; `onClose` is what its Cancel, X and Escape end in. */
  render(onClose: () => void): ReactElement;
  /** The backend's answers to what the dialog asks for as it opens (pickers' lists, settings, options): exactly those methods. */
  answers?: Answers;
  /** The label of the field to type into, when it is not the first plain text field (a date, a number, a PIN). */
  field?: string;
  /** What to type there, when not words (a number, a date, a PIN). */
  text?: string;
  /** What the form keeps for that text, when not the text itself (a date typed day first is kept as YYYY-MM-DD). */
  stored?: string;
  /**
   * While its data has not come: `typeable` (the data fills no field the person types in, so typing
   * goes on and must survive the answer) or `disabled` (LoadingFieldset: nothing can be typed over
   * values about to appear). Default `typeable`.
   */
  whileLoading?: 'typeable' | 'disabled';
  /**
   * Where its props hold the record it was opened on, with that record's `version` (`'detail.case'`,
   * `'profile.peer'`, `'modules.0'`), or null when no prop holds a version (a new record, a choice of
   * one). The refetch test hands the dialog that record at version+1, as its page does when a
   * refetch brings a newer one; for null, a test checks that no prop holds a version.
   */
  record: string | null;
  /** The dialog open on an existing record, for the refetch test, when `render` opens it on a new one; `record` is its path. */
  editing?(onClose: () => void): ReactElement;
}

const noop = () => undefined;
const asyncNoop = async () => undefined;
const at = '2026-07-14T08:00:00.000Z';

const peer: Peer = { id: 7, fullName: 'Rina Kartika', className: '8B', status: 'in_training', supervisorUserId: 2, version: 4, createdAt: at, updatedAt: at };

const rosterEntry = (id: number, fullName: string, className: string): RosterEntry => ({
  id,
  fullName,
  className,
  status: 'active',
  supervisorUserId: 2,
  version: 1,
  createdAt: at,
  updatedAt: at,
  statusSince: at,
  supervisorName: 'Bu Sari',
  consent: true,
  pledge: true,
  trained: true,
  trainedOn: '2026-06-30',
  requiredDone: 3,
  requiredTotal: 3,
  trainingHours: 6,
  refreshers: [],
});

/** The peers a picker finds, whatever was typed. */
const peersFound = (): MethodOutput<'peers.list'> => {
  const peers = [rosterEntry(11, 'Dimas Pratama', '9A'), rosterEntry(12, 'Ayu Lestari', '8C')];
  return { peers, total: peers.length };
};

const assignees = (): MethodOutput<'cases.assignees'> => ({
  assignees: [
    { id: 2, fullName: 'Bu Sari', role: 'coordinator' },
    { id: 3, fullName: 'Pak Budi', role: 'supervisor' },
  ],
});


const profile: PeerProfile = {
  peer,
  supervisorName: 'Bu Sari',
  nomination: { source: 'staff', nominatedBy: 'Pak Budi', nominatedOn: '2026-06-02', reason: 'Classmates come to her.' },
  interview: null,
  consent: null,
  pledgeOn: '2026-07-20',
  history: [],
  training: {
    trained: false,
    trainedOn: null,
    requiredDone: 1,
    requiredTotal: 3,
    hours: 2,
    modules: [sampleModule(1, 'Active listening', true), sampleModule(2, 'Empathy', false), sampleModule(3, 'Confidentiality and its limits', false)],
    records: [],
    knowledgePre: null,
    knowledgePost: null,
  },
  activation: { ready: false, missing: ['consent', 'training'], missingModuleIds: [2, 3] },
};

const referral: Referral = {
  id: 31,
  caseId: 21,
  helpSeekerCode: 'HS-0042',
  serviceId: 5,
  serviceName: 'Puskesmas Kecamatan',
  serviceKind: 'health_centre',
  organisation: 'Dinas Kesehatan',
  phone: '0274 555 010',
  referredOn: '2026-07-10',
  reason: 'Sleeps badly since the move.',
  consentBy: 'Ibu Wati (mother)',
  consentOn: '2026-07-10',
  overrideReason: null,
  status: 'pending',
  followUpOn: '2026-07-24',
  followUpOverdue: false,
  createdByName: 'Bu Sari',
  createdAt: at,
  version: 1,
  updatedAt: at,
};

export const caseDetail: CaseDetail = {
  case: {
    id: 21,
    helpSeekerId: 42,
    helpSeekerCode: 'HS-0042',
    severity: 'high',
    status: 'open',
    origin: 'risk_screen',
    assignedUserId: 2,
    assignedName: 'Bu Sari',
    peerNames: ['Rina Kartika'],
    openedAt: at,
    dueAt: '2026-07-17T08:00:00.000Z',
    overdue: false,
    closedAt: null,
    outcome: null,
    lastEventAt: at,
    version: 3,
  },
  helpSeeker: { id: 42, code: 'HS-0042', identityAllowed: true },
  logCount: 1,
  timeline: [],
  discussedInSupervision: [],
  referrals: [referral],
  allowedTransitions: ['in_review', 'monitoring', 'referred', 'closed'],
  canAct: true,
  canReassign: true,
  escalationProtocol: 'Call the counselor, then the parents.',
};

const service: ReferralService = {
  id: 5,
  kind: 'health_centre',
  name: 'Puskesmas Kecamatan',
  organisation: 'Dinas Kesehatan',
  phone: '0274 555 010',
  notes: '',
  archived: false,
  version: 2,
  updatedAt: at,
};

export const sessionLog: SessionLog = {
  id: 55,
  peerId: 7,
  peerName: 'Rina Kartika',
  helpSeekerId: 42,
  helpSeekerCode: 'HS-0042',
  heldOn: '2026-07-13',
  startTime: '10:15',
  mode: 'in_person',
  topics: ['friendship'],
  risks: [],
  concern: 'low',
  severity: null,
  status: 'submitted',
  enteredByStaff: false,
  submittedAt: at,
  updatedAt: at,
  followUpOn: null,
  durationMinutes: 30,
  groupSize: null,
  summary: 'Talked about a falling-out with a friend.',
  actions: 'Meet again next week.',
  noRisks: true,
  enteredByName: null,
  createdAt: at,
  approvedAt: null,
  approvedByName: null,
  version: 2,
  reviews: [],
  addenda: [],
  cases: [],
  peerHasAccount: true,
  canEdit: false,
  canReview: true,
  canReturn: true,
  canAddAddendum: true,
};

const group: SupervisionGroup = {
  id: 8,
  name: 'Tuesday group',
  supervisorUserId: 3,
  supervisorName: 'Pak Budi',
  frequencyDays: 14,
  archived: false,
  members: [{ peerId: 7, fullName: 'Rina Kartika', className: '8B', status: 'active' }],
  lastMeetingOn: '2026-07-07',
  nextDueOn: '2026-07-21',
  overdue: false,
  plannedOn: null,
  version: 5,
};

const trainingModule: TrainingModule = {
  id: 2,
  titleId: 'Empati',
  titleEn: 'Empathy',
  descriptionId: '',
  descriptionEn: 'Hearing what is meant.',
  hours: 2,
  required: true,
  refresherMonths: 12,
  position: 2,
  retired: false,
  retiredAt: null,
  version: 3,
  createdAt: at,
  updatedAt: at,
};

const evaluation: PeerEvaluation = {
  id: 17,
  peerId: 7,
  peerName: 'Rina Kartika',
  evaluatedOn: '2026-07-13',
  evaluatorUserId: 2,
  evaluatorName: 'Bu Sari',
  scores: { active_listening: 3, empathy: 4, confidentiality: 3, limits_and_referral: 2, record_keeping: 3, reliability: 3 },
  average: 3,
  comments: 'Listens well; tells her supervisor late.',
  termId: '2026/2027-1',
  canEdit: true,
  version: 2,
  updatedAt: at,
};

const peerAccount: UserSummary = {
  id: 14,
  username: 'rina',
  fullName: 'Rina Kartika',
  role: 'peer',
  status: 'active',
  peerId: 7,
  peerName: 'Rina Kartika',
  mustChangePassword: false,
  lastSignInAt: null,
  createdAt: at,
};

/** Every dialog with a form, once. The coverage test holds this list to what the finder sees in src/features. */
export const dialogCases: DialogCase[] = [
  {
    name: 'TransitionModal',
    file: 'src/features/cases/CaseDialogs.tsx',
    record: 'detail.case',
    render: (onClose) => <CaseTransitionModal detail={caseDetail} opened onClose={onClose} onSaved={noop} />,
  },
  {
    name: 'DecisionModal',
    file: 'src/features/cases/DecisionModal.tsx',
    record: 'detail.case',
    render: (onClose) => <DecisionModal detail={caseDetail} opened onClose={onClose} onSaved={noop} />,
  },
  {
    name: 'ReassignModal',
    file: 'src/features/cases/CaseDialogs.tsx',
    record: 'detail.case',
    render: (onClose) => <ReassignModal detail={caseDetail} opened onClose={onClose} onDone={noop} />,
    answers: { 'cases.assignees': assignees },
  },
  {
    name: 'ReferralModal',
    file: 'src/features/cases/CaseDialogs.tsx',
    record: 'detail.case',
    render: (onClose) => <ReferralModal detail={caseDetail} opened onClose={onClose} onSaved={noop} />,
    answers: { 'referrals.services': () => ({ services: [service] }) },
  },
  {
    name: 'ReferralStatusModal',
    file: 'src/features/cases/CaseDialogs.tsx',
    record: 'referral',
    render: (onClose) => <ReferralStatusModal referral={referral} onClose={onClose} onSaved={noop} />,
  },
  {
    name: 'ServiceFormModal',
    file: 'src/features/cases/DirectoryPanel.tsx',
    record: 'service',
    render: (onClose) => <ServiceFormModal service={service} opened onClose={onClose} onSaved={noop} />,
  },
  {
    name: 'OpenCaseModal',
    file: 'src/features/cases/OpenCaseModal.tsx',
    record: null,
    render: (onClose) => <OpenCaseModal opening={{ kind: 'open', helpSeekerId: 42, code: 'HS-0042' }} onClose={onClose} onOpened={noop} />,
    answers: { 'cases.assignees': assignees },
  },
  {
    name: 'EvaluationModal',
    file: 'src/features/evaluation/EvaluationForm.tsx',
    record: 'target.evaluation',
    render: (onClose) => <EvaluationModal target={{ evaluation: null }} onClose={onClose} onSaved={noop} />,
    editing: (onClose) => <EvaluationModal target={{ evaluation }} onClose={onClose} onSaved={noop} />,
    answers: { 'peers.list': peersFound },
  },
  {
    name: 'RecordOutcomeModal',
    file: 'src/features/evaluation/Outcomes.tsx',
    record: null,
    render: (onClose) => <RecordOutcomeModal opened helpSeeker={null} onClose={onClose} onSaved={noop} />,
    answers: {
      'helpSeekers.list': () => ({
        helpSeekers: [{ id: 42, code: 'HS-0042', createdAt: at, logs: 2, lastSessionOn: '2026-07-13', openCases: 1, hasIdentity: false }],
        total: 1,
      }),
    },
    // Its answers are choices (radio cards); the day it was measured is the one field typed.
    field: 'Date answered',
    text: '13/07/2026',
    stored: '2026-07-13',
  },
  {
    name: 'OutreachFormModal',
    file: 'src/features/outreach/OutreachFormModal.tsx',
    record: null,
    render: (onClose) => <OutreachFormModal event={null} opened onClose={onClose} onSaved={noop} />,
    answers: { 'peers.list': peersFound },
  },
  {
    name: 'ConsentModal',
    file: 'src/features/peers/ConsentPledgeModals.tsx',
    record: 'peer',
    render: (onClose) => <ConsentModal peer={peer} consent={null} opened onClose={onClose} onSaved={noop} />,
  },
  {
    name: 'PledgeModal',
    file: 'src/features/peers/ConsentPledgeModals.tsx',
    record: 'peer',
    render: (onClose) => <PledgeModal peer={peer} pledgeOn={null} opened onClose={onClose} onSaved={noop} />,
    field: 'Date the pledge was signed',
    text: '17/08/2026',
    stored: '2026-08-17',
  },
  {
    name: 'InterviewModal',
    file: 'src/features/peers/InterviewModal.tsx',
    record: 'peer',
    render: (onClose) => <InterviewModal peer={peer} interview={null} opened onClose={onClose} onSaved={noop} />,
  },
  {
    name: 'PeerFormModal',
    file: 'src/features/peers/PeerFormModal.tsx',
    record: 'profile.peer',
    render: (onClose) => <PeerFormModal profile={profile} opened onClose={onClose} onSaved={noop} />,
    answers: {
      'settings.get': () => ({ ...sampleSettings(), terms: [] }),
      'users.list': () => ({
        users: [
          { id: 2, username: 'sari', fullName: 'Bu Sari', role: 'coordinator', status: 'active', peerId: null, peerName: null, mustChangePassword: false, lastSignInAt: at, createdAt: at },
          { id: 3, username: 'budi', fullName: 'Pak Budi', role: 'supervisor', status: 'active', peerId: null, peerName: null, mustChangePassword: false, lastSignInAt: at, createdAt: at },
        ],
        total: 2,
      }),
    },
  },
  {
    name: 'AddRecordModal',
    file: 'src/features/peers/TrainingModals.tsx',
    record: 'peer',
    render: (onClose) => <AddRecordModal peer={peer} modules={profile.training.modules} opened onClose={onClose} onSaved={noop} />,
  },
  {
    name: 'KnowledgeScoresModal',
    file: 'src/features/peers/TrainingModals.tsx',
    record: 'peer',
    render: (onClose) => <KnowledgeScoresModal peer={peer} scores={{ knowledgePre: null, knowledgePost: null }} opened onClose={onClose} onSaved={noop} />,
    // Two scores, numbers only.
    field: 'Before training',
    text: '87',
  },
  {
    name: 'TransitionModal',
    file: 'src/features/peers/TransitionModal.tsx',
    record: 'profile.peer',
    render: (onClose) => <PeerTransitionModal profile={profile} opened onClose={onClose} onSaved={noop} />,
  },
  {
    name: 'ReturnModal',
    file: 'src/features/sessions/SessionLogPage.tsx',
    record: 'log',
    render: (onClose) => <ReturnModal log={sessionLog} opened onClose={onClose} onDone={noop} />,
  },
  {
    name: 'ApproveWithNoteModal',
    file: 'src/features/sessions/SessionLogPage.tsx',
    record: 'log',
    render: (onClose) => <ApproveWithNoteModal log={{ ...sessionLog, enteredByStaff: true, peerHasAccount: false, canEdit: true, canReturn: false }} opened onClose={onClose} onDone={noop} />,
  },
  {
    name: 'GroupModal',
    file: 'src/features/supervision/GroupsPanel.tsx',
    record: 'group',
    render: (onClose) => <GroupModal group={group} opened onClose={onClose} onSaved={noop} />,
    answers: {
      'supervision.formOptions': sampleSupervisionOptions,
      'peers.list': peersFound,
    },
  },
  {
    name: 'GroupSessionModal',
    file: 'src/features/training/GroupSessionModal.tsx',
    record: 'modules.0',
    render: (onClose) => <GroupSessionModal modules={[trainingModule]} opened onClose={onClose} onSaved={noop} />,
    answers: { 'peers.list': peersFound },
  },
  {
    name: 'ModuleFormModal',
    file: 'src/features/training/ModuleFormModal.tsx',
    record: 'module',
    render: (onClose) => <ModuleFormModal module={trainingModule} opened onClose={onClose} onSaved={noop} />,
    answers: {
      'training.moduleHistory': () => ({
        revisions: [{ id: 1, change: 'created', changedAt: at, changedByName: 'Bu Sari', titleId: 'Empati', titleEn: 'Empathy', hours: 2, required: true, refresherMonths: 12 }],
      }),
    },
  },
  {
    name: 'AddStaffModal',
    file: 'src/features/users/UserForms.tsx',
    record: null,
    render: (onClose) => <AddStaffModal opened onClose={onClose} onCreated={asyncNoop} />,
  },
  {
    name: 'AddPeerAccountModal',
    file: 'src/features/users/UserForms.tsx',
    record: null,
    render: (onClose) => <AddPeerAccountModal opened anyPeer onClose={onClose} onCreated={asyncNoop} />,
    answers: { 'peers.list': peersFound },
  },
  {
    name: 'SetPinModal',
    file: 'src/features/users/UserForms.tsx',
    record: null,
    render: (onClose) => <SetPinModal user={peerAccount} onClose={onClose} onSaved={asyncNoop} />,
    field: 'PIN',
    text: '482913',
  },
];
