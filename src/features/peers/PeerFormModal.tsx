import { Autocomplete, Fieldset, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { methods, pageSizes, type NominationSource, type Peer, type PeerProfile } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { FormFooter } from '../../ui/FormFooter';
import { contractValidator } from '../../ui/forms';
import { useFormAction } from '../../ui/useFormAction';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useDialogValues } from '../../ui/useValuesFromData';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { DateField } from '../../ui/DateField';

interface PeerValues {
  fullName: string;
  className: string;
  nomination: { source: NominationSource; nominatedBy: string; nominatedOn: string; reason: string };
  supervisorUserId: string | null;
}

const blank: PeerValues = {
  fullName: '',
  className: '',
  nomination: { source: 'staff', nominatedBy: '', nominatedOn: '', reason: '' },
  supervisorUserId: null,
};

function toNomination(values: PeerValues) {
  const n = values.nomination;
  return n.nominatedBy.trim() ? { source: n.source, nominatedBy: n.nominatedBy, nominatedOn: n.nominatedOn || null, reason: n.reason } : null;
}

/** The school's classes from Settings, offered as suggestions; any class can still be typed. */
function useClassSuggestions(opened: boolean): string[] {
  const settings = useCall('settings.get', {});
  useEffect(() => {
    if (opened) void settings.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  return settings.data?.classNames ?? [];
}

/**
 * Nominate a student, or edit a peer's details (name, class, nomination, supervisor).
 * The status is not edited here: it changes only through "Change status", which checks the rules.
 */
export function PeerFormModal({
  profile,
  opened,
  onClose,
  onSaved,
}: {
  /** The peer to edit, or null to nominate a new student. */
  profile: Pick<PeerProfile, 'peer' | 'nomination'> | null;
  opened: boolean;
  onClose(): void;
  onSaved(peer: Peer): void;
}) {
  const { t } = useTranslation();
  const peer = profile?.peer ?? null;
  const classes = useClassSuggestions(opened);
  // Every active staff account: tens in a school, so one page holds them all.
  const staff = useCall('users.list', { kind: 'staff', status: 'active', limit: pageSizes.max });
  const form = useAppForm<PeerValues>({
    mode: 'controlled',
    initialValues: blank,
    validate: contractValidator<PeerValues>(
      methods['peers.create'].input,
      t,
      (values) => ({ fullName: values.fullName, className: values.className, nomination: toNomination(values) }),
      // A new nomination says who nominated the student; older peers may not have it recorded.
      (values) => ({ 'nomination.nominatedBy': !peer && !values.nomination.nominatedBy.trim() ? t('validation.required', { field: t('fields.nominatedBy') }) : null }),
    ),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useDialogValues(form, opened, peer?.id ?? 'new', (): PeerValues => {
    const n = profile?.nomination;
    return peer
      ? {
          fullName: peer.fullName,
          className: peer.className,
          nomination: n
            ? { source: n.source, nominatedBy: n.nominatedBy, nominatedOn: n.nominatedOn ?? '', reason: n.reason }
            : blank.nomination,
          supervisorUserId: peer.supervisorUserId === null ? null : String(peer.supervisorUserId),
        }
      : blank;
  });
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);

  const restored = useFormDraft(form, peer ? `peer:${peer.id}` : 'peer:new', 'peers', opened);

  const supervisors = (staff.data?.users ?? []).map((u) => ({ value: String(u.id), label: `${u.fullName} (${t(`roles.${u.role}`)})` }));

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const fields = { fullName: values.fullName, className: values.className, nomination: toNomination(values) };
      const saved = peer
        ? await call('peers.update', {
            id: peer.id,
            version: peer.version,
            ...fields,
            supervisorUserId: values.supervisorUserId === null ? null : Number(values.supervisorUserId),
          })
        : await call('peers.create', fields);
      notifications.show({
        color: 'teal',
        message: peer ? t('peers.saved', { name: saved.peer.fullName }) : t('peers.created', { name: saved.peer.fullName }),
      });
      form.resetDirty();
      onSaved(saved.peer);
    });
  });

  return (
    <AppModal opened={opened} onClose={close} size="lg" title={peer ? t('peers.editTitle', { name: peer.fullName }) : t('peers.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Group grow align="flex-start">
            <TextInput label={t('peers.fullName')} withAsterisk data-autofocus {...form.getInputProps('fullName')} />
            <Autocomplete label={t('peers.className')} withAsterisk data={classes} maw={160} {...form.getInputProps('className')} />
          </Group>
          <Fieldset legend={t('peers.nominationTitle')} variant="filled">
            <Stack gap="sm">
              <Stack gap={4}>
                <Text fz="sm" fw={500} id="nomination-source">
                  {t('peers.nominationSource')}
                </Text>
                <SegmentedControl
                  aria-labelledby="nomination-source"
                  data={[
                    { value: 'staff', label: t('peers.sources.staff') },
                    { value: 'student', label: t('peers.sources.student') },
                  ]}
                  {...form.getInputProps('nomination.source')}
                />
              </Stack>
              <Group grow align="flex-start">
                <TextInput label={t('peers.nominatedBy')} withAsterisk={!peer} {...form.getInputProps('nomination.nominatedBy')} />
                <DateField label={t('peers.nominatedOn')} maw={180} {...form.getInputProps('nomination.nominatedOn')} />
              </Group>
              <Textarea label={t('peers.nominationReason')} autosize minRows={2} maxRows={5} {...form.getInputProps('nomination.reason')} />
            </Stack>
          </Fieldset>
          {peer ? (
            <Select
              label={t('peers.supervisor')}
              description={t('peers.supervisorHint')}
              placeholder={t('peers.noSupervisorOption')}
              clearable
              data={supervisors}
              {...form.getInputProps('supervisorUserId')}
            />
          ) : null}
          <FormFooter error={error} busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}
