import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconFileText,
  IconFlag3,
  IconGavel,
  IconNote,
  IconSend,
  IconStatusChange,
  IconTrendingUp,
  IconUserCheck,
} from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { limits, type CaseDetail, type CaseEvent, type Referral } from '../../contract';
import { pendingDrafts } from '../../drafts/registry';
import { useFormDraft } from '../../drafts/useFormDraft';
import { useSession } from '../../stores/session';
import { FormFooter } from '../../ui/FormFooter';
import { formatDateTime, formatDay, formatTime } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { Pager } from '../../ui/Pager';
import { usePage } from '../../api/usePage';
import { PageHeader } from '../../ui/PageHeader';
import { openSessionLog, useCaseView } from '../../navigation/places';
import { Who5Button } from '../evaluation';
import { DiscussedInSupervisionItem, withSupervision } from '../supervision';
import { LogStatusBadge, ReferralStatusBadge } from '../../ui/badges';
import { ReassignModal, ReferralModal, ReferralStatusModal, TransitionModal } from './CaseDialogs';
import { CaseHeadline, OverdueAlert, type CaseDialog } from './CaseHeadline';
import { DecisionModal } from './DecisionModal';
import { IdentityReveal } from './IdentityReveal';
import { ProtocolAlert, ProtocolModal } from './Protocol';
import { useFormAction } from '../../ui/useFormAction';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

const eventIcons: Record<CaseEvent['kind'], ReactNode> = {
  opened: <IconFlag3 size={14} />,
  note: <IconNote size={14} />,
  decision: <IconGavel size={14} />,
  status: <IconStatusChange size={14} />,
  assigned: <IconUserCheck size={14} />,
  log_linked: <IconFileText size={14} />,
  severity_raised: <IconTrendingUp size={14} />,
  referral_made: <IconSend size={14} />,
  referral_status: <IconSend size={14} />,
};

