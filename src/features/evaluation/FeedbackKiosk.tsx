import { Alert, Anchor, Button, Group, Radio, SimpleGrid, Stack, Text, Textarea, ThemeIcon } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { methods } from '../../contract';
import { lockNow } from '../../stores/session';
import { contractValidator, showCallError } from '../../ui/forms';
import { FormError } from '../../ui/FormError';
import { AuthLayout } from '../../ui/AuthLayout';

const questions = ['helpful', 'feltHeard', 'wouldRecommend'] as const;
type FeedbackValues = Record<(typeof questions)[number], string> & { comment: string };
const blank: FeedbackValues = { helpful: '', feltHeard: '', wouldRecommend: '', comment: '' };
const toInput = (v: FeedbackValues) => ({
  helpful: v.helpful === '' ? undefined : Number(v.helpful),
  feltHeard: v.feltHeard === '' ? undefined : Number(v.feltHeard),
  wouldRecommend: v.wouldRecommend === '' ? undefined : Number(v.wouldRecommend),
  comment: v.comment,
});

/** The counselor takes the PC back: the vault locks and asks for their password. */
function backToCounselor() {
  void lockNow('manual');
}

/**
 * The whole screen while a student gives anonymous feedback at the office PC:
 * the form and nothing of the vault. The counselor handed the PC over (nobody
 * is signed in), so only one form and a lock work; getting back to Sebaya
 * takes the counselor's password.
 */
export function FeedbackKiosk() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useAppForm<FeedbackValues>({
    mode: 'controlled',
    initialValues: blank,
    // An unanswered question gets words a student understands, not the schema's "required".
    validate: (v) => ({
      ...contractValidator<FeedbackValues>(methods['feedback.submit'].input, t, toInput)(v),
      ...Object.fromEntries(questions.filter((q) => v[q] === '').map((q) => [q, t('feedback.kiosk.pickOne')])),
    }),
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await call('feedback.submit', toInput(values) as { helpful: number; feltHeard: number; wouldRecommend: number; comment: string });
      form.reset();
      setSent(true);
    } catch (caught) {
      setError(showCallError(form, t, caught));
    } finally {
      setBusy(false);
    }
  });

  if (sent) {
    return (
      <AuthLayout title={t('feedback.kiosk.thanksTitle')} width={560}>
        <Group wrap="nowrap" align="flex-start">
          <ThemeIcon size={44} radius="xl" color="teal" variant="light">
            <IconHeartHandshake size={26} />
          </ThemeIcon>
          <Stack gap={4}>
            <Text>{t('feedback.kiosk.thanksBody')}</Text>
            <Text fw={600}>{t('feedback.kiosk.giveBack')}</Text>
          </Stack>
        </Group>
        {/* One form per hand-over (the backend refuses a second): the next student needs the counselor again. */}
        <Group justify="flex-end" mt="sm">
          <Button onClick={backToCounselor}>{t('feedback.kiosk.counselorBack')}</Button>
        </Group>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('feedback.kiosk.title')} width={640}>
      <Alert color="teal" variant="light">
        {t('feedback.kiosk.anonymous')}
      </Alert>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          {questions.map((q) => (
            <Radio.Group key={q} label={t(`feedback.questions.${q}`)} withAsterisk {...form.getInputProps(q)}>
              <SimpleGrid cols={5} spacing={6} mt={8}>
                {[1, 2, 3, 4, 5].map((value) => (
                  <Radio.Card key={value} value={String(value)} radius="md" p="xs" aria-label={`${value} – ${t(`feedback.scale.${value}` as 'feedback.scale.1')}`} style={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'center' }}>
                    <Stack gap={2} align="center">
                      <Radio.Indicator size="xs" />
                      <Text fw={700} fz="lg">
                        {value}
                      </Text>
                      <Text fz="xs" c="dimmed" ta="center" lh={1.2}>
                        {t(`feedback.scale.${value}` as 'feedback.scale.1')}
                      </Text>
                    </Stack>
                  </Radio.Card>
                ))}
              </SimpleGrid>
            </Radio.Group>
          ))}
          <Textarea
            label={t('feedback.kiosk.comment')}
            description={t('feedback.kiosk.commentHint')}
            autosize
            minRows={2}
            maxRows={5}
            {...form.getInputProps('comment')}
          />
          <FormError error={error} />
          <Button type="submit" size="md" loading={busy}>
            {t('feedback.kiosk.send')}
          </Button>
          <Text ta="center" fz="sm">
            <Anchor component="button" type="button" onClick={backToCounselor}>
              {t('feedback.kiosk.cancel')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
