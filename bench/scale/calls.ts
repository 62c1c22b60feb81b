import type { MethodName } from '../../src/contract';
import { searchTerms } from './seed';

/** Ids in the built vault that the screens' calls need; found after it is opened (measure.ts `findFixtures`). */
export interface Fixtures {
  /** The open case with the most logs (the long case of seed.ts). */
  bigCaseId: number;
  /** The newest open case, with one or two logs. */
  recentCaseId: number;
  /** The newest approved log, and its peer. */
  logId: number;
  logPeerId: number;
  /** The active peer with the most logs. */
  busyPeerId: number;
  /** The help-seeker of the long case: the most sessions and outcomes. */
  busyHelpSeekerId: number;
  /** The newest held supervision meeting. */
  meetingId: number;
  currentTermId: string;
  /** The last half-year that has ended (every figure of a full term). */
  lastFullTermId: string;
  /** An audit entry about a tenth of the way into the chain: the page a coordinator reaches by scrolling far back. */
  deepAuditId: number;
}

export interface ScreenCall {
  /** Where the renderer makes the call (src/features/…), and on what. */
  screen: string;
  method: MethodName;
  /**
   * What the renderer sends. `unknown`, not the contract's input type, on purpose: while the
   * contract changes (paging is being added to the lists), a call it refuses prints
   * `input refused: …` in its row instead of stopping the bench or its type check.
   */
  input: unknown | ((f: Fixtures) => unknown);
  /** Who calls it; the coordinator unless said. */
  as?: 'coordinator' | 'supervisor';
  /** The array counted as the call's rows, when it is not the first array in the result. */
  rows?: string;
}

/**
 * Every screen's calls, on opening and on its common clicks, as the renderer
 * makes them today (read from src/features/**). One table, so a change of
 * the contract is one edit here. A call used by several screens is listed once,
 * under the first of them.
 */
