import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { HelpSeekerIdentity } from '../../contract';
import { FormError } from '../../ui/FormError';
import { errorText } from '../../ui/errors';

/**
 * Who is behind a code, shown only after the reader asks; the backend records
 * every such look in the audit log. Held in this component's state only.
 */
export function IdentityReveal({ helpSeekerId, code }: { helpSeekerId: number; code: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<{ identity: HelpSeekerIdentity | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!shown) {
    return (
      <Stack gap="xs" align="flex-start">
        <Text fz="sm" c="dimmed">
          {t('casePage.identityHidden')}
        </Text>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconEye size={14} />}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              const result = await call('helpSeekers.revealIdentity', { id: helpSeekerId });
              setShown({ identity: result.identity });
            } catch (caught) {
              setError(errorText(t, caught));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('helpSeekers.reveal')}
        </Button>
        <FormError error={error} />
      </Stack>
    );
  }
  const identity = shown.identity;
  const row = (label: string, value: string) => (
    <div>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="sm">{value || '—'}</Text>
    </div>
  );
  return (
    <Stack gap="xs" mt="xs" aria-label={t('helpSeekers.revealTitle', { code })}>
      {identity ? (
        <SimpleGrid cols={2}>
          {row(t('helpSeekers.fullName'), identity.fullName)}
          {row(t('helpSeekers.className'), identity.className)}
          {row(t('helpSeekers.contact'), identity.contact)}
          {row(t('helpSeekers.parentContact'), identity.parentContact)}
        </SimpleGrid>
      ) : (
        <Text fz="sm">{t('helpSeekers.noIdentity', { code })}</Text>
      )}
      <Text fz="xs" c="dimmed">
        {t('helpSeekers.revealNote')}
      </Text>
    </Stack>
  );
}
