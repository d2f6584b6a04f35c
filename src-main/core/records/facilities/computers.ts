/** Computers one by one, by asset code: where each is, what it is for, whether it works. */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { computers } from '../schema';
import type { Store } from '../../../store/open';
import { AppError } from '../../../errors';
import type { ComputerView, computerFilter, computerInput } from '../../../../src-shared/api/records';
import { assertComputerCodeFree, assertRoomExists, byCode } from './checks';

type ComputerInput = z.output<typeof computerInput>;
type ComputerFilter = z.output<typeof computerFilter>;

interface ComputerRowDb {
  id: number;
  code: string;
  room_id: number | null;
  room_code: string | null;
  room_name: string | null;
  kind: ComputerView['kind'];
  purpose: ComputerView['purpose'];
  working: number;
  has_internet: number;
  year_acquired: number | null;
  notes: string;
  version: number;
}

const SELECT = `
  SELECT c.id, c.code, c.room_id, r.code AS room_code, r.name AS room_name, c.kind, c.purpose, c.working,
         c.has_internet, c.year_acquired, c.notes, c.version
  FROM computers c LEFT JOIN rooms r ON r.id = c.room_id`;

function toView(r: ComputerRowDb): ComputerView {
  return {
    id: r.id,
    code: r.code,
    roomId: r.room_id,
    roomCode: r.room_code,
    roomName: r.room_name,
    kind: r.kind,
    purpose: r.purpose,
    working: r.working === 1,
    hasInternet: r.has_internet === 1,
    yearAcquired: r.year_acquired,
    notes: r.notes,
    version: r.version,
  };
}

export function listComputers(store: Store, filter: ComputerFilter): ComputerView[] {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.roomId === null) where.push('c.room_id IS NULL');
  else if (filter.roomId !== undefined) {
    where.push('c.room_id = @roomId');
    params.roomId = filter.roomId;
  }
  if (filter.purpose) {
    where.push('c.purpose = @purpose');
    params.purpose = filter.purpose;
  }
  if (filter.working !== undefined) {
    where.push('c.working = @working');
    params.working = filter.working ? 1 : 0;
  }
  const sqlText = where.length ? `${SELECT} WHERE ${where.join(' AND ')}` : SELECT;
  // TH01-2 before TH01-10: asset codes are read as people number them.
  return (store.statement(sqlText).all(params) as ComputerRowDb[])
    .map(toView)
    .sort((a, b) => byCode.compare(a.code, b.code));
}

export function getComputerView(store: Store, id: number): ComputerView {
  const row = store.statement(`${SELECT} WHERE c.id = ?`).get(id) as ComputerRowDb | undefined;
  if (!row) throw new AppError('not_found', 'facilities.computer_not_found');
  return toView(row);
}

/** Inserts one computer whose code and room were checked; returns its id. */
export function insertComputer(store: Store, input: ComputerInput, now: number): number {
  return store.orm
    .insert(computers)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning({ id: computers.id })
    .get().id;
}

export function createComputer(store: Store, input: ComputerInput): ComputerView {
  return store.transaction(() => {
    assertRoomExists(store, input.roomId);
    assertComputerCodeFree(store, input.code, null);
    return getComputerView(store, insertComputer(store, input, Date.now()));
  });
}

export function updateComputer(store: Store, input: ComputerInput & { id: number; version: number }): ComputerView {
  return store.transaction(() => {
    const { id, version, ...fields } = input;
    getComputerView(store, id);
    assertRoomExists(store, fields.roomId);
    assertComputerCodeFree(store, fields.code, id);
    const result = store.orm
      .update(computers)
      .set({ ...fields, updatedAt: Date.now(), version: sql`${computers.version} + 1` })
      .where(and(eq(computers.id, id), eq(computers.version, version)))
      .run();
    if (result.changes === 0) throw new AppError('conflict', 'error.conflict');
    return getComputerView(store, id);
  });
}

export function deleteComputer(store: Store, id: number): number {
  return store.transaction(() => {
    getComputerView(store, id);
    return store.orm.delete(computers).where(eq(computers.id, id)).run().changes;
  });
}
