/** The equipment inventory: counted lines (name × quantity) with their condition, in a room or central. */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { equipment } from '../schema';
import type { Store } from '../../../store/open';
import { AppError } from '../../../errors';
import type { EquipmentView, equipmentFilter, equipmentInput } from '../../../../src-shared/api/records';
import { assertRoomExists, byCode } from './checks';

type EquipmentInput = z.output<typeof equipmentInput>;
type EquipmentFilter = z.output<typeof equipmentFilter>;

interface EquipmentRowDb {
  id: number;
  room_id: number | null;
  room_code: string | null;
  room_name: string | null;
  category: EquipmentView['category'];
  name: string;
  quantity: number;
  condition: EquipmentView['condition'];
  year_acquired: number | null;
  notes: string;
  version: number;
}

const SELECT = `
  SELECT e.id, e.room_id, r.code AS room_code, r.name AS room_name, e.category, e.name, e.quantity, e.condition,
         e.year_acquired, e.notes, e.version
  FROM equipment e LEFT JOIN rooms r ON r.id = e.room_id`;

function toView(r: EquipmentRowDb): EquipmentView {
  return {
    id: r.id,
    roomId: r.room_id,
    roomCode: r.room_code,
    roomName: r.room_name,
    category: r.category,
    name: r.name,
    quantity: r.quantity,
    condition: r.condition,
    yearAcquired: r.year_acquired,
    notes: r.notes,
    version: r.version,
  };
}

/** Central stock first, then room by room; within a place, by category and name. */
function compare(a: EquipmentView, b: EquipmentView): number {
  if ((a.roomCode === null) !== (b.roomCode === null)) return a.roomCode === null ? -1 : 1;
  return (
    byCode.compare(a.roomCode ?? '', b.roomCode ?? '') ||
    a.category.localeCompare(b.category) ||
    byCode.compare(a.name, b.name) ||
    a.id - b.id
  );
}

export function listEquipment(store: Store, filter: EquipmentFilter): EquipmentView[] {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.roomId === null) where.push('e.room_id IS NULL');
  else if (filter.roomId !== undefined) {
    where.push('e.room_id = @roomId');
    params.roomId = filter.roomId;
  }
  if (filter.category) {
    where.push('e.category = @category');
    params.category = filter.category;
  }
  if (filter.condition) {
    where.push('e.condition = @condition');
    params.condition = filter.condition;
  }
  const sqlText = where.length ? `${SELECT} WHERE ${where.join(' AND ')}` : SELECT;
  return (store.statement(sqlText).all(params) as EquipmentRowDb[]).map(toView).sort(compare);
}

export function getEquipmentView(store: Store, id: number): EquipmentView {
  const row = store.statement(`${SELECT} WHERE e.id = ?`).get(id) as EquipmentRowDb | undefined;
  if (!row) throw new AppError('not_found', 'facilities.equipment_not_found');
  return toView(row);
}

export function createEquipment(store: Store, input: EquipmentInput): EquipmentView {
  return store.transaction(() => {
    assertRoomExists(store, input.roomId);
    const now = Date.now();
    const row = store.orm
      .insert(equipment)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning({ id: equipment.id })
      .get();
    return getEquipmentView(store, row.id);
  });
}

export function updateEquipment(store: Store, input: EquipmentInput & { id: number; version: number }): EquipmentView {
  return store.transaction(() => {
    const { id, version, ...fields } = input;
    getEquipmentView(store, id);
    assertRoomExists(store, fields.roomId);
    const result = store.orm
      .update(equipment)
      .set({ ...fields, updatedAt: Date.now(), version: sql`${equipment.version} + 1` })
      .where(and(eq(equipment.id, id), eq(equipment.version, version)))
      .run();
    if (result.changes === 0) throw new AppError('conflict', 'error.conflict');
    return getEquipmentView(store, id);
  });
}

export function deleteEquipment(store: Store, id: number): number {
  return store.transaction(() => {
    getEquipmentView(store, id);
    return store.orm.delete(equipment).where(eq(equipment.id, id)).run().changes;
  });
}
