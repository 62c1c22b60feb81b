import { Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BackupContents } from '../../contract';
import { formatDateTime } from '../../ui/format';
import { namedCounts } from './backupTexts';

function Check({ ok, text }: { ok: boolean; text: string }) {
  return (
    <List.Item
      icon={
        <ThemeIcon color={ok ? 'teal' : 'orange'} size={20} radius="xl">
          {ok ? <IconCheck size={14} /> : <IconAlertTriangle size={14} />}
        </ThemeIcon>
      }
    >
      {text}
    </List.Item>
  );
}

/** What a full check found: whose backup, from when, the checks and the record counts. */
export function BackupContentsView({ contents }: { contents: BackupContents }) {
  const { t, i18n } = useTranslation();
  const facts: Array<[string, string]> = [
    [t('backups.contents.school'), contents.schoolName],
    [t('backups.contents.made'), formatDateTime(contents.createdAt, i18n.language)],
    [t('backups.contents.appVersion'), contents.appVersion],
    [t('backups.contents.schema'), String(contents.schemaVersion)],
    [
      t('backups.contents.openedWith'),
      contents.openedWith.kind === 'password'
        ? t('backups.contents.openedWithPassword', { username: contents.openedWith.username ?? '' })
        : t('backups.contents.openedWithRecoveryKey'),
    ],
  ];
  const counts = namedCounts(t, (key) => i18n.exists(key), contents.counts);
  return (
    <Stack gap="md" aria-label={t('backups.contents.title')}>
      <Title order={3} size="h5">
        {t('backups.contents.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
        {facts.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap" align="baseline">
            <Text fz="sm" c="dimmed" miw={130}>
              {label}
            </Text>
            <Text fz="sm" fw={500}>
              {value}
            </Text>
          </Group>
        ))}
      </SimpleGrid>
      <Stack gap={6}>
        <Text fz="sm" fw={600}>
          {t('backups.contents.checksTitle')}
        </Text>
        <List spacing={4} size="sm">
          <Check ok={contents.checks.cipherIntegrity} text={t(contents.checks.cipherIntegrity ? 'backups.contents.cipherOk' : 'backups.contents.cipherBad')} />
          <Check
            ok={contents.checks.databaseIntegrity}
            text={t(contents.checks.databaseIntegrity ? 'backups.contents.databaseOk' : 'backups.contents.databaseBad')}
          />
          <Check
            ok={contents.checks.auditChain.ok}
            text={
              contents.checks.auditChain.ok
                ? t('backups.contents.auditOk', { count: contents.checks.auditChain.checked })
                : t('backups.contents.auditBroken')
            }
          />
        </List>
      </Stack>
      <Stack gap={6}>
        <Text fz="sm" fw={600} id="backup-counts">
          {t('backups.contents.countsTitle')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing={0} role="list" aria-labelledby="backup-counts">
          {counts.map((c) => (
            <Group
              key={c.label}
              role="listitem"
              justify="space-between"
              wrap="nowrap"
              py={6}
              style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
            >
              <Text fz="sm">{c.label}</Text>
              <Text fz="sm" fw={600}>
                {new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID').format(c.rows)}
              </Text>
            </Group>
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
