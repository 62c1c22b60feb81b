import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { offeredOptions, SearchPicker, type PickerSource } from './SearchPicker';

/**
 * The codes the caller may pick that begin with what was typed, newest first (helpSeekers.list);
 * a code chosen earlier is named by its id.
 */
const helpSeekerSource: PickerSource = {
  key: 'helpSeekers.list',
  search: async (text) =>
    (await call('helpSeekers.list', { limit: offeredOptions, ...(text ? { text } : {}) })).helpSeekers.map((h) => ({ value: String(h.id), label: h.code })),
  lookup: async (values) => {
    const found = await Promise.all(values.map((value) => call('helpSeekers.list', { id: Number(value), limit: 1 })));
    return found.flatMap((page) => page.helpSeekers.map((h) => ({ value: String(h.id), label: h.code })));
  },
};

/**
 * Chooses a help-seeker by typing the code (issue 12), instead of every code being loaded into
 * the form. `selectedCode` names the chosen one when the form already knows it.
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
  const known = useMemo(() => (value && selectedCode ? [{ value, label: selectedCode }] : []), [value, selectedCode]);
  return (
    <SearchPicker
      source={helpSeekerSource}
      known={known}
      {...(label ? { label } : { 'aria-label': t('logForm.pickCode') })}
      withAsterisk={withAsterisk}
      placeholder={placeholder ?? t('logForm.pickCodePlaceholder')}
      value={value}
      onChange={(next, option) => onChange(next, option?.label ?? null)}
      maw={maw}
      error={error}
    />
  );
}
