import { Badge, Button, EmptyState, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { IconEye, IconFlag3, IconHeartbeat, IconPlus, IconSearch, IconUserQuestion } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useListChoice, usePage } from '../../api/usePage';
import { methods, type HelpSeekerIdentity, type HelpSeekerSummary } from '../../contract';
import { AppModal } from '../../ui/AppModal';
import { DataTable } from '../../ui/DataTable';
import { FormError } from '../../ui/FormError';
import { FormFooter } from '../../ui/FormFooter';
import { errorText } from '../../ui/errors';
import { formatDateTime, formatDay } from '../../ui/format';
import { contractValidator } from '../../ui/forms';
import { LoadState } from '../../ui/LoadState';
import { PageCount, Pager } from '../../ui/Pager';
import { OpenCaseModal, type Opening } from '../cases';
import { HelpSeekerOutcomeModal, type CodedHelpSeeker } from '../evaluation';
import { useFormAction } from '../../ui/useFormAction';
import { useGuardedClose } from '../../ui/DiscardPrompt';

const column = createColumnHelper<HelpSeekerSummary>();
const emptyIdentity = { fullName: '', className: '', contact: '', parentContact: '' };
type IdentityValues = typeof emptyIdentity;

function IdentityFields({ form }: { form: UseFormReturnType<IdentityValues> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label={t('helpSeekers.fullName')} data-autofocus {...form.getInputProps('fullName')} />
      <TextInput label={t('helpSeekers.className')} {...form.getInputProps('className')} />
      <TextInput label={t('helpSeekers.contact')} {...form.getInputProps('contact')} />
      <TextInput label={t('helpSeekers.parentContact')} {...form.getInputProps('parentContact')} />
    </SimpleGrid>
  );
}

/**
 * Who is behind a code. Asking for it is a separate, audited call; the
 * identity is held only in this dialog's state and forgotten when it closes.
 */
