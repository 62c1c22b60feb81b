import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { guardianRelationships, localDate, methods, type Consent, type ConsentShown, type Peer } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { FormFooter } from '../../ui/FormFooter';
import { contractValidator } from '../../ui/forms';
import { useFormAction } from '../../ui/useFormAction';
import { useDialogValues } from '../../ui/useValuesFromData';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { DateField } from '../../ui/DateField';

type ConsentValues = Omit<Consent, 'relationship'> & { relationship: Consent['relationship'] | null };

/** Parent or guardian consent: who, when, and where the signed form is kept. */
export function ConsentModal({
  peer,
  consent,
  opened,
  onClose,
  onSaved,
}: {
  peer: Peer;
  consent: ConsentShown | null;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const form = useAppForm<ConsentValues>({
    mode: 'controlled',
    initialValues: { consentOn: '', guardianName: '', relationship: null, formLocation: '' },
    validate: contractValidator<ConsentValues>(methods['peers.recordConsent'].input, t, (v) => ({
      id: peer.id,
      version: peer.version,
      ...v,
      relationship: v.relationship ?? undefined,
    })),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  // Only the coordinator edits consent, and she gets it whole; a withheld field would start empty.
  useDialogValues(form, opened, peer.id, (): ConsentValues =>
    consent
      ? { consentOn: consent.consentOn, guardianName: consent.guardianName ?? '', relationship: consent.relationship, formLocation: consent.formLocation ?? '' }
      : { consentOn: localDate(new Date()), guardianName: '', relationship: null, formLocation: '' },
  );
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);

  const restored = useFormDraft(form, `consent:${peer.id}`, 'peers', opened);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await call('peers.recordConsent', { id: peer.id, version: peer.version, ...values, relationship: values.relationship ?? 'other' });
      notifications.show({ color: 'teal', message: t('peers.consentSaved') });
      form.resetDirty();
      onSaved();
    });
  });

  return (
    <AppModal opened={opened} onClose={close} title={t('peers.consentFor', { name: peer.fullName })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <TextInput label={t('peers.guardianName')} withAsterisk data-autofocus {...form.getInputProps('guardianName')} />
          <Group grow align="flex-start">
            <Select
              label={t('peers.relationship')}
              withAsterisk
              allowDeselect={false}
              data={guardianRelationships.map((r) => ({ value: r, label: t(`peers.relationships.${r}`) }))}
              {...form.getInputProps('relationship')}
            />
            <DateField label={t('peers.consentOn')} withAsterisk {...form.getInputProps('consentOn')} />
          </Group>
          <TextInput label={t('peers.formLocation')} description={t('peers.formLocationHint')} withAsterisk {...form.getInputProps('formLocation')} />
          <FormFooter error={error} busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The date the peer signed the pledge and code of ethics. */
export function PledgeModal({
  peer,
  pledgeOn,
  opened,
  onClose,
  onSaved,
}: {
  peer: Peer;
  pledgeOn: string | null;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const form = useAppForm<{ pledgeOn: string }>({
    mode: 'controlled',
    initialValues: { pledgeOn: '' },
    validate: contractValidator<{ pledgeOn: string }>(methods['peers.recordPledge'].input, t, (v) => ({ id: peer.id, version: peer.version, ...v })),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useDialogValues(form, opened, peer.id, () => ({ pledgeOn: pledgeOn ?? localDate(new Date()) }));
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);
  const restored = useFormDraft(form, `pledge:${peer.id}`, 'peers', opened);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await call('peers.recordPledge', { id: peer.id, version: peer.version, pledgeOn: values.pledgeOn });
      notifications.show({ color: 'teal', message: t('peers.pledgeSaved') });
      onSaved();
    });
  });

  return (
    <AppModal opened={opened} onClose={close} title={t('peers.pledgeFor', { name: peer.fullName })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Text fz="sm" c="dimmed">
            {t('peers.pledgeHint')}
          </Text>
          <DateField label={t('peers.pledgeOn')} withAsterisk maw={220} data-autofocus {...form.getInputProps('pledgeOn')} />
          <FormFooter error={error} busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}
