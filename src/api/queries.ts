import { QueryClient } from '@tanstack/react-query';
import { onRecordsChanged } from './client';

/**
 * The renderer's one cache of backend answers (issue 12): a query per method and input, so a
 * screen opened again shows what it showed at once and refreshes behind it. One rule keeps it
 * true: after any call that may change records (every method of the open vault not marked
 * `reads` in the contract) everything cached is stale, and what is on screen is fetched again. Nothing here
 * outlives the person: the cache is emptied whenever the vault locks, is handed over or someone
 * else signs in (stores/session.ts), and a lock reloads the page anyway.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failed call is shown with its retry button; trying again by itself would hide the error.
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      gcTime: 5 * 60_000,
    },
  },
});

onRecordsChanged(() => {
  void queryClient.invalidateQueries();
});

/** Forgets every cached answer: for a lock, a hand-over, another person. */
export function forgetCachedAnswers(): void {
  queryClient.clear();
}
