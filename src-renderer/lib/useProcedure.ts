/**
 * Loads a procedure's answer for a screen and keeps it until the input changes or reload() is called.
 * A failed reload keeps the last good data so a table does not blank out over a passing error.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Api, ProcedureName } from '../../src-shared/api';
import type { InputOf, OutputOf } from '../../src-shared/api/procedure';
import type { ApiError, Result } from '../../src-shared/api/envelope';
import { useClient } from './ClientContext';

export interface ProcedureState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/**
 * The loading, keeping and reloading behind useProcedure, for any source that answers with a Result
 * envelope (the desktop bridge too). `key` names what is loaded: a new key loads again, null waits.
 */
export function useResultLoader<T>(key: string | null, load: (key: string) => Promise<Result<T>>): ProcedureState<T> {
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: key !== null,
  });
  // The latest `load` is used without making each render's new closure a reason to load again.
  const [loader] = useState<{ current: typeof load }>({ current: load });
  loader.current = load;

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void loader.current(key).then((result) => {
      if (!live) return;
      setState((s) =>
        result.ok
          ? { data: result.value, error: null, loading: false }
          : { data: s.data, error: result.error, loading: false },
      );
    });
    return () => {
      live = false;
    };
  }, [loader, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

export function useProcedure<K extends ProcedureName>(
  name: K,
  /** null: do not call (yet). */
  input: InputOf<Api[K]> | null,
): ProcedureState<OutputOf<Api[K]>> {
  const client = useClient();
  // The input is compared by value: callers build it inline on every render.
  const key = input === null ? null : JSON.stringify([name, input]);
  return useResultLoader(key, (k) => client.call(name, (JSON.parse(k) as [K, InputOf<Api[K]>])[1]));
}
