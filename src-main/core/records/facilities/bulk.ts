/**
 * A computer room delivered: N identical machines tagged <room>-01 … <room>-N in one step. All or
 * nothing: if any generated code is already someone's, nothing is added and the clash is named.
 */
import type { z } from 'zod';
import type { Store } from '../../../store/open';
import { escapeLike } from '../../../store/like';
import { AppError } from '../../../errors';
import { ASSET_CODE_PATTERN, type ComputerView, type computerBulkInput } from '../../../../src-shared/api/records';
import { getComputerView, insertComputer } from './computers';

type BulkInput = z.output<typeof computerBulkInput>;

/** Codes listed in the clash message; more would not fit in a notification. */
const SHOWN_CLASHES = 5;

/** The highest number already used after `<prefix>-`, so a second delivery continues the series. */
function lastNumber(store: Store, prefix: string): number {
  const codes = store
    .statement(`SELECT code FROM computers WHERE upper(code) LIKE upper(?) ESCAPE '\\'`)
    .pluck()
    .all(`${escapeLike(prefix)}-%`) as string[];
  let last = 0;
  for (const code of codes) {
    const tail = code.slice(prefix.length + 1);
    if (/^\d+$/.test(tail)) last = Math.max(last, Number(tail));
  }
  return last;
}

/** Two digits at least (TH01-01), more when the series goes beyond 99. */
export function generatedCodes(prefix: string, start: number, count: number): string[] {
  const width = Math.max(2, String(start + count - 1).length);
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(start + i).padStart(width, '0')}`);
}

export function bulkCreateComputers(store: Store, input: BulkInput): ComputerView[] {
  return store.transaction(() => {
    const room = store.statement('SELECT code FROM rooms WHERE id = ?').get(input.roomId) as
      { code: string } | undefined;
    if (!room) throw new AppError('not_found', 'facilities.room_missing', {}, { field: 'roomId' });
    const prefix = input.prefix || room.code;
    const start = input.start ?? lastNumber(store, prefix) + 1;
    const codes = generatedCodes(prefix, start, input.count);
    // A room code may hold characters an asset tag may not (spaces, diacritics).
    if (!codes.every((c) => ASSET_CODE_PATTERN.test(c))) {
      throw new AppError('invalid_input', 'facilities.validation.prefix', {}, { field: 'prefix' });
    }
    const taken = store
      .statement(
        `SELECT code FROM computers WHERE upper(code) IN (SELECT upper(value) FROM json_each(?)) ORDER BY code`,
      )
      .pluck()
      .all(JSON.stringify(codes)) as string[];
    if (taken.length > 0) {
      const shown = taken.slice(0, SHOWN_CLASHES).join(', ') + (taken.length > SHOWN_CLASHES ? ', …' : '');
      throw new AppError(
        'conflict',
        'facilities.codes_taken',
        { count: taken.length, codes: shown },
        { field: input.start === undefined ? 'prefix' : 'start', codes: taken },
      );
    }
    const now = Date.now();
    const ids = codes.map((code) =>
      insertComputer(
        store,
        {
          code,
          roomId: input.roomId,
          kind: input.kind,
          purpose: input.purpose,
          working: true,
          hasInternet: input.hasInternet,
          yearAcquired: input.yearAcquired,
          notes: input.notes,
        },
        now,
      ),
    );
    return ids.map((id) => getComputerView(store, id));
  });
}
