import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../contract';
import { call } from './client';
import { queryClient } from './queries';

export interface CallState<M extends MethodName> {
  data: MethodOutput<M> | null;
  error: unknown;
  loading: boolean;
  /**
   * The answer on screen is the one for the previous input (another page, filter or sort) while
   * the new one loads: a click on it would open a row of the list the person just left.
   */
  stale: boolean;
  reload(): Promise<void>;
}

/**
 * Loads data for a screen through the renderer's cache (api/queries.ts), keyed by the method and
 * its input compared by value. While another page or filter loads, the previous answer stays on
 * screen; `reload` fetches again.
 */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M>): CallState<M> {
  const key = JSON.stringify(input);
  const query = useQuery(
    {
      queryKey: [method, key],
      queryFn: () => call(method, JSON.parse(key) as MethodInput<M>),
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  const { refetch } = query;
  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);
  return { data: query.data ?? null, error: query.error, loading: query.isFetching, stale: query.isPlaceholderData, reload };
}
