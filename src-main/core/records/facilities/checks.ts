/** Rules shared by the equipment and computer services: the room must exist, asset codes are unique. */
import type { Store } from '../../../store/open';
import { AppError } from '../../../errors';

/** A room chosen on a form may have been deleted by someone else in the meantime. */
export function assertRoomExists(store: Store, roomId: number | null): void {
  if (roomId === null) return;
  const found = store.statement('SELECT 1 FROM rooms WHERE id = ?').get(roomId);
  if (!found) throw new AppError('not_found', 'facilities.room_missing', {}, { field: 'roomId' });
}

/**
 * Asset tags are written by hand on stickers: TH01-07 and th01-07 are the same machine, so the
 * comparison ignores case (the column's own unique index does not).
 */
export function assertComputerCodeFree(store: Store, code: string, selfId: number | null): void {
  const clash = store
    .statement('SELECT code FROM computers WHERE upper(code) = upper(?) AND id IS NOT ?')
    .pluck()
    .get(code, selfId) as string | undefined;
  if (clash !== undefined) throw new AppError('conflict', 'facilities.code_taken', { code: clash }, { field: 'code' });
}

export const byCode = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
