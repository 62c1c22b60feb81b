import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A list's search box: what is typed is sent to the backend, which searches every row, not this page. */
export function ListSearch({ value, onChange, placeholder }: { value: string; onChange(value: string): void; placeholder: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      leftSection={<IconSearch size={16} />}
      placeholder={placeholder}
      aria-label={t('common.search')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={300}
    />
  );
}
