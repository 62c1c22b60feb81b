import { Badge, Button, EmptyState, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { IconAddressBook, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { methods, referralServiceKinds, type ReferralService, type ReferralServiceKind } from '../../contract';
import { AppModal } from '../../ui/AppModal';
import { DataTable } from '../../ui/DataTable';
import { FormError } from '../../ui/FormError';
import { contractValidator } from '../../ui/forms';
import { LoadState } from '../../ui/LoadState';
import { useFormAction } from '../../ui/useFormAction';
import { useDialogValues } from '../../ui/useValuesFromData';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { useFormDraft } from '../../drafts/useFormDraft';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';

interface ServiceValues {
  kind: ReferralServiceKind;
  name: string;
  organisation: string;
  phone: string;
  notes: string;
  archived: boolean;
}

const blank: ServiceValues = { kind: 'psychologist', name: '', organisation: '', phone: '', notes: '', archived: false };

/** A directory entry, new or to edit; also opened from the referral dialog (CaseDialogs), which picks the new service it hands back. */
export function ServiceFormModal({
  service,
  opened,
  onClose,
  onSaved,
}: {
  service: ReferralService | null;
  opened: boolean;
  onClose(): void;
  onSaved(saved: ReferralService): void;
}) {
  const { t } = useTranslation();
  const form = useAppForm<ServiceValues>({
    mode: 'controlled',
    initialValues: blank,
    validate: contractValidator<ServiceValues>(methods['referrals.createService'].input, t, ({ archived: _archived, ...v }) => v),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);
  useDialogValues(form, opened, service?.id ?? 'new', (): ServiceValues =>
    service
      ? { kind: service.kind, name: service.name, organisation: service.organisation, phone: service.phone, notes: service.notes, archived: service.archived }
      : blank,
  );
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);
  const restored = useFormDraft(form, service ? `service:${service.id}` : 'service:new', 'cases', opened);

  const save = async (values: ServiceValues) => {
    await run(async () => {
      const { archived, ...fields } = values;
      const saved = service
        ? await call('referrals.updateService', { id: service.id, version: service.version, ...fields, archived })
        : await call('referrals.createService', fields);
      notifications.show({ color: 'teal', message: t('directory.saved', { name: saved.service.name }) });
      onSaved(saved.service);
    });
  };

  return (
    <AppModal opened={opened} onClose={close} title={service ? t('directory.editTitle', { name: service.name }) : t('directory.addTitle')} size="lg">
      <form onSubmit={form.onSubmit(save)} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Select
            label={t('directory.kind')}
            withAsterisk
            allowDeselect={false}
            data={referralServiceKinds.map((k) => ({ value: k, label: t(`serviceKinds.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('directory.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('directory.organisation')} {...form.getInputProps('organisation')} />
          <TextInput label={t('directory.phone')} {...form.getInputProps('phone')} />
          <Textarea label={t('directory.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
          <FormError error={error} />
          <Group justify="space-between">
            {service ? (
              <Button variant="subtle" color={service.archived ? 'teal' : 'gray'} loading={busy} onClick={() => void save({ ...form.getValues(), archived: !service.archived })}>
                {service.archived ? t('directory.restore') : t('directory.archive')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

const column = createColumnHelper<ReferralService>();

/** The referral directory: professionals and services, kept by staff; archived entries stay on old referrals. */
export function DirectoryPanel() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('referrals.services', {});
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ service: ReferralService | null } | null>(null);
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('directory.name'),
        cell: (info) => (
          <Group gap={6}>
            <Text fz="sm" fw={600} c={info.row.original.archived ? 'dimmed' : undefined}>
              {info.getValue()}
            </Text>
            {info.row.original.archived ? (
              <Badge size="xs" color="gray">
                {t('directory.archived')}
              </Badge>
            ) : null}
          </Group>
        ),
      }),
      column.accessor((s) => t(`serviceKinds.${s.kind}`), { id: 'kind', header: t('directory.kind') }),
      column.accessor('organisation', { header: t('directory.organisation') }),
      column.accessor('phone', { header: t('directory.phone') }),
      column.accessor('notes', { header: t('directory.notes'), cell: (info) => <Text fz="sm" lineClamp={2}>{info.getValue()}</Text> }),
      column.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (info) => (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            onClick={() => setEditing({ service: info.row.original })}
            aria-label={`${t('common.edit')} ${info.row.original.name}`}
          >
            {t('common.edit')}
          </Button>
        ),
      }),
    ],
    [t],
  );
  return (
    <Stack>
      <Text c="dimmed" maw={760}>
        {t('directory.intro')}
      </Text>
      <Group justify="space-between">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('directory.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={320}
        />
        <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setEditing({ service: null })}>
          {t('directory.add')}
        </Button>
      </Group>
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        <DataTable
          data={data?.services ?? []}
          columns={columns}
          search={search}
          caption={t('cases.tabDirectory')}
          getRowId={(s) => String(s.id)}
          empty={<EmptyState icon={<IconAddressBook size={28} />} variant="light" title={t('directory.empty')} py="xl" />}
        />
      </LoadState>
      <ServiceFormModal
        service={editing?.service ?? null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void reload();
        }}
      />
    </Stack>
  );
}
