import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { addDays, localDate, meetingKinds, methods, offeredPeerStatuses, type MeetingDetail, type MeetingKind, type MethodInput, type MethodOutput } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { useSession } from '../../stores/session';
import { FormError } from '../../ui/FormError';
import { formatDay } from '../../ui/format';
import { contractValidator, showCallError } from '../../ui/forms';
import { CaseMultiPicker } from '../../ui/CasePicker';
import { LoadState } from '../../ui/LoadState';
import { PeerMultiPicker, usePeerLabels } from '../../ui/PeerPicker';
import type { PickerOption } from '../../ui/SearchPicker';
import { useSupervisionView } from '../../navigation/places';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { DateField, TimeField } from '../../ui/DateField';
import { useGuardedClose } from '../../ui/DiscardPrompt';

interface ItemValues {
  key: string;
  id: number | null;
  text: string;
  /** `p:<peer id>` or `u:<user id>`. */
  owner: string | null;
  dueOn: string;
  done: boolean;
}

interface MeetingValues {
  status: 'planned' | 'held';
  kind: MeetingKind;
  heldOn: string;
  startTime: string;
  durationMinutes: number | string;
  groupId: string | null;
  supervisorUserId: string | null;
  peerIds: string[];
  absentPeerIds: string[];
  staffIds: string[];
  absentStaffIds: string[];
  topics: string[];
  caseIds: string[];
  logIds: string[];
  notes: string;
  actionItems: ItemValues[];
}

type Options = MethodOutput<'supervision.formOptions'>;

let nextKey = 0;
const newKey = () => `item-${(nextKey += 1)}`;

function toInput(v: MeetingValues): MethodInput<'supervision.createMeeting'> {
  const held = v.status === 'held';
  return {
    status: v.status,
    kind: v.kind,
    heldOn: v.heldOn,
    startTime: v.startTime === '' ? null : v.startTime,
    durationMinutes: v.durationMinutes === '' ? null : Number(v.durationMinutes),
    groupId: v.groupId ? Number(v.groupId) : null,
    supervisorUserId: v.supervisorUserId ? Number(v.supervisorUserId) : 0,
    attendees: [
      ...v.peerIds.map((id) => ({ peerId: Number(id), userId: null, present: held && !v.absentPeerIds.includes(id) })),
      ...v.staffIds.map((id) => ({ peerId: null, userId: Number(id), present: held && !v.absentStaffIds.includes(id) })),
    ],
    topics: v.topics,
    caseIds: v.caseIds.map(Number),
    logIds: v.logIds.map(Number),
    notes: v.notes,
    actionItems: v.actionItems.map((item) => ({
      id: item.id,
      text: item.text,
      ownerPeerId: item.owner?.startsWith('p:') ? Number(item.owner.slice(2)) : null,
      ownerUserId: item.owner?.startsWith('u:') ? Number(item.owner.slice(2)) : null,
      dueOn: item.dueOn,
      done: item.done,
    })),
  };
}

