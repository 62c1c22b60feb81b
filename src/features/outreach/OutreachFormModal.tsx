import { Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { localDate, methods, offeredPeerStatuses, outreachKinds, type OutreachEvent, type OutreachKind } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { FormFooter } from '../../ui/FormFooter';
import { PeerMultiPicker } from '../../ui/PeerPicker';
import { contractValidator } from '../../ui/forms';
import { useFormAction } from '../../ui/useFormAction';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useDialogValues } from '../../ui/useValuesFromData';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { DateField } from '../../ui/DateField';

interface EventValues {
  heldOn: string;
  kind: OutreachKind | null;
  title: string;
  audience: string;
  reached: number | string;
  notes: string;
  peerIds: string[];
}

const toInput = (v: EventValues) => ({
  heldOn: v.heldOn,
  kind: v.kind ?? undefined,
  title: v.title,
  audience: v.audience,
  reached: v.reached === '' ? undefined : Number(v.reached),
  notes: v.notes,
  peerIds: v.peerIds.map(Number),
});

/** Log or edit one outreach event: what, when, for whom, how many people, which peers took part. */
export function OutreachFormModal({
  event,
  opened,
  onClose,
  onSaved,
}: {
  event: OutreachEvent | null;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const form = useAppForm<EventValues>({
    mode: 'controlled',
    initialValues: { heldOn: '', kind: null, title: '', audience: '', reached: '', notes: '', peerIds: [] },
    validate: contractValidator<EventValues>(methods['outreach.create'].input, t, toInput),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useDialogValues(form, opened, event?.id ?? 'new', (): EventValues =>
    event
      ? {
          heldOn: event.heldOn,
          kind: event.kind,
          title: event.title,
          audience: event.audience,
          reached: event.reached,
          notes: event.notes,
          peerIds: event.peers.map((p) => String(p.id)),
        }
      : { heldOn: localDate(new Date()), kind: null, title: '', audience: '', reached: '', notes: '', peerIds: [] },
  );
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);

  const restored = useFormDraft(form, event ? `outreach:${event.id}` : 'outreach:new', 'outreach', opened);

  // Peers still in the program are offered; anyone already on this event keeps their name, whatever their status now.
  const taking = useMemo(() => (event?.peers ?? []).map((p) => ({ value: String(p.id), label: p.fullName })), [event]);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const input = { ...toInput(values), kind: values.kind ?? 'other', reached: Number(values.reached) };
      if (event) await call('outreach.update', { id: event.id, version: event.version, ...input });
      else await call('outreach.create', input);
      notifications.show({ color: 'teal', message: event ? t('outreach.saved') : t('outreach.created') });
      form.resetDirty();
      onSaved();
    });
  });

  return (
    <AppModal opened={opened} onClose={close} size="lg" title={event ? t('outreach.editTitle') : t('outreach.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Group grow align="flex-start">
            <DateField label={t('outreach.heldOn')} withAsterisk {...form.getInputProps('heldOn')} />
            <Select
              label={t('outreach.kind')}
              withAsterisk
              allowDeselect={false}
              data={outreachKinds.map((k) => ({ value: k, label: t(`outreach.kinds.${k}`) }))}
              {...form.getInputProps('kind')}
            />
          </Group>
          <TextInput label={t('outreach.eventTitle')} withAsterisk {...form.getInputProps('title')} />
          <Group grow align="flex-start">
            <TextInput label={t('outreach.audience')} description={t('outreach.audienceHint')} {...form.getInputProps('audience')} />
            <NumberInput
              label={t('outreach.reached')}
              description={t('outreach.reachedHint')}
              withAsterisk
              min={0}
              max={100000}
              allowDecimal={false}
              {...form.getInputProps('reached')}
            />
          </Group>
          <PeerMultiPicker
            choice={{ statuses: offeredPeerStatuses.outreach }}
            known={taking}
            label={t('outreach.peers')}
            placeholder={form.values.peerIds.length ? undefined : t('common.findPeer')}
            value={form.values.peerIds}
            onChange={(ids) => form.setFieldValue('peerIds', ids)}
            error={form.errors.peerIds}
          />
          <Textarea label={t('outreach.notes')} autosize minRows={2} maxRows={5} {...form.getInputProps('notes')} />
          <FormFooter error={error} busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}
