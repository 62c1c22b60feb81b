import { Checkbox, Divider, Group, NumberInput, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { methods, type TrainingModule } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { FormFooter } from '../../ui/FormFooter';
import { formatDateTime, formatHours } from '../../ui/format';
import { contractValidator } from '../../ui/forms';
import { useDialogValues } from '../../ui/useValuesFromData';
import { useFormAction } from '../../ui/useFormAction';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useGuardedClose } from '../../ui/DiscardPrompt';

interface ModuleValues {
  titleId: string;
  titleEn: string;
  descriptionId: string;
  descriptionEn: string;
  hours: number | string;
  required: boolean;
  refresherMonths: number | string;
}

const blank: ModuleValues = { titleId: '', titleEn: '', descriptionId: '', descriptionEn: '', hours: 2, required: true, refresherMonths: '' };

const toInput = (v: ModuleValues) => ({
  ...v,
  hours: v.hours === '' ? undefined : Number(v.hours),
  refresherMonths: v.refresherMonths === '' ? null : Number(v.refresherMonths),
});

function ModuleHistory({ module }: { module: TrainingModule }) {
  const { t, i18n } = useTranslation();
  const { data } = useCall('training.moduleHistory', { id: module.id });
  if (!data) return null;
  return (
    <Stack gap="xs">
      <Divider />
      <Text fw={600} fz="sm">
        {t('training.historyTitle')}
      </Text>
      <Timeline bulletSize={10} lineWidth={2}>
        {data.revisions.map((r) => (
          <Timeline.Item key={r.id} title={<Text fz="sm">{t(`training.changes.${r.change}`)}</Text>}>
            <Text fz="xs" c="dimmed">
              {formatDateTime(r.changedAt, i18n.language)}
              {r.changedByName ? ` · ${r.changedByName}` : ''}
            </Text>
            <Text fz="xs">
              {(i18n.language === 'en' ? r.titleEn : r.titleId) || r.titleId || r.titleEn} ·{' '}
              {t('training.historyLine', {
                hours: formatHours(r.hours, i18n.language),
                required: r.required ? t('training.required') : t('training.optional'),
                refresher: r.refresherMonths ? t('training.refresherEvery', { count: r.refresherMonths }) : t('training.noRefresher'),
              })}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}

/** Add or edit a curriculum module, in both languages; an edit keeps the earlier version in the history. */
export function ModuleFormModal({
  module,
  opened,
  onClose,
  onSaved,
}: {
  module: TrainingModule | null;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const form = useAppForm<ModuleValues>({
    mode: 'controlled',
    initialValues: blank,
    validate: contractValidator<ModuleValues>(methods['training.createModule'].input, t, toInput, (v) => ({
      titleId: !v.titleId.trim() && !v.titleEn.trim() ? t('validation.required', { field: t('fields.titleId') }) : null,
    })),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useDialogValues(form, opened, module?.id ?? 'new', (): ModuleValues =>
    module
      ? {
          titleId: module.titleId,
          titleEn: module.titleEn,
          descriptionId: module.descriptionId,
          descriptionEn: module.descriptionEn,
          hours: module.hours,
          required: module.required,
          refresherMonths: module.refresherMonths ?? '',
        }
      : blank,
  );
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);

  const restored = useFormDraft(form, module ? `module:${module.id}` : 'module:new', 'training', opened);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const input = { ...toInput(values), hours: Number(values.hours) };
      if (module) await call('training.updateModule', { id: module.id, version: module.version, ...input });
      else await call('training.createModule', input);
      notifications.show({ color: 'teal', message: module ? t('training.moduleSaved') : t('training.moduleCreated') });
      form.resetDirty();
      onSaved();
    });
  });

  return (
    <AppModal opened={opened} onClose={close} size="lg" title={module ? t('training.editModuleTitle') : t('training.addModuleTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Text fz="xs" c="dimmed">
            {t('training.titleHint')}
          </Text>
          <TextInput label={t('training.titleId')} data-autofocus {...form.getInputProps('titleId')} />
          <TextInput label={t('training.titleEn')} {...form.getInputProps('titleEn')} />
          <Textarea label={t('training.descriptionId')} autosize minRows={2} maxRows={5} {...form.getInputProps('descriptionId')} />
          <Textarea label={t('training.descriptionEn')} autosize minRows={2} maxRows={5} {...form.getInputProps('descriptionEn')} />
          <Group grow align="flex-start">
            <NumberInput label={t('training.hoursLabel')} withAsterisk min={0.25} max={24} step={0.25} decimalScale={2} {...form.getInputProps('hours')} />
            <NumberInput
              label={t('training.refresherMonths')}
              description={t('training.refresherHint')}
              min={1}
              max={60}
              allowDecimal={false}
              {...form.getInputProps('refresherMonths')}
            />
          </Group>
          <Checkbox label={t('training.requiredLabel')} {...form.getInputProps('required', { type: 'checkbox' })} />
          <FormFooter error={error} busy={busy} onCancel={close} />
          {module && opened ? <ModuleHistory module={module} /> : null}
        </Stack>
      </form>
    </AppModal>
  );
}
