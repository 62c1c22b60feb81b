import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

/** The frame of every screen shown before someone is signed in. */
export function AuthLayout({ title, children, width = 440 }: { title: string; children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-1)" py={48} px="md">
      <Group justify="flex-end" pos="absolute" top={16} right={16}>
        <LanguageSwitch />
      </Group>
      <Center>
        <Stack w={width} maw="100%" gap="lg">
          <Group gap="sm" justify="center">
            <Logo size={44} />
            <Stack gap={0}>
              <Text fw={700} fz="xl">
                {t('app.name')}
              </Text>
              <Text c="dimmed" fz="sm">
                {t('app.tagline')}
              </Text>
            </Stack>
          </Group>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Stack gap="md">
              <Title order={1} size="h3">
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
          <Text c="dimmed" fz="xs" ta="center">
            {t('app.offlineNote')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
