/**
 * What is kept in a room. A room that is deleted (pulled down, renamed into another code) does not take
 * its machines with it: they become "not in a room" until someone places them again.
 */
import type { Store } from '../../../store/open';

export interface RoomContents {
  computers: number;
  /** Lines of the equipment inventory, not the sum of their quantities. */
  equipment: number;
}

export function roomContents(store: Store, roomId: number): RoomContents {
  return {
    computers: store.statement('SELECT count(*) FROM computers WHERE room_id = ?').pluck().get(roomId) as number,
    equipment: store.statement('SELECT count(*) FROM equipment WHERE room_id = ?').pluck().get(roomId) as number,
  };
}

/** Takes the computers and equipment out of the room (room_id NULL); nothing is deleted. */
export function releaseRoom(store: Store, roomId: number): void {
  const now = Date.now();
  // version + 1: a form opened before the delete must not silently put a machine back into the old room.
  store
    .statement('UPDATE computers SET room_id = NULL, version = version + 1, updated_at = ? WHERE room_id = ?')
    .run(now, roomId);
  store
    .statement('UPDATE equipment SET room_id = NULL, version = version + 1, updated_at = ? WHERE room_id = ?')
    .run(now, roomId);
}
