import { useMemo, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { pageSizes, type CaseSummary } from '../contract';
import { offeredOptions, SearchMultiPicker, type PickerOption } from './SearchPicker';

type Labelled = Pick<CaseSummary, 'id' | 'helpSeekerCode' | 'severity'>;

/**
 * Chooses cases by typing the help-seeker's code (issue 12): the open cases the caller may see
 * that match, most pressing first (cases.list); a case chosen earlier is named by its id, open
 * or closed since. `optionLabel` says a case as the form's area says it (keep it the same function between renders).
 */
export function CaseMultiPicker({
  optionLabel,
  ...props
}: Omit<ComponentProps<typeof SearchMultiPicker>, 'source'> & { optionLabel(c: Labelled): string }) {
  const { i18n } = useTranslation();
  const source = useMemo(() => {
    const toOptions = (cases: Labelled[]): PickerOption[] => cases.map((c) => ({ value: String(c.id), label: optionLabel(c) }));
    return {
      key: `cases.list open ${i18n.language}`,
      lookupKey: `cases.list ${i18n.language}`,
      search: async (text: string) => toOptions((await call('cases.list', { open: true, limit: offeredOptions, ...(text ? { text } : {}) })).cases),
      lookup: async (values: readonly string[]) => {
        const ids = values.map(Number);
        const found: Labelled[] = [];
        for (let start = 0; start < ids.length; start += pageSizes.max) {
          found.push(...(await call('cases.list', { ids: ids.slice(start, start + pageSizes.max), limit: pageSizes.max })).cases);
        }
        return toOptions(found);
      },
    };
  }, [i18n.language, optionLabel]);
  return <SearchMultiPicker source={source} {...props} />;
}
