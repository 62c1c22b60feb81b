import { useEffect, useState } from 'react';
import type { SortingState } from '@tanstack/react-table';

/**
 * Which page of a list a screen shows (issue 12). Back to the first page whenever the filters
 * change, so a counselor who narrows the list sees its start, not an empty page 40.
 */
export function usePage(filters: unknown): [number, (offset: number) => void] {
  const [offset, setOffset] = useState(0);
  const key = JSON.stringify(filters);
  useEffect(() => setOffset(0), [key]);
  return [offset, setOffset];
}

/** A table's sorting as a backend list's `sort` and `direction`. */
export function sortInput<K extends string>(sorting: SortingState, fallback: K): { sort: K; direction: 'asc' | 'desc' } {
  const first = sorting[0];
  return { sort: (first?.id as K | undefined) ?? fallback, direction: first && !first.desc ? 'asc' : 'desc' };
}
