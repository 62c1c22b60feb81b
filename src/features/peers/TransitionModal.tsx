import { Alert, Button, Checkbox, Group, List, Select, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { peerTransitions, type ActivationRequirement, type PeerProfile, type PeerStatus } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../ui/errors';
import { moduleTitle } from '../training';
import { PeerStatusBadge } from './PeerStatusBadge';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { useDialogValues } from '../../ui/useValuesFromData';

interface TransitionValues {
  to: PeerStatus | null;
  override: boolean;
  reason: string;
}

/** The usual next step: the first one that is not leaving the program. */
export function nextStatus(status: PeerStatus): PeerStatus | null {
  return peerTransitions[status].find((s) => s !== 'withdrawn') ?? peerTransitions[status][0] ?? null;
}

/** What activation still needs, one line each, ticked when done. */
export function ActivationChecklist({ profile }: { profile: PeerProfile }) {
  const { t, i18n } = useTranslation();
  const missing = new Set<ActivationRequirement>(profile.activation.missing);
  const names = profile.activation.missingModuleIds.map((id) => moduleTitle(profile.training.modules.find((m) => m.moduleId === id), i18n.language)).join(', ');
  const item = (done: boolean, text: string) => (
    <List.Item
      icon={
        <ThemeIcon color={done ? 'teal' : 'red'} size={20} radius="xl" variant="light">
          {done ? <IconCheck size={14} /> : <IconX size={14} />}
        </ThemeIcon>
      }
    >
      {text}
    </List.Item>
  );
  return (
    <List spacing={6} size="sm" center>
      {item(!missing.has('consent'), missing.has('consent') ? t('peers.missing.consent') : t('peers.consentDone'))}
      {item(!missing.has('pledge'), missing.has('pledge') ? t('peers.missing.pledge') : t('peers.pledgeDone'))}
      {item(!missing.has('training'), missing.has('training') ? t('peers.missing.training', { modules: names }) : t('peers.trainingDone2'))}
    </List>
  );
}

/**
 * Moves a peer to the next status. Activation shows what is still missing and
 * is refused until it is complete, unless the coordinator overrides it with a
 * written reason; leaving the program needs a reason too.
 */
export function TransitionModal({
  profile,
  opened,
  onClose,
  onSaved,
}: {
  profile: PeerProfile;
  opened: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const peer = profile.peer;
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useAppForm<TransitionValues>({
    mode: 'controlled',
    initialValues: { to: null, override: false, reason: '' },
    validate: {
      to: (value) => (value ? null : t('validation.required', { field: t('fields.to') })),
      reason: (value, values) =>
        (values.to === 'withdrawn' || (values.to === 'active' && values.override)) && !value.trim()
          ? t('validation.required', { field: t('fields.reason') })
          : null,
    },
  });
  const close = useGuardedClose(form, onClose);

  useDialogValues(form, opened, peer.id, (): TransitionValues => ({ to: nextStatus(peer.status), override: false, reason: '' }));
  useEffect(() => {
    if (!opened) return;
    setError(null);
    setRefused(false);
  }, [opened]);

  const restored = useFormDraft(form, `transition:${peer.id}`, 'peers', opened);

  const options = peerTransitions[peer.status];
  const to = form.values.to;
  const activating = to === 'active';
  const needsOverride = activating && !profile.activation.ready;
  const interviewMissing = to === 'selected' && profile.interview?.decision !== 'selected';

  const submit = form.onSubmit(async (values) => {
    if (!values.to) return;
    setBusy(true);
    setError(null);
    setRefused(false);
    try {
      const reason = values.reason.trim();
      const saved = await call('peers.transition', {
        id: peer.id,
        version: peer.version,
        to: values.to,
        ...(reason ? { reason } : {}),
        ...(values.to === 'active' && values.override ? { override: true } : {}),
      });
      notifications.show({ color: 'teal', message: t('peers.statusChanged', { name: peer.fullName, status: t(`peerStatus.${saved.peer.status}`) }) });
      form.resetDirty();
      onSaved();
    } catch (caught) {
      if (caught instanceof ApiError && caught.payload.reason === 'activation-incomplete') setRefused(true);
      else setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  });

  return (
    <AppModal opened={opened} onClose={close} size="lg" title={t('peers.transitionTitle', { name: peer.fullName })}>
      {options.length === 0 ? (
        <Stack>
          <Text>{t('peers.noNext')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <RestoredDraftNotice shown={restored} />
            <Group gap="xs">
              <Text fz="sm" c="dimmed">
                {t('peers.currentStatus')}
              </Text>
              <PeerStatusBadge status={peer.status} />
            </Group>
            <Select
              label={t('peers.newStatus')}
              withAsterisk
              allowDeselect={false}
              data={options.map((s) => ({ value: s, label: t(`peerStatus.${s}`) }))}
              {...form.getInputProps('to')}
            />
            {interviewMissing ? (
              <Alert color="yellow" variant="light">
                {t('peers.interviewFirst')}
              </Alert>
            ) : null}
            {activating && !refused ? (
              <Stack gap={6}>
                <Text fw={600} fz="sm">
                  {t('peers.readinessTitle', { name: peer.fullName })}
                </Text>
                <ActivationChecklist profile={profile} />
              </Stack>
            ) : null}
            {refused ? (
              <Alert color="red" role="alert" title={t('peers.activationRefused', { name: peer.fullName })}>
                <ActivationChecklist profile={profile} />
              </Alert>
            ) : null}
            {needsOverride ? (
              <Checkbox
                label={t('peers.override')}
                description={t('peers.overrideHint')}
                {...form.getInputProps('override', { type: 'checkbox' })}
              />
            ) : null}
            <Textarea
              label={activating && form.values.override ? t('peers.overrideReason') : t('peers.reason')}
              description={to === 'withdrawn' ? t('peers.withdrawReasonHint', { name: peer.fullName }) : needsOverride && form.values.override ? undefined : t('peers.noteHint')}
              withAsterisk={to === 'withdrawn' || (needsOverride && form.values.override)}
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps('reason')}
            />
            <FormError error={error} />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy} color={to === 'withdrawn' ? 'red' : undefined}>
                {to ? t('peers.moveTo', { status: t(`peerStatus.${to}`) }) : t('peers.changeStatus')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
