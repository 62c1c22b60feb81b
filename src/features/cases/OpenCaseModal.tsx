import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { caseSeverities, type CaseSeverity } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { FormError } from '../../ui/FormError';
import { openCasePage } from '../../navigation/places';
import { ProtocolModal } from './Protocol';
import { useFormAction } from '../../ui/useFormAction';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useGuardedClose } from '../../ui/DiscardPrompt';

interface OpeningValues {
  severity: CaseSeverity;
  assignedUserId: string | null;
  note: string;
}

export type Opening =
  /** Escalating a submitted log in review: approves it and opens (or joins) a case. */
  | { kind: 'escalate'; logId: number; version: number; peerName: string; severity: CaseSeverity | null; defaultAssignee: number | null }
  /** Opening a case by hand about a help-seeker. */
  | { kind: 'open'; helpSeekerId: number; code: string };

/**
 * Opens a case (by hand, or by escalating a log in review) with its severity,
 * supervisor and the reason; then shows the school's escalation protocol at
 * once, as the issue asks for the moment a case opens.
 */
export function OpenCaseModal({ opening, onClose, onOpened }: { opening: Opening | null; onClose(): void; onOpened(caseId: number): void }) {
  const { t } = useTranslation();
  // Mounted on screens peers also use (their own log): staff are asked only once a case is being opened.
  const assignees = useCall('cases.assignees', opening ? {} : null);
  const [opened, setOpened] = useState<{ caseId: number; protocol: string } | null>(null);
  const form = useAppForm<OpeningValues>({
    mode: 'controlled',
    initialValues: { severity: 'high', assignedUserId: null, note: '' },
    validate: { note: (value) => (value.trim() ? null : t('validation.required', { field: t('fields.note') })) },
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  const key = opening ? (opening.kind === 'escalate' ? `escalate:${opening.logId}` : `open-case:${opening.helpSeekerId}`) : 'case-opening';
  useEffect(() => {
    if (!opening) return;
    const defaults: OpeningValues =
      opening.kind === 'escalate'
        ? { severity: opening.severity ?? 'high', assignedUserId: opening.defaultAssignee ? String(opening.defaultAssignee) : null, note: '' }
        : { severity: 'high', assignedUserId: null, note: '' };
    form.setValues(defaults);
    form.resetDirty(defaults);
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const restored = useFormDraft(form, key, 'cases', opening !== null);

  const submit = form.onSubmit(async (values) => {
    if (!opening) return;
    await run(async () => {
      const assignedUserId = values.assignedUserId ? Number(values.assignedUserId) : null;
      const result =
        opening.kind === 'escalate'
          ? await call('sessionLogs.escalate', { id: opening.logId, version: opening.version, severity: values.severity, assignedUserId, note: values.note })
          : await call('cases.open', { helpSeekerId: opening.helpSeekerId, logId: null, severity: values.severity, assignedUserId, note: values.note });
      form.resetDirty();
      setOpened({ caseId: result.caseId, protocol: result.escalationProtocol });
      onOpened(result.caseId);
    });
  });

  const title = !opening ? '' : opening.kind === 'escalate' ? t('review.escalateTitle') : t('openCase.title', { code: opening.code });
  return (
    <>
      <AppModal opened={opening !== null && opened === null} onClose={close} title={title} size="lg">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text fz="sm">{opening?.kind === 'escalate' ? t('review.escalateIntro') : t('openCase.intro')}</Text>
            <RestoredDraftNotice shown={restored} />
            <Group grow align="flex-start">
              <Select
                label={t('review.severity')}
                withAsterisk
                allowDeselect={false}
                data={caseSeverities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
                {...form.getInputProps('severity')}
              />
              <Select
                label={t('review.assignee')}
                placeholder={t('review.assigneePlaceholder')}
                clearable
                data={(assignees.data?.assignees ?? []).map((a) => ({ value: String(a.id), label: `${a.fullName} (${t(`roles.${a.role}`)})` }))}
                {...form.getInputProps('assignedUserId')}
              />
            </Group>
            <Textarea label={opening?.kind === 'escalate' ? t('review.note') : t('openCase.note')} withAsterisk autosize minRows={3} data-autofocus {...form.getInputProps('note')} />
            <FormError error={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={busy}>
                {opening?.kind === 'escalate' ? t('logView.escalate') : t('cases.openByHand')}
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
      <ProtocolModal
        opened={opened !== null}
        title={opened ? t('openCase.protocolTitle', { id: opened.caseId }) : ''}
        protocol={opened?.protocol ?? ''}
        onClose={() => {
          setOpened(null);
          onClose();
        }}
        actions={
          opened ? (
            <Button
              variant="default"
              onClick={() => {
                const caseId = opened.caseId;
                setOpened(null);
                onClose();
                openCasePage(caseId);
              }}
            >
              {t('openCase.goToCase')}
            </Button>
          ) : null
        }
      />
    </>
  );
}
