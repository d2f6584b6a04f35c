/**
 * Loads a procedure's answer for a screen and keeps it until the input changes or reload() is called.
 * A failed reload keeps the last good data so a table does not blank out over a passing error.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Api, ProcedureName } from '../../src-shared/api';
import type { InputOf, OutputOf } from '../../src-shared/api/procedure';
import type { ApiError } from '../../src-shared/api/envelope';
import { useClient } from './ClientContext';

export interface ProcedureState<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

export function useProcedure<K extends ProcedureName>(
  name: K,
  /** null: do not call (yet). */
  input: InputOf<Api[K]> | null,
): ProcedureState<OutputOf<Api[K]>> {
  const client = useClient();
  // The input is compared by value: callers build it inline on every render.
  const key = input === null ? null : JSON.stringify(input);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ data: OutputOf<Api[K]> | undefined; error: ApiError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: key !== null,
  });

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    void client.call(name, JSON.parse(key) as InputOf<Api[K]>).then((result) => {
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
  }, [client, name, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
