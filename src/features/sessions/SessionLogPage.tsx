import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconArrowBackUp, IconCheck, IconFlag3, IconInfoCircle, IconLock, IconNote, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { limits, type CaseStatus, type SessionLog } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/FormError';
import { FormFooter } from '../../ui/FormFooter';
import { formatDateTime, formatDay, formatTime } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { CaseStatusBadge, LogStatusBadge, SeverityBadge } from '../../ui/badges';
import { openCasePage, useSessionsView } from '../../navigation/places';
import { OpenCaseModal, type Opening } from '../cases';
import { useFormAction } from '../../ui/useFormAction';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useGuardedClose } from '../../ui/DiscardPrompt';

function Card2({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
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
      <Text fz="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

/** A short text the coordinator writes back to the peer, who reads it on the returned log. */
export function ReturnModal({ log, opened, onClose, onDone }: { log: SessionLog; opened: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const form = useAppForm({
    mode: 'controlled',
    initialValues: { comment: '' },
    validate: { comment: (value: string) => (value.trim() ? null : t('validation.required', { field: t('fields.comment') })) },
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, run } = useFormAction(form);
  const restored = useFormDraft(form, `return:${log.id}`, 'sessions', opened);
  const submit = form.onSubmit(async ({ comment }) => {
    await run(async () => {
      await call('sessionLogs.return', { id: log.id, version: log.version, comment });
      form.reset();
      notifications.show({ color: 'teal', message: t('logView.returned', { name: log.peerName }) });
      onDone();
    });
  });
  return (
    <AppModal opened={opened} onClose={close} title={t('review.returnTitle', { name: log.peerName })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Textarea
            label={t('review.comment')}
            description={t('review.returnHint')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={limits.longText}
            data-autofocus
            {...form.getInputProps('comment')}
          />
          <FormFooter error={error} busy={busy} submitLabel={t('logView.return')} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

/**
 * Approves a log that cannot go back to its peer (issue 14: no account, or not active) with a
 * review note saying what was checked or what is missing; the note stays with the decision.
 */
export function ApproveWithNoteModal({ log, opened, onClose, onDone }: { log: SessionLog; opened: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const form = useAppForm({
    mode: 'controlled',
    initialValues: { comment: '' },
    validate: { comment: (value: string) => (value.trim() ? null : t('validation.required', { field: t('review.noteLabel') })) },
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, run } = useFormAction(form);
  const restored = useFormDraft(form, `approve-note:${log.id}`, 'sessions', opened);
  const submit = form.onSubmit(async ({ comment }) => {
    await run(async () => {
      await call('sessionLogs.approve', { id: log.id, version: log.version, comment });
      form.reset();
      notifications.show({ color: 'teal', message: t('review.noteSaved') });
      onDone();
    });
  });
  return (
    <AppModal opened={opened} onClose={close} title={t('review.noteTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Text fz="sm">{t('review.noteIntro', { name: log.peerName })}</Text>
          <Textarea
            label={t('review.noteLabel')}
            description={t('review.noteHint')}
            withAsterisk
            autosize
            minRows={3}
            maxLength={limits.longText}
            data-autofocus
            {...form.getInputProps('comment')}
          />
          <FormFooter error={error} busy={busy} submitLabel={t('logView.approve')} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

export function AddendumForm({ log, onAdded }: { log: SessionLog; onAdded(): void }) {
  const { t } = useTranslation();
  const form = useAppForm({
    mode: 'controlled',
    initialValues: { text: '' },
    validate: { text: (value: string) => (value.trim() ? null : t('validation.required', { field: t('logView.addendumLabel') })) },
  });
  const { busy, error, run } = useFormAction(form);
  const restored = useFormDraft(form, `addendum:${log.id}`, 'sessions', true);
  const submit = form.onSubmit(async ({ text }) => {
    await run(async () => {
      await call('sessionLogs.addAddendum', { id: log.id, text });
      form.reset();
      notifications.show({ color: 'teal', message: t('logView.addendumSaved') });
      onAdded();
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" mt="sm">
        <RestoredDraftNotice shown={restored} />
        <Textarea label={t('logView.addAddendum')} autosize minRows={2} maxLength={limits.longText} {...form.getInputProps('text')} />
        <FormError error={error} />
        <Group>
          <Button type="submit" variant="light" loading={busy}>
            {t('logView.addAddendum')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One session log as everyone allowed to see it reads it, with the review actions and addenda. */
export function SessionLogPage({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const show = useSessionsView((s) => s.show);
  const { data, error, loading, reload } = useCall('sessionLogs.get', { id });
  const [approving, setApproving] = useState(false);
  const [returning, setReturning] = useState(false);
  const [noting, setNoting] = useState(false);
  const [opening, setOpening] = useState<Opening | null>(null);
  const log = data?.log;

  const startEscalation = async (current: SessionLog) => {
    const { peer } = await call('peers.get', { id: current.peerId });
    setOpening({ kind: 'escalate', logId: current.id, version: current.version, peerName: current.peerName, severity: current.severity, defaultAssignee: peer.supervisorUserId });
  };

  const reviewLabel = (decision: string, name: string) =>
    decision === 'returned' ? t('logView.reviewReturned', { name }) : decision === 'escalated' ? t('logView.reviewEscalated', { name }) : t('logView.reviewApproved', { name });

  return (
    <>
      <PageHeader
        title={log ? t('logView.title', { date: formatDay(log.heldOn, lang) || '—' }) : t('logForm.editTitle')}
        actions={
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => show({ kind: 'list' })}>
            {t('sessions.back')}
          </Button>
        }
      />
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        {log ? (
          <Stack gap="lg" maw={960}>
            <Group gap="sm">
              <LogStatusBadge status={log.status} />
              {log.severity ? <SeverityBadge severity={log.severity} /> : null}
              {log.enteredByStaff ? (
                <Badge variant="outline" color="gray">
                  {t('sessions.paper')}
                </Badge>
              ) : null}
              <Group gap="sm" ml="auto">
                {log.canEdit && !log.canReview ? (
                  <Button leftSection={<IconPencil size={16} />} onClick={() => show({ kind: 'form', id: log.id })}>
                    {t('logView.edit')}
                  </Button>
                ) : null}
                {log.canReview ? (
                  <>
                    <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => setApproving(true)}>
                      {t('logView.approve')}
                    </Button>
                    {/* Only to a peer who can read the comment and change the log (issue 14); otherwise a note says why. */}
                    {log.canReturn ? (
                      <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => setReturning(true)}>
                        {t('logView.return')}
                      </Button>
                    ) : (
                      <Button variant="default" leftSection={<IconNote size={16} />} onClick={() => setNoting(true)}>
                        {t('logView.approveWithNote')}
                      </Button>
                    )}
                    {/* A paper log waiting for review: the coordinator who typed it in corrects it. */}
                    {log.canEdit ? (
                      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => show({ kind: 'form', id: log.id })}>
                        {t('logView.correct')}
                      </Button>
                    ) : null}
                    {log.cases.some((c) => c.status !== 'closed') ? null : (
                      <Button color="red" variant="light" leftSection={<IconFlag3 size={16} />} onClick={() => void startEscalation(log)}>
                        {t('logView.escalate')}
                      </Button>
                    )}
                  </>
                ) : null}
              </Group>
            </Group>
            {log.canReview && !log.canReturn ? (
              <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
                {log.peerHasAccount ? t('logView.cannotReturnNotActive', { name: log.peerName }) : t('logView.cannotReturnNoAccount', { name: log.peerName })}{' '}
                {log.canEdit ? t('logView.cannotReturnPaper') : t('logView.cannotReturnOwn')}
              </Alert>
            ) : null}
            {log.status === 'approved' ? (
              <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
                {t('logView.locked', { at: formatDateTime(log.approvedAt, lang), name: log.approvedByName ?? '' })}
              </Alert>
            ) : null}

            <Card2 title={t('logView.details')}>
              <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
                <Detail label={t('sessions.peer')}>{log.peerName}</Detail>
                <Detail label={t('sessions.helpSeeker')}>{log.helpSeekerCode ?? '—'}</Detail>
                <Detail label={t('sessions.heldOn')}>
                  {formatDay(log.heldOn, lang) || '—'} {formatTime(log.startTime ?? '', lang)}
                </Detail>
                <Detail label={t('logView.durationLabel')}>{log.durationMinutes ? t('logView.duration', { count: log.durationMinutes }) : '—'}</Detail>
                <Detail label={t('logForm.mode')}>
                  {log.mode ? t(`modes.${log.mode}`) : '—'}
                  {log.mode === 'group' && log.groupSize ? ` · ${t('logView.groupOf', { count: log.groupSize })}` : ''}
                </Detail>
                <Detail label={t('sessions.topics')}>{log.topics.map((topic) => t(`topics.${topic}`)).join(', ') || '—'}</Detail>
                <Detail label={t('logView.followUp')}>{formatDay(log.followUpOn, lang) || t('logView.none')}</Detail>
                {log.enteredByStaff ? <Detail label={t('logView.enteredBy')}>{log.enteredByName}</Detail> : null}
              </SimpleGrid>
            </Card2>

            <Card2 title={t('logView.summary')}>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{log.summary || '—'}</Text>
              <Title order={3} size="h5" mt="md" mb={4}>
                {t('logView.actions')}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{log.actions || '—'}</Text>
            </Card2>

            <Card2 title={t('logView.riskScreen')}>
              {log.risks.length > 0 ? (
                <List spacing={4} icon={<IconAlertTriangle size={16} color="var(--mantine-color-red-6)" />}>
                  {log.risks.map((item) => (
                    <List.Item key={item}>{t(`riskItems.${item}`)}</List.Item>
                  ))}
                </List>
              ) : (
                <Text fz="sm">{log.noRisks ? t('logView.riskNone') : t('logView.riskUnanswered')}</Text>
              )}
              <Text fz="sm" mt="sm">
                {t('logView.concern')}: <strong>{log.concern ? t(`concern.${log.concern}`) : '—'}</strong>
              </Text>
              {log.cases.length > 0 ? (
                <Group gap="sm" mt="sm">
                  <Text fz="sm" fw={600}>
                    {t('logView.cases')}:
                  </Text>
                  {log.cases.map((c) => (
                    <Group key={c.id} gap={6}>
                      <Anchor component="button" fz="sm" onClick={() => openCasePage(c.id)}>
                        {t('logView.caseLink', { id: c.id })}
                      </Anchor>
                      <SeverityBadge severity={c.severity} />
                      <CaseStatusBadge status={c.status as CaseStatus} />
                    </Group>
                  ))}
                </Group>
              ) : null}
            </Card2>

            {log.reviews.length > 0 ? (
              <Card2 title={t('logView.reviews')}>
                <Stack gap="xs">
                  {log.reviews.map((r) => (
                    <div key={r.id}>
                      <Text fz="sm" fw={600}>
                        {reviewLabel(r.decision, r.byName ?? '')} · {formatDateTime(r.at, lang)}
                      </Text>
                      {r.comment ? (
                        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {r.comment}
                        </Text>
                      ) : null}
                    </div>
                  ))}
                </Stack>
              </Card2>
            ) : null}

            {log.status === 'approved' ? (
              <Card2 title={t('logView.addenda')}>
                <Text fz="sm" c="dimmed" mb="sm">
                  {t('logView.addendaIntro')}
                </Text>
                {log.addenda.length === 0 ? (
                  <Text fz="sm">{t('logView.noAddenda')}</Text>
                ) : (
                  <Stack gap="sm">
                    {log.addenda.map((a) => (
                      <Card key={a.id} withBorder padding="sm" radius="sm" bg="var(--mantine-color-gray-0)">
                        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {a.text}
                        </Text>
                        <Text fz="xs" c="dimmed" mt={4}>
                          {t('logView.addendumBy', { name: a.authorName, role: t(`roles.${a.authorRole as 'peer'}`), at: formatDateTime(a.at, lang) })}
                        </Text>
                      </Card>
                    ))}
                  </Stack>
                )}
                {log.canAddAddendum ? <AddendumForm log={log} onAdded={() => void reload()} /> : null}
              </Card2>
            ) : null}
          </Stack>
        ) : null}
      </LoadState>
      {log ? (
        <>
          <ConfirmDialog
            opened={approving}
            title={t('logView.approveTitle')}
            body={t('logView.approveBody')}
            confirmLabel={t('logView.approve')}
            onCancel={() => setApproving(false)}
            onConfirm={async () => {
              await call('sessionLogs.approve', { id: log.id, version: log.version });
              setApproving(false);
              notifications.show({ color: 'teal', message: t('logView.approved') });
              await reload();
            }}
          />
          <ReturnModal
            log={log}
            opened={returning}
            onClose={() => setReturning(false)}
            onDone={() => {
              setReturning(false);
              void reload();
            }}
          />
          <ApproveWithNoteModal
            log={log}
            opened={noting}
            onClose={() => setNoting(false)}
            onDone={() => {
              setNoting(false);
              void reload();
            }}
          />
          <OpenCaseModal opening={opening} onClose={() => setOpening(null)} onOpened={() => void reload()} />
        </>
      ) : null}
    </>
  );
}
