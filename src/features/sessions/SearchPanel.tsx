import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { searchMarkEnd, searchMarkStart, type MethodOutput, type SearchHit } from '../../contract';
import { errorText } from '../../ui/errors';
import { formatDay } from '../../ui/format';
import { openCasePage, openSessionLog } from '../../navigation/places';

/** A snippet with the matched words marked, split on the backend's markers (never parsed as HTML). */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(searchMarkStart);
  return (
    <Text fz="sm">
      {parts.map((part, i) => {
        if (i === 0) return <Fragment key={i}>{part}</Fragment>;
        const [marked, rest] = part.split(searchMarkEnd) as [string, string | undefined];
        return (
          <Fragment key={i}>
            <mark>{marked}</mark>
            {rest ?? ''}
          </Fragment>
        );
      })}
    </Text>
  );
}

function open(hit: SearchHit) {
  if (hit.caseId !== null) openCasePage(hit.caseId);
  else if (hit.logId !== null) openSessionLog(hit.logId);
}

/** Full-text search over logs, addenda and case notes (coordinators only; the search runs inside the vault). */
export function SearchPanel() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ query: string; value: MethodOutput<'search.text'> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    if (!query.trim()) return;
    setBusy(true);
    setError(null);
    try {
      setResult({ query: query.trim(), value: await call('search.text', { query }) });
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={860}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('search.label')}
            description={t('search.hint')}
            placeholder={t('search.placeholder')}
            leftSection={<IconSearch size={16} />}
            value={query}
            maxLength={200}
            onChange={(event) => setQuery(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" loading={busy}>
            {t('search.button')}
          </Button>
        </Group>
      </form>
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      {result ? (
        result.value.hits.length === 0 ? (
          <Text c="dimmed">{t('search.none', { query: result.query })}</Text>
        ) : (
          <Stack gap="sm" aria-label={t('search.results', { count: result.value.hits.length })}>
            <Text fz="sm" c="dimmed" role="status">
              {t('search.results', { count: result.value.hits.length })}
            </Text>
            {result.value.truncated ? <Text fz="sm">{t('search.truncated')}</Text> : null}
            {result.value.hits.map((hit, i) => (
              <Card key={i} withBorder padding="sm" radius="md">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={4}>
                    <Group gap="xs">
                      <Badge variant="light" color={hit.kind === 'case_note' ? 'grape' : 'blue'}>
                        {t(`search.kinds.${hit.kind}`)}
                      </Badge>
                      <Text fz="sm" fw={600}>
                        {hit.helpSeekerCode ?? ''}
                      </Text>
                      <Text fz="sm" c="dimmed">
                        {formatDay(hit.at, i18n.language)}
                      </Text>
                    </Group>
                    <Snippet text={hit.snippet} />
                  </Stack>
                  <Anchor component="button" fz="sm" onClick={() => open(hit)}>
                    {t('search.open')}
                  </Anchor>
                </Group>
              </Card>
            ))}
          </Stack>
        )
      ) : null}
    </Stack>
  );
}
