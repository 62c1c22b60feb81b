import { Button, Progress, Stack, Text, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobProgress as Progressed } from '../contract';

/** Steps whose count a person can read (entries, rows); bytes copied and figures are left to the percent. */
const countedSteps = new Set<Progressed['step']>(['checking-audit', 'reading-rows']);

/**
 * Where a long job is, under the button that started it (issue 12): its step in words and a
 * percent, read out by screen readers as it moves, and a reminder that the rest of the app works.
 */
export function JobProgress({ running, progress }: { running: boolean; progress: Progressed | null }) {
  const { t, i18n } = useTranslation();
  if (!running) return null;
  const step = progress ? t(`jobs.steps.${progress.step}`) : t('jobs.starting');
  const percent = progress?.percent ?? 0;
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');
  const count = progress && progress.total > 0 && countedSteps.has(progress.step) ? t('jobs.count', { done: number(progress.done), total: number(progress.total) }) : null;
  const line = progress ? t('jobs.line', { step, percent }) : step;
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Progress value={Math.max(percent, 2)} animated striped aria-label={line} />
      <Text fz="sm">
        {line}
        {count ? (
          <Text span c="dimmed" fz="sm">
            {` (${count})`}
          </Text>
        ) : null}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('jobs.keepWorking')}
      </Text>
    </Stack>
  );
}

/** Says a job is already under way, for a second click on what started it. */
export function showAlreadyRunning(t: (key: 'jobs.alreadyRunning') => string): void {
  notifications.show({ color: 'yellow', message: t('jobs.alreadyRunning') });
}

/**
 * The button that starts a long job: while it runs it looks disabled, and a click says the job is
 * already under way instead of starting a second one (so it is not disabled for assistive
 * technology either: pressing it tells the person why nothing new starts).
 */
export function JobButton({ running, onStart, children, ...props }: ButtonProps & { running: boolean; onStart(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Button
      {...props}
      data-disabled={running || undefined}
      onClick={(event) => {
        if (running) {
          event.preventDefault();
          showAlreadyRunning(t);
          return;
        }
        onStart();
      }}
    >
      {children}
    </Button>
  );
}
