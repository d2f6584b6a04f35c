/** Rooms and their use by classes: the facilities side of the records. */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { classes, rooms } from './schema';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import type { roomInput, RoomView } from '../../../src-shared/api/records';
import { resolveYear } from './years';
import { releaseRoom, roomContents } from './facilities/roomContents';

type RoomInput = z.output<typeof roomInput>;
type RoomDb = typeof rooms.$inferSelect;

function classesByRoom(store: Store): Map<number, string[]> {
  const map = new Map<number, string[]>();
  let yearId: number;
  try {
    yearId = resolveYear(store).id;
  } catch {
    return map;
  }
  const rows = store.db
    .prepare(
      'SELECT room_id AS roomId, name FROM classes WHERE school_year_id = ? AND room_id IS NOT NULL ORDER BY grade, name',
    )
    .all(yearId) as { roomId: number; name: string }[];
  for (const r of rows) map.set(r.roomId, [...(map.get(r.roomId) ?? []), r.name]);
  return map;
}

function toView(r: RoomDb, used: Map<number, string[]>): RoomView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    construction: r.construction,
    areaM2: r.areaM2,
    seats: r.seats,
    hasProjector: r.hasProjector,
    hasInternet: r.hasInternet,
    notes: r.notes,
    classes: used.get(r.id) ?? [],
    version: r.version,
  };
}

function getRoomRow(store: Store, id: number): RoomDb {
  const row = store.orm.select().from(rooms).where(eq(rooms.id, id)).get();
  if (!row) throw new AppError('not_found', 'records.room_not_found');
  return row;
}

export function listRooms(store: Store): RoomView[] {
  const used = classesByRoom(store);
  return store.orm
    .select()
    .from(rooms)
    .orderBy(rooms.code)
    .all()
    .map((r) => toView(r, used));
}

export function getRoomView(store: Store, id: number): RoomView {
  return toView(getRoomRow(store, id), classesByRoom(store));
}

function assertCodeFree(store: Store, code: string, selfId: number | null): void {
  const clash = store.db.prepare('SELECT id FROM rooms WHERE upper(code) = upper(?) AND id IS NOT ?').get(code, selfId);
  if (clash) throw new AppError('conflict', 'records.room_code_taken', { code }, { field: 'code' });
}

export function createRoom(store: Store, input: RoomInput): RoomView {
  return store.transaction(() => {
    assertCodeFree(store, input.code, null);
    const now = Date.now();
    const row = store.orm
      .insert(rooms)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning({ id: rooms.id })
      .get();
    return getRoomView(store, row.id);
  });
}

export function updateRoom(store: Store, input: RoomInput & { id: number; version: number }): RoomView {
  return store.transaction(() => {
    getRoomRow(store, input.id);
    assertCodeFree(store, input.code, input.id);
    const { id, version, ...fields } = input;
    const result = store.orm
      .update(rooms)
      .set({ ...fields, updatedAt: Date.now(), version: sql`${rooms.version} + 1` })
      .where(and(eq(rooms.id, id), eq(rooms.version, version)))
      .run();
    if (result.changes === 0) throw new AppError('conflict', 'error.conflict');
    return getRoomView(store, id);
  });
}

/**
 * A room used by classes or holding computers or equipment is kept unless the user confirms; then the
 * classes lose their room and the computers and equipment stay on record, in no room.
 */
export function deleteRoom(store: Store, id: number, cascade: boolean): number {
  return store.transaction(() => {
    const room = getRoomRow(store, id);
    const users = store.db
      .prepare('SELECT name FROM classes WHERE room_id = ? ORDER BY grade, name')
      .pluck()
      .all(id) as string[];
    const contents = roomContents(store, id);
    const holdsThings = contents.computers > 0 || contents.equipment > 0;
    if ((users.length > 0 || holdsThings) && !cascade) {
      throw holdsThings
        ? new AppError(
            'rule_violation',
            'facilities.room_in_use',
            { name: room.name, code: room.code, classes: users.length, ...contents },
            { needsConfirmation: true },
          )
        : new AppError(
            'rule_violation',
            'records.room_in_use',
            { name: room.name, classes: users.join(', ') },
            { needsConfirmation: true },
          );
    }
    store.orm.update(classes).set({ roomId: null, updatedAt: Date.now() }).where(eq(classes.roomId, id)).run();
    releaseRoom(store, id);
    store.orm.delete(rooms).where(eq(rooms.id, id)).run();
    return users.length;
  });
}