function valuesOf(meeting: MeetingDetail | null, status: 'planned' | 'held', myUserId: number | null, role: string | undefined): MeetingValues {
  if (!meeting) {
    const today = localDate(new Date());
    return {
      status,
      kind: 'group',
      heldOn: status === 'planned' ? addDays(today, 7) : today,
      startTime: '',
      durationMinutes: status === 'held' ? 60 : '',
      groupId: null,
      supervisorUserId: role === 'supervisor' && myUserId ? String(myUserId) : null,
      peerIds: [],
      absentPeerIds: [],
      staffIds: [],
      absentStaffIds: [],
      topics: [],
      caseIds: [],
      logIds: [],
      notes: '',
      actionItems: [],
    };
  }
  const peers = meeting.attendees.filter((a) => a.peerId !== null);
  const staff = meeting.attendees.filter((a) => a.userId !== null);
  // Recording a planned meeting: everyone invited starts as present.
  const wasPlanned = meeting.status === 'planned';
  return {
    status,
    kind: meeting.kind,
    heldOn: meeting.heldOn,
    startTime: meeting.startTime ?? '',
    durationMinutes: meeting.durationMinutes ?? (status === 'held' ? 60 : ''),
    groupId: meeting.groupId ? String(meeting.groupId) : null,
    supervisorUserId: String(meeting.supervisorUserId),
    peerIds: peers.map((a) => String(a.peerId)),
    absentPeerIds: wasPlanned ? [] : peers.filter((a) => !a.present).map((a) => String(a.peerId)),
    staffIds: staff.map((a) => String(a.userId)),
    absentStaffIds: wasPlanned ? [] : staff.filter((a) => !a.present).map((a) => String(a.userId)),
    topics: meeting.topics,
    caseIds: meeting.discussedCases.map((c) => String(c.id)),
    logIds: meeting.discussedLogs.map((l) => String(l.id)),
    notes: meeting.notes,
    actionItems: meeting.actionItems.map((item) => ({
      key: newKey(),
      id: item.id,
      text: item.text,
      owner: item.ownerPeerId !== null ? `p:${item.ownerPeerId}` : `u:${item.ownerUserId}`,
      dueOn: item.dueOn,
      done: item.done,
    })),
  };
}

