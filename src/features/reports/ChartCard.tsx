import { Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface FigureRow {
  label: string;
  value: string;
}

interface ChartCardProps {
  title: string;
  explain: string;
  /** What the card says instead of a chart when the term has nothing to show. */
  emptyText: string;
  empty: boolean;
  chart: ReactNode;
  rows: FigureRow[];
  /** Small headline figures shown above the chart and the table. */
  headline?: ReactNode;
}

/**
 * One figure of the dashboard: a chart, and the same numbers as a table for
 * people who prefer reading (issue 5). Tabs, so arrow keys switch between them.
 */
export function ChartCard({ title, explain, emptyText, empty, chart, rows, headline }: ChartCardProps) {
  const { t } = useTranslation();
  const [view, setView] = useState<string | null>('chart');
  const titleId = useId();

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId} h="100%">
      <Stack gap="xs" h="100%">
        <Title order={2} size="h5" id={titleId}>
          {title}
        </Title>
        <Text fz="sm" c="dimmed">
          {explain}
        </Text>
        {empty ? null : headline}
        {empty ? (
          <Text fz="sm" c="dimmed" fs="italic" py="lg" ta="center">
            {emptyText}
          </Text>
        ) : (
          <Tabs value={view} onChange={setView} variant="pills" keepMounted={false}>
            <Tabs.List aria-label={t('reports.showAs', { title })}>
              <Tabs.Tab value="chart">
                {t('reports.chart')}
              </Tabs.Tab>
              <Tabs.Tab value="table">{t('reports.table')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="chart" pt="sm">
              <div role="img" aria-label={title} style={{ width: '100%', height: 220 }}>
                {chart}
              </div>
            </Tabs.Panel>
            <Tabs.Panel value="table" pt="sm">
              <Table striped withTableBorder fz="sm" aria-label={title}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reports.figure')}</Table.Th>
                    <Table.Th ta="right">{t('reports.value')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.label}>
                      <Table.Td>{row.label}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                        {row.value}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Paper>
  );
}
