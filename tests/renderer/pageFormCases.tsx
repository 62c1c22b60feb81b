import type { ReactElement } from 'react';
import type { CaseDetail, MethodInput, MethodName, MethodOutput, SessionLog } from '../../src/contract';
import { BackupSettings } from '../../src/features/backups/BackupSettings';
import { NoteForm } from '../../src/features/cases/CasePage';
import { CaseSettings } from '../../src/features/cases/CaseSettings';
import { SchoolProfileSettings } from '../../src/features/peers/SchoolProfileSettings';
import { TermsSettings } from '../../src/features/reports/TermsSettings';
import { SessionLogForm } from '../../src/features/sessions/SessionLogForm';
import { AddendumForm } from '../../src/features/sessions/SessionLogPage';
import { SchoolAndLockSettings } from '../../src/features/settings/SettingsPage';
import { MeetingForm } from '../../src/features/supervision/MeetingForm';
import { sampleSettings, sampleSupervisionOptions } from './formTestSupport';
import { formDialogsIn, type SourceFile } from '../support/formDialogs';

/** What the fake backend answers, per method, typed by the contract. */
export type Answers = { [M in MethodName]?: (input: MethodInput<M>) => MethodOutput<M> };

/**
 * One form that sits on a page, not in a dialog, as tests/renderer/everyPageForm.test.tsx drives it.
 * `name` and `file` are the top-level component holding the form, as pageFormsIn reports it.
 */
export interface PageCase {
  name: string;
  file: string;
  /** The page (or the part of it) that shows the form. */
  render(): ReactElement;
  /** The backend's answers to what it asks for as it shows: exactly those methods. */
  answers?: Answers;
  /** The methods whose answer the fields wait for (default: every answered method); the rest are its pickers' lists. */
  waitsFor?: MethodName[];
  /** What to type, when not words (a field with a short limit). */
  text?: string;
  /** Type into its first number field (the form has no plain text field) instead of its first text field. */
  numeric?: boolean;
  /**
   * While its data has not come: `absent` (LoadState shows no field until it has), `disabled`
   * (LoadingFieldset). A form that asks for nothing has neither.
   */
  whileLoading?: 'absent' | 'disabled';
  /** Its own Cancel (or back) asks before discarding what was typed (useGuardedClose). */
  cancel?: boolean;
  /** It says "restored" when a draft comes back (RestoredDraftNotice). */
  notice?: boolean;
}

/** A page form that is not driven here, why, and what in its source shows it. */
export interface MarkedCase {
  name: string;
  file: string;
  reason: string;
  /** Matches the component's source: what the reason rests on. */
  proof: RegExp;
}



/** The record a page already holds when it shows the form. */
export interface Records {
  caseDetail: CaseDetail;
  sessionLog: SessionLog;
}

/** The lists pickers ask for once the fields show: nothing found. */
const noCases = () => ({ cases: [], total: 0 }) as unknown as MethodOutput<'cases.list'>;
const noPeers = () => ({ peers: [], total: 0 }) as unknown as MethodOutput<'peers.list'>;

export function pageCases({ caseDetail, sessionLog }: Records): PageCase[] {
  const settingsAnswers: Answers = { 'settings.get': sampleSettings };
  return [
    {
      name: 'LogForm',
      file: 'src/features/sessions/SessionLogForm.tsx',
      render: () => <SessionLogForm id={null} />,
      answers: { 'sessionLogs.formOptions': () => ({ hasHelpSeekers: false }), 'peers.list': noPeers },
      waitsFor: ['sessionLogs.formOptions'],
      whileLoading: 'absent',
      cancel: true,
      notice: true,
    },
    {
      name: 'MeetingFields',
      file: 'src/features/supervision/MeetingForm.tsx',
      render: () => <MeetingForm id={null} status="held" />,
      answers: { 'supervision.formOptions': sampleSupervisionOptions, 'peers.list': noPeers, 'cases.list': noCases },
      waitsFor: ['supervision.formOptions'],
      whileLoading: 'absent',
      cancel: true,
      notice: true,
    },
    {
      name: 'AddendumForm',
      file: 'src/features/sessions/SessionLogPage.tsx',
      render: () => <AddendumForm log={sessionLog} onAdded={() => undefined} />,
      notice: true,
    },
    {
      name: 'NoteForm',
      file: 'src/features/cases/CasePage.tsx',
      render: () => <NoteForm detail={caseDetail} onAdded={() => undefined} />,
      notice: true,
    },
    { name: 'SchoolAndLockSettings', file: 'src/features/settings/SettingsPage.tsx', render: () => <SchoolAndLockSettings />, answers: settingsAnswers, whileLoading: 'absent' },
    { name: 'BackupSettings', file: 'src/features/backups/BackupSettings.tsx', render: () => <BackupSettings />, answers: settingsAnswers, whileLoading: 'disabled', numeric: true },
    { name: 'CaseSettings', file: 'src/features/cases/CaseSettings.tsx', render: () => <CaseSettings />, answers: settingsAnswers, whileLoading: 'disabled' },
    { name: 'SchoolProfileSettings', file: 'src/features/peers/SchoolProfileSettings.tsx', render: () => <SchoolProfileSettings />, answers: settingsAnswers, whileLoading: 'disabled', numeric: true },
    { name: 'TermsSettings', file: 'src/features/reports/TermsSettings.tsx', render: () => <TermsSettings />, answers: settingsAnswers, whileLoading: 'absent', text: '2027/2028' },
  ];
}

