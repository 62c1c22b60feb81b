import { Alert, Button, Card, Group, Text } from '@mantine/core';
import { IconArrowsExchange, IconCircleCheck, IconEye, IconGavel, IconSend, IconStatusChange, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { undecidedCaseStatuses, type CaseDetail, type CaseStatus } from '../../contract';
import { CaseStatusBadge, SeverityBadge } from '../../ui/badges';
import { formatDateTime } from '../../ui/format';
import { DueCell } from './CaseTable';

/** The case page's dialogs that its headline and alerts open. */
export type CaseDialog = 'transition' | 'reassign' | 'referral' | 'decision';

type OnDialog = (dialog: CaseDialog, options?: { closing?: boolean }) => void;

/** Whether the case still waits for its decision (open or in review): the one step that clears its due time. */
const undecided = (status: CaseStatus) => (undecidedCaseStatuses as readonly CaseStatus[]).includes(status);

/** Whether a decision has been written on the timeline. */
const hasDecision = (detail: CaseDetail) => detail.timeline.some((event) => event.kind === 'decision');

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </div>
  );
}

/**
 * The top of the case page: its severity and status, when the decision is due (red when
 * overdue), who decides, and the next steps the caller may take in this status. The backend
 * says what the caller may do (`canAct`, `canReassign`, `allowedTransitions`), so nothing is
 * offered that it would refuse.
 */
export function CaseHeadline({ detail, onDialog, onShowProtocol }: { detail: CaseDetail; onDialog: OnDialog; onShowProtocol(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = detail.case;
  const canClose = detail.canAct && detail.allowedTransitions.includes('closed');
  const otherMoves = detail.canAct && detail.allowedTransitions.some((s) => s !== 'closed');
  // Once a decision is written, the step that is left is moving the case on.
  const decided = hasDecision(detail);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('casePage.nextStep')}>
      <Group gap="xl" align="flex-start">
        <Group gap="xs" wrap="nowrap">
          <SeverityBadge severity={c.severity} />
          <CaseStatusBadge status={c.status} />
        </Group>
        <Fact label={t('casePage.dueAt')}>
          <DueCell row={c} />
        </Fact>
        <Fact label={t('casePage.owner')}>
          <Text fz="sm" fw={600} c={c.assignedUserId === null && c.status !== 'closed' ? 'orange.8' : undefined}>
            {c.assignedName ?? t('cases.unassigned')}
          </Text>
        </Fact>
        <Fact label={t('casePage.openedAt')}>
          <Text fz="sm">{formatDateTime(c.openedAt, lang)}</Text>
        </Fact>
        <Fact label={t('casePage.origin')}>
          <Text fz="sm">{t(`caseOrigin.${c.origin}`)}</Text>
        </Fact>
      </Group>
      <Group gap="xs" mt="md">
        {detail.canAct && undecided(c.status) ? (
          <Button
            variant={decided ? 'default' : 'filled'}
            color={c.overdue && !decided ? 'red' : undefined}
            leftSection={<IconGavel size={16} />}
            onClick={() => onDialog('decision')}
          >
            {t('casePage.recordDecision')}
          </Button>
        ) : null}
        {otherMoves ? (
          <Button variant={decided || !undecided(c.status) ? 'filled' : 'default'} leftSection={<IconStatusChange size={16} />} onClick={() => onDialog('transition')}>
            {t('casePage.moveTo')}
          </Button>
        ) : null}
        {detail.canAct && c.status !== 'closed' ? (
          <Button variant="default" leftSection={<IconSend size={16} />} onClick={() => onDialog('referral')}>
            {t('casePage.refer')}
          </Button>
        ) : null}
        {detail.canReassign ? (
          <Button
            variant="default"
            leftSection={c.assignedUserId === null ? <IconUserCheck size={16} /> : <IconArrowsExchange size={16} />}
            onClick={() => onDialog('reassign')}
          >
            {c.assignedUserId === null ? t('casePage.assign') : t('casePage.reassign')}
          </Button>
        ) : null}
        {canClose ? (
          <Button variant="default" leftSection={<IconCircleCheck size={16} />} onClick={() => onDialog('transition', { closing: true })}>
            {t('casePage.closeCase')}
          </Button>
        ) : null}
        {c.status !== 'open' ? (
          <Button variant="subtle" leftSection={<IconEye size={16} />} onClick={onShowProtocol}>
            {t('casePage.showProtocol')}
          </Button>
        ) : null}
      </Group>
    </Card>
  );
}

/**
 * Past the due time and still undecided: says so in red, with the step that resolves it. Before
 * a decision is written that is recording it; once one is on the timeline, moving the case on.
 */
export function OverdueAlert({ detail, onDialog }: { detail: CaseDetail; onDialog: OnDialog }) {
  const { t, i18n } = useTranslation();
  const c = detail.case;
  const at = formatDateTime(c.dueAt, i18n.language);
  const decided = hasDecision(detail);
  const canMove = detail.canAct && detail.allowedTransitions.length > 0;
  return (
    <Alert color="red" variant="filled" role="alert">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text fz="sm" fw={600}>
          {decided ? t('casePage.overdueDecided', { at }) : t('casePage.overdueWarning', { at })}
        </Text>
        {detail.canAct && !decided ? (
          <Button variant="white" color="red" leftSection={<IconGavel size={16} />} onClick={() => onDialog('decision')} style={{ flexShrink: 0 }}>
            {t('casePage.recordDecision')}
          </Button>
        ) : null}
        {decided && canMove ? (
          <Button variant="white" color="red" leftSection={<IconStatusChange size={16} />} onClick={() => onDialog('transition')} style={{ flexShrink: 0 }}>
            {t('casePage.moveTo')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
