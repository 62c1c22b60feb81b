import { useState } from 'react';
import type { SortingState } from '@tanstack/react-table';
import { create } from 'zustand';

/**
 * What a counselor chose on each list (its search, filters, sort and page), kept while the vault
 * stays open, so going to a case and back finds the list as it was left. In memory only, and
 * forgotten with the cached answers at a lock or when someone else signs in: a search can hold a
 * help-seeker's code.
 */
const chosen = create<{ values: Record<string, unknown> }>(() => ({ values: {} }));

export function forgetListChoices(): void {
  chosen.setState({ values: {} });
}

/** A list's choice remembered under `list` and `name`; `list` null keeps it only while the component is shown. */
export function useListChoice<T>(list: string | null, name: string, initial: T): [T, (next: T) => void] {
  const key = list === null ? null : `${list}:${name}`;
  const stored = chosen((s) => (key === null ? undefined : (s.values[key] as T | undefined)));
  const [local, setLocal] = useState<T>(initial);
  if (key === null) return [local, setLocal];
  return [stored === undefined ? initial : stored, (next: T) => chosen.setState((s) => ({ values: { ...s.values, [key]: next } }))];
}

/**
 * Which page of a list a screen shows (issue 12). Back to the first page whenever the filters
 * change, so a counselor who narrows the list sees its start, not an empty page 40.
 */
export function usePage(filters: unknown, list: string | null = null): [number, (offset: number) => void] {
  const key = JSON.stringify(filters);
  const [page, setPage] = useListChoice(list, 'page', { key, offset: 0 });
  return [page.key === key ? page.offset : 0, (offset: number) => setPage({ key, offset })];
}

/** A table's sorting as a backend list's `sort` and `direction`. */
export function sortInput<K extends string>(sorting: SortingState, fallback: K): { sort: K; direction: 'asc' | 'desc' } {
  const first = sorting[0];
  return { sort: (first?.id as K | undefined) ?? fallback, direction: first && !first.desc ? 'asc' : 'desc' };
}