const signedOut = 'is shown while nobody is signed in, so no draft could come back to the same user, and it holds a password, PIN or recovery key';
const secret = 'holds a password, which must never go into a draft';

export const markedCases: MarkedCase[] = [
  { name: 'SetupScreen', file: 'src/features/auth/SetupScreen.tsx', reason: signedOut, proof: /PasswordInput/ },
  { name: 'RecoverScreen', file: 'src/features/auth/RecoverScreen.tsx', reason: signedOut, proof: /recoveryKey/ },
  { name: 'NewPasswordScreen', file: 'src/features/auth/NewPasswordScreen.tsx', reason: signedOut, proof: /PasswordInput/ },
  { name: 'PeerSignInScreen', file: 'src/features/auth/PeerSignInScreen.tsx', reason: signedOut, proof: /PasswordInput/ },
  { name: 'UnlockScreen', file: 'src/features/auth/UnlockScreen.tsx', reason: signedOut, proof: /PasswordInput/ },
  { name: 'ChangePassword', file: 'src/features/settings/SettingsPage.tsx', reason: secret, proof: /PasswordInput/ },
  { name: 'NewRecoveryKey', file: 'src/features/settings/SettingsPage.tsx', reason: secret, proof: /PasswordInput/ },
  { name: 'RotateDataKey', file: 'src/features/settings/RotateDataKey.tsx', reason: secret, proof: /PasswordInput/ },
  { name: 'CredentialForm', file: 'src/features/backups/CredentialForm.tsx', reason: secret, proof: /PasswordInput/ },
  {
    name: 'FeedbackKiosk',
    file: 'src/features/evaluation/FeedbackKiosk.tsx',
    reason: 'is the anonymous students\' kiosk, shown while nobody is signed in, so no draft could come back to the same user',
    proof: /nobody[\s\S]*is signed in|feedback\.submit/,
  },
  {
    name: 'IdentityModal',
    file: 'src/features/sessions/HelpSeekersPanel.tsx',
    reason: 'is a dialog (its fields are in IdentityFields, so the dialog finder does not see them) holding a help seeker\'s identity, which is shown only through an audited reveal and held only while the dialog is open, so it must not wait in a draft that comes back unaudited; its Cancel asks first',
    proof: /<AppModal[\s\S]*useGuardedClose\(|useGuardedClose\([\s\S]*<AppModal/,
  },
  {
    name: 'AddHelpSeekerModal',
    file: 'src/features/sessions/HelpSeekersPanel.tsx',
    reason: 'is a dialog (its fields are in IdentityFields, so the dialog finder does not see them) holding a help seeker\'s identity, which is shown only through an audited reveal and held only while the dialog is open, so it must not wait in a draft that comes back unaudited; its Cancel asks first',
    proof: /useGuardedClose\([\s\S]*<AppModal/,
  },
];

/** A marked form keeps no draft: its source never calls useFormDraft. */
export const keepsNoDraft = /^(?![\s\S]*useFormDraft\()/;

export interface PageForm {
  name: string;
  file: string;
  body: string;
}

/** Each top-level component of a file that builds a form (useAppForm) and is not a dialog the dialog finder lists. */
export function pageFormsIn(files: readonly SourceFile[]): PageForm[] {
  const dialogs = new Set(formDialogsIn(files).map(({ name, file }) => `${file} ${name}`));
  return files.flatMap(({ file, source }) => {
    const starts = [...source.matchAll(/^(?:export )?function (\w+)/gm)];
    return starts
      .map((match, i) => ({ name: match[1]!, file, body: source.slice(match.index, starts[i + 1]?.index ?? source.length) }))
      .filter(({ name, body }) => /\buseAppForm(?:<[^>]*>)?\(/.test(body) && !dialogs.has(`${file} ${name}`));
  });
}
