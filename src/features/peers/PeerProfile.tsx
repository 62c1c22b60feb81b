import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconCertificate,
  IconCheck,
  IconPencil,
  IconPlus,
  IconStatusChange,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { interviewCriteria, type PeerProfile as Profile, type TrainingRecord } from '../../contract';
import { pendingDrafts } from '../../drafts/registry';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime, formatDay, formatHours } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { EvaluationHistory } from '../evaluation';
import { moduleTitle } from '../training';
import { CertificateModal } from './Certificate';
import { ConsentModal, PledgeModal } from './ConsentPledgeModals';
import { InterviewModal } from './InterviewModal';
import { PeerFormModal } from './PeerFormModal';
import { PeerStatusBadge } from './PeerStatusBadge';
import { AddRecordModal, KnowledgeScoresModal } from './TrainingModals';
import { ActivationChecklist, nextStatus, TransitionModal } from './TransitionModal';
import { PeerSessionLogs } from '../sessions';
import { PeerSupervision } from '../supervision';

type Dialog = 'details' | 'transition' | 'interview' | 'consent' | 'pledge' | 'record' | 'scores' | 'certificate' | null;

/** Which dialog a draft saved at the last lock belongs to, so it opens again with its text. */
const draftDialogs: Array<[prefix: string, dialog: Dialog]> = [
  ['peer:', 'details'],
  ['interview:', 'interview'],
  ['consent:', 'consent'],
  ['transition:', 'transition'],
  ['pledge:', 'pledge'],
  ['training-record:', 'record'],
  ['knowledge:', 'scores'],
];

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="sm">{children}</Text>
    </div>
  );
}

