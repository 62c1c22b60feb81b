import { Badge, Button, Card, EmptyState, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { defaultFrequencyDays, methods, offeredPeerStatuses, type SupervisionGroup } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { useSession } from '../../stores/session';
import { AppModal } from '../../ui/AppModal';
import { FormFooter } from '../../ui/FormFooter';
import { formatDay } from '../../ui/format';
import { contractValidator, showCallError } from '../../ui/forms';
import { LoadState } from '../../ui/LoadState';
import { PeerMultiPicker, peerLabel } from '../../ui/PeerPicker';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useDialogValues } from '../../ui/useValuesFromData';
import { useGuardedClose } from '../../ui/DiscardPrompt';

const frequencies = ['7', '14', '21', '28'] as const;

interface GroupValues {
  name: string;
  supervisorUserId: string | null;
  frequencyDays: string;
  peerIds: string[];
  archived: boolean;
}

const toInput = (v: GroupValues) => ({
  name: v.name,
  supervisorUserId: v.supervisorUserId ? Number(v.supervisorUserId) : null,
  frequencyDays: Number(v.frequencyDays),
  peerIds: v.peerIds.map(Number),
});

export function GroupModal({ group, opened, onClose, onSaved }: { group: SupervisionGroup | null; opened: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const options = useCall('supervision.formOptions', {});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useAppForm<GroupValues>({
    mode: 'controlled',
    initialValues: { name: '', supervisorUserId: null, frequencyDays: String(defaultFrequencyDays), peerIds: [], archived: false },
    validate: contractValidator<GroupValues>(methods['supervision.createGroup'].input, t, toInput),
  });
  const close = useGuardedClose(form, onClose);

  useDialogValues(form, opened, group?.id ?? 'new', (): GroupValues =>
    group
      ? {
          name: group.name,
          supervisorUserId: group.supervisorUserId ? String(group.supervisorUserId) : null,
          frequencyDays: String(group.frequencyDays),
          peerIds: group.members.map((m) => String(m.peerId)),
          archived: group.archived,
        }
      : { name: '', supervisorUserId: null, frequencyDays: String(defaultFrequencyDays), peerIds: [], archived: false },
  );
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);

  const restored = useFormDraft(form, group ? `supervision-group:${group.id}` : 'supervision-group:new', 'supervision', opened);
  // Members keep their names whatever their status now; new ones are found by typing.
  const members = useMemo(() => (group?.members ?? []).map((m) => ({ value: String(m.peerId), label: peerLabel(m) })), [group]);

  const frequencyData: { value: string; label: string }[] = frequencies.map((d) => ({ value: d, label: t(`supervision.frequencies.${d}`) }));
  if (!frequencies.includes(form.values.frequencyDays as (typeof frequencies)[number])) {
    frequencyData.push({ value: form.values.frequencyDays, label: t('supervision.everyDays', { count: Number(form.values.frequencyDays) }) });
  }

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      if (group) await call('supervision.updateGroup', { id: group.id, version: group.version, ...toInput(values), archived: values.archived });
      else await call('supervision.createGroup', toInput(values));
      notifications.show({ color: 'teal', message: t('supervision.groupSaved') });
      form.resetDirty();
      onSaved();
    } catch (caught) {
      setError(showCallError(form, t, caught));
    } finally {
      setBusy(false);
    }
  });

  return (
    <AppModal opened={opened} onClose={close} title={group ? t('supervision.editGroup') : t('supervision.newGroup')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <RestoredDraftNotice shown={restored} />
          <TextInput label={t('supervision.groupName')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Group grow align="flex-start">
            <Select
              label={t('supervision.supervisorLabel')}
              clearable
              data={(options.data?.staff ?? []).map((s) => ({ value: String(s.id), label: s.fullName }))}
              {...form.getInputProps('supervisorUserId')}
            />
            <Select label={t('supervision.frequency')} allowDeselect={false} data={frequencyData} {...form.getInputProps('frequencyDays')} />
          </Group>
          <PeerMultiPicker
            choice={{ supervised: true, statuses: offeredPeerStatuses.meeting }}
            known={members}
            label={t('supervision.members')}
            description={t('supervision.membersHint')}
            placeholder={t('common.findPeer')}
            value={form.values.peerIds}
            onChange={(ids) => form.setFieldValue('peerIds', ids)}
            error={form.errors.peerIds}
          />
          {group ? <Switch label={t('supervision.archive')} description={t('supervision.archiveHint')} {...form.getInputProps('archived', { type: 'checkbox' })} /> : null}
          <FormFooter error={error} busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The supervision groups as cards: members, how often they meet, and when the next meeting is due. */
export function GroupsPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const canEdit = useSession((s) => s.status?.user?.role === 'coordinator');
  const { data, error, loading, reload } = useCall('supervision.groups', {});
  const [editing, setEditing] = useState<SupervisionGroup | 'new' | null>(null);
  const groups = data?.groups ?? [];

  return (
    <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
      <Group justify="space-between" mb="md" align="flex-start">
        <Text c="dimmed" maw={640}>
          {t('supervision.groupsIntro')}
        </Text>
        {canEdit ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('supervision.newGroup')}
          </Button>
        ) : null}
      </Group>
      {groups.length === 0 ? (
        <EmptyState icon={<IconUsersGroup size={28} />} variant="light" title={t('supervision.groupsEmpty')} description={t('supervision.groupsEmptyHint')} py="xl" />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
          {groups.map((group) => (
            <Card key={group.id} withBorder radius="md" padding="md" opacity={group.archived ? 0.7 : 1} component="section" aria-label={group.name}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
                <Stack gap={0}>
                  <Title order={3} size="h5">
                    {group.name}
                  </Title>
                  <Text fz="xs" c="dimmed">
                    {t('supervision.everyDays', { count: group.frequencyDays })}
                    {group.supervisorName ? ` · ${group.supervisorName}` : ''}
                  </Text>
                </Stack>
                {canEdit ? (
                  <Button size="xs" variant="subtle" style={{ flexShrink: 0 }} leftSection={<IconPencil size={14} />} onClick={() => setEditing(group)} aria-label={`${t('supervision.editGroup')}: ${group.name}`}>
                    {t('common.edit')}
                  </Button>
                ) : null}
              </Group>
              {group.archived ? (
                <Badge color="gray" variant="light" mb="xs">
                  {t('supervision.archived')}
                </Badge>
              ) : (
                <Stack gap={0} mb="xs">
                  <Text fz="sm" fw={group.overdue ? 700 : undefined} c={group.overdue ? 'red.8' : undefined}>
                    {group.overdue ? t('supervision.groupOverdue', { date: formatDay(group.nextDueOn, lang) }) : t('supervision.groupNext', { date: formatDay(group.nextDueOn, lang) })}
                  </Text>
                  {group.plannedOn ? (
                    <Text fz="sm" c="dimmed">
                      {t('supervision.groupPlanned', { date: formatDay(group.plannedOn, lang) })}
                    </Text>
                  ) : null}
                </Stack>
              )}
              {group.members.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('supervision.noMembers')}
                </Text>
              ) : (
                <Group gap={6}>
                  {group.members.map((m) => (
                    <Badge key={m.peerId} variant="outline" color="gray" tt="none" fw={500}>
                      {m.fullName}
                    </Badge>
                  ))}
                </Group>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}
      {canEdit ? (
        <GroupModal
          group={editing === 'new' ? null : editing}
          opened={editing !== null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      ) : null}
    </LoadState>
  );
}
