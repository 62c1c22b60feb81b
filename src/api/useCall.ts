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
 * screen; `reload` fetches again. `null` asks nothing: a screen passes it while it has no valid
 * input yet, or when its user may not make the call (issue 14: no screen asks what the backend
 * would refuse).
 */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M> | null): CallState<M> {
  const key = input === null ? null : JSON.stringify(input);
  const query = useQuery(
    {
      queryKey: [method, key],
      queryFn: () => call(method, JSON.parse(key ?? 'null') as MethodInput<M>),
      placeholderData: keepPreviousData,
      enabled: input !== null,
    },
    queryClient,
  );
  const { refetch } = query;
  const asked = input !== null;
  const reload = useCallback(async () => {
    if (asked) await refetch();
  }, [refetch, asked]);
  if (!asked) return { data: null, error: null, loading: false, stale: false, reload };
  return { data: query.data ?? null, error: query.error, loading: query.isFetching, stale: query.isPlaceholderData, reload };
}
