import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pageSizes } from '../contract';

interface PageProps {
  total: number;
  offset: number;
  limit?: number;
}

/** "51–100 of 1,234", or null when one page holds the whole list. */
function usePageRange({ total, offset, limit = pageSizes.default }: PageProps): string | null {
  const { t, i18n } = useTranslation();
  if (total <= limit && offset === 0) return null;
  const number = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID').format(n);
  return t('common.pageRange', { from: number(Math.min(total, offset + 1)), to: number(Math.min(total, offset + limit)), total: number(total) });
}

/**
 * Above a list, beside its filters: how much there is, before a counselor scrolls fifty rows at
 * 1366×768 to find the pager.
 */
export function PageCount(props: PageProps) {
  const range = usePageRange(props);
  return range === null ? null : (
    <Text fz="sm" c="dimmed" ml="auto">
      {range}
    </Text>
  );
}

/** Where a page is in its list: "51–100 of 1,234" and the page buttons; nothing when one page holds it all. */
export function Pager({ total, offset, limit = pageSizes.default, onOffset }: PageProps & { onOffset(offset: number): void }) {
  const { t } = useTranslation();
  const range = usePageRange({ total, offset, limit });
  if (range === null) return null;
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  return (
    <Group justify="space-between" mt="sm" wrap="wrap">
      <Text fz="sm" c="dimmed" aria-live="polite">
        {range}
      </Text>
      <Pagination
        total={pages}
        value={page}
        onChange={(next) => onOffset((next - 1) * limit)}
        size="sm"
        siblings={1}
        boundaries={1}
        getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
        getItemProps={(n) => ({ 'aria-label': t('common.pageNumber', { page: n }) })}
      />
    </Group>
  );
}
