/**
 * The gradebook sheet's rows and their saving. Every committed change is checked at once; what is
 * valid in a row is saved on its own, with the version the server gave back, one save at a time per
 * row (a change made while a save is under way is sent after it). A `conflict` reloads the row from
 * the server, so the sheet shows what the other person saved; any other refusal is shown on the row.
 * The rows live in a ref as well as in state: a save must see the text committed a moment before.
 * Leaving the sheet waits for the saves under way and asks only about what could not be saved.
 */
import { useCallback, useRef, useState } from 'react';
import { gradebookRow, type GradebookView } from '../../../../src-shared/api/assessment';
import type { ApiError } from '../../../../src-shared/api/envelope';
import { useClient } from '../../../lib/ClientContext';
import { useSavesUnderWay, useUnsavedChanges } from '../../../lib/useUnsavedChanges';
import { useT } from '../../../i18n/LocaleContext';
import {
  checkRow,
  initialRows,
  normaliseText,
  rowUnsaved,
  rulesOf,
  sameValues,
  textsOf,
  type GradeColumn,
  type GradeRow,
} from './gradebookRows';

export interface GradebookRows {
  rows: GradeRow[];
  commit(changes: { row: number; column: GradeColumn; text: string }[]): void;
}

export function useGradebookRows(
  view: GradebookView,
  /** A save was refused for a reason that may concern the whole sheet (a lock, a right taken away). */
  onRefused: (error: ApiError) => void,
): GradebookRows {
  const client = useClient();
  const t = useT();
  const ref = useRef<GradeRow[] | null>(null);
  ref.current ??= initialRows(view);
  const [rows, setRows] = useState(ref.current);
  const busy = useRef(new Set<number>());
  const again = useRef(new Set<number>());
  const saves = useSavesUnderWay();
  useUnsavedChanges({
    isDirty: () => ref.current!.some((r) => r.saved.enrolled && rowUnsaved(r, rulesOf(view), t)),
    flush: saves.settled,
  });

  const change = useCallback((update: (rows: GradeRow[]) => GradeRow[]) => {
    ref.current = update(ref.current!);
    setRows(ref.current);
  }, []);
  const changeRow = useCallback(
    (index: number, update: (row: GradeRow) => GradeRow) =>
      change((all) => all.map((r, i) => (i === index ? update(r) : r))),
    [change],
  );

  /** After a `conflict`: the row as the server now holds it, from the error or asked again. */
  const reloadRow = useCallback(
    async (index: number, error: ApiError) => {
      const pupilId = ref.current![index]!.saved.pupilId;
      let current = gradebookRow.safeParse(error.details?.current).data;
      if (current?.pupilId !== pupilId) {
        const fresh = await client.call('assessment.gradebook.get', {
          classId: view.classId,
          subject: view.subject,
          point: view.point,
        });
        current = fresh.ok ? fresh.value.rows.find((r) => r.pupilId === pupilId) : undefined;
      }
      const message = error.message;
      changeRow(index, (r) =>
        current
          ? { saved: current, texts: textsOf(current), status: 'error', message }
          : { ...r, status: 'error', message },
      );
    },
    [client, view.classId, view.subject, view.point, changeRow],
  );

  const save = useCallback(
    async (index: number): Promise<void> => {
      if (busy.current.has(index)) {
        again.current.add(index);
        return;
      }
      const row = ref.current![index];
      if (!row) return;
      const { values } = checkRow(row, rulesOf(view), t);
      if (!values || sameValues(values, row.saved)) return;
      busy.current.add(index);
      const sent = row.texts;
      changeRow(index, (r) => ({ ...r, status: 'saving', message: null }));
      const result = await client.call('assessment.gradebook.save', {
        classId: view.classId,
        subject: view.subject,
        point: view.point,
        pupilId: row.saved.pupilId,
        ...values,
        version: row.saved.version,
      });
      busy.current.delete(index);
      if (result.ok) {
        const saved = result.value;
        changeRow(index, (r) => {
          // Cells changed since the save keep their text; the others show the value as stored.
          const stored = textsOf(saved);
          const texts = { ...r.texts };
          for (const column of Object.keys(texts) as GradeColumn[]) {
            if (r.texts[column] === sent[column] && checkRow(r, rulesOf(view), t).problems[column] === undefined) {
              texts[column] = stored[column];
            }
          }
          return { saved, texts, status: 'saved', message: null };
        });
      } else if (result.error.code === 'conflict') {
        again.current.delete(index);
        await reloadRow(index, result.error);
        return;
      } else {
        changeRow(index, (r) => ({ ...r, status: 'error', message: result.error.message }));
        if (result.error.code !== 'invalid_input') onRefused(result.error);
      }
      if (again.current.delete(index)) await save(index);
    },
    [client, view, t, changeRow, reloadRow, onRefused],
  );

  const commit = useCallback(
    (changes: { row: number; column: GradeColumn; text: string }[]) => {
      const touched = new Set<number>();
      change((all) =>
        all.map((r, i) => {
          const mine = changes.filter((c) => c.row === i);
          if (mine.length === 0 || !r.saved.enrolled) return r;
          touched.add(i);
          const texts = { ...r.texts };
          for (const c of mine) texts[c.column] = normaliseText(c.column, c.text);
          return {
            ...r,
            texts,
            message: r.status === 'error' ? null : r.message,
            status: r.status === 'error' ? 'idle' : r.status,
          };
        }),
      );
      for (const i of touched) void saves.track(save(i));
    },
    [change, save, saves],
  );

  return { rows, commit };
}
