import { Checkbox, Group, NumberInput, Select, Stack, Table, Textarea, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { localDate, methods, offeredPeerStatuses, type TrainingModule } from '../../contract';
import { useSession } from '../../stores/session';
import { AppModal } from '../../ui/AppModal';
import { FormFooter } from '../../ui/FormFooter';
import { contractValidator } from '../../ui/forms';
import { PeerMultiPicker, usePeerLabels } from '../../ui/PeerPicker';
import type { PickerOption } from '../../ui/SearchPicker';
import { moduleTitle } from './moduleTitle';
import { useFormAction } from '../../ui/useFormAction';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { DateField } from '../../ui/DateField';
import { useFormDraft } from '../../drafts/useFormDraft';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';

interface Attendee {
  peerId: number;
  completed: boolean;
  score: number | string;
}

interface SessionValues {
  moduleId: string | null;
  heldOn: string;
  hours: number | string;
  trainer: string;
  notes: string;
  attendees: Attendee[];
}

const toInput = (v: SessionValues) => ({
  moduleId: v.moduleId === null ? undefined : Number(v.moduleId),
  heldOn: v.heldOn,
  hours: v.hours === '' ? undefined : Number(v.hours),
  trainer: v.trainer,
  notes: v.notes,
  attendees: v.attendees.map((a) => ({ peerId: a.peerId, completed: a.completed, score: a.score === '' ? null : Number(a.score) })),
});

/** One training session entered once for everyone who attended (the usual case). */
export function GroupSessionModal({
  modules,
  opened,
  onClose,
  onSaved,
}: {
  modules: TrainingModule[];
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation();
  const me = useSession((s) => s.status?.user?.fullName ?? '');
  const form = useAppForm<SessionValues>({
    mode: 'controlled',
    initialValues: { moduleId: null, heldOn: '', hours: '', trainer: '', notes: '', attendees: [] },
    validate: contractValidator<SessionValues>(methods['training.recordGroupSession'].input, t, toInput),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useEffect(() => {
    if (!opened) return;
    form.setValues({ moduleId: null, heldOn: localDate(new Date()), hours: '', trainer: me, notes: '', attendees: [] });
    form.resetDirty();
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const restored = useFormDraft(form, 'group-session:new', 'training', opened);

  const current = modules.filter((m) => !m.retired);
  // The attendees' names for their rows below, as chosen in the picker (or looked up for a draft brought back).
  const [chosen, setChosen] = useState<PickerOption[]>([]);
  const names = usePeerLabels(form.values.attendees.map((a) => String(a.peerId)), chosen);
  const nameOf = (id: number) => names.get(String(id)) ?? '';

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const input = toInput(values);
      const result = await call('training.recordGroupSession', { ...input, moduleId: Number(values.moduleId), hours: Number(values.hours) });
      notifications.show({ color: 'teal', message: t('training.sessionSaved', { count: result.records }) });
      form.resetDirty();
      onSaved();
    });
  });

  const attendees = form.values.attendees;

  return (
    <AppModal opened={opened} onClose={close} size="xl" title={t('training.sessionTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Select
            label={t('training.module')}
            withAsterisk
            allowDeselect={false}
            searchable
            data={current.map((m) => ({ value: String(m.id), label: moduleTitle(m, i18n.language) }))}
            {...form.getInputProps('moduleId')}
            onChange={(value) => {
              form.setFieldValue('moduleId', value);
              const module = current.find((m) => String(m.id) === value);
              if (module) form.setFieldValue('hours', module.hours);
            }}
          />
          <Group grow align="flex-start">
            <DateField label={t('training.heldOn')} withAsterisk {...form.getInputProps('heldOn')} />
            <NumberInput label={t('training.hours')} withAsterisk min={0.25} max={24} step={0.25} decimalScale={2} {...form.getInputProps('hours')} />
            <TextInput label={t('training.trainer')} withAsterisk {...form.getInputProps('trainer')} />
          </Group>
          <PeerMultiPicker
            choice={{ statuses: offeredPeerStatuses.training }}
            known={chosen}
            label={t('training.attendees')}
            description={t('training.attendeesHint')}
            placeholder={attendees.length ? undefined : t('common.findPeer')}
            withAsterisk
            value={attendees.map((a) => String(a.peerId))}
            error={form.errors.attendees}
            onChange={(ids, options) => {
              setChosen(options);
              form.setFieldValue(
                'attendees',
                ids.map((id) => attendees.find((a) => String(a.peerId) === id) ?? { peerId: Number(id), completed: true, score: '' }),
              );
            }}
          />
          {attendees.length > 0 ? (
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.peer')}</Table.Th>
                  <Table.Th w={120}>{t('training.completed')}</Table.Th>
                  <Table.Th w={140}>{t('training.score')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attendees.map((a, index) => (
                  <Table.Tr key={a.peerId}>
                    <Table.Td>{nameOf(a.peerId)}</Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('training.completedOf', { name: nameOf(a.peerId) })}
                        {...form.getInputProps(`attendees.${index}.completed`, { type: 'checkbox' })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('training.scoreOf', { name: nameOf(a.peerId) })}
                        size="xs"
                        min={0}
                        max={100}
                        allowDecimal={false}
                        {...form.getInputProps(`attendees.${index}.score`)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          <Textarea label={t('training.notes')} autosize minRows={2} maxRows={4} {...form.getInputProps('notes')} />
          <FormFooter error={error} busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}