export const screenCalls: ScreenCall[] = [
  // After unlock, on every screen (stores/session.ts, shell/useIdleLock.ts, backups/BackupReminder.tsx)
  { screen: 'shell', method: 'app.status', input: {} },
  { screen: 'shell', method: 'drafts.list', input: {} },
  { screen: 'shell: idle ping', method: 'session.heartbeat', input: {} },
  { screen: 'shell: backup reminder', method: 'backups.overview', input: {} },
  // dashboard/DashboardPage.tsx, cases/CasesDashboard.tsx, supervision/SupervisionDashboard.tsx
  { screen: 'dashboard', method: 'today.list', input: {} },
  { screen: 'dashboard', method: 'dashboard.summary', input: {} },
  { screen: 'dashboard', method: 'cases.dashboard', input: {} },
  { screen: 'dashboard', method: 'actionItems.mine', input: {} },
  { screen: 'dashboard / supervision', method: 'supervision.cadence', input: {} },
  // sessions/SessionsPage.tsx: the tabs and the status filter
  { screen: 'sessions: review queue', method: 'sessionLogs.reviewQueue', input: { offset: 0 } },
  { screen: 'sessions: queue badge', method: 'sessionLogs.reviewQueue', input: { limit: 1 } },
  { screen: 'sessions: all logs', method: 'sessionLogs.list', input: { sort: 'heldOn', direction: 'desc', offset: 0 } },
  { screen: 'sessions: all logs, page 2', method: 'sessionLogs.list', input: { sort: 'heldOn', direction: 'desc', offset: 50 } },
  { screen: 'sessions: all logs, page 100', method: 'sessionLogs.list', input: { sort: 'heldOn', direction: 'desc', offset: 4950 } },
  { screen: 'sessions: all logs, oldest first', method: 'sessionLogs.list', input: { sort: 'heldOn', direction: 'asc', offset: 0 } },
  { screen: 'sessions: all logs, by submission', method: 'sessionLogs.list', input: { sort: 'submittedAt', direction: 'desc', offset: 0 } },
  { screen: 'sessions: all logs, a peer by name', method: 'sessionLogs.list', input: { text: 'Budi', sort: 'heldOn', direction: 'desc', offset: 0 } },
  { screen: 'sessions: filter submitted', method: 'sessionLogs.list', input: { status: 'submitted' } },
  { screen: 'sessions: filter returned', method: 'sessionLogs.list', input: { status: 'returned' } },
  { screen: 'sessions: filter draft', method: 'sessionLogs.list', input: { status: 'draft' } },
  { screen: 'sessions: filter approved', method: 'sessionLogs.list', input: { status: 'approved' } },
  { screen: 'sessions: help-seekers', method: 'helpSeekers.list', input: { offset: 0 } },
  { screen: 'log form / WHO-5: code picker', method: 'helpSeekers.list', input: { limit: 20 } },
  { screen: 'log form / WHO-5: code picker, typed', method: 'helpSeekers.list', input: { limit: 20, text: 'HS-2020-1' } },
  { screen: 'sessions: search, common word', method: 'search.text', input: { query: searchTerms.common } },
  { screen: 'sessions: search, rare word', method: 'search.text', input: { query: searchTerms.rare } },
  // sessions/SessionLogPage.tsx, SessionLogForm.tsx
  { screen: 'session log', method: 'sessionLogs.get', input: (f: Fixtures) => ({ id: f.logId }) },
  { screen: 'session log', method: 'peers.get', input: (f: Fixtures) => ({ id: f.logPeerId }) },
  { screen: 'new session log form', method: 'sessionLogs.formOptions', input: {} },
  // peers/PeersPage.tsx, PeerFormModal.tsx, users/UsersPage.tsx
  { screen: 'peers: roster', method: 'peers.list', input: { sort: 'fullName', direction: 'asc', offset: 0 } },
  { screen: 'peers: roster counts and classes', method: 'peers.overview', input: {} },
  { screen: 'peers: roster, page 10', method: 'peers.list', input: { sort: 'fullName', direction: 'asc', offset: 450 } },
  { screen: 'peers: by class', method: 'peers.list', input: { sort: 'className', direction: 'desc', offset: 0 } },
  { screen: 'peers: by status since', method: 'peers.list', input: { sort: 'statusSince', direction: 'desc', offset: 0 } },
  { screen: 'peers: search a name', method: 'peers.list', input: { text: 'Budi', sort: 'fullName', direction: 'asc', offset: 0 } },
  { screen: 'peers: filter active', method: 'peers.list', input: { statuses: ['active'], sort: 'fullName', direction: 'asc', offset: 0 } },
  { screen: 'peers: filter not trained', method: 'peers.list', input: { training: 'not_trained', sort: 'fullName', direction: 'asc', offset: 0 } },
  { screen: 'peers: export the roster (a click)', method: 'peers.exportCsv', input: { sort: 'fullName', direction: 'asc', language: 'id' } },
  { screen: 'users: any peer without an account', method: 'peers.list', input: { withoutAccount: true, limit: 1 } },
  // The pickers (ui/PeerPicker.tsx, ui/CasePicker.tsx): opened, then typed into.
  { screen: 'log form: peer picker', method: 'peers.list', input: { statuses: ['active', 'paused', 'alumni'], limit: 20 } },
  { screen: 'log form: peer picker, typed', method: 'peers.list', input: { statuses: ['active', 'paused', 'alumni'], text: 'sar', limit: 20 } },
  { screen: 'training form: attendee picker', method: 'peers.list', input: { statuses: ['selected', 'in_training', 'active', 'paused'], limit: 20 } },
  { screen: 'account form: peer picker, typed', method: 'peers.list', input: { withoutAccount: true, text: 'a', limit: 20 } },
  { screen: 'meeting form: peer picker', method: 'peers.list', input: { supervised: true, statuses: ['in_training', 'active', 'paused'], limit: 20 } },
  { screen: 'meeting form: a draft’s peers named', method: 'peers.list', input: { ids: Array.from({ length: 12 }, (_, i) => 40 * i + 1), limit: 200 } },
  { screen: 'meeting form: case picker', method: 'cases.list', input: { open: true, limit: 20 } },
  { screen: 'meeting form: case picker, typed', method: 'cases.list', input: { open: true, text: 'HS-2026', limit: 20 } },
  { screen: 'peer form: supervisor picker', method: 'users.list', input: { kind: 'staff', status: 'active', limit: 200 } },
  // users/UsersPage.tsx: staff and peer accounts, two paged lists
  { screen: 'users: staff accounts', method: 'users.list', input: { kind: 'staff', sort: 'role', direction: 'asc', offset: 0 } },
  { screen: 'users: peer accounts', method: 'users.list', input: { kind: 'peer', sort: 'fullName', direction: 'asc', offset: 0 } },
  { screen: 'users: peer accounts, page 10', method: 'users.list', input: { kind: 'peer', sort: 'fullName', direction: 'asc', offset: 450 } },
  { screen: 'users: peer accounts, by last sign-in', method: 'users.list', input: { kind: 'peer', sort: 'lastSignInAt', direction: 'desc', offset: 0 } },
  { screen: 'users: peer accounts, search', method: 'users.list', input: { kind: 'peer', text: 'sar', sort: 'fullName', direction: 'asc', offset: 0 } },
  { screen: 'peers / settings', method: 'settings.get', input: {} },
  // peers/PeerProfile.tsx, sessions/PeerSessionLogs.tsx, evaluation/EvaluationHistory.tsx, supervision/PeerSupervision.tsx
  { screen: 'peer profile', method: 'peers.profile', input: (f: Fixtures) => ({ id: f.busyPeerId }) },
  { screen: 'peer profile: logs', method: 'sessionLogs.list', input: (f: Fixtures) => ({ peerId: f.busyPeerId, limit: 200, offset: 0 }) },
  { screen: 'peer profile: evaluations', method: 'evaluations.list', input: (f: Fixtures) => ({ peerId: f.busyPeerId }) },
  { screen: 'peer profile: supervision', method: 'supervision.cadence', input: (f: Fixtures) => ({ peerId: f.busyPeerId }) },
  { screen: 'supervision: open action items', method: 'actionItems.list', input: { open: true, offset: 0 } },
  { screen: 'peer profile: supervision', method: 'actionItems.list', input: (f: Fixtures) => ({ open: true, peerId: f.busyPeerId, limit: 200 }) },
  // training/TrainingPage.tsx, outreach/OutreachPage.tsx
  { screen: 'training: refreshers due', method: 'peers.list', input: { training: 'refresher', sort: 'refresherDueOn', direction: 'asc', offset: 0 } },
  { screen: 'training', method: 'training.modules', input: {} },
  { screen: 'training', method: 'training.sessions', input: { offset: 0 } },
  { screen: 'outreach', method: 'outreach.list', input: { sort: 'heldOn', direction: 'desc', offset: 0 } },
  { screen: 'outreach: page 5', method: 'outreach.list', input: { sort: 'heldOn', direction: 'desc', offset: 200 } },
  { screen: 'outreach: by people reached', method: 'outreach.list', input: { sort: 'reached', direction: 'desc', offset: 0 } },
  { screen: 'outreach: search', method: 'outreach.list', input: { text: 'kelas', sort: 'heldOn', direction: 'desc', offset: 0 } },
  { screen: 'outreach', method: 'outreach.summary', input: {} },
  // cases/CasesPage.tsx, CasePage.tsx, CaseDialogs.tsx, DirectoryPanel.tsx
  { screen: 'cases: queue', method: 'cases.list', input: { open: true, offset: 0 } },
  { screen: 'cases: all', method: 'cases.list', input: { open: false, offset: 0 } },
  { screen: 'cases: all, page 100', method: 'cases.list', input: { open: false, offset: 4950 } },
  { screen: 'cases: referrals to follow up', method: 'referrals.list', input: { followUp: true } },
  { screen: 'cases: directory', method: 'referrals.services', input: {} },
  { screen: 'case: the long case', method: 'cases.get', input: (f: Fixtures) => ({ id: f.bigCaseId }), rows: 'timeline' },
  { screen: 'case: the long case, its logs', method: 'cases.logs', input: (f: Fixtures) => ({ id: f.bigCaseId, limit: 5 }), rows: 'logs' },
  { screen: 'case: the long case, logs page 20', method: 'cases.logs', input: (f: Fixtures) => ({ id: f.bigCaseId, limit: 5, offset: 95 }), rows: 'logs' },
  { screen: 'case: a new case', method: 'cases.get', input: (f: Fixtures) => ({ id: f.recentCaseId }), rows: 'timeline' },
  { screen: 'case: a new case, its logs', method: 'cases.logs', input: (f: Fixtures) => ({ id: f.recentCaseId, limit: 5 }), rows: 'logs' },
  { screen: 'case: reassign dialog', method: 'cases.assignees', input: {} },
  // supervision/SupervisionLists.tsx, MeetingPage.tsx, MeetingForm.tsx, GroupsPanel.tsx
  { screen: 'supervision: meetings', method: 'supervision.meetings', input: { offset: 0 } },
  { screen: 'supervision: planned', method: 'supervision.meetings', input: { status: 'planned', offset: 0 } },
  { screen: 'supervision: groups', method: 'supervision.groups', input: {} },
  { screen: 'supervision: all action items', method: 'actionItems.list', input: { offset: 0 } },
  { screen: 'supervision: meeting', method: 'supervision.meeting', input: (f: Fixtures) => ({ id: f.meetingId }) },
  { screen: 'supervision: meeting form', method: 'supervision.formOptions', input: {} },
  // evaluation/PeerEvaluations.tsx, Outcomes.tsx, FeedbackPanel.tsx
  { screen: 'evaluation: peers', method: 'evaluations.standing', input: {} },
  { screen: 'evaluation: peers', method: 'evaluations.list', input: { offset: 0 } },
  { screen: 'evaluation: outcomes', method: 'outcomes.list', input: { offset: 0 } },
  { screen: 'evaluation: one help-seeker', method: 'outcomes.list', input: (f: Fixtures) => ({ helpSeekerId: f.busyHelpSeekerId }) },
  { screen: 'evaluation: feedback', method: 'feedback.list', input: (f: Fixtures) => ({ termId: f.currentTermId }) },
  // reports/ReportsPage.tsx
  { screen: 'reports / feedback', method: 'reports.terms', input: {} },
  { screen: 'reports: current term', method: 'reports.term', input: (f: Fixtures) => ({ termId: f.currentTermId }) },
  { screen: 'reports: last full term', method: 'reports.term', input: (f: Fixtures) => ({ termId: f.lastFullTermId }) },
  // audit/AuditPage.tsx (pages of 100)
  { screen: 'audit: chain since checkpoint', method: 'audit.verify', input: {} },
  { screen: 'audit: first page', method: 'audit.list', input: { limit: 100 } },
  { screen: 'audit: a deep page', method: 'audit.list', input: (f: Fixtures) => ({ limit: 100, beforeId: f.deepAuditId }) },
  { screen: 'audit: rare action', method: 'audit.list', input: { limit: 100, action: 'vault.recovery-key-replaced' } },
  // The same areas as a supervisor sees them: her scopes are SQL conditions the coordinator's are not (access/policy.ts).
  { screen: 'supervisor: dashboard', method: 'today.list', input: {}, as: 'supervisor' },
  { screen: 'supervisor: dashboard', method: 'cases.dashboard', input: {}, as: 'supervisor' },
  { screen: 'supervisor: dashboard', method: 'supervision.cadence', input: {}, as: 'supervisor' },
  { screen: 'supervisor: sessions', method: 'sessionLogs.list', input: { sort: 'heldOn', direction: 'desc', offset: 0 }, as: 'supervisor' },
  { screen: 'supervisor: help-seekers', method: 'helpSeekers.list', input: {}, as: 'supervisor' },
  { screen: 'supervisor: cases', method: 'cases.list', input: { open: true }, as: 'supervisor' },
  { screen: 'supervisor: meeting form', method: 'supervision.formOptions', input: {}, as: 'supervisor' },
  { screen: 'supervisor: meeting form, peer picker', method: 'peers.list', input: { supervised: true, statuses: ['in_training', 'active', 'paused'], limit: 20 }, as: 'supervisor' },
  { screen: 'supervisor: peers roster', method: 'peers.list', input: { sort: 'fullName', direction: 'asc', offset: 0 }, as: 'supervisor' },
  { screen: 'supervisor: evaluation', method: 'evaluations.standing', input: {}, as: 'supervisor' },
  { screen: 'supervisor: outcomes', method: 'outcomes.list', input: {}, as: 'supervisor' },
];

/** The long jobs, each with a fast call issued right after it starts. */
export const fastCall = { method: 'session.heartbeat' as const, input: {} };
