import type { TFunction } from 'i18next';
import { auditDetailRefs, auditRecordKinds, type AuditAction, type AuditEntry, type AuditRecordKind, type AuditRef } from '../../contract';
import { formatBytes, formatDateTime, formatDay } from '../../ui/format';

type AnyT = TFunction<'translation', undefined>;
type Refs = Record<string, AuditRef>;

/** Ids a principal has no use for: the record itself is named in the sentence, or the id is internal. */
const hiddenFields = new Set(['backupId', 'recordId', 'addendumId', 'code', 'meetingId']);
const hiddenByAction: Partial<Record<AuditAction, readonly string[]>> = {
  'evaluation.created': ['peerId'],
  'evaluation.updated': ['peerId'],
};

/**
 * Where a detail's value is a word the rest of the app already has (a case status, a role),
 * by action and field; the other fields read `auditValues.<field>`.
 */
const meetingKind = { kind: 'supervision.kinds' };
const valueWords: Partial<Record<AuditAction, Record<string, string>>> = {
  'case.opened': { severity: 'severity', origin: 'caseOrigin' },
  'case.status-changed': { from: 'caseStatus', to: 'caseStatus' },
  'case.severity-raised': { from: 'severity', to: 'severity' },
  'case.note-added': { kind: 'auditValues.noteKind' },
  'peer.status-changed': { from: 'peerStatus', to: 'peerStatus' },
  'referral.status-changed': { from: 'referralStatus', to: 'referralStatus' },
  'user.created': { role: 'roles' },
  'peer.interview-recorded': { decision: 'peers.decisions' },
  'backup.failed': { reason: 'backups.failures' },
  'backup.checked': { problem: 'backups.problems' },
  'session.locked': { reason: 'auditValues.lockReason' },
  'session.peer-signed-out': { reason: 'auditValues.lockReason' },
  'session.password-set': { reason: 'auditValues.passwordReason' },
  'supervision.meeting-planned': meetingKind,
  'supervision.meeting-recorded': meetingKind,
  'supervision.meeting-updated': meetingKind,
};

const isRecordKind = (kind: string): kind is AuditRecordKind => (auditRecordKinds as readonly string[]).includes(kind);

/** A record as a sentence names it: "#12 (HS-2026-001)", "Budi Santoso", or "#12" once it is gone. */
export function recordName(t: AnyT, language: string, kind: AuditRecordKind, id: string, refs: Refs): string {
  const ref = refs[`${kind}:${id}`];
  if (!ref || (ref.label === null && ref.on === null)) return t('auditRecordNumber', { id });
  const label = language === 'en' ? (ref.labelEn ?? ref.label) : ref.label;
  return t(`auditRecords.${kind}` as never, { id, label: label ?? '', on: formatDay(ref.on, language) }) as string;
}

/** The record an entry is about, as `kind` and id, when it is one the log can name. */
export function targetOf(entry: AuditEntry): { kind: AuditRecordKind; id: string } | null {
  if (!entry.target) return null;
  const colon = entry.target.indexOf(':');
  const kind = entry.target.slice(0, colon);
  return isRecordKind(kind) ? { kind, id: entry.target.slice(colon + 1) } : null;
}

function word(t: AnyT, prefix: string, value: string): string {
  return t(`${prefix}.${value}` as never, { defaultValue: value }) as string;
}

/** One detail's value in words. */
function valueText(t: AnyT, language: string, entry: AuditEntry, field: string, value: AuditEntry['details'][string], refs: Refs): string {
  const action = entry.action as AuditAction;
  if (value === null || value === '') return field === 'username' ? t('audit.unknownUser') : '';
  const refKind = auditDetailRefs[action]?.[field];
  const one = (item: string | number | boolean): string => {
    if (typeof item === 'boolean') return t(item ? 'auditValues.yes' : 'auditValues.no');
    if (refKind) return recordName(t, language, refKind, String(item), refs);
    if (field === 'bytes' && typeof item === 'number') return formatBytes(item, language);
    if (field === 'backupCreatedAt' && typeof item === 'string') return formatDateTime(item, language);
    if (typeof item === 'number') return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID').format(item);
    const prefix = valueWords[action]?.[field] ?? `auditValues.${field}`;
    return word(t, prefix, item);
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

/** Who did it: the person's full name as it is now, the username kept in the entry, or Sebaya itself. */
export function whoOf(t: AnyT, entry: AuditEntry, refs: Refs): string {
  if (entry.actorUserId !== null) {
    const ref = refs[`user:${entry.actorUserId}`];
    if (ref?.label) return ref.label;
  }
  return entry.actorName ?? t('audit.system');
}

export interface DescribedEntry {
  who: string;
  /** The sentence, cut where the record is named so the screen can make it a link. */
  before: string;
  record: { kind: AuditRecordKind; id: string; name: string } | null;
  after: string;
  /** The whole sentence as plain text (the CSV file's). */
  sentence: string;
  /** The details the sentence does not say, each with its name. */
  details: Array<{ field: string; label: string; value: string }>;
}

/** Any character that cannot appear in a translation, to find where the record goes. */
const recordMark = '\u0000';

/** An entry as a sentence a principal can read, in the language `t` speaks, and the details it leaves out. */
export function describeEntry(t: AnyT, language: string, entry: AuditEntry, refs: Refs): DescribedEntry {
  const action = entry.action as AuditAction;
  const who = whoOf(t, entry, refs);
  const target = targetOf(entry);
  const values: Record<string, string> = { who };
  for (const [field, value] of Object.entries(entry.details)) values[field] = valueText(t, language, entry, field, value, refs);
  if (!('username' in values)) values.username = t('audit.unknownUser');
  const template = t(`auditSentences.${action}` as never, { defaultValue: '' }) as string;
  const known = template !== '';
  const recordText = target ? recordName(t, language, target.kind, target.id, refs) : '';
  const marked = known
    ? (t(`auditSentences.${action}` as never, { ...values, record: recordMark }) as string)
    : `${who}: ${t(`auditActions.${action}` as never, { defaultValue: entry.action }) as string}${recordMark}`;
  const [before = '', after = ''] = marked.split(recordMark);
  const recordNamed = marked.includes(recordMark) && target !== null;
  const used = new Set([...template.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]));
  const hidden = new Set([...hiddenFields, ...(hiddenByAction[action] ?? [])]);
  const details = Object.keys(entry.details)
    .filter((field) => !used.has(field) && !hidden.has(field) && values[field] !== '')
    .map((field) => ({ field, label: t(`auditFields.${field}` as never, { defaultValue: field }) as string, value: values[field]! }));
  // A record that is the actor's own account is already named as who did it.
  const ownAccount = target?.kind === 'user' && target.id === String(entry.actorUserId);
  if (target && !recordNamed && !ownAccount) details.unshift({ field: 'record', label: t('audit.target'), value: recordText });
  return {
    who,
    before: recordNamed ? before : marked.replace(recordMark, ''),
    record: recordNamed ? { ...target, name: recordText } : null,
    after: recordNamed ? after : '',
    sentence: marked.replace(recordMark, recordNamed ? recordText : ''),
    details,
  };
}
