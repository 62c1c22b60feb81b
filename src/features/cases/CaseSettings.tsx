import { Checkbox, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { caseSeverities, limits, methods, type CaseSeverity } from '../../contract';
import { FormFooter } from '../../ui/FormFooter';
import { contractValidator } from '../../ui/forms';
import { useFormAction } from '../../ui/useFormAction';
import { LoadingFieldset } from '../../ui/LoadingFieldset';
import { useValuesFromData } from '../../ui/useValuesFromData';
import { useFormDraft } from '../../drafts/useFormDraft';

interface CaseSettingsValues {
  escalationProtocol: string;
  urgent: number | string;
  high: number | string;
  routine: number | string;
  supervisorsSeeAllCases: boolean;
}

const toInput = (v: CaseSettingsValues) => ({
  escalationProtocol: v.escalationProtocol,
  caseDueDays: { urgent: Number(v.urgent), high: Number(v.high), routine: Number(v.routine) },
  supervisorsSeeAllCases: v.supervisorsSeeAllCases,
});

/** The coordinator's settings for cases: the escalation protocol, due days per severity, and who sees which case. */
export function CaseSettings() {
  const { t } = useTranslation();
  const { data, reload } = useCall('settings.get', {});
  const validate = contractValidator<CaseSettingsValues>(methods['settings.update'].input, t, toInput);
  const form = useAppForm<CaseSettingsValues>({
    mode: 'controlled',
    initialValues: { escalationProtocol: '', urgent: 0, high: 2, routine: 7, supervisorsSeeAllCases: false },
    // The day fields sit under caseDueDays in the contract and on their own here.
    validate: (values) => Object.fromEntries(Object.entries(validate(values)).map(([field, message]) => [field.replace(/^caseDueDays\./, ''), message])),
  });
  const { busy, error, run } = useFormAction(form);
  const loaded = useValuesFromData(form, data, (d): CaseSettingsValues => ({
    escalationProtocol: d.escalationProtocol,
    ...d.caseDueDays,
    supervisorsSeeAllCases: d.supervisorsSeeAllCases,
  }));
  useFormDraft(form, 'settings:cases', 'settings', true);
  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await call('settings.update', toInput(values));
      // Saved: leaving now asks nothing, though the refetched settings have not come back yet.
      form.resetDirty(values);
      notifications.show({ color: 'teal', message: t('caseSettings.saved') });
      await reload();
    });
  });
  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <LoadingFieldset loaded={loaded}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('caseSettings.title')}
            </Title>
            <Textarea
              label={t('caseSettings.protocol')}
              description={t('caseSettings.protocolHint')}
              autosize
              minRows={5}
              maxRows={14}
              maxLength={limits.longText}
              {...form.getInputProps('escalationProtocol')}
            />
            <div>
              <Text fz="sm" fw={500}>
                {t('caseSettings.dueDays')}
              </Text>
              <Text fz="xs" c="dimmed">
                {t('caseSettings.dueDaysHint')}
              </Text>
              <Group mt={6}>
                {caseSeverities.map((severity: CaseSeverity) => (
                  <NumberInput key={severity} label={t(`severity.${severity}`)} min={0} max={90} allowDecimal={false} w={120} {...form.getInputProps(severity)} />
                ))}
              </Group>
            </div>
            <Checkbox label={t('caseSettings.seeAll')} {...form.getInputProps('supervisorsSeeAllCases', { type: 'checkbox' })} />
            <FormFooter error={error} busy={busy} />
          </Stack>
        </LoadingFieldset>
      </form>
    </Paper>
  );
}
