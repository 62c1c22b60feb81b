import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../contract';
import { call } from './client';

export interface CallState<M extends MethodName> {
  data: MethodOutput<M> | null;
  error: unknown;
  loading: boolean;
  reload(): Promise<void>;
}

/** Loads data for a screen and reloads on demand; the input is compared by value. */
export function useCall<M extends MethodName>(method: M, input: MethodInput<M>): CallState<M> {
  const [data, setData] = useState<MethodOutput<M> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const value = await call(method, JSON.parse(key) as MethodInput<M>);
      if (ticket === latest.current) {
        setData(value);
        setError(null);
      }
    } catch (caught) {
      if (ticket === latest.current) setError(caught);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [method, key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
