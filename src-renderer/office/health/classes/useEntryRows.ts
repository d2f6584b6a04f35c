/**
 * The entry grid's rows and their saving. Each row is saved on its own (recorded the first time,
 * corrected after that with the version the server gave back), so one bad row never holds up the
 * class. The rows live in a ref as well as in state: a save started by Enter must see the text typed
 * a moment before, whatever React has rendered by then. Leaving the grid saves the rows still to
 * save and asks only about those that could not be saved.
 */
import { useCallback, useRef, useState } from 'react';
import type { ClassCheckRow } from '../../../../src-shared/api/health';
import { fieldIssues } from '../../../lib/apiErrors';
import { useClient } from '../../../lib/ClientContext';
import { useSavesUnderWay, useUnsavedChanges } from '../../../lib/useUnsavedChanges';
import { useLocale } from '../../../i18n/LocaleContext';
import {
  columnOf,
  draftOf,
  initialRows,
  isBlank,
  parseDraft,
  sameDraft,
  type EntryRow,
  type GridColumn,
} from './entryRows';

export interface EntryRows {
  rows: EntryRow[];
  edit(index: number, column: GridColumn, text: string): void;
  save(index: number): Promise<void>;
  saveAll(): Promise<void>;
}

export function useEntryRows(source: ClassCheckRow[], date: string): EntryRows {
  const client = useClient();
  const { locale, t } = useLocale();
  const ref = useRef<EntryRow[] | null>(null);
  ref.current ??= initialRows(source, date, locale);
  const [rows, setState] = useState(ref.current);

  const change = useCallback((index: number, update: (row: EntryRow) => EntryRow) => {
    ref.current = ref.current!.map((r, i) => (i === index ? update(r) : r));
    setState(ref.current);
  }, []);

  const edit = useCallback(
    (index: number, column: GridColumn, text: string) =>
      change(index, (r) => ({
        ...r,
        draft: { ...r.draft, [column]: text },
        status: 'dirty',
        // A problem stays shown until the nurse changes the field it is about.
        error: r.error && r.error.field !== column ? r.error : null,
      })),
    [change],
  );

  const send = useCallback(
    async (index: number) => {
      const row = ref.current![index];
      if (!row || (row.status !== 'dirty' && row.status !== 'error')) return;
      const parsed = parseDraft(row.draft, t);
      if (!parsed.ok) {
        change(index, (r) => ({ ...r, status: 'error', error: { field: parsed.field, message: parsed.message } }));
        return;
      }
      if (!row.check && isBlank(row.draft)) {
        change(index, (r) => ({ ...r, status: 'idle', error: null }));
        return;
      }
      const sent = row.draft;
      change(index, (r) => ({ ...r, status: 'saving', error: null }));
      const fields = { date, ...parsed.value, notes: row.check?.notes ?? '' };
      const result = row.check
        ? await client.call('health.checks.update', { id: row.check.id, version: row.check.version, ...fields })
        : await client.call('health.checks.record', { pupilId: row.pupil.id, ...fields });
      change(index, (r) => {
        if (!result.ok) {
          const [issue] = fieldIssues(result.error);
          return {
            ...r,
            status: 'error',
            error: { field: columnOf(issue?.field), message: issue?.message ?? result.error.message },
          };
        }
        // Typing went on while the row was being saved: that newer text still needs saving.
        const typedSince = !sameDraft(r.draft, sent);
        return {
          ...r,
          check: result.value,
          draft: typedSince ? r.draft : draftOf(result.value, locale),
          status: typedSince ? 'dirty' : 'saved',
          error: null,
        };
      });
    },
    [change, client, date, locale, t],
  );
  const saves = useSavesUnderWay();
  const save = useCallback((index: number) => saves.track(send(index)), [saves, send]);

  const saveAll = useCallback(async () => {
    const pending = ref.current!.map((r, i) => (r.status === 'dirty' || r.status === 'error' ? i : -1));
    for (const i of pending) if (i >= 0) await save(i);
  }, [save]);

  useUnsavedChanges({
    isDirty: () => ref.current!.some((r) => r.status === 'dirty' || r.status === 'error' || r.status === 'saving'),
    flush: async () => {
      await saveAll();
      await saves.settled();
    },
  });

  return { rows, edit, save, saveAll };
}
