import { Alert, Group, List, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLongJob } from '../../api/useLongJob';
import type { MethodOutput } from '../../contract';
import { errorText } from '../../ui/errors';
import { JobButton, JobProgress } from '../../ui/JobProgress';
import { Section } from './SettingsPage';

function Findings({ result }: { result: MethodOutput<'vault.check'> }) {
  const { t } = useTranslation();
  const { cipherIntegrity, databaseIntegrity, auditChain } = result;
  const audit = auditChain.ok
    ? t('settings.vaultCheck.auditOk', { count: auditChain.checked })
    : auditChain.brokenAtId === null
      ? t('settings.vaultCheck.auditUnreadable')
      : t('settings.vaultCheck.auditBroken', { id: auditChain.brokenAtId });
  return (
    <Alert
      color={result.ok ? 'teal' : 'red'}
      role={result.ok ? 'status' : 'alert'}
      title={t(result.ok ? 'settings.vaultCheck.okTitle' : 'settings.vaultCheck.problemTitle')}
    >
      <List size="sm" spacing={2}>
        <List.Item>{cipherIntegrity.ok ? t('settings.vaultCheck.pagesOk') : t('settings.vaultCheck.pagesDamaged', { count: cipherIntegrity.problems })}</List.Item>
        <List.Item>
          {databaseIntegrity.ok ? t('settings.vaultCheck.structureOk') : t('settings.vaultCheck.structureDamaged', { count: databaseIntegrity.problems })}
        </List.Item>
        <List.Item>{audit}</List.Item>
      </List>
      {result.ok ? null : (
        <Text fz="sm" mt="xs">
          {t('settings.vaultCheck.whatNow')}
        </Text>
      )}
    </Alert>
  );
}

/** `vault.check` from Settings (issue 12): beside the backend's queue, with its progress, while the app keeps answering. */
export function VaultCheck() {
  const { t } = useTranslation();
  const check = useLongJob('vault.check', 'vault-check');
  return (
    <Section title={t('settings.vaultCheck.title')}>
      <Text fz="sm">{t('settings.vaultCheck.intro')}</Text>
      <Group>
        <JobButton variant="default" leftSection={<IconShieldCheck size={18} />} running={check.running} onStart={() => check.start({})}>
          {t('settings.vaultCheck.button')}
        </JobButton>
      </Group>
      <JobProgress running={check.running} progress={check.progress} />
      {check.value ? <Findings result={check.value} /> : null}
      {check.error ? (
        <Alert color="red" role="alert">
          {errorText(t, check.error)}
        </Alert>
      ) : null}
    </Section>
  );
}
