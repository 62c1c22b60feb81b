import { Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogValues } from '../../ui/useValuesFromData';
import { call } from '../../api/client';
import { limits, type CaseDetail } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { FormFooter } from '../../ui/FormFooter';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useAppForm } from '../../ui/useAppForm';
import { useFormAction } from '../../ui/useFormAction';

/**
 * Records the decision on a case: a "Decision" entry on its timeline, the same one
 * "Add to the timeline" writes, opened straight from the top of the case page.
 */
export function DecisionModal({ detail, opened, onClose, onSaved }: { detail: CaseDetail; opened: boolean; onClose(): void; onSaved(detail: CaseDetail): void }) {
  const { t } = useTranslation();
  const c = detail.case;
  const form = useAppForm<{ text: string }>({
    mode: 'controlled',
    initialValues: { text: '' },
    validate: { text: (value) => (value.trim() ? null : t('validation.required', { field: t('caseDecision.text') })) },
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);
  useDialogValues(form, opened, c.id, () => ({ text: '' }));
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);
  const restored = useFormDraft(form, `case-decision:${c.id}`, 'cases', opened);
  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const saved = await call('cases.addNote', { id: c.id, kind: 'decision', text: values.text });
      form.resetDirty();
      notifications.show({ color: 'teal', message: t('caseDecision.saved', { id: c.id }) });
      onSaved(saved);
    });
  });
  return (
    <AppModal opened={opened} onClose={close} title={t('caseDecision.title', { id: c.id })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Text fz="sm" c="dimmed">
            {t('caseDecision.hint')}
          </Text>
          <Textarea label={t('caseDecision.text')} withAsterisk autosize minRows={3} maxLength={limits.longText} data-autofocus {...form.getInputProps('text')} />
          <FormFooter error={error} busy={busy} submitLabel={t('caseDecision.submit')} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}
