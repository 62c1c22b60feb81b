import { Checkbox, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { interviewCriteria, interviewDecisions, localDate, methods, type Interview, type InterviewCriterion, type Peer } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { useSession } from '../../stores/session';
import { AppModal } from '../../ui/AppModal';
import { FormFooter } from '../../ui/FormFooter';
import { contractValidator } from '../../ui/forms';
import { useFormAction } from '../../ui/useFormAction';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useDialogValues } from '../../ui/useValuesFromData';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { DateField } from '../../ui/DateField';

interface InterviewValues {
  interviewedOn: string;
  interviewer: string;
  criteria: Record<InterviewCriterion, boolean>;
  notes: string;
  decision: Interview['decision'];
}

const noCriteria = Object.fromEntries(interviewCriteria.map((c) => [c, false])) as Record<InterviewCriterion, boolean>;

/** The selection interview: a checklist of criteria, notes and a decision. */
export function InterviewModal({
  peer,
  interview,
  opened,
  onClose,
  onSaved,
}: {
  peer: Peer;
  interview: Interview | null;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const me = useSession((s) => s.status?.user?.fullName ?? '');
  const form = useAppForm<InterviewValues>({
    mode: 'controlled',
    initialValues: { interviewedOn: '', interviewer: '', criteria: noCriteria, notes: '', decision: 'undecided' },
    validate: contractValidator<InterviewValues>(methods['peers.recordInterview'].input, t, (v) => ({ id: peer.id, version: peer.version, ...v })),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useDialogValues(form, opened, peer.id, (): InterviewValues =>
    interview
      ? { interviewedOn: interview.interviewedOn, interviewer: interview.interviewer, criteria: { ...noCriteria, ...interview.criteria }, notes: interview.notes, decision: interview.decision }
      : { interviewedOn: localDate(new Date()), interviewer: me, criteria: noCriteria, notes: '', decision: 'undecided' },
  );
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);

  const restored = useFormDraft(form, `interview:${peer.id}`, 'peers', opened);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await call('peers.recordInterview', { id: peer.id, version: peer.version, ...values });
      notifications.show({ color: 'teal', message: t('peers.interviewSaved') });
      form.resetDirty();
      onSaved();
    });
  });

  return (
    <AppModal opened={opened} onClose={close} size="lg" title={t('peers.interviewFor', { name: peer.fullName })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Group grow align="flex-start">
            <DateField label={t('peers.interviewedOn')} withAsterisk maw={200} {...form.getInputProps('interviewedOn')} />
            <TextInput label={t('peers.interviewer')} withAsterisk {...form.getInputProps('interviewer')} />
          </Group>
          <Checkbox.Group label={t('peers.criteriaTitle')} value={interviewCriteria.filter((c) => form.values.criteria[c])}
            onChange={(checked) => form.setFieldValue('criteria', Object.fromEntries(interviewCriteria.map((c) => [c, checked.includes(c)])) as Record<InterviewCriterion, boolean>)}
          >
            <Stack gap={6} mt={6}>
              {interviewCriteria.map((criterion) => (
                <Checkbox key={criterion} value={criterion} label={t(`peers.criteria.${criterion}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea label={t('peers.interviewNotes')} autosize minRows={3} maxRows={8} {...form.getInputProps('notes')} />
          <Radio.Group label={t('peers.decision')} withAsterisk {...form.getInputProps('decision')}>
            <Group mt={6}>
              {interviewDecisions.map((decision) => (
                <Radio key={decision} value={decision} label={t(`peers.decisions.${decision}`)} />
              ))}
            </Group>
          </Radio.Group>
          <FormFooter error={error} busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}
