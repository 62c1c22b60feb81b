import { z } from 'zod';
import { id } from '../fields';
import { defineMethod } from '../method';
import { coordinatorOnly } from '../roles';

/** Every action the audit log records. The log holds who did what, never the content of a record. */
export const auditActions = [
  'vault.created',
  'vault.recovery-key-replaced',
  'vault.data-key-rotated',
  'vault.data-key-rotation-withdrawn',
  'vault.secret-withdrawn',
  'vault.checked',
  'backup.created',
  'backup.failed',
  'backup.checked',
  'backup.restored',
  'backup.open-failed',
  'backup.restore-refused',
  'session.unlocked',
  'session.unlock-failed',
  'session.locked',
  'session.recovery-key-used',
  'session.recovery-failed',
  'session.password-check-failed',
  'session.password-set',
  'session.handed-over',
  'session.peer-signed-in',
  'session.peer-sign-in-failed',
  'session.peer-signed-out',
  'user.created',
  'user.disabled',
  'user.enabled',
  'user.removed',
  'user.password-reset',
  'user.password-changed',
  'user.pin-set',
  'settings.changed',
  'peer.created',
  'peer.updated',
  'peer.status-changed',
  'peer.activation-overridden',
  'peer.interview-recorded',
  'peer.consent-recorded',
  'peer.pledge-recorded',
  'peer.exported',
  'peer.imported',
  'training.module-created',
  'training.module-updated',
  'training.module-retired',
  'training.module-restored',
  'training.record-added',
  'training.record-deleted',
  'training.session-recorded',
  'training.scores-recorded',
  'outreach.created',
  'outreach.updated',
  'outreach.deleted',
  'help-seeker.created',
  'help-seeker.identity-recorded',
  'help-seeker.identity-viewed',
  'session-log.created',
  'session-log.updated',
  'session-log.submitted',
  'session-log.draft-discarded',
  'session-log.approved',
  'session-log.returned',
  'session-log.escalated',
  'session-log.addendum-added',
  'case.opened',
  'case.viewed',
  'case.note-added',
  'case.status-changed',
  'case.reassigned',
  'case.log-linked',
  'case.severity-raised',
  'referral.service-created',
  'referral.service-updated',
  'referral.created',
  'referral.status-changed',
  'search.performed',
  'supervision.group-created',
  'supervision.group-updated',
  'supervision.meeting-planned',
  'supervision.meeting-recorded',
  'supervision.meeting-updated',
  'supervision.meeting-cancelled',
  'action-item.done',
  'action-item.reopened',
  'evaluation.created',
  'evaluation.updated',
  'outcome.recorded',
  'outcome.deleted',
  'report.exported',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The kinds of record an entry's target (`case:12`) or a detail (`peerId: 4`) can point at. */
export const auditRecordKinds = [
  'case',
  'session-log',
  'help-seeker',
  'peer',
  'user',
  'module',
  'training-session',
  'outreach',
  'referral',
  'referral-service',
  'supervision-group',
  'supervision-meeting',
  'action-item',
  'evaluation',
  'outcome',
] as const;
export type AuditRecordKind = (typeof auditRecordKinds)[number];

/**
 * Details that hold the id of another record, by action: the log resolves them, as it does
 * targets, so a principal reads "reassigned to Budi Santoso" rather than `to: 7`.
 */
export const auditDetailRefs: Partial<Record<AuditAction, Record<string, AuditRecordKind>>> = {
  'case.reassigned': { to: 'user' },
  'case.log-linked': { logId: 'session-log' },
  'peer.updated': { supervisorUserId: 'user' },
  'peer.imported': { peerIds: 'peer' },
  'training.record-added': { moduleId: 'module' },
  'training.record-deleted': { moduleId: 'module' },
  'training.session-recorded': { moduleId: 'module' },
  'referral.created': { caseId: 'case' },
  'session-log.created': { peerId: 'peer' },
  'action-item.done': { meetingId: 'supervision-meeting' },
  'action-item.reopened': { meetingId: 'supervision-meeting' },
  'evaluation.created': { peerId: 'peer' },
  'evaluation.updated': { peerId: 'peer' },
};

/**
 * What a principal needs to recognise a record: a case's help-seeker code, a peer's name, a
 * module's title in both languages, a meeting's day. Never a record's content; `null` when
 * the record is gone (a withdrawn draft, a deleted outcome).
 */
export const auditRef = z.object({
  label: z.string().nullable(),
  /** Where the label has two languages (a training module's title): the English one. */
  labelEn: z.string().nullable(),
  /** The record's day, where that is how it is known (a meeting, an outreach event). */
  on: z.string().nullable(),
});
export type AuditRef = z.infer<typeof auditRef>;

export const auditEntry = z.object({
  id,
  at: z.string(),
  actorUserId: id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditVerification = z.object({
  ok: z.boolean(),
  /** Entries walked in this check. */
  checked: z.number().int(),
  brokenAtId: id.nullable(),
});

/** The screen's check: from the last intact point unless `full`, or when there is none yet. */
export const auditScreenVerification = auditVerification.extend({
  full: z.boolean(),
  /** The newest entry now known to be intact. */
  verifiedThroughId: id.nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

export const auditMethods = {
  'audit.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({
      beforeId: id.optional(),
      limit: z.number().int().min(1).max(500).optional(),
      action: z.string().max(60).optional(),
    }),
    output: z.object({
      entries: z.array(auditEntry),
      hasMore: z.boolean(),
      /** Each record the page's entries name (as `kind:id`, actors as `user:id` too), resolved once for the page. */
      refs: z.record(z.string(), auditRef),
    }),
  }),
  'audit.verify': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ full: z.boolean().optional() }),
    output: auditScreenVerification,
  }),
};
