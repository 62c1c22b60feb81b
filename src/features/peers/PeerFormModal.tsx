import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { AppModal } from '../../ui/AppModal';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { methods, peerStatuses, type Peer, type PeerStatus } from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { contractValidator, showCallError } from '../../ui/forms';

interface PeerValues {
  fullName: string;
  className: string;
  status: PeerStatus;
}

const blank: PeerValues = { fullName: '', className: '', status: 'nominated' };

/** Add or edit a peer. An edit names the version it started from, so a stale one is refused, not overwritten. */
export function PeerFormModal({ peer, opened, onClose, onSaved }: { peer: Peer | null; opened: boolean; onClose(): void; onSaved(peer: Peer): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<PeerValues>({
    mode: 'controlled',
    initialValues: blank,
    validate: contractValidator<PeerValues>(methods['peers.create'].input, t),
  });

  useEffect(() => {
    if (!opened) return;
    const values = peer ? { fullName: peer.fullName, className: peer.className, status: peer.status } : blank;
    form.setInitialValues(values);
    form.setValues(values);
    form.resetDirty(values);
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, peer?.id, peer?.version]);

  const restored = useFormDraft(form, peer ? `peer:${peer.id}` : 'peer:new', 'peers', opened);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const fields = { fullName: values.fullName, className: values.className };
      const saved = peer
        ? await call('peers.update', { id: peer.id, version: peer.version, ...fields })
        : await call('peers.create', fields);
      notifications.show({
        color: 'teal',
        message: peer ? t('peers.saved', { name: saved.peer.fullName }) : t('peers.created', { name: saved.peer.fullName }),
      });
      form.resetDirty();
      onSaved(saved.peer);
    } catch (caught) {
      setError(showCallError(form, t, caught));
    } finally {
      setBusy(false);
    }
  });

  return (
    <AppModal opened={opened} onClose={onClose} title={peer ? t('peers.editTitle', { name: peer.fullName }) : t('peers.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {restored ? (
            <Alert color="blue" variant="light" role="status">
              {t('shell.restoredDraft')}
            </Alert>
          ) : null}
          <TextInput label={t('peers.fullName')} withAsterisk data-autofocus {...form.getInputProps('fullName')} />
          <TextInput label={t('peers.className')} withAsterisk {...form.getInputProps('className')} />
          <Select
            label={t('peers.status')}
            withAsterisk
            allowDeselect={false}
            data={peerStatuses.map((status) => ({ value: status, label: t(`peerStatus.${status}`) }))}
            {...form.getInputProps('status')}
          />
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
