import { useMutation, useMutationState, useQuery, type MutationState } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { JobKind, JobProgress, MethodInput, MethodName, MethodOutput } from '../contract';
import { call } from './client';
import { queryClient } from './queries';

/** How often a screen asks where its job is while it runs. */
export const progressEveryMs = 500;

export interface LongJob<M extends MethodName> {
  /** Starts the job; false (and nothing asked of the backend) while one of its kind started in this window still runs. */
  start(input: MethodInput<M>): boolean;
  running: boolean;
  /** Where it is, once the backend has said (jobs.progress); null before that. */
  progress: JobProgress | null;
  /** The latest run's input, answer and error: kept when the screen is left and opened again. */
  input: MethodInput<M> | undefined;
  value: MethodOutput<M> | undefined;
  error: unknown;
  /** Forgets the latest run's answer or error (a dialog closed, a new file chosen). */
  dismiss(): void;
}

/** A run's input, in a holder the call can empty of what must not stay in memory. */
interface Run<M extends MethodName> {
  input: MethodInput<M>;
}

type State<M extends MethodName> = MutationState<MethodOutput<M>, unknown, Run<M>>;

/**
 * A long job a screen starts (issue 12): backups, checks, the term PDF, a roster import. The call
 * lives in the renderer's cache of mutations rather than in the screen, so a counselor who opens
 * another area while it runs finds it still running, or its answer, when she comes back. While
 * it runs the screen polls `jobs.progress` for its step and percent. `then` runs with the answer
 * whether or not the screen is still open (a PDF is still saved).
 */
export function useLongJob<M extends MethodName>(
  method: M,
  kind: JobKind,
  options: {
    /** With the answer and what `keep` kept of the input. */
    then?: (value: MethodOutput<M>, input: MethodInput<M>) => void;
    /** What of the input the cache may keep once it was sent: never a password. */
    keep?: (input: MethodInput<M>) => MethodInput<M>;
  } = {},
): LongJob<M> {
  const mutationKey = ['long-job', kind];
  const { mutate } = useMutation(
    {
      mutationKey,
      // Kept until the next run, a dismissal or the lock (which empties the cache), not only while a screen shows it.
      gcTime: 30 * 60_000,
      mutationFn: async (run: Run<M>) => {
        const answer = call(method, run.input);
        // The cache holds `run` as this job's input: from here on, only what it may keep.
        if (options.keep) run.input = options.keep(run.input);
        const value = await answer;
        options.then?.(value, run.input);
        return value;
      },
    },
    queryClient,
  );
  const runs = useMutationState({ filters: { mutationKey }, select: (mutation) => mutation.state as State<M> }, queryClient);
  const latest = runs.at(-1);
  const running = latest?.status === 'pending';
  const progress = useJobProgress(kind, running);

  const start = useCallback(
    (input: MethodInput<M>) => {
      const cache = queryClient.getMutationCache();
      const earlier = cache.findAll({ mutationKey });
      if (earlier.some((m) => m.state.status === 'pending')) return false;
      for (const done of earlier) cache.remove(done);
      forgetProgress(kind);
      mutate({ input });
      return true;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [kind, mutate],
  );

  const dismiss = useCallback(() => {
    const cache = queryClient.getMutationCache();
    for (const done of cache.findAll({ mutationKey }).filter((m) => m.state.status !== 'pending')) cache.remove(done);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind]);

  return {
    start,
    running,
    progress,
    input: latest?.variables?.input,
    value: latest?.status === 'success' ? latest.data : undefined,
    error: latest?.status === 'error' ? latest.error : undefined,
    dismiss,
  };
}

/** What a finished run of this kind said last is not where the next one is. */
export function forgetProgress(kind: JobKind): void {
  queryClient.setQueryData<MethodOutput<'jobs.progress'>>(['jobs.progress'], (old) => old && { jobs: old.jobs.filter((job) => job.kind !== kind) });
}

/**
 * Where the caller's job of this kind is, asked of the backend every half second while `running`
 * (for a screen that keeps its call itself, such as the roster import); null until it has said.
 */
export function useJobProgress(kind: JobKind, running: boolean): JobProgress | null {
  const polled = useQuery(
    {
      queryKey: ['jobs.progress'],
      queryFn: () => call('jobs.progress', {}),
      enabled: running,
      refetchInterval: running ? progressEveryMs : false,
    },
    queryClient,
  );
  return running ? (polled.data?.jobs.find((job) => job.kind === kind) ?? null) : null;
}