/** One timeline entry in words: what happened, by whom and when, and the text written with it. */
function EventItem({ event, detail }: { event: CaseEvent; detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const service = detail.referrals.find((r) => r.id === event.referralId)?.serviceName ?? '';
  let title: string;
  switch (event.kind) {
    case 'opened':
      title = t('events.opened', { origin: t(`caseOrigin.${detail.case.origin}`), severity: t(`severity.${event.severity ?? detail.case.severity}`) });
      break;
    case 'status':
      title = t('events.status', { from: t(`caseStatus.${event.fromStatus ?? 'open'}`), to: t(`caseStatus.${event.toStatus ?? 'open'}`) });
      break;
    case 'assigned':
      title = t('events.assigned', { name: event.assignedToName ?? '' });
      break;
    case 'log_linked':
      title = t('events.log_linked', { date: formatDay(event.logHeldOn, lang) || '—' });
      break;
    case 'severity_raised':
      title = t('events.severity_raised', { severity: t(`severity.${event.severity ?? 'urgent'}`) });
      break;
    case 'referral_made':
      title = t('events.referral_made', { service });
      break;
    case 'referral_status':
      title = t('events.referral_status', { service, status: t(`referralStatus.${(event.referralStatus ?? 'pending') as 'pending'}`) });
      break;
    default:
      title = t(`events.${event.kind}`);
  }
  return (
    <Timeline.Item bullet={eventIcons[event.kind]} title={<Text fw={600} fz="sm">{title}</Text>}>
      {event.kind === 'opened' && event.assignedToName ? (
        <Text fz="sm">{t('events.openedAssigned', { name: event.assignedToName })}</Text>
      ) : null}
      {event.outcome ? <Text fz="sm">{t('events.closedOutcome', { outcome: t(`outcomes.${event.outcome}`) })}</Text> : null}
      {event.body ? (
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {event.body}
        </Text>
      ) : null}
      {event.logVisible && event.logId !== null && (event.kind === 'opened' || event.kind === 'log_linked') ? (
        <Anchor component="button" fz="sm" onClick={() => openSessionLog(event.logId!)}>
          {t('events.viewLog')}
        </Anchor>
      ) : null}
      <Text fz="xs" c="dimmed" mt={2}>
        {t('events.by', { name: event.authorName ?? t('events.system'), at: formatDateTime(event.at, lang) })}
      </Text>
    </Timeline.Item>
  );
}

const caseLogsPerPage = 5;

/** The case's logs newest first, a few at a time: a case followed for years gathers hundreds. */
function CaseLogs({ caseId, count }: { caseId: number; count: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [offset, setOffset] = usePage({ caseId });
  const { data, error, loading, stale, reload } = useCall('cases.logs', { id: caseId, limit: caseLogsPerPage, offset });
  if (count === 0) return <Text fz="sm">{t('casePage.noLogs')}</Text>;
  return (
    <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
      <Stack gap="sm">
        {(data?.logs ?? []).map((log) => (
          <Card key={log.id} withBorder padding="sm" radius="sm">
            <Group justify="space-between" wrap="nowrap">
              <Anchor component="button" fw={600} fz="sm" onClick={() => openSessionLog(log.id)}>
                {formatDay(log.heldOn, lang)} {formatTime(log.startTime ?? '', lang)} · {log.peerName}
              </Anchor>
              <LogStatusBadge status={log.status} />
            </Group>
            <Text fz="sm" mt={4} lineClamp={3}>
              {log.summary}
            </Text>
            {log.risks.length > 0 ? (
              <Group gap={4} mt={6}>
                {log.risks.map((item) => (
                  <Badge key={item} color="red" variant="light" size="sm">
                    {t(`riskShort.${item}`)}
                  </Badge>
                ))}
              </Group>
            ) : null}
          </Card>
        ))}
      </Stack>
      <Pager total={data?.total ?? count} offset={offset} limit={caseLogsPerPage} onOffset={setOffset} />
    </LoadState>
  );
}

export function NoteForm({ detail, onAdded }: { detail: CaseDetail; onAdded(detail: CaseDetail): void }) {
  const { t } = useTranslation();
  const form = useAppForm<{ kind: 'note' | 'decision'; text: string }>({
    mode: 'controlled',
    initialValues: { kind: 'note', text: '' },
    validate: { text: (value) => (value.trim() ? null : t('validation.required', { field: t('casePage.noteText') })) },
  });
  const { busy, error, run } = useFormAction(form);
  const restored = useFormDraft(form, `case-note:${detail.case.id}`, 'cases', true);
  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const saved = await call('cases.addNote', { id: detail.case.id, kind: values.kind, text: values.text });
      form.reset();
      notifications.show({ color: 'teal', message: t('casePage.noteAdded') });
      onAdded(saved);
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="md">
        <Text fw={600} fz="sm">
          {t('casePage.addNote')}
        </Text>
        <RestoredDraftNotice shown={restored} />
        <SegmentedControl
          w="fit-content"
          aria-label={t('casePage.noteKind')}
          data={[
            { value: 'note', label: t('casePage.kindNote') },
            { value: 'decision', label: t('casePage.kindDecision') },
          ]}
          {...form.getInputProps('kind')}
        />
        <Textarea aria-label={t('casePage.noteText')} autosize minRows={3} maxLength={limits.longText} {...form.getInputProps('text')} />
        <FormFooter error={error} busy={busy} submitLabel={t('casePage.add')} />
      </Stack>
    </form>
  );
}

function ReferralsTable({ detail, canAct, onUpdate }: { detail: CaseDetail; canAct: boolean; onUpdate(r: Referral): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (detail.referrals.length === 0) return <Text fz="sm">{t('casePage.noReferrals')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('referrals.service')}</Table.Th>
            <Table.Th>{t('referrals.referredOn')}</Table.Th>
            <Table.Th>{t('referrals.consent')}</Table.Th>
            <Table.Th>{t('referrals.status')}</Table.Th>
            <Table.Th>{t('referrals.followUp')}</Table.Th>
            {canAct ? <Table.Th>{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.referrals.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text fz="sm" fw={600}>
                  {r.serviceName}
                </Text>
                <Text fz="xs" c="dimmed">
                  {[r.organisation, r.phone].filter(Boolean).join(' · ')}
                </Text>
                <Text fz="xs">{r.reason}</Text>
              </Table.Td>
              <Table.Td>{formatDay(r.referredOn, lang)}</Table.Td>
              <Table.Td>
                <Text fz="sm" c={r.consentBy ? undefined : 'orange.8'}>
                  {r.consentBy ? t('referrals.consentGiven', { by: r.consentBy, on: formatDay(r.consentOn, lang) }) : t('referrals.noConsent', { reason: r.overrideReason ?? '' })}
                </Text>
              </Table.Td>
              <Table.Td>
                <ReferralStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={r.followUpOverdue ? 'red.8' : undefined} fw={r.followUpOverdue ? 700 : undefined}>
                  {formatDay(r.followUpOn, lang) || '—'}
                </Text>
                {r.followUpOverdue ? (
                  <Badge color="red" size="xs">
                    {t('referrals.followUpOverdue')}
                  </Badge>
                ) : null}
              </Table.Td>
              {canAct ? (
                <Table.Td>
                  {r.status === 'pending' || r.status === 'accepted' ? (
                    <Button size="xs" variant="subtle" onClick={() => onUpdate(r)} aria-label={`${t('referrals.setStatus')}: ${r.serviceName}`}>
                      {t('referrals.setStatus')}
                    </Button>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type Dialog = CaseDialog | null;

/**
 * The case page: severity, status and due time; the protocol while the case is
 * open; the help-seeker (identity on request, when allowed); the origin logs;
 * the append-only timeline with a form to add to it; referrals; and the
 * actions its assignee and the coordinator may take.
 */
export function CasePage({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const close = useCaseView((s) => s.close);
  const { data, error, loading, reload } = useCall('cases.get', { id: caseId });
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [closing, setClosing] = useState(false);
  const openDialog = (next: CaseDialog, options: { closing?: boolean } = {}) => {
    setClosing(options.closing ?? false);
    setDialog(next);
  };
  const [updating, setUpdating] = useState<Referral | null>(null);
  const [showProtocol, setShowProtocol] = useState(false);
  useEffect(() => setDetail(data), [data]);

  // A dialog left open at the last lock opens again with its text.
  useEffect(() => {
    if (!data) return;
    const keys = pendingDrafts().map((d) => d.formKey);
    if (keys.includes(`case-status:${caseId}`)) setDialog('transition');
    else if (keys.includes(`referral:${caseId}`)) setDialog('referral');
    else if (keys.includes(`reassign:${caseId}`)) setDialog('reassign');
    else if (keys.includes(`case-decision:${caseId}`)) setDialog('decision');
  }, [data, caseId]);

  const saved = (next: CaseDetail) => {
    setDetail(next);
    setDialog(null);
    setUpdating(null);
  };

  const c = detail?.case;
  return (
    <>
      <PageHeader
        title={c ? t('casePage.title', { id: c.id, code: c.helpSeekerCode }) : t('cases.title')}
        actions={
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={close}>
            {t('cases.back')}
          </Button>
        }
      />
      <LoadState loading={loading && !detail} error={error} retry={() => void reload()}>
        {detail && c ? (
          <Stack gap="lg" maw={1040}>
            <CaseHeadline detail={detail} onDialog={openDialog} onShowProtocol={() => setShowProtocol(true)} />

            {c.status === 'open' ? <ProtocolAlert text={detail.escalationProtocol} /> : null}
            {c.overdue ? <OverdueAlert detail={detail} onDialog={openDialog} /> : null}
            {c.assignedUserId === null && c.status !== 'closed' ? (
              <Alert color="orange" variant="light">
                <Group justify="space-between" wrap="nowrap">
                  <Text fz="sm">{t('casePage.unassignedWarning')}</Text>
                  {detail.canReassign ? (
                    <Button size="xs" color="orange" variant="light" leftSection={<IconUserCheck size={14} />} onClick={() => openDialog('reassign')}>
                      {t('casePage.assign')}
                    </Button>
                  ) : null}
                </Group>
              </Alert>
            ) : null}
            {!detail.canAct && role !== 'coordinator' ? (
              <Alert color="gray" variant="light">
                {t('casePage.notYours', { name: c.assignedName ?? t('cases.unassigned') })}
              </Alert>
            ) : null}
            {c.status === 'closed' ? (
              <Alert color="gray" variant="light">
                {t('casePage.closedWith', { outcome: c.outcome ? t(`outcomes.${c.outcome}`) : '' })} {t('casePage.closedNote')}
              </Alert>
            ) : null}

            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <Section title={t('casePage.helpSeeker')}>
                <Text fz="xl" fw={700}>
                  {detail.helpSeeker.code}
                </Text>
                {detail.helpSeeker.identityAllowed ? (
                  <IdentityReveal helpSeekerId={detail.helpSeeker.id} code={detail.helpSeeker.code} />
                ) : (
                  <Text fz="sm" c="dimmed">
                    {t('casePage.identityNotAllowed')}
                  </Text>
                )}
                <Who5Button helpSeeker={{ id: detail.helpSeeker.id, code: detail.helpSeeker.code }} />
              </Section>
              <Section title={t('casePage.logs')}>
                <CaseLogs caseId={caseId} count={detail.logCount} />
              </Section>
            </SimpleGrid>

            <Section
              title={t('casePage.referrals')}
              action={
                detail.canAct && c.status !== 'closed' ? (
                  <Button size="xs" variant="light" leftSection={<IconSend size={14} />} onClick={() => openDialog('referral')}>
                    {t('casePage.makeReferral')}
                  </Button>
                ) : null
              }
            >
              <ReferralsTable detail={detail} canAct={detail.canAct} onUpdate={setUpdating} />
            </Section>

            <Section title={t('casePage.timeline')}>
              <Timeline bulletSize={24} lineWidth={2} active={detail.timeline.length}>
                {withSupervision(detail.timeline, detail.discussedInSupervision).map((entry) =>
                  'event' in entry ? (
                    <EventItem key={entry.event.id} event={entry.event} detail={detail} />
                  ) : (
                    <DiscussedInSupervisionItem key={`meeting-${entry.meeting.meetingId}`} meeting={entry.meeting} />
                  ),
                )}
              </Timeline>
              {detail.canAct ? <NoteForm detail={detail} onAdded={setDetail} /> : null}
            </Section>
          </Stack>
        ) : null}
      </LoadState>
      {detail ? (
        <>
          <TransitionModal detail={detail} opened={dialog === 'transition'} initialTo={closing ? 'closed' : null} onClose={() => setDialog(null)} onSaved={saved} />
          <DecisionModal detail={detail} opened={dialog === 'decision'} onClose={() => setDialog(null)} onSaved={saved} />
          <ReferralModal detail={detail} opened={dialog === 'referral'} onClose={() => setDialog(null)} onSaved={saved} />
          <ReferralStatusModal referral={updating} onClose={() => setUpdating(null)} onSaved={saved} />
          <ReassignModal
            detail={detail}
            opened={dialog === 'reassign'}
            onClose={() => setDialog(null)}
            onDone={(visible, name) => {
              setDialog(null);
              notifications.show({ color: 'teal', message: visible ? t('reassign.saved', { id: detail.case.id, name }) : t('reassign.gone', { id: detail.case.id, name }) });
              if (visible) void reload();
              else close();
            }}
          />
          <ProtocolModal opened={showProtocol} title={t('casePage.protocolTitle')} protocol={detail.escalationProtocol} onClose={() => setShowProtocol(false)} />
        </>
      ) : null}
    </>
  );
}
