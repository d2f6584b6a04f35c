/**
 * The qualities sheet's cells and their saving: each cell (one pupil, one quality or competence) is
 * saved on its own as soon as it is committed with a valid T/Đ/C, with the version the server gave
 * back; a `conflict` reloads the cell from the server; any other refusal is shown on the row.
 * Leaving the sheet waits for the saves under way and asks only about what could not be saved.
 */
import { useCallback, useRef, useState } from 'react';
import { qualityCell, type QualitiesView } from '../../../../src-shared/api/assessment';
import type { ApiError } from '../../../../src-shared/api/envelope';
import {
  parseQualityLevel,
  QUALITY_ITEMS,
  QUALITY_LEVEL_SHORT,
  type QualityLevel,
} from '../../../../src-shared/domain/tt27';
import { useClient } from '../../../lib/ClientContext';
import { useSavesUnderWay, useUnsavedChanges } from '../../../lib/useUnsavedChanges';
import type { SaveState } from '../common/RowStatus';

export interface QualityCellState {
  level: QualityLevel | null;
  version: number;
  /** As committed: the short form of a valid level (T, Đ, C), else what was typed. */
  text: string;
  status: SaveState;
  message: string | null;
}

export interface QualityRowState {
  pupilId: number;
  fullName: string;
  enrolled: boolean;
  cells: Record<string, QualityCellState>;
}

export function shortText(level: QualityLevel | null): string {
  return level ? QUALITY_LEVEL_SHORT[level] : '';
}

function initial(view: QualitiesView): QualityRowState[] {
  return view.rows.map((r) => ({
    pupilId: r.pupilId,
    fullName: r.fullName,
    enrolled: r.enrolled,
    cells: Object.fromEntries(
      QUALITY_ITEMS.map((q) => {
        const cell = r.cells[q.key];
        const level = cell?.level ?? null;
        return [q.key, { level, version: cell?.version ?? 0, text: shortText(level), status: 'idle', message: null }];
      }),
    ),
  }));
}

/** Whether the committed text is a level (or empty): what can be saved. */
export function cellValue(text: string): { ok: true; level: QualityLevel | null } | { ok: false } {
  if (text.trim() === '') return { ok: true, level: null };
  const level = parseQualityLevel(text);
  return level ? { ok: true, level } : { ok: false };
}

export function useQualityCells(view: QualitiesView, onRefused: (error: ApiError) => void) {
  const client = useClient();
  const ref = useRef<QualityRowState[] | null>(null);
  ref.current ??= initial(view);
  const [rows, setRows] = useState(ref.current);
  const busy = useRef(new Set<string>());
  const again = useRef(new Set<string>());
  const saves = useSavesUnderWay();
  useUnsavedChanges({
    isDirty: () =>
      ref.current!.some(
        (r) => r.enrolled && Object.values(r.cells).some((c) => c.status === 'saving' || c.text !== shortText(c.level)),
      ),
    flush: saves.settled,
  });

  const changeCell = useCallback(
    (index: number, item: string, update: (cell: QualityCellState) => QualityCellState) => {
      ref.current = ref.current!.map((r, i) =>
        i === index ? { ...r, cells: { ...r.cells, [item]: update(r.cells[item]!) } } : r,
      );
      setRows(ref.current);
    },
    [],
  );

  const save = useCallback(
    async (index: number, item: string): Promise<void> => {
      const key = `${index}:${item}`;
      if (busy.current.has(key)) {
        again.current.add(key);
        return;
      }
      const row = ref.current![index];
      const cell = row?.cells[item];
      if (!row || !cell) return;
      const value = cellValue(cell.text);
      if (!value.ok || value.level === cell.level) return;
      busy.current.add(key);
      changeCell(index, item, (c) => ({ ...c, status: 'saving', message: null }));
      const result = await client.call('assessment.qualities.save', {
        classId: view.classId,
        point: view.point,
        pupilId: row.pupilId,
        item,
        level: value.level,
        version: cell.version,
      });
      busy.current.delete(key);
      if (result.ok) {
        const saved = result.value.cell;
        changeCell(index, item, (c) => ({
          level: saved.level,
          version: saved.version,
          // Typed again meanwhile: that text stays, to be saved next.
          text: c.text === cell.text ? shortText(saved.level) : c.text,
          status: 'saved',
          message: null,
        }));
      } else if (result.error.code === 'conflict') {
        again.current.delete(key);
        // The error carries the cell as it now stands; without it, the sheet is asked again.
        let current = qualityCell.safeParse(
          (result.error.details?.current as { cell?: unknown } | undefined)?.cell,
        ).data;
        if (!current) {
          const fresh = await client.call('assessment.qualities.get', { classId: view.classId, point: view.point });
          current = fresh.ok ? fresh.value.rows.find((r) => r.pupilId === row.pupilId)?.cells[item] : undefined;
        }
        const message = result.error.message;
        changeCell(index, item, (c) =>
          current
            ? {
                level: current.level,
                version: current.version,
                text: shortText(current.level),
                status: 'error',
                message,
              }
            : { ...c, status: 'error', message },
        );
        return;
      } else {
        changeCell(index, item, (c) => ({ ...c, status: 'error', message: result.error.message }));
        if (result.error.code !== 'invalid_input') onRefused(result.error);
      }
      if (again.current.delete(key)) await save(index, item);
    },
    [client, view.classId, view.point, changeCell, onRefused],
  );

  const commit = useCallback(
    (changes: { row: number; item: string; text: string }[]) => {
      const touched: [number, string][] = [];
      ref.current = ref.current!.map((r, i) => {
        const mine = changes.filter((c) => c.row === i && r.cells[c.item] !== undefined);
        if (mine.length === 0 || !r.enrolled) return r;
        const cells = { ...r.cells };
        for (const c of mine) {
          const value = cellValue(c.text);
          const text = value.ok ? shortText(value.level) : c.text.trim();
          cells[c.item] = { ...cells[c.item]!, text, status: 'idle', message: null };
          touched.push([i, c.item]);
        }
        return { ...r, cells };
      });
      setRows(ref.current);
      for (const [i, item] of touched) void saves.track(save(i, item));
    },
    [save, saves],
  );

  return { rows, commit };
}
