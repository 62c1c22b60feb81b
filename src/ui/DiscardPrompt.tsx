import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';

interface DiscardPromptState {
  answer: ((discard: boolean) => void) | null;
}

const usePrompt = create<DiscardPromptState>(() => ({ answer: null }));

/** Asks "Discard your changes?"; resolves true only when the person chose to discard. */
export function askToDiscard(): Promise<boolean> {
  usePrompt.getState().answer?.(false);
  return new Promise((resolve) =>
    usePrompt.setState({
      answer: (discard) => {
        usePrompt.setState({ answer: null });
        resolve(discard);
      },
    }),
  );
}

/**
 * The close of a form's dialog, for its Cancel button, its X, Escape and a click beside it: an
 * unchanged form closes at once, a changed one asks first.
 */
export function useGuardedClose(form: { isDirty(): boolean }, onClose: () => void): () => void {
  return useCallback(() => {
    // Escape reaches every open dialog at once: the dialog under the question must not ask again.
    if (usePrompt.getState().answer) return;
    if (!form.isDirty()) {
      onClose();
      return;
    }
    void askToDiscard().then((discard) => {
      if (discard) onClose();
    });
  }, [form, onClose]);
}

/**
 * The one question, mounted once beside the app and above every dialog. Mantine hears Escape on the
 * window for every open dialog, before any element does; this one answers it only when the key
 * reaches it, after the dialog below has seen the question pending and let it be.
 */
export function DiscardPrompt() {
  const { t } = useTranslation();
  const answer = usePrompt((state) => state.answer);
  return (
    <Modal
      opened={answer !== null}
      onClose={() => answer?.(false)}
      title={t('discard.title')}
      centered
      zIndex={400}
      closeOnEscape={false}
      onKeyDown={(event) => {
        if (event.key === 'Escape') answer?.(false);
      }}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text>{t('discard.body')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer?.(false)} data-autofocus>
            {t('discard.keep')}
          </Button>
          <Button color="red" onClick={() => answer?.(true)}>
            {t('discard.discard')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
