import { Checkbox, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { localDate, methods, type ModuleProgress, type Peer } from '../../contract';
import { useSession } from '../../stores/session';
import { AppModal } from '../../ui/AppModal';
import { FormFooter } from '../../ui/FormFooter';
import { contractValidator } from '../../ui/forms';
import { moduleTitle } from '../training';
import { useFormAction } from '../../ui/useFormAction';
import { useDialogValues } from '../../ui/useValuesFromData';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { DateField } from '../../ui/DateField';
import { useFormDraft } from '../../drafts/useFormDraft';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';

interface RecordValues {
  moduleId: string | null;
  attendedOn: string;
  hours: number | string;
  trainer: string;
  completed: boolean;
  score: number | string;
}

const toNumberOrNull = (value: number | string) => (value === '' || value === null ? null : Number(value));

/** One attendance of this peer at one module (training outside a group session, or a make-up). */
export function AddRecordModal({
  peer,
  modules,
  opened,
  onClose,
  onSaved,
}: {
  peer: Peer;
  /** The modules from the peer's profile; retired ones take no new records. */
  modules: ModuleProgress[];
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation();
  const me = useSession((s) => s.status?.user?.fullName ?? '');
  const toInput = (v: RecordValues) => ({
    peerId: peer.id,
    moduleId: v.moduleId === null ? undefined : Number(v.moduleId),
    attendedOn: v.attendedOn,
    hours: v.hours === '' ? undefined : Number(v.hours),
    trainer: v.trainer,
    completed: v.completed,
    score: toNumberOrNull(v.score),
  });
  const form = useAppForm<RecordValues>({
    mode: 'controlled',
    initialValues: { moduleId: null, attendedOn: '', hours: '', trainer: '', completed: true, score: '' },
    validate: contractValidator<RecordValues>(methods['training.addRecord'].input, t, toInput),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useEffect(() => {
    if (!opened) return;
    form.setValues({ moduleId: null, attendedOn: localDate(new Date()), hours: '', trainer: me, completed: true, score: '' });
    form.resetDirty();
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, peer.id]);
  const restored = useFormDraft(form, `training-record:${peer.id}`, 'peers', opened);

  const current = modules.filter((m) => !m.retired);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      // The validator has checked module and hours are there.
      await call('training.addRecord', { ...toInput(values), moduleId: Number(values.moduleId), hours: Number(values.hours) });
      notifications.show({ color: 'teal', message: t('peers.recordAdded') });
      onSaved();
    });
  });

  return (
    <AppModal opened={opened} onClose={close} title={t('peers.recordFor', { name: peer.fullName })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Select
            label={t('peers.module')}
            withAsterisk
            allowDeselect={false}
            data={current.map((m) => ({ value: String(m.moduleId), label: moduleTitle(m, i18n.language) }))}
            {...form.getInputProps('moduleId')}
            onChange={(value) => {
              form.setFieldValue('moduleId', value);
              const module = current.find((m) => String(m.moduleId) === value);
              if (module && form.values.hours === '') form.setFieldValue('hours', module.moduleHours);
            }}
          />
          <Group grow align="flex-start">
            <DateField label={t('peers.attendedOn')} withAsterisk {...form.getInputProps('attendedOn')} />
            <NumberInput label={t('training.hours')} withAsterisk min={0} max={24} step={0.25} decimalScale={2} {...form.getInputProps('hours')} />
          </Group>
          <TextInput label={t('peers.trainer')} withAsterisk {...form.getInputProps('trainer')} />
          <Checkbox label={t('peers.completed')} {...form.getInputProps('completed', { type: 'checkbox' })} />
          <NumberInput label={t('peers.score')} min={0} max={100} allowDecimal={false} maw={260} {...form.getInputProps('score')} />
          <FormFooter error={error} busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

interface ScoreValues {
  knowledgePre: number | string;
  knowledgePost: number | string;
}

/** The knowledge test taken before and after training, 0–100. */
export function KnowledgeScoresModal({
  peer,
  scores,
  opened,
  onClose,
  onSaved,
}: {
  peer: Peer;
  scores: { knowledgePre: number | null; knowledgePost: number | null };
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const toInput = (v: ScoreValues) => ({
    peerId: peer.id,
    version: peer.version,
    knowledgePre: toNumberOrNull(v.knowledgePre),
    knowledgePost: toNumberOrNull(v.knowledgePost),
  });
  const form = useAppForm<ScoreValues>({
    mode: 'controlled',
    initialValues: { knowledgePre: '', knowledgePost: '' },
    validate: contractValidator<ScoreValues>(methods['training.setKnowledgeScores'].input, t, toInput),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useDialogValues(form, opened, peer.id, (): ScoreValues => ({ knowledgePre: scores.knowledgePre ?? '', knowledgePost: scores.knowledgePost ?? '' }));
  useEffect(() => {
    if (opened) setError(null);
  }, [opened, setError]);
  const restored = useFormDraft(form, `knowledge:${peer.id}`, 'peers', opened);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await call('training.setKnowledgeScores', toInput(values));
      notifications.show({ color: 'teal', message: t('peers.scoresSaved') });
      onSaved();
    });
  });

  return (
    <AppModal opened={opened} onClose={close} title={t('peers.knowledgeFor', { name: peer.fullName })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <Group grow>
            <NumberInput label={t('peers.knowledgePre')} min={0} max={100} allowDecimal={false} data-autofocus {...form.getInputProps('knowledgePre')} />
            <NumberInput label={t('peers.knowledgePost')} min={0} max={100} allowDecimal={false} {...form.getInputProps('knowledgePost')} />
          </Group>
          <FormFooter error={error} busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}