export function IdentityModal({ helpSeeker, onClose, onSaved }: { helpSeeker: HelpSeekerSummary | null; onClose(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation();
  const [identity, setIdentity] = useState<HelpSeekerIdentity | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [editing, setEditing] = useState(false);
  const form = useAppForm<IdentityValues>({
    mode: 'controlled',
    initialValues: emptyIdentity,
    validate: contractValidator<IdentityValues>(methods['helpSeekers.setIdentity'].input, t, (v) => ({ id: 1, version: 0, identity: v })),
  });
  const close = useGuardedClose(form, onClose);
  // Back from editing to reading throws the typed changes away too: ask first.
  const stopEditing = useGuardedClose(form, () => setEditing(false));
  const { busy, error, setError, run } = useFormAction(form);

  useEffect(() => {
    setIdentity(null);
    setLoaded(false);
    setEditing(false);
    setError(null);
    if (!helpSeeker) return;
    let current = true;
    void call('helpSeekers.revealIdentity', { id: helpSeeker.id }).then(
      (result) => {
        if (!current) return;
        setIdentity(result.identity);
        setLoaded(true);
      },
      (caught) => current && setError(errorText(t, caught)),
    );
    return () => {
      current = false;
    };
    // Only a new help-seeker asks again: every reveal is an audited look, so a language switch must not repeat it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [helpSeeker]);

  const startEditing = () => {
    const values = identity
      ? { fullName: identity.fullName, className: identity.className, contact: identity.contact, parentContact: identity.parentContact }
      : emptyIdentity;
    form.setValues(values);
    form.resetDirty(values);
    setEditing(true);
  };

  const submit = form.onSubmit(async (values) => {
    if (!helpSeeker) return;
    await run(async () => {
      const saved = await call('helpSeekers.setIdentity', { id: helpSeeker.id, version: identity?.version ?? 0, identity: values });
      setIdentity(saved.identity);
      setEditing(false);
      notifications.show({ color: 'teal', message: t('helpSeekers.identitySaved') });
      onSaved();
    });
  });

  const code = helpSeeker?.code ?? '';
  const row = (label: string, value: string) => (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{value || '—'}</Text>
    </div>
  );

  return (
    <AppModal opened={helpSeeker !== null} onClose={close} title={t('helpSeekers.revealTitle', { code })} size="lg">
      <Stack>
        <FormError error={editing ? null : error} />
        {loaded && !editing ? (
          <>
            {identity ? (
              <SimpleGrid cols={2}>
                {row(t('helpSeekers.fullName'), identity.fullName)}
                {row(t('helpSeekers.className'), identity.className)}
                {row(t('helpSeekers.contact'), identity.contact)}
                {row(t('helpSeekers.parentContact'), identity.parentContact)}
              </SimpleGrid>
            ) : (
              <Text>{t('helpSeekers.noIdentity', { code })}</Text>
            )}
            <Text fz="xs" c="dimmed">
              {identity ? `${t('helpSeekers.updatedBy', { at: formatDateTime(identity.updatedAt, i18n.language), name: identity.updatedByName ?? '' })} · ` : ''}
              {t('helpSeekers.revealNote')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={startEditing}>
                {t('helpSeekers.editIdentity')}
              </Button>
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </>
        ) : null}
        {editing ? (
          <form onSubmit={submit} noValidate>
            <Stack>
              <IdentityFields form={form} />
              <FormError error={error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={stopEditing}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={busy}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </AppModal>
  );
}

function AddHelpSeekerModal({ opened, onClose, onAdded }: { opened: boolean; onClose(): void; onAdded(): void }) {
  const { t } = useTranslation();
  const form = useAppForm<IdentityValues>({
    mode: 'controlled',
    initialValues: emptyIdentity,
    validate: contractValidator<IdentityValues>(methods['helpSeekers.create'].input, t, (v) => ({ identity: v })),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, run } = useFormAction(form);
  useEffect(() => {
    if (opened) form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const { helpSeeker } = await call('helpSeekers.create', { identity: values });
      notifications.show({ color: 'teal', message: t('helpSeekers.created', { code: helpSeeker.code }) });
      form.reset();
      onAdded();
    });
  });
  return (
    <AppModal opened={opened} onClose={close} title={t('helpSeekers.addTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text fz="sm">{t('helpSeekers.addHint')}</Text>
          <Text fz="sm" fw={600}>
            {t('logForm.identityTitle')}
          </Text>
          <IdentityFields form={form} />
          <Text fz="xs" c="dimmed">
            {t('logForm.identityHint')}
          </Text>
          <FormFooter error={error} busy={busy} submitLabel={t('helpSeekers.add')} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The coordinator's list of help-seekers: codes and figures, the identity only on request. */
export function HelpSeekersPanel() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useListChoice('helpSeekers', 'search', '');
  const [text] = useDebouncedValue(search.trim(), 250);
  const filters = text ? { text } : {};
  const [offset, setOffset] = usePage(filters, 'helpSeekers');
  const { data, error, loading, stale, reload } = useCall('helpSeekers.list', { ...filters, offset });
  const [revealing, setRevealing] = useState<HelpSeekerSummary | null>(null);
  const [adding, setAdding] = useState(false);
  const [opening, setOpening] = useState<Opening | null>(null);
  const [outcomeOf, setOutcomeOf] = useState<CodedHelpSeeker | null>(null);

  const columns = useMemo(
    () => [
      column.accessor('code', { header: t('helpSeekers.code'), cell: (info) => <Text fw={600}>{info.getValue()}</Text> }),
      column.accessor('logs', { header: t('helpSeekers.logs'), enableGlobalFilter: false }),
      column.accessor((h) => h.lastSessionOn ?? '', {
        id: 'last',
        header: t('helpSeekers.lastSession'),
        cell: (info) => formatDay(info.row.original.lastSessionOn, i18n.language) || '—',
        enableGlobalFilter: false,
      }),
      column.accessor('openCases', {
        header: t('helpSeekers.openCases'),
        cell: (info) => (info.getValue() > 0 ? <Badge color="red" variant="light">{info.getValue()}</Badge> : '0'),
        enableGlobalFilter: false,
      }),
      column.accessor((h) => (h.hasIdentity ? t('helpSeekers.onRecord') : t('helpSeekers.notRecorded')), {
        id: 'identity',
        header: t('helpSeekers.identity'),
        enableGlobalFilter: false,
      }),
      column.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (info) => (
          <Group gap={4} wrap="nowrap">
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconEye size={14} />}
              onClick={() => setRevealing(info.row.original)}
              aria-label={`${t('helpSeekers.reveal')}: ${info.row.original.code}`}
            >
              {t('helpSeekers.reveal')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconHeartbeat size={14} />}
              onClick={() => setOutcomeOf({ id: info.row.original.id, code: info.row.original.code })}
              aria-label={t('who5.openLabel', { code: info.row.original.code })}
            >
              WHO-5
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconFlag3 size={14} />}
              onClick={() => setOpening({ kind: 'open', helpSeekerId: info.row.original.id, code: info.row.original.code })}
              aria-label={`${t('helpSeekers.openCase')}: ${info.row.original.code}`}
            >
              {t('helpSeekers.openCase')}
            </Button>
          </Group>
        ),
      }),
    ],
    [t, i18n.language],
  );

  return (
    <Stack>
      <Text c="dimmed" maw={760}>
        {t('helpSeekers.intro')}
      </Text>
      <Group justify="space-between">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('helpSeekers.searchPlaceholder')}
          aria-label={t('common.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
        />
        <PageCount total={data?.total ?? 0} offset={offset} />
        <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setAdding(true)}>
          {t('helpSeekers.add')}
        </Button>
      </Group>
      <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
        <DataTable
          data={data?.helpSeekers ?? []}
          columns={columns}
          caption={t('sessions.tabHelpSeekers')}
          serverSort={{ sorting: [{ id: 'code', desc: true }], onChange: () => undefined, columns: [] }}
          unfiltered={!text}
          getRowId={(h) => String(h.id)}
          empty={<EmptyState icon={<IconUserQuestion size={28} />} variant="light" title={t('helpSeekers.empty')} py="xl" />}
        />
        <Pager total={data?.total ?? 0} offset={offset} onOffset={setOffset} />
      </LoadState>
      <IdentityModal helpSeeker={revealing} onClose={() => setRevealing(null)} onSaved={() => void reload()} />
      <AddHelpSeekerModal
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          void reload();
        }}
      />
      <OpenCaseModal opening={opening} onClose={() => setOpening(null)} onOpened={() => void reload()} />
      <HelpSeekerOutcomeModal helpSeeker={outcomeOf} onClose={() => setOutcomeOf(null)} />
    </Stack>
  );
}
