import { NumberInput, Paper, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { methods } from '../../contract';
import { FormFooter } from '../../ui/FormFooter';
import { contractValidator } from '../../ui/forms';
import { useFormAction } from '../../ui/useFormAction';
import { LoadingFieldset } from '../../ui/LoadingFieldset';
import { useValuesFromData } from '../../ui/useValuesFromData';
import { useFormDraft } from '../../drafts/useFormDraft';

interface ProfileValues {
  studentCount: number | string;
  classNames: string[];
}

const toInput = (v: ProfileValues) => ({ studentCount: v.studentCount === '' ? null : Number(v.studentCount), classNames: v.classNames });

/**
 * The school's size and list of classes, in Settings: the peer program's
 * coverage (active peers as a share of the students, classes with no active
 * peer) is measured against them.
 */
export function SchoolProfileSettings() {
  const { t } = useTranslation();
  const { data, reload } = useCall('settings.get', {});
  const form = useAppForm<ProfileValues>({
    mode: 'controlled',
    initialValues: { studentCount: '', classNames: [] },
    validate: contractValidator<ProfileValues>(methods['settings.update'].input, t, toInput),
  });
  const { busy, error, run } = useFormAction(form);

  const loaded = useValuesFromData(form, data, (d) => ({ studentCount: d.studentCount ?? '', classNames: d.classNames }));
  useFormDraft(form, 'settings:school-profile', 'settings', true);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await call('settings.update', toInput(values));
      // Saved: leaving now asks nothing, though the refetched settings have not come back yet.
      form.resetDirty(values);
      notifications.show({ color: 'teal', message: t('schoolProfile.saved') });
      await reload();
    });
  });

  return (
    <Paper withBorder p="lg" radius="md" maw={720} component="section" aria-label={t('schoolProfile.title')}>
      <form onSubmit={submit} noValidate>
        <LoadingFieldset loaded={loaded}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('schoolProfile.title')}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('schoolProfile.intro')}
            </Text>
            <NumberInput label={t('schoolProfile.studentCount')} min={1} max={100000} allowDecimal={false} w={220} {...form.getInputProps('studentCount')} />
            <TagsInput
              label={t('schoolProfile.classNames')}
              description={t('schoolProfile.classNamesHint')}
              placeholder={t('schoolProfile.classNamesPlaceholder')}
              clearable
              splitChars={[',', ';']}
              {...form.getInputProps('classNames')}
            />
            <FormFooter error={error} busy={busy} />
          </Stack>
        </LoadingFieldset>
      </form>
    </Paper>
  );
}
