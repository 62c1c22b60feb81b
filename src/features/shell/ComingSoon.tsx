import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AreaId } from '../../stores/navigation';
import { PageHeader } from '../../ui/PageHeader';
import { areaIcons } from './areas';

type PlannedArea = 'training' | 'outreach' | 'sessions' | 'cases' | 'supervision' | 'evaluation' | 'reports' | 'backups';

/** An area a later release builds: says plainly what will be here, so no link leads to a blank page. */
export function ComingSoon({ area }: { area: PlannedArea & AreaId }) {
  const { t } = useTranslation();
  const Icon = areaIcons[area];
  return (
    <>
      <PageHeader title={t(`areas.${area}`)} />
      <Paper withBorder p="xl" radius="md" maw={640}>
        <Stack align="flex-start" gap="sm">
          <ThemeIcon size={48} radius="md" variant="light">
            <Icon size={28} />
          </ThemeIcon>
          <Title order={2} size="h4">
            {t('comingSoon.title')}
          </Title>
          <Text>{t(`comingSoon.${area}`)}</Text>
        </Stack>
      </Paper>
    </>
  );
}
