import {
  Alert,
  Button,
  Card,
  Checkbox,
  Chip,
  Collapse,
  Group,
  Input,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import {
  concernLevels,
  offeredPeerStatuses,
  localDate,
  methods,
  riskItems,
  sessionLogComplete,
  sessionModes,
  sessionTopics,
  type ConcernLevel,
  type MethodOutput,
  type RiskItem,
  type SessionLog,
  type SessionMode,
  type SessionTopic,
} from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { useSession } from '../../stores/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/FormError';
import { contractValidator, showCallError } from '../../ui/forms';
import { HelpSeekerPicker } from '../../ui/HelpSeekerPicker';
import { PeerPicker } from '../../ui/PeerPicker';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { FlaggedModal } from './FlaggedModal';
import { useSessionsView } from '../../navigation/places';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { DateField, TimeField } from '../../ui/DateField';
import { useGuardedClose } from '../../ui/DiscardPrompt';

interface LogValues {
  peerId: string | null;
  who: 'existing' | 'new';
  helpSeekerId: string | null;
  identity: { fullName: string; className: string; contact: string; parentContact: string };
  heldOn: string;
  startTime: string;
  durationMinutes: number | string;
  mode: SessionMode | null;
  groupSize: number | string;
  topics: SessionTopic[];
  summary: string;
  actions: string;
  followUpOn: string;
  risks: RiskItem[];
  noRisks: boolean;
  concern: ConcernLevel | null;
}

const noIdentity = { fullName: '', className: '', contact: '', parentContact: '' };

function blank(peerId: number | null): LogValues {
  return {
    peerId: peerId === null ? null : String(peerId),
    who: 'new',
    helpSeekerId: null,
    identity: noIdentity,
    heldOn: localDate(new Date()),
    startTime: '',
    durationMinutes: '',
    mode: 'in_person',
    groupSize: '',
    topics: [],
    summary: '',
    actions: '',
    followUpOn: '',
    risks: [],
    noRisks: false,
    concern: null,
  };
}

function fromLog(log: SessionLog): LogValues {
  return {
    peerId: String(log.peerId),
    who: log.helpSeekerId === null ? 'new' : 'existing',
    helpSeekerId: log.helpSeekerId === null ? null : String(log.helpSeekerId),
    identity: noIdentity,
    heldOn: log.heldOn ?? '',
    startTime: log.startTime ?? '',
    durationMinutes: log.durationMinutes ?? '',
    mode: log.mode,
    groupSize: log.groupSize ?? '',
    topics: log.topics,
    summary: log.summary,
    actions: log.actions,
    followUpOn: log.followUpOn ?? '',
    risks: log.risks,
    noRisks: log.noRisks,
    concern: log.concern,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value);
const numberOrNull = (value: number | string) => (value === '' || value === null ? null : Number(value));

/** The form's values as the contract's input (without id, version and submit). */
function fields(values: LogValues) {
  return {
    peerId: Number(values.peerId ?? 0),
    helpSeekerId: values.who === 'existing' && values.helpSeekerId ? Number(values.helpSeekerId) : null,
    ...(values.who === 'new' ? { newHelpSeeker: { identity: values.identity } } : {}),
    heldOn: orNull(values.heldOn),
    startTime: orNull(values.startTime),
    durationMinutes: numberOrNull(values.durationMinutes),
    mode: values.mode,
    groupSize: values.mode === 'group' ? numberOrNull(values.groupSize) : null,
    topics: values.topics,
    summary: values.summary,
    actions: values.actions,
    followUpOn: orNull(values.followUpOn),
    risks: values.risks,
    noRisks: values.risks.length === 0 && values.noRisks,
    concern: values.concern,
  };
}

/** Errors under the form's own field names: the identity's fields sit under `identity.` here. */
function renamed(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field.replace(/^newHelpSeeker\./, ''), message]));
}