/** Tick boxes for who came, one per person invited; unticked means absent. */
function Presence({ ids, absent, names, onChange, label }: { ids: string[]; absent: string[]; names: Map<string, string>; onChange(absent: string[]): void; label: string }) {
  if (ids.length === 0) return null;
  return (
    <Checkbox.Group
      label={label}
      value={ids.filter((id) => !absent.includes(id))}
      onChange={(present) => onChange(ids.filter((id) => !present.includes(id)))}
    >
      <Group gap="md" mt={6}>
        {ids.map((id) => (
          <Checkbox key={id} value={id} label={names.get(id) ?? id} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

function MeetingFields({ meeting, options, status }: { meeting: MeetingDetail | null; options: Options; status: 'planned' | 'held' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const user = useSession((s) => s.status?.user);
  const show = useSupervisionView((s) => s.show);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useAppForm<MeetingValues>({
    mode: 'controlled',
    initialValues: valuesOf(meeting, status, user?.userId ?? null, user?.role),
    validate: (v) => {
      const errors = contractValidator<MeetingValues>(methods['supervision.createMeeting'].input, t, toInput)(v);
      // Fields the form holds as "nothing chosen" say so in words, not as the schema's number rules.
      const missing: Record<string, string | null> = {
        supervisorUserId: v.supervisorUserId ? null : t('validation.required', { field: t('fields.supervisorUserId') }),
        durationMinutes: v.status === 'held' && v.durationMinutes === '' ? t('validation.required', { field: t('fields.durationMinutes') }) : null,
        peerIds: v.peerIds.length === 0 ? t('validation.no_peer') : null,
        ...Object.fromEntries(v.actionItems.map((item, i) => [`actionItems.${i}.owner`, item.owner ? null : t('supervision.itemOwnerRequired')])),
      };
      for (const [field, message] of Object.entries(missing)) if (message) errors[field] = message;
      return errors;
    },
  });
  const restored = useFormDraft(form, `meeting:${meeting?.id ?? `new-${status}`}`, 'supervision', true);

  // Peers are found by typing; their names come from the meeting, the groups and the picker, and are looked up for a draft brought back.
  const [pickedPeers, setPickedPeers] = useState<PickerOption[]>([]);
  const knownPeers = useMemo(
    () => [
      ...pickedPeers,
      ...(meeting?.attendees ?? []).filter((a) => a.peerId !== null).map((a) => ({ value: String(a.peerId), label: a.name })),
      ...options.groups.flatMap((g) => g.members.map((m) => ({ value: String(m.peerId), label: m.fullName }))),
    ],
    [pickedPeers, meeting, options],
  );
  const staffNames = useMemo(() => new Map(options.staff.map((s) => [String(s.id), s.fullName])), [options]);
  for (const a of meeting?.attendees ?? []) if (a.userId !== null && !staffNames.has(String(a.userId))) staffNames.set(String(a.userId), a.name);

  const v = form.values;
  const held = v.status === 'held';
  const ownerPeerIds = v.actionItems.flatMap((item) => (item.owner?.startsWith('p:') ? [item.owner.slice(2)] : []));
  const peerNames = usePeerLabels([...v.peerIds, ...ownerPeerIds], knownPeers);
  const caseLabel = useCallback(
    (c: { id: number; helpSeekerCode: string; severity: MeetingDetail['discussedCases'][number]['severity'] }) =>
      t('supervision.caseOption', { id: c.id, code: c.helpSeekerCode, severity: t(`severity.${c.severity}`) }),
    [t],
  );
  const knownCases = useMemo(() => (meeting?.discussedCases ?? []).map((c) => ({ value: String(c.id), label: caseLabel(c) })), [meeting, caseLabel]);
  const logData = [
    ...options.logs.map((l) => ({ value: String(l.id), label: t('supervision.logOption', { date: formatDay(l.heldOn, lang), peer: l.peerName, code: l.helpSeekerCode ?? '—' }) })),
    ...(meeting?.discussedLogs ?? [])
      .filter((l) => !options.logs.some((o) => o.id === l.id))
      .map((l) => ({ value: String(l.id), label: t('supervision.logOption', { date: formatDay(l.heldOn, lang), peer: l.peerName, code: l.helpSeekerCode ?? '—' }) })),
  ];
  const topicSuggestions = [...new Set([...options.topicSuggestions, ...Object.values(t('supervision.suggestedTopics', { returnObjects: true }) as Record<string, string>)])];
  const ownerData = [
    { group: t('supervision.ownerPeers'), items: v.peerIds.map((id) => ({ value: `p:${id}`, label: peerNames.get(id) ?? id })) },
    {
      group: t('supervision.ownerStaff'),
      items: [...new Set([...(v.supervisorUserId ? [v.supervisorUserId] : []), ...v.staffIds, ...options.staff.map((s) => String(s.id))])].map((id) => ({
        value: `u:${id}`,
        label: staffNames.get(id) ?? id,
      })),
    },
  ];
  // An owner already chosen stays in the list even if they are no longer among the peers above.
  for (const item of v.actionItems) {
    if (item.owner?.startsWith('p:') && !v.peerIds.includes(item.owner.slice(2))) ownerData[0]!.items.push({ value: item.owner, label: peerNames.get(item.owner.slice(2)) ?? item.owner });
  }

  const chooseGroup = (groupId: string | null) => {
    form.setFieldValue('groupId', groupId);
    const group = options.groups.find((g) => String(g.id) === groupId);
    if (!group) return;
    form.setFieldValue('peerIds', [...new Set([...v.peerIds, ...group.members.map((m) => String(m.peerId))])]);
    if (!v.supervisorUserId && group.supervisorUserId) form.setFieldValue('supervisorUserId', String(group.supervisorUserId));
  };

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const input = toInput(values);
      const saved = meeting
        ? await call('supervision.updateMeeting', { ...input, id: meeting.id, version: meeting.version })
        : await call('supervision.createMeeting', input);
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('supervision.saved') });
      show({ kind: 'meeting', id: saved.meeting.id });
    } catch (caught) {
      setError(showCallError(form, t, caught));
    } finally {
      setBusy(false);
    }
  });

  const back = () => show(meeting ? { kind: 'meeting', id: meeting.id } : { kind: 'list' });
  const cancel = useGuardedClose(form, back);
  const title = meeting ? t('supervision.editTitle', { date: formatDay(meeting.heldOn, lang) }) : status === 'held' ? t('supervision.newHeld') : t('supervision.newPlanned');

  return (
    <form onSubmit={submit} noValidate>
      <Anchor component="button" type="button" onClick={cancel} fz="sm" mb="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('supervision.back')}
        </Group>
      </Anchor>
      <Stack gap="lg" maw={960}>
        <Stack gap={4}>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text c="dimmed">{t('supervision.formIntro')}</Text>
          <RestoredDraftNotice shown={restored} />
        </Stack>

        <Card withBorder radius="md" padding="lg">
          <Stack>
            {meeting?.status !== 'held' ? (
              <Stack gap={4}>
                <Text fz="sm" fw={500}>
                  {t('supervision.heldQuestion')}
                </Text>
                <SegmentedControl
                  aria-label={t('supervision.heldQuestion')}
                  style={{ alignSelf: 'flex-start' }}
                  data={[
                    { value: 'planned', label: t('supervision.statusPlanned') },
                    { value: 'held', label: t('supervision.statusHeld') },
                  ]}
                  {...form.getInputProps('status')}
                />
              </Stack>
            ) : null}
            <Stack gap={4}>
              <Text fz="sm" fw={500}>
                {t('supervision.kind')}
              </Text>
              <SegmentedControl aria-label={t('supervision.kind')} data={meetingKinds.map((k) => ({ value: k, label: t(`supervision.kinds.${k}`) }))} {...form.getInputProps('kind')} />
            </Stack>
            <Group align="flex-start" gap="md">
              <DateField label={t('supervision.heldOn')} withAsterisk w={180} {...form.getInputProps('heldOn')} />
              <TimeField label={t('supervision.startTime')} w={140} {...form.getInputProps('startTime')} />
              <NumberInput
                label={t('supervision.duration')}
                withAsterisk={held}
                min={5}
                max={600}
                step={15}
                allowDecimal={false}
                w={180}
                {...form.getInputProps('durationMinutes')}
              />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('supervision.group')}
                description={t('supervision.groupHint')}
                clearable
                placeholder={t('supervision.noGroup')}
                data={options.groups.map((g) => ({ value: String(g.id), label: g.name }))}
                value={v.groupId}
                onChange={chooseGroup}
                error={form.errors.groupId}
              />
              <Select
                label={t('supervision.supervisorLabel')}
                description={t('supervision.supervisorHint')}
                withAsterisk
                disabled={user?.role === 'supervisor'}
                data={[...staffNames.entries()].map(([value, label]) => ({ value, label }))}
                {...form.getInputProps('supervisorUserId')}
              />
            </SimpleGrid>
            <PeerMultiPicker
              choice={{ supervised: true, statuses: offeredPeerStatuses.meeting }}
              known={knownPeers}
              label={t('supervision.peers')}
              placeholder={t('common.findPeer')}
              withAsterisk
              error={form.errors.peerIds ?? form.errors.attendees}
              value={v.peerIds}
              onChange={(ids, picked) => {
                setPickedPeers((before) => [...before, ...picked]);
                form.setFieldValue('peerIds', ids);
              }}
            />
            <MultiSelect
              label={t('supervision.staff')}
              placeholder={t('supervision.staffPlaceholder')}
              searchable
              data={[...staffNames.entries()].filter(([id]) => id !== v.supervisorUserId).map(([value, label]) => ({ value, label }))}
              {...form.getInputProps('staffIds')}
            />
            {held ? (
              <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-gray-0)">
                <Stack gap="xs">
                  <Presence ids={v.peerIds} absent={v.absentPeerIds} names={peerNames} label={t('supervision.whoCame')} onChange={(ids) => form.setFieldValue('absentPeerIds', ids)} />
                  <Presence ids={v.staffIds} absent={v.absentStaffIds} names={staffNames} label={t('supervision.staff')} onChange={(ids) => form.setFieldValue('absentStaffIds', ids)} />
                </Stack>
              </Card>
            ) : null}
          </Stack>
        </Card>

        <Card withBorder radius="md" padding="lg">
          <Stack>
            <TagsInput
              label={t('supervision.topics')}
              description={t('supervision.topicsHint')}
              placeholder={t('supervision.topicsPlaceholder')}
              data={topicSuggestions}
              clearable
              {...form.getInputProps('topics')}
            />
            <CaseMultiPicker
              optionLabel={caseLabel}
              known={knownCases}
              label={t('supervision.casesLabel')}
              placeholder={t('supervision.casesPlaceholder')}
              value={v.caseIds}
              onChange={(ids) => form.setFieldValue('caseIds', ids)}
              error={form.errors.caseIds}
            />
            <MultiSelect label={t('supervision.logsLabel')} placeholder={t('supervision.logsPlaceholder')} searchable data={logData} {...form.getInputProps('logIds')} />
            <Textarea label={t('supervision.notesLabel')} description={t('supervision.notesHint')} autosize minRows={4} maxRows={14} {...form.getInputProps('notes')} />
          </Stack>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-label={t('supervision.itemsTitle')}>
          <Stack>
            <Stack gap={2}>
              <Title order={2} size="h4">
                {t('supervision.itemsTitle')}
              </Title>
              <Text fz="sm" c="dimmed">
                {t('supervision.itemsHint')}
              </Text>
            </Stack>
            {v.actionItems.map((item, i) => (
              <Group key={item.key} align="flex-start" gap="sm" wrap="nowrap">
                <TextInput label={t('supervision.itemText')} withAsterisk style={{ flex: 1 }} {...form.getInputProps(`actionItems.${i}.text`)} />
                <Select label={t('supervision.itemOwner')} withAsterisk searchable data={ownerData} w={220} {...form.getInputProps(`actionItems.${i}.owner`)} />
                <DateField label={t('supervision.itemDue')} withAsterisk w={170} {...form.getInputProps(`actionItems.${i}.dueOn`)} />
                <Checkbox label={t('supervision.itemDone')} mt={32} {...form.getInputProps(`actionItems.${i}.done`, { type: 'checkbox' })} />
                <ActionIcon variant="subtle" color="red" mt={28} aria-label={t('supervision.removeItem')} onClick={() => form.removeListItem('actionItems', i)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                onClick={() =>
                  form.insertListItem('actionItems', {
                    key: newKey(),
                    id: null,
                    text: '',
                    owner: null,
                    dueOn: addDays(v.heldOn || localDate(new Date()), 7),
                    done: false,
                  } satisfies ItemValues)
                }
              >
                {t('supervision.addItem')}
              </Button>
            </Group>
          </Stack>
        </Card>

        <FormError error={error} />
        <Group>
          <Button type="submit" loading={busy}>
            {t('supervision.save')}
          </Button>
          <Button variant="default" onClick={cancel}>
            {t('supervision.leave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EditMeetingForm({ id, status }: { id: number; status: 'planned' | 'held' }) {
  const options = useCall('supervision.formOptions', {});
  const existing = useCall('supervision.meeting', { id });
  const error = options.error ?? existing.error;
  return (
    <LoadState loading={!(options.data && existing.data) && !error} error={error} retry={() => void Promise.all([options.reload(), existing.reload()])}>
      {options.data && existing.data ? <MeetingFields meeting={existing.data.meeting} options={options.data} status={status} /> : null}
    </LoadState>
  );
}

function NewMeetingForm({ status }: { status: 'planned' | 'held' }) {
  const options = useCall('supervision.formOptions', {});
  return (
    <LoadState loading={!options.data && !options.error} error={options.error} retry={() => void options.reload()}>
      {options.data ? <MeetingFields meeting={null} options={options.data} status={status} /> : null}
    </LoadState>
  );
}

/** Plan a meeting, record one, or edit or record a planned one (`status` says which). */
export function MeetingForm({ id, status }: { id: number | null; status: 'planned' | 'held' }) {
  return id === null ? <NewMeetingForm status={status} /> : <EditMeetingForm id={id} status={status} />;
}
