import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { setTransport, type Transport } from '../../src/api/client';
import { forgetCachedAnswers } from '../../src/api/queries';
import { theme } from '../../src/app/theme';
import { setupI18n } from '../../src/i18n';

/** Renders a screen in English with a fake backend that answers each method from `answers`. */
export async function renderWithBackend(ui: ReactElement, answers: Record<string, (input: unknown) => unknown>) {
  await setupI18n('en');
  const calls: Array<{ method: string; input: unknown }> = [];
  const transport: Transport = {
    async call(method, input) {
      calls.push({ method, input });
      const answer = answers[method];
      if (!answer) return { ok: false, error: { code: 'NOT_FOUND', message: `no fake for ${method}` } };
      return answer(input) as never;
    },
  };
  setTransport(transport);
  // Each test starts with nothing cached, as a page does after a lock.
  forgetCachedAnswers();
  return { ...render(<MantineProvider theme={theme}>{ui}</MantineProvider>), calls };
}