function Section({ title, children, tone }: { title: string; children: ReactNode; tone?: 'risk' }) {
  return (
    <Card withBorder radius="md" padding="lg" style={tone === 'risk' ? { borderColor: 'var(--mantine-color-orange-4)' } : undefined}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

type Saved = MethodOutput<'sessionLogs.create'>;

/**
 * Writing a session log: a peer's own, or a coordinator typing in a paper
 * form. A draft may be incomplete; submitting checks everything the review
 * needs, with the same rules as the backend. A log with a ticked risk item
 * goes to a supervisor at once, and the school's protocol is shown.
 */
export function SessionLogForm({ id }: { id: number | null }) {
  return id === null ? <LogForm log={null} reload={async () => undefined} /> : <EditLog id={id} />;
}

function EditLog({ id }: { id: number }) {
  const { data, error, reload } = useCall('sessionLogs.get', { id });
  if (!data) {
    return (
      <LoadState loading={!error} error={error} retry={() => void reload()}>
        {null}
      </LoadState>
    );
  }
  return <LogForm log={data.log} reload={reload} />;
}

function LogForm({ log, reload }: { log: SessionLog | null; reload(): Promise<void> }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const isPeer = role === 'peer';
  const show = useSessionsView((s) => s.show);
  const options = useCall('sessionLogs.formOptions', {});
  const id = log?.id ?? null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const [flagged, setFlagged] = useState<Saved | null>(null);
  const submitting = useRef(false);

  const draftCheck = contractValidator<LogValues>(methods['sessionLogs.create'].input, t, (v) => ({ ...fields(v), submit: false }));
  const completeCheck = contractValidator<LogValues>(sessionLogComplete, t, (v) => ({
    ...fields(v),
    // A new code counts as a help-seeker: it is made when the log is saved.
    helpSeekerId: v.who === 'new' ? 1 : fields(v).helpSeekerId,
  }));
  const form = useAppForm<LogValues>({
    mode: 'controlled',
    initialValues: blank(null),
    validate: (values) => renamed({ ...draftCheck(values), ...(submitting.current ? completeCheck(values) : {}) }),
  });

  const ownPeerId = useSession((s) => (isPeer ? (s.status?.user?.peerId ?? null) : null));
  const ready = options.data !== null;

  useEffect(() => {
    if (!ready) return;
    const values = log ? fromLog(log) : blank(ownPeerId);
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready, log?.id, log?.version, ownPeerId]);

  const restored = useFormDraft(form, `session-log:${id ?? 'new'}`, 'sessions', ready);

  const back = () => show(id === null ? { kind: 'list' } : { kind: 'log', id });
  const cancel = useGuardedClose(form, back);

  const save = async (submit: boolean) => {
    submitting.current = submit;
    const check = form.validate();
    if (check.hasErrors) return;
    setBusy(submit ? 'submit' : 'draft');
    setError(null);
    try {
      const values = form.getValues();
      const input = { ...fields(values), submit };
      const saved = log ? await call('sessionLogs.update', { ...input, id: log.id, version: log.version }) : await call('sessionLogs.create', input);
      form.resetDirty();
      if (saved.flagged) {
        setFlagged(saved);
        return;
      }
      notifications.show({ color: 'teal', message: correcting ? t('logForm.corrected') : submit ? t('logForm.submitted') : t('logForm.draftSaved') });
      show(submit ? { kind: 'log', id: saved.log.id } : { kind: 'form', id: saved.log.id });
      if (!submit && log) await reload();
    } catch (caught) {
      setError(showCallError(form, t, caught));
    } finally {
      setBusy(null);
    }
  };

  // A log being edited keeps its own code, even when the caller's codes are only a peer's own.
  const noCodes = options.data?.hasHelpSeekers === false && !log?.helpSeekerId;
  const values = form.values;
  const lastReturn = log?.status === 'returned' ? [...log.reviews].reverse().find((r) => r.decision === 'returned') : undefined;
  // A submitted paper log its coordinator corrects before the review (issue 14): it stays submitted.
  const correcting = log?.status === 'submitted';
  const title = correcting ? t('logForm.correctTitle') : log ? t('logForm.editTitle') : isPeer ? t('logForm.newTitle') : t('logForm.paperTitle');

  return (
    <>
      <PageHeader
        title={title}
        actions={
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={cancel}>
            {t('common.cancel')}
          </Button>
        }
      />
      <LoadState loading={!ready && !options.error} error={options.error} retry={() => void options.reload()}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save(true);
          }}
        >
          <Stack gap="lg" maw={860}>
            <RestoredDraftNotice shown={restored} />
            {correcting ? (
              <Alert color="blue" variant="light" role="status">
                {t('logForm.correctIntro')}
              </Alert>
            ) : null}
            {lastReturn ? (
              <Alert color="orange" variant="light" role="status">
                {t('logForm.returnedBanner', { name: lastReturn.byName ?? '', comment: lastReturn.comment })}
              </Alert>
            ) : null}

            <Section title={t('logForm.sessionSection')}>
              {isPeer ? null : (
                <PeerPicker
                  choice={{ statuses: offeredPeerStatuses.paperLog }}
                  label={t('logForm.peer')}
                  description={t('logForm.peerHint')}
                  placeholder={t('common.findPeer')}
                  withAsterisk
                  maw={420}
                  value={form.values.peerId}
                  onChange={(value) => form.setFieldValue('peerId', value)}
                  error={form.errors.peerId}
                />
              )}
              <Input.Wrapper label={isPeer ? t('logForm.helpSeeker') : t('logForm.helpSeekerStaff')} description={t('logForm.helpSeekerHint')} withAsterisk error={form.errors.helpSeekerId}>
                <Stack gap="xs" mt={6}>
                  <SegmentedControl
                    w="fit-content"
                    data={[
                      { value: 'new', label: t('logForm.newOne') },
                      { value: 'existing', label: t('logForm.existing') },
                    ]}
                    {...form.getInputProps('who')}
                  />
                  {values.who === 'existing' ? (
                    noCodes ? (
                      <Text fz="sm" c="dimmed">
                        {t('logForm.noCodes')}
                      </Text>
                    ) : (
                      <HelpSeekerPicker
                        value={values.helpSeekerId}
                        onChange={(value) => form.setFieldValue('helpSeekerId', value)}
                        selectedCode={log?.helpSeekerId && String(log.helpSeekerId) === values.helpSeekerId ? log.helpSeekerCode : null}
                      />
                    )
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {t('logForm.newCodeNote')}
                    </Text>
                  )}
                </Stack>
              </Input.Wrapper>
              <Collapse expanded={values.who === 'new'}>
                <Card withBorder radius="md" padding="md" bg="var(--mantine-color-gray-0)">
                  <Stack gap="xs">
                    <Text fw={600} fz="sm">
                      {t('logForm.identityTitle')}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {isPeer ? t('logForm.identityPeerHint') : t('logForm.identityHint')}
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput label={t('helpSeekers.fullName')} {...form.getInputProps('identity.fullName')} />
                      <TextInput label={t('helpSeekers.className')} {...form.getInputProps('identity.className')} />
                      <TextInput label={t('helpSeekers.contact')} {...form.getInputProps('identity.contact')} />
                      <TextInput label={t('helpSeekers.parentContact')} {...form.getInputProps('identity.parentContact')} />
                    </SimpleGrid>
                  </Stack>
                </Card>
              </Collapse>
              <Group align="flex-start" gap="md">
                <DateField label={t('logForm.heldOn')} withAsterisk w={180} {...form.getInputProps('heldOn')} />
                <TimeField label={t('logForm.startTime')} withAsterisk w={140} {...form.getInputProps('startTime')} />
                <NumberInput label={t('logForm.duration')} withAsterisk min={1} max={600} allowDecimal={false} w={200} {...form.getInputProps('durationMinutes')} />
              </Group>
              <Input.Wrapper label={t('logForm.mode')} withAsterisk error={form.errors.mode}>
                <Group mt={6} gap="md" align="flex-end">
                  <SegmentedControl
                    data={sessionModes.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
                    value={values.mode ?? ''}
                    onChange={(value) => form.setFieldValue('mode', value as SessionMode)}
                  />
                  {values.mode === 'group' ? (
                    <NumberInput label={t('logForm.groupSize')} withAsterisk min={2} max={200} allowDecimal={false} w={180} {...form.getInputProps('groupSize')} />
                  ) : null}
                </Group>
              </Input.Wrapper>
            </Section>

            <Section title={t('logForm.topics')}>
              <Input.Wrapper label={t('logForm.topicsHint')} withAsterisk error={form.errors.topics}>
                <Chip.Group multiple value={values.topics} onChange={(value) => form.setFieldValue('topics', value as SessionTopic[])}>
                  <Group gap="xs" mt={6}>
                    {sessionTopics.map((topic) => (
                      <Chip key={topic} value={topic}>
                        {t(`topics.${topic}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Input.Wrapper>
              <Textarea label={t('logForm.summary')} description={t('logForm.summaryHint')} withAsterisk autosize minRows={3} maxRows={10} {...form.getInputProps('summary')} />
              <Textarea label={isPeer ? t('logForm.actions') : t('logForm.actionsStaff')} description={t('logForm.actionsHint')} withAsterisk autosize minRows={2} maxRows={8} {...form.getInputProps('actions')} />
              <DateField label={t('logForm.followUp')} w={280} {...form.getInputProps('followUpOn')} />
            </Section>

            <Section title={t('logForm.riskSection')} tone="risk">
              <Text fz="sm">{t('logForm.riskIntro')}</Text>
              <Checkbox.Group
                aria-label={t('logForm.riskSection')}
                value={values.risks}
                onChange={(value) => {
                  form.setFieldValue('risks', value as RiskItem[]);
                  if (value.length > 0) form.setFieldValue('noRisks', false);
                }}
                error={form.errors.risks}
              >
                <Stack gap={8} mt={4}>
                  {riskItems.map((item) => (
                    <Checkbox key={item} value={item} label={t(`riskItems.${item}`)} color="red" />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Checkbox
                label={t('logForm.noRisks')}
                checked={values.noRisks}
                disabled={values.risks.length > 0}
                onChange={(event) => form.setFieldValue('noRisks', event.currentTarget.checked)}
                error={form.errors.noRisks}
              />
              {values.risks.length > 0 ? (
                <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
                  {t('logForm.riskTicked')}
                </Alert>
              ) : null}
              <Input.Wrapper label={isPeer ? t('logForm.concern') : t('logForm.concernStaff')} withAsterisk error={form.errors.concern}>
                <SegmentedControl
                  mt={6}
                  display="flex"
                  w="fit-content"
                  data={concernLevels.map((level) => ({ value: level, label: t(`concern.${level}`) }))}
                  value={values.concern ?? ''}
                  onChange={(value) => form.setFieldValue('concern', value as ConcernLevel)}
                />
              </Input.Wrapper>
            </Section>

            <FormError error={error} />
            <Group justify="space-between">
              <Group>
                <Button type="submit" loading={busy === 'submit'} disabled={busy === 'draft'}>
                  {correcting ? t('logForm.saveCorrection') : t('logForm.submit')}
                </Button>
                {correcting ? null : (
                  <>
                    <Button variant="default" loading={busy === 'draft'} disabled={busy === 'submit'} onClick={() => void save(false)}>
                      {t('logForm.saveDraft')}
                    </Button>
                    <Text fz="xs" c="dimmed">
                      {t('logForm.submitHint')}
                    </Text>
                  </>
                )}
              </Group>
              {log?.status === 'draft' ? (
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDiscarding(true)}>
                  {t('logForm.discard')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </form>
      </LoadState>
      <ConfirmDialog
        opened={discarding}
        title={t('logForm.discardTitle')}
        body={t('logForm.discardBody')}
        confirmLabel={t('logForm.discard')}
        danger
        onCancel={() => setDiscarding(false)}
        onConfirm={async () => {
          await call('sessionLogs.discardDraft', { id: log!.id, version: log!.version });
          form.resetDirty();
          notifications.show({ color: 'teal', message: t('logForm.discarded') });
          show({ kind: 'list' });
        }}
      />
      <FlaggedModal
        saved={flagged}
        onClose={() => {
          const savedId = flagged?.log.id;
          setFlagged(null);
          if (savedId) show({ kind: 'log', id: savedId });
        }}
      />
    </>
  );
}