function StatusHistory({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const history = [...profile.history].reverse();
  return (
    <Timeline active={0} bulletSize={14} lineWidth={2}>
      {history.map((change) => (
        <Timeline.Item
          key={change.id}
          title={
            <Group gap={6}>
              <PeerStatusBadge status={change.toStatus} />
              {change.overridden ? (
                <Badge color="orange" variant="outline" size="sm">
                  {t('peers.historyOverride')}
                </Badge>
              ) : null}
            </Group>
          }
        >
          <Text fz="xs" c="dimmed">
            {formatDateTime(change.changedAt, i18n.language)}
            {change.changedByName ? ` · ${t('peers.historyBy', { name: change.changedByName })}` : ''}
          </Text>
          {change.reason ? <Text fz="sm">{change.reason}</Text> : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function Check({ ok, children }: { ok: boolean; children: ReactNode }) {
  return (
    <List.Item
      icon={
        <ThemeIcon color={ok ? 'teal' : 'gray'} size={18} radius="xl" variant="light">
          {ok ? <IconCheck size={12} /> : <IconX size={12} />}
        </ThemeIcon>
      }
    >
      {children}
    </List.Item>
  );
}

function SelectionCard({ profile, canEdit, onInterview }: { profile: Profile; canEdit: boolean; onInterview(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { nomination, interview } = profile;
  const met = interview ? interviewCriteria.filter((c) => interview.criteria[c]).length : 0;
  return (
    <Section title={t('peers.interviewTitle')}>
      <Stack gap="sm">
        <Text fz="sm" fw={600}>
          {t('peers.nominationTitle')}
        </Text>
        {nomination ? (
          <SimpleGrid cols={2} spacing="xs">
            <Detail label={t('peers.nominatedBy')}>
              {nomination.nominatedBy} ({t(`peers.sources.${nomination.source}`)})
            </Detail>
            <Detail label={t('peers.nominatedOn')}>{formatDay(nomination.nominatedOn, lang) || '—'}</Detail>
            {nomination.reason ? (
              <div style={{ gridColumn: '1 / -1' }}>
                <Detail label={t('peers.nominationReason')}>{nomination.reason}</Detail>
              </div>
            ) : null}
          </SimpleGrid>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('peers.noNomination')}
          </Text>
        )}
        <Text fz="sm" fw={600} mt="xs">
          {t('peers.interviewTitle')}
        </Text>
        {interview ? (
          <Stack gap="xs">
            <Group gap="xs">
              <Text fz="sm">
                {formatDay(interview.interviewedOn, lang)} · {interview.interviewer}
              </Text>
              <Badge variant="light" color={interview.decision === 'selected' ? 'teal' : interview.decision === 'not_selected' ? 'red' : 'gray'}>
                {t(`peers.decisions.${interview.decision}`)}
              </Badge>
            </Group>
            <Text fz="xs" c="dimmed">
              {t('peers.criteriaMet', { met, total: interviewCriteria.length })}
            </Text>
            <List spacing={2} size="sm" center>
              {interviewCriteria.map((c) => (
                <Check key={c} ok={interview.criteria[c]}>
                  {t(`peers.criteria.${c}`)}
                </Check>
              ))}
            </List>
            {interview.notes ? <Text fz="sm">{interview.notes}</Text> : null}
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('peers.noInterview')}
          </Text>
        )}
        {canEdit ? (
          <Group>
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={onInterview}>
              {interview ? t('peers.editInterview') : t('peers.recordInterview')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Section>
  );
}

function ConsentCard({ profile, canEdit, onConsent, onPledge }: { profile: Profile; canEdit: boolean; onConsent(): void; onPledge(): void }) {
  const { t, i18n } = useTranslation();
  const { consent, pledgeOn } = profile;
  return (
    <Section title={t('peers.consentTitle')}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <ThemeIcon color={consent ? 'teal' : 'gray'} size={20} radius="xl" variant="light">
              {consent ? <IconCheck size={14} /> : <IconX size={14} />}
            </ThemeIcon>
            <Text fz="sm">
              {/* A supervisor is told when consent was given, not by whom (the backend leaves the guardian out). */}
              {consent && consent.guardianName !== null && consent.relationship !== null
                ? t('peers.consentBy', {
                    name: consent.guardianName,
                    relationship: t(`peers.relationships.${consent.relationship}`).toLocaleLowerCase(),
                    date: formatDay(consent.consentOn, i18n.language),
                  })
                : consent
                  ? t('peers.consentGiven', { date: formatDay(consent.consentOn, i18n.language) })
                  : t('peers.noConsent')}
            </Text>
          </Group>
          {consent?.formLocation ? (
            <Text fz="xs" c="dimmed" pl={28}>
              {t('peers.formKept', { place: consent.formLocation })}
            </Text>
          ) : null}
          {canEdit ? (
            <Group pl={28}>
              <Button size="xs" variant="light" onClick={onConsent}>
                {consent ? t('peers.editConsent') : t('peers.recordConsent')}
              </Button>
            </Group>
          ) : null}
        </Stack>
        <Stack gap={4}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <ThemeIcon color={pledgeOn ? 'teal' : 'gray'} size={20} radius="xl" variant="light">
              {pledgeOn ? <IconCheck size={14} /> : <IconX size={14} />}
            </ThemeIcon>
            <Text fz="sm">{pledgeOn ? t('peers.pledgeSigned', { date: formatDay(pledgeOn, i18n.language) }) : t('peers.noPledge')}</Text>
          </Group>
          {canEdit ? (
            <Group pl={28}>
              <Button size="xs" variant="light" onClick={onPledge}>
                {pledgeOn ? t('peers.editPledge') : t('peers.recordPledge')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Stack>
    </Section>
  );
}

function TrainingSection({
  profile,
  canEdit,
  own,
  onAddRecord,
  onScores,
  onCertificate,
  onDeleteRecord,
}: {
  profile: Profile;
  canEdit: boolean;
  /** The peer reading their own record. */
  own: boolean;
  onAddRecord(): void;
  onScores(): void;
  onCertificate(): void;
  onDeleteRecord(record: TrainingRecord): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const training = profile.training;
  const titleOf = (moduleId: number) => moduleTitle(training.modules.find((m) => m.moduleId === moduleId), lang);
  const percent = training.requiredTotal ? (training.requiredDone / training.requiredTotal) * 100 : 0;
  return (
    <Section
      title={own ? t('peers.yourTraining') : t('peers.trainingTitle')}
      action={
        <Group gap="xs">
          {training.trained ? (
            <Button size="xs" variant="light" color="teal" leftSection={<IconCertificate size={14} />} onClick={onCertificate}>
              {t('peers.certificate')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAddRecord}>
              {t('peers.addRecord')}
            </Button>
          ) : null}
        </Group>
      }
    >
      <Stack gap="md">
        <Group gap="lg" align="center">
          <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
            <Group justify="space-between">
              <Text fz="sm" fw={600}>
                {training.trained ? t('peers.trainedOn', { date: formatDay(training.trainedOn, lang) }) : t('peers.requiredProgress', { done: training.requiredDone, total: training.requiredTotal })}
              </Text>
              {training.trained ? (
                <Badge color="teal" variant="light">
                  {t('peers.trained')}
                </Badge>
              ) : null}
            </Group>
            <Progress
              value={percent}
              color={training.trained ? 'teal' : 'yellow'}
              aria-label={t('peers.requiredProgress', { done: training.requiredDone, total: training.requiredTotal })}
            />
            <Text fz="xs" c="dimmed">
              {t('peers.hoursTotal', { hours: formatHours(training.hours, lang) })}
            </Text>
          </Stack>
          <Group gap="lg">
            <Detail label={t('peers.knowledgePre')}>{training.knowledgePre ?? t('peers.noScore')}</Detail>
            <Detail label={t('peers.knowledgePost')}>{training.knowledgePost ?? t('peers.noScore')}</Detail>
            {canEdit ? (
              <Button size="xs" variant="subtle" onClick={onScores}>
                {t('peers.editScores')}
              </Button>
            ) : null}
          </Group>
        </Group>

        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('peers.module')}</Table.Th>
                <Table.Th>{t('peers.moduleState')}</Table.Th>
                <Table.Th>{t('peers.lastCompleted')}</Table.Th>
                <Table.Th>{t('peers.bestScore')}</Table.Th>
                <Table.Th>{t('peers.refresher')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {training.modules.map((m) => (
                <Table.Tr key={m.moduleId}>
                  <Table.Td>
                    {moduleTitle(m, lang)}
                    {!m.required ? (
                      <Text span c="dimmed" fz="xs">
                        {` · ${t('peers.optional')}`}
                      </Text>
                    ) : null}
                    {m.retired ? (
                      <Text span c="dimmed" fz="xs">
                        {` · ${t('peers.retiredTag')}`}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.completed ? 'teal' : m.attended ? 'yellow' : 'gray'}>
                      {m.completed ? t('peers.moduleDone') : m.attended ? t('peers.moduleAttended') : t('peers.moduleNotYet')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDay(m.lastCompletedOn, lang) || '—'}</Table.Td>
                  <Table.Td>{m.bestScore ?? '—'}</Table.Td>
                  <Table.Td>
                    {m.refresherState ? (
                      <Badge color={m.refresherState === 'overdue' ? 'red' : 'orange'} variant="light">
                        {m.refresherState === 'overdue'
                          ? t('peers.refresherOverdueOn', { date: formatDay(m.refresherDueOn, lang) })
                          : t('peers.refresherDueOn', { date: formatDay(m.refresherDueOn, lang) })}
                      </Badge>
                    ) : m.refresherDueOn ? (
                      <Text fz="xs" c="dimmed">
                        {t('peers.nextRefresher', { date: formatDay(m.refresherDueOn, lang) })}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        <Stack gap={6}>
          <Text fz="sm" fw={600}>
            {t('peers.recordsTitle')}
          </Text>
          {training.records.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('peers.noRecords')}
            </Text>
          ) : (
            <Table verticalSpacing={4} fz="sm" aria-label={t('peers.recordsTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('peers.attendedOn')}</Table.Th>
                  <Table.Th>{t('peers.module')}</Table.Th>
                  <Table.Th>{t('training.hours')}</Table.Th>
                  <Table.Th>{t('peers.trainer')}</Table.Th>
                  <Table.Th>{t('peers.moduleState')}</Table.Th>
                  <Table.Th>{t('training.score')}</Table.Th>
                  {canEdit ? <Table.Th /> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {training.records.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td w={130} style={{ whiteSpace: 'nowrap' }}>
                      {formatDay(r.attendedOn, lang)}
                    </Table.Td>
                    <Table.Td>
                      {titleOf(r.moduleId)}
                      {r.sessionId ? (
                        <Text span c="dimmed" fz="xs">
                          {` · ${t('peers.groupSession')}`}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('peers.certHours', { hours: formatHours(r.hours, lang) })}</Table.Td>
                    <Table.Td>{r.trainer}</Table.Td>
                    <Table.Td>{r.completed ? t('peers.moduleDone') : t('peers.moduleAttended')}</Table.Td>
                    <Table.Td>{r.score ?? ''}</Table.Td>
                    {canEdit ? (
                      <Table.Td w={40}>
                        <Tooltip label={t('peers.deleteRecord')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('peers.deleteRecordLabel', { module: titleOf(r.moduleId), date: formatDay(r.attendedOn, lang) })}
                            onClick={() => onDeleteRecord(r)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Stack>
    </Section>
  );
}

/**
 * A peer's profile: details, status history, selection, consent and pledge,
 * training progress and hours, supervisor, supervision, evaluations and session logs.
 * `canEdit` is the coordinator; a supervisor or the peer themselves read only.
 */
export function PeerProfile({ peerId, canEdit, own = false, onBack }: { peerId: number; canEdit: boolean; own?: boolean; onBack?: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, loading, reload } = useCall('peers.profile', { id: peerId });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [deleting, setDeleting] = useState<TrainingRecord | null>(null);

  // A form left open at the last lock opens again with its text.
  useEffect(() => {
    if (!data || !canEdit) return;
    for (const [prefix, kind] of draftDialogs) {
      if (pendingDrafts().some((d) => d.formKey === `${prefix}${peerId}`)) {
        setDialog(kind);
        return;
      }
    }
  }, [data, canEdit, peerId]);

  const saved = () => {
    setDialog(null);
    void reload();
  };

  const profile = data;
  const next = profile ? nextStatus(profile.peer.status) : null;
  const showReadiness = profile && canEdit && ['selected', 'in_training', 'paused'].includes(profile.peer.status);

  return (
    <>
      {onBack ? (
        <Anchor component="button" type="button" onClick={onBack} fz="sm" mb="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('peers.back')}
          </Group>
        </Anchor>
      ) : null}
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        {profile ? (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <Stack gap={6}>
                <Title order={1} size="h2">
                  {profile.peer.fullName}
                </Title>
                <Group gap="sm">
                  <PeerStatusBadge status={profile.peer.status} />
                  <Text c="dimmed" fz="sm">
                    {t('peers.className')} {profile.peer.className}
                  </Text>
                  <Text c="dimmed" fz="sm">
                    · {profile.supervisorName ? `${t('peers.supervisor')}: ${profile.supervisorName}` : t('peers.noSupervisor')}
                  </Text>
                </Group>
              </Stack>
              {canEdit ? (
                <Group gap="sm">
                  <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('details')}>
                    {t('peers.editDetails')}
                  </Button>
                  <Button leftSection={<IconStatusChange size={16} />} onClick={() => setDialog('transition')} disabled={next === null}>
                    {t('peers.changeStatus')}
                  </Button>
                </Group>
              ) : null}
            </Group>

            {showReadiness ? (
              <Card withBorder radius="md" padding="md" bg={profile.activation.ready ? 'var(--mantine-color-teal-0)' : 'var(--mantine-color-yellow-0)'}>
                <Stack gap={6}>
                  <Text fw={600} fz="sm">
                    {t('peers.readinessTitle', { name: profile.peer.fullName })}
                  </Text>
                  {profile.activation.ready ? <Text fz="sm">{t('peers.ready')}</Text> : null}
                  <ActivationChecklist profile={profile} />
                </Stack>
              </Card>
            ) : null}

            <SimpleGrid cols={{ base: 1, md: profile.interview !== null || canEdit ? 3 : 2 }} spacing="lg">
              <Section title={t('peers.historyTitle')}>
                <StatusHistory profile={profile} />
              </Section>
              {canEdit || profile.nomination || profile.interview ? (
                <SelectionCard profile={profile} canEdit={canEdit} onInterview={() => setDialog('interview')} />
              ) : null}
              <ConsentCard profile={profile} canEdit={canEdit} onConsent={() => setDialog('consent')} onPledge={() => setDialog('pledge')} />
            </SimpleGrid>

            <TrainingSection
              profile={profile}
              canEdit={canEdit}
              own={own}
              onAddRecord={() => setDialog('record')}
              onScores={() => setDialog('scores')}
              onCertificate={() => setDialog('certificate')}
              onDeleteRecord={setDeleting}
            />

            <PeerSupervision peerId={peerId} status={profile.peer.status} own={own} />
            <EvaluationHistory peerId={peerId} />
            <PeerSessionLogs peerId={peerId} />

            {canEdit ? (
              <>
                <PeerFormModal profile={profile} opened={dialog === 'details'} onClose={() => setDialog(null)} onSaved={saved} />
                <TransitionModal profile={profile} opened={dialog === 'transition'} onClose={() => setDialog(null)} onSaved={saved} />
                <InterviewModal
                  peer={profile.peer}
                  interview={profile.interview}
                  opened={dialog === 'interview'}
                  onClose={() => setDialog(null)}
                  onSaved={saved}
                />
                <ConsentModal peer={profile.peer} consent={profile.consent} opened={dialog === 'consent'} onClose={() => setDialog(null)} onSaved={saved} />
                <PledgeModal peer={profile.peer} pledgeOn={profile.pledgeOn} opened={dialog === 'pledge'} onClose={() => setDialog(null)} onSaved={saved} />
                <AddRecordModal
                  peer={profile.peer}
                  modules={profile.training.modules}
                  opened={dialog === 'record'}
                  onClose={() => setDialog(null)}
                  onSaved={saved}
                />
                <KnowledgeScoresModal
                  peer={profile.peer}
                  scores={profile.training}
                  opened={dialog === 'scores'}
                  onClose={() => setDialog(null)}
                  onSaved={saved}
                />
                <ConfirmDialog
                  opened={deleting !== null}
                  danger
                  title={t('peers.deleteRecordTitle')}
                  body={
                    deleting
                      ? t('peers.deleteRecordBody', {
                          module: moduleTitle(profile.training.modules.find((m) => m.moduleId === deleting.moduleId), lang),
                          date: formatDay(deleting.attendedOn, lang),
                          name: profile.peer.fullName,
                        })
                      : ''
                  }
                  confirmLabel={t('peers.deleteRecord')}
                  onCancel={() => setDeleting(null)}
                  onConfirm={async () => {
                    if (!deleting) return;
                    await call('training.deleteRecord', { id: deleting.id });
                    notifications.show({ color: 'teal', message: t('peers.recordDeleted') });
                    setDeleting(null);
                    await reload();
                  }}
                />
              </>
            ) : null}
            <CertificateModal profile={profile} opened={dialog === 'certificate'} onClose={() => setDialog(null)} />
          </Stack>
        ) : null}
      </LoadState>
    </>
  );
}
