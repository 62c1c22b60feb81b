import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled figure in a profile card: the label small and dimmed above its value. */
export function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}
