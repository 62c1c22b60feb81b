import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

/** How many codes a picker offers at once: enough to choose from, never the school's ten years. */
const offered = 20;

/**
 * Chooses a help-seeker by typing the code (issue 12): the backend finds the codes the caller may
 * pick that begin with what was typed, newest first, instead of every code being loaded into the
 * form. `selectedCode` names the chosen one while it is not among the codes found.
 */
export function HelpSeekerPicker({
  value,
  onChange,
  selectedCode,
  label,
  placeholder,
  error,
  withAsterisk,
  maw = 240,
}: {
  value: string | null;
  /** The chosen help-seeker's id (as a string, like a Select's value) and code. */
  onChange(value: string | null, code: string | null): void;
  selectedCode?: string | null | undefined;
  label?: string;
  placeholder?: string;
  error?: string | undefined;
  withAsterisk?: boolean;
  maw?: number;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [text] = useDebouncedValue(search.trim(), 200);
  const [found, setFound] = useState<Array<{ value: string; label: string }>>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let current = true;
    setLoading(true);
    call('helpSeekers.list', { limit: offered, ...(text ? { text } : {}) })
      .then((page) => {
        if (current) setFound(page.helpSeekers.map((h) => ({ value: String(h.id), label: h.code })));
      })
      .catch(() => {
        if (current) setFound([]);
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [text]);

  // A chosen code not among those found (a draft brought back, a log being edited) is looked up once by its id.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  useEffect(() => {
    if (!value || found.some((o) => o.value === value) || chosen?.value === value) return;
    if (selectedCode) {
      setChosen({ value, label: selectedCode });
      return;
    }
    let current = true;
    call('helpSeekers.list', { id: Number(value), limit: 1 })
      .then((page) => {
        const [one] = page.helpSeekers;
        if (current && one) setChosen({ value, label: one.code });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [value, found, chosen, selectedCode]);
  const data = chosen && chosen.value === value && !found.some((o) => o.value === value) ? [chosen, ...found] : found;
  return (
    <Select
      {...(label ? { label } : { 'aria-label': t('logForm.pickCode') })}
      withAsterisk={withAsterisk}
      placeholder={placeholder ?? t('logForm.pickCodePlaceholder')}
      searchable
      // The backend has already filtered by what was typed; filtering again here would hide nothing new.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={(next, option) => onChange(next, option?.label ?? null)}
      nothingFoundMessage={loading ? undefined : t('common.noMatches')}
      rightSection={loading ? <Loader size={14} /> : undefined}
      maw={maw}
      error={error}
    />
  );
}
