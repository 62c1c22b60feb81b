import { Loader, MultiSelect, Select, type ComboboxParsedItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api/queries';

export interface PickerOption {
  value: string;
  label: string;
}

/**
 * Where a picker finds what it offers (issue 12): `search` the few options matching what was
 * typed, from the backend, instead of every row loaded into the form; `lookup` the labels of
 * chosen values it has not been shown (a draft brought back, a saved record whose peer has left
 * the program since). `key` names the source, with its filters, in the renderer's one cache.
 */
export interface PickerSource {
  key: string;
  /** The cache's name for `lookup`, when it does not depend on the filters of `key`. */
  lookupKey?: string;
  search(text: string): Promise<PickerOption[]>;
  lookup(values: readonly string[]): Promise<PickerOption[]>;
}

/** How many options a picker offers at once: enough to choose from, never the school's ten years. */
export const offeredOptions = 20;

/**
 * The labels of `values`: those the form already knows (`known`), the rest looked up once by
 * the source. For a form that shows the chosen ones elsewhere too (who came to a meeting).
 */
export function usePickerLabels(source: PickerSource, values: readonly string[], known: readonly PickerOption[] = []): Map<string, string> {
  const labels = new Map(known.map((o) => [o.value, o.label]));
  const missing = [...new Set(values.filter((v) => !labels.has(v)))].sort();
  const lookup = useQuery(
    {
      queryKey: ['picker', source.lookupKey ?? source.key, 'lookup', missing],
      queryFn: () => source.lookup(missing),
      enabled: missing.length > 0,
      staleTime: Infinity,
    },
    queryClient,
  );
  for (const option of lookup.data ?? []) if (!labels.has(option.value)) labels.set(option.value, option.label);
  return labels;
}

/**
 * The search box of a picker and what typing into it finds, debounced, as the props a Mantine
 * select takes; a label just chosen counts as nothing typed, so reopening offers the list again.
 */
function useSearch(source: PickerSource, chosenLabels: readonly string[], nothingFound: string | undefined) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 200);
  const text = chosenLabels.includes(typed) ? '' : typed;
  const query = useQuery(
    { queryKey: ['picker', source.key, 'search', text], queryFn: () => source.search(text), placeholderData: keepPreviousData },
    queryClient,
  );
  const loading = query.isFetching;
  return {
    found: query.data ?? [],
    searchProps: {
      searchable: true,
      // The backend has already filtered by what was typed; filtering again here would hide nothing new.
      filter: ({ options }: { options: ComboboxParsedItem[] }) => options,
      searchValue: search,
      onSearchChange: setSearch,
      nothingFoundMessage: loading ? undefined : (nothingFound ?? t('common.noMatches')),
      rightSection: loading ? <Loader size={14} /> : undefined,
    },
  };
}

interface CommonProps {
  source: PickerSource;
  /** Labels the form already has for chosen values (a saved record's names). */
  known?: readonly PickerOption[] | undefined;
  label?: ReactNode;
  'aria-label'?: string;
  description?: ReactNode;
  placeholder?: string | undefined;
  /** What to say when nothing matches, where the form can say more than "nothing matches". */
  nothingFound?: string | undefined;
  error?: ReactNode;
  withAsterisk?: boolean | undefined;
  disabled?: boolean | undefined;
  maw?: number | undefined;
  w?: number | undefined;
  'data-autofocus'?: boolean | undefined;
  onFocus?: (() => void) | undefined;
  onBlur?: (() => void) | undefined;
}

function inputProps(props: CommonProps) {
  const { source: _source, known: _known, nothingFound: _nothingFound, ...rest } = props;
  return rest;
}

/** Chooses one row by typing (a help-seeker's code, a peer's name): the backend finds what matches. */
export function SearchPicker(props: CommonProps & { value: string | null; onChange(value: string | null, option: PickerOption | null): void }) {
  const { source, known = [], value, onChange } = props;
  const [picked, setPicked] = useState<PickerOption | null>(null);
  const knownHere = useMemo(() => (picked ? [...known, picked] : known), [known, picked]);
  const labels = usePickerLabels(source, value ? [value] : [], knownHere);
  const chosen = value && labels.has(value) ? { value, label: labels.get(value)! } : null;
  const { found, searchProps } = useSearch(source, chosen ? [chosen.label] : [], props.nothingFound);
  const data = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  return (
    <Select
      {...inputProps(props)}
      {...searchProps}
      data={data}
      value={value}
      onChange={(next, option) => {
        const chosenNow = next && option ? { value: next, label: option.label } : null;
        setPicked(chosenNow);
        onChange(next, chosenNow);
      }}
    />
  );
}

/** Chooses several rows by typing (a training's attendees, a meeting's peers); each chosen one keeps its name. */
export function SearchMultiPicker(props: CommonProps & { value: string[]; onChange(values: string[], options: PickerOption[]): void }) {
  const { source, known = [], value, onChange } = props;
  const [picked, setPicked] = useState<PickerOption[]>([]);
  const knownHere = useMemo(() => [...known, ...picked], [known, picked]);
  const labels = usePickerLabels(source, value, knownHere);
  const { found, searchProps } = useSearch(source, [], props.nothingFound);
  const chosen = value.filter((v) => labels.has(v)).map((v) => ({ value: v, label: labels.get(v)! }));
  const data = [...chosen, ...found.filter((o) => !value.includes(o.value))];
  return (
    <MultiSelect
      {...inputProps(props)}
      {...searchProps}
      hidePickedOptions
      data={data}
      value={value}
      onChange={(next) => {
        const byValue = new Map([...data, ...knownHere].map((o) => [o.value, o]));
        const options = next.map((v) => byValue.get(v) ?? { value: v, label: labels.get(v) ?? v });
        setPicked((before) => [...before.filter((o) => !next.includes(o.value)), ...options]);
        onChange(next, options);
      }}
    />
  );
}
