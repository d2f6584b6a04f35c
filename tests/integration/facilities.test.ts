/**
 * Equipment and computers through the procedures, over the demo school in a real SQLite file: the
 * summary figures recomputed here by hand from the lists, CRUD with its validation and conflicts, the
 * bulk add of a computer room, room deletion that keeps the machines, who may change what, and the
 * Excel export read back.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';
import type {
  ComputerView,
  EquipmentView,
  ExportResult,
  FacilitiesSummary,
  RoomView,
} from '../../src-shared/api/records';
import { jobActive, type JobView } from '../../src-shared/api/jobs';
import type { ApiError } from '../../src-shared/api/envelope';

let server: TestServer;
let clerk: string;
let teacher: string;
let rooms: RoomView[];

async function ok<T>(name: string, input: unknown, token = clerk): Promise<T> {
  const { body } = await server.call<T>(name, input, token);
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}

async function refused(name: string, input: unknown, token = clerk): Promise<{ status: number; error: ApiError }> {
  const { status, body } = await server.call(name, input, token);
  if (body.ok) throw new Error(`${name} was accepted`);
  return { status, error: body.error };
}

const computers = async (filter: object = {}) =>
  (await ok<{ rows: ComputerView[] }>('records.computers.list', filter)).rows;
const equipment = async (filter: object = {}) =>
  (await ok<{ rows: EquipmentView[] }>('records.equipment.list', filter)).rows;
const summary = () => ok<FacilitiesSummary>('records.facilities.summary', {});
const room = (code: string) => rooms.find((r) => r.code === code)!;
const round1 = (x: number) => Math.round(x * 10) / 10;
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
const thisYear = Number(
  new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
);

const NEW_COMPUTER = { roomId: null, kind: 'laptop', purpose: 'teaching', yearAcquired: thisYear };

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  clerk = await server.login('clerk', 'demo');
  teacher = await server.login('teacher', 'demo');
  rooms = (await ok<{ rows: RoomView[] }>('records.rooms.list', {})).rows;
});
afterAll(() => server.close());

describe('the demo school’s facilities', () => {
  it('has a computer room of 36 machines, 3 of them broken, and 10 office computers', async () => {
    const lab = await computers({ roomId: room('TH01').id });
    expect(lab.map((c) => c.code)).toEqual(
      Array.from({ length: 36 }, (_, i) => `TH01-${String(i + 1).padStart(2, '0')}`),
    );
    expect(lab.filter((c) => !c.working).map((c) => c.code)).toEqual(['TH01-07', 'TH01-19', 'TH01-28']);
    expect(lab.every((c) => c.purpose === 'teaching' && c.roomCode === 'TH01')).toBe(true);
    const office = await computers({ purpose: 'office' });
    expect(office).toHaveLength(10);
    expect(new Set(office.map((c) => c.roomCode))).toEqual(new Set(['VP01', 'TV01']));
    const broken = await computers({ working: false });
    expect(broken.map((c) => c.code).sort()).toEqual(['TH01-07', 'TH01-19', 'TH01-28', 'VP01-05']);
  });

  it('filters the equipment by room, category and condition', async () => {
    const all = await equipment();
    const inP101 = await equipment({ roomId: room('P101').id });
    expect(inP101).toMatchObject([{ category: 'projector', quantity: 1, condition: 'good', roomCode: 'P101' }]);
    const central = await equipment({ roomId: null });
    expect(central.length).toBe(all.filter((e) => e.roomId === null).length);
    expect(central.some((e) => e.category === 'water')).toBe(true);
    expect(central.some((e) => e.category === 'sanitation')).toBe(true);
    const brokenProjectors = await equipment({ category: 'projector', condition: 'broken' });
    expect(brokenProjectors.map((e) => e.roomCode)).toEqual(['P304']);
  });

  it('computes the summary from the data: pupils per working teaching computer, projectors, Internet', async () => {
    const s = await summary();
    // The same figures, worked out here from the lists a clerk can see.
    const pupils = (await ok<{ total: number }>('records.pupils.list', { status: 'studying', limit: 1 })).total;
    const all = await computers();
    const teachingWorking = all.filter((c) => c.purpose === 'teaching' && c.working).length;
    const items = await equipment();
    const classrooms = rooms.filter((r) => r.type === 'classroom');
    const displays = new Set(['projector', 'tv', 'interactive_board']);
    const showsPictures = (r: RoomView) =>
      r.hasProjector ||
      items.some((e) => e.roomId === r.id && displays.has(e.category) && e.condition !== 'broken' && e.quantity > 0);
    const withProjector = classrooms.filter(showsPictures).length;
    const withInternet = classrooms.filter((r) => r.hasInternet).length;
    const quantity = (condition: string) =>
      items.filter((e) => e.condition === condition).reduce((sum, e) => sum + e.quantity, 0);

    expect(s.pupils).toBe(pupils);
    expect(s.pupilsPerTeachingComputer).toBe(round1(pupils / teachingWorking));
    expect(s.computers).toEqual({
      total: all.length,
      working: all.filter((c) => c.working).length,
      workingPercent: percent(all.filter((c) => c.working).length, all.length),
      broken: all.filter((c) => !c.working).length,
      withInternet: all.filter((c) => c.hasInternet).length,
      teaching: all.filter((c) => c.purpose === 'teaching').length,
      teachingWorking,
      office: all.filter((c) => c.purpose === 'office').length,
      officeWorking: all.filter((c) => c.purpose === 'office' && c.working).length,
    });
    expect(s.classrooms).toEqual({
      total: classrooms.length,
      withProjector,
      withProjectorPercent: percent(withProjector, classrooms.length),
      withInternet,
      withInternetPercent: percent(withInternet, classrooms.length),
      byConstruction: {
        permanent: classrooms.filter((r) => r.construction === 'permanent').length,
        semi_permanent: classrooms.filter((r) => r.construction === 'semi_permanent').length,
        temporary: classrooms.filter((r) => r.construction === 'temporary').length,
      },
    });
    expect(s.rooms.total).toBe(rooms.length);
    expect(s.rooms.computerRooms).toBe(rooms.filter((r) => r.type === 'computer_room').length);
    expect(s.rooms.byConstruction.semi_permanent).toBe(rooms.filter((r) => r.construction === 'semi_permanent').length);
    expect(s.rooms.byConstructionPercent.permanent).toBe(
      percent(rooms.filter((r) => r.construction === 'permanent').length, rooms.length),
    );
    expect(s.equipment).toEqual({
      items: items.reduce((sum, e) => sum + e.quantity, 0),
      needsRepair: quantity('needs_repair'),
      broken: quantity('broken'),
    });

    // And what those rules give for the demo school, so a wrong rule on both sides still shows.
    expect(s.computers).toMatchObject({ total: 46, working: 42, teaching: 36, teachingWorking: 33, office: 10 });
    expect(s.pupilsPerTeachingComputer).toBe(round1(pupils / 33));
    // P101–P303 say they have one; P305 has a new TV although its record says not; P304's projector is broken.
    expect(s.classrooms).toMatchObject({ total: 15, withProjector: 14, withProjectorPercent: 93.3, withInternet: 10 });
    expect(s.rooms.computerRooms).toBe(1);
    expect(s.schoolYearName).toMatch(/^\d{4}-\d{4}$/);
  });
});

describe('computers', () => {
  it('adds, changes and deletes a computer; the asset code is unique whatever its case', async () => {
    const before = await summary();
    const created = await ok<ComputerView>('records.computers.create', {
      ...NEW_COMPUTER,
      code: ' NN01-01 ',
      roomId: room('NN01').id,
      notes: 'Máy của giáo viên Tiếng Anh',
    });
    expect(created).toMatchObject({ code: 'NN01-01', roomCode: 'NN01', working: true, hasInternet: true, version: 0 });
    expect((await summary()).computers.teachingWorking).toBe(before.computers.teachingWorking + 1);

    const clash = await refused('records.computers.create', { ...NEW_COMPUTER, code: 'nn01-01' });
    expect(clash).toMatchObject({
      status: 409,
      error: {
        code: 'conflict',
        message: 'Mã tài sản NN01-01 đã được dùng cho một máy tính khác',
        details: { field: 'code' },
      },
    });

    // Reported broken: one working teaching computer fewer, and the ratio follows.
    const broken = await ok<ComputerView>('records.computers.update', {
      ...NEW_COMPUTER,
      id: created.id,
      version: created.version,
      code: created.code,
      roomId: created.roomId,
      working: false,
    });
    expect(broken).toMatchObject({ working: false, version: 1 });
    const after = await summary();
    expect(after.computers.teachingWorking).toBe(before.computers.teachingWorking);
    expect(after.pupilsPerTeachingComputer).toBe(round1(after.pupils / after.computers.teachingWorking));

    // Someone else's form, opened before that change, is refused.
    const stale = await refused('records.computers.update', {
      ...NEW_COMPUTER,
      id: created.id,
      version: created.version,
      code: created.code,
    });
    expect(stale).toMatchObject({ status: 409, error: { code: 'conflict' } });

    // Renaming onto another machine's code is refused too, whatever the case.
    const rename = await refused('records.computers.update', {
      ...NEW_COMPUTER,
      id: created.id,
      version: broken.version,
      code: 'th01-01',
    });
    expect(rename).toMatchObject({ status: 409, error: { details: { field: 'code' } } });

    expect(await ok('records.computers.delete', { id: created.id })).toEqual({ deleted: 1 });
    expect((await computers()).some((c) => c.id === created.id)).toBe(false);
    expect((await refused('records.computers.delete', { id: created.id })).status).toBe(404);
  });

  it('refuses a bad code, year or room, naming the field in Vietnamese', async () => {
    const code = await refused('records.computers.create', { ...NEW_COMPUTER, code: 'Máy 1' });
    expect(code).toMatchObject({ status: 400, error: { code: 'invalid_input' } });
    expect(code.error.details?.fields).toEqual([
      {
        field: 'code',
        message: 'Mã tài sản gồm chữ cái không dấu, chữ số và các dấu - _ . / (tối đa 30 ký tự), ví dụ TH01-07',
      },
    ]);
    for (const yearAcquired of [1989, thisYear + 2, 2020.5]) {
      const year = await refused('records.computers.create', { ...NEW_COMPUTER, code: 'X-1', yearAcquired });
      expect(year.error.details?.fields, String(yearAcquired)).toEqual([
        { field: 'yearAcquired', message: 'Năm đưa vào sử dụng phải là một năm từ 1990 đến năm tới' },
      ]);
    }
    // Next year is allowed: a delivery booked ahead.
    const ahead = await ok<ComputerView>('records.computers.create', {
      ...NEW_COMPUTER,
      code: 'X-1',
      yearAcquired: thisYear + 1,
    });
    await ok('records.computers.delete', { id: ahead.id });

    const noRoom = await refused('records.computers.create', { ...NEW_COMPUTER, code: 'X-2', roomId: 999999 });
    expect(noRoom).toMatchObject({
      status: 404,
      error: { message: 'Phòng: không tìm thấy phòng đã chọn (có thể vừa bị xóa)', details: { field: 'roomId' } },
    });
  });

  it('adds a delivered computer room at once, continues the series, and refuses taken codes whole', async () => {
    const lab2 = await ok<RoomView>('records.rooms.create', {
      code: 'TH02',
      name: 'Phòng Tin học 2',
      type: 'computer_room',
      construction: 'permanent',
      seats: 30,
      hasInternet: true,
    });
    const first = await ok<{ rows: ComputerView[] }>('records.computers.bulkCreate', {
      roomId: lab2.id,
      count: 30,
      yearAcquired: thisYear,
    });
    expect(first.rows.map((c) => c.code)).toEqual(
      Array.from({ length: 30 }, (_, i) => `TH02-${String(i + 1).padStart(2, '0')}`),
    );
    expect(first.rows.every((c) => c.roomId === lab2.id && c.purpose === 'teaching' && c.working)).toBe(true);

    // Without a start number, a second delivery continues after the last tag.
    const more = await ok<{ rows: ComputerView[] }>('records.computers.bulkCreate', { roomId: lab2.id, count: 2 });
    expect(more.rows.map((c) => c.code)).toEqual(['TH02-31', 'TH02-32']);

    // A start number that runs into existing tags adds nothing and names the clashes.
    const clash = await refused('records.computers.bulkCreate', { roomId: lab2.id, count: 5, start: 30 });
    expect(clash).toMatchObject({
      status: 409,
      error: {
        code: 'conflict',
        message: expect.stringContaining('Có 3 mã tài sản đã được dùng: TH02-30, TH02-31, TH02-32'),
        details: { field: 'start', codes: ['TH02-30', 'TH02-31', 'TH02-32'] },
      },
    });
    // The comparison ignores case, like the single add.
    const lower = await refused('records.computers.bulkCreate', {
      roomId: lab2.id,
      count: 1,
      prefix: 'th01',
      start: 7,
    });
    expect(lower.error.details).toMatchObject({ codes: ['TH01-07'] });
    expect(await computers({ roomId: lab2.id })).toHaveLength(32);

    // 100 and more get three digits, for the whole series.
    const wide = await ok<{ rows: ComputerView[] }>('records.computers.bulkCreate', {
      roomId: lab2.id,
      count: 2,
      prefix: 'MB',
      start: 99,
      kind: 'tablet',
    });
    expect(wide.rows.map((c) => c.code)).toEqual(['MB-099', 'MB-100']);

    const tooMany = await refused('records.computers.bulkCreate', { roomId: lab2.id, count: 201 });
    expect(tooMany.error.details?.fields).toEqual([
      { field: 'count', message: 'Số máy cần thêm phải là số nguyên từ 1 đến 200' },
    ]);
  });
});

describe('equipment', () => {
  it('adds, changes and deletes an equipment line, with the quantity and year checked', async () => {
    const before = await summary();
    const created = await ok<EquipmentView>('records.equipment.create', {
      roomId: room('MT01').id,
      category: 'teaching_kit',
      name: 'Giá vẽ',
      quantity: 20,
      yearAcquired: thisYear - 1,
    });
    expect(created).toMatchObject({ roomCode: 'MT01', condition: 'good', quantity: 20, version: 0 });

    for (const quantity of [-1, 2.5]) {
      const bad = await refused('records.equipment.update', { ...stripView(created), quantity });
      expect(bad.error.details?.fields, String(quantity)).toEqual([
        { field: 'quantity', message: 'Số lượng phải là số nguyên từ 0 trở lên' },
      ]);
    }
    const noName = await refused('records.equipment.create', { category: 'other', name: '  ', quantity: 1 });
    expect(noName.error.details?.fields).toEqual([{ field: 'name', message: 'Không được để trống' }]);

    const { id, version } = created;
    const fields = { roomId: created.roomId, category: created.category, name: created.name, yearAcquired: null };
    const repaired = await ok<EquipmentView>('records.equipment.update', {
      id,
      version,
      ...fields,
      quantity: 0,
      condition: 'needs_repair',
    });
    expect(repaired).toMatchObject({ quantity: 0, condition: 'needs_repair', yearAcquired: null, version: 1 });
    const halfBroken = await ok<EquipmentView>('records.equipment.update', {
      id,
      version: 1,
      ...fields,
      quantity: 4,
      condition: 'broken',
    });
    expect((await summary()).equipment).toEqual({
      items: before.equipment.items + 4,
      needsRepair: before.equipment.needsRepair,
      broken: before.equipment.broken + 4,
    });
    const stale = await refused('records.equipment.update', { id, version: 1, ...fields, quantity: 1 });
    expect(stale.status).toBe(409);

    expect(await ok('records.equipment.delete', { id: halfBroken.id })).toEqual({ deleted: 1 });
    expect((await summary()).equipment).toEqual(before.equipment);
  });

  it('counts a classroom as equipped when a working projector is moved into it', async () => {
    const before = await summary();
    const tv = (await equipment({ roomId: room('P305').id }))[0]!;
    // Moved out of P305 to the central store: the classroom no longer shows pictures.
    await ok('records.equipment.update', { ...stripView(tv), roomId: null });
    expect((await summary()).classrooms.withProjector).toBe(before.classrooms.withProjector - 1);
    const moved = (await equipment({ roomId: null })).find((e) => e.id === tv.id)!;
    await ok('records.equipment.update', { ...stripView(moved), roomId: room('P305').id });
    expect((await summary()).classrooms.withProjector).toBe(before.classrooms.withProjector);
  });
});

function stripView(e: EquipmentView) {
  const { roomCode: _code, roomName: _name, ...rest } = e;
  return rest;
}

describe('deleting a room', () => {
  it('is refused while it holds computers or equipment; confirmed, they stay on record in no room', async () => {
    const lab2 = (await ok<{ rows: RoomView[] }>('records.rooms.list', {})).rows.find((r) => r.code === 'TH02')!;
    const inside = await computers({ roomId: lab2.id });
    expect(inside.length).toBeGreaterThan(0);
    const first = await refused('records.rooms.delete', { id: lab2.id });
    expect(first).toMatchObject({
      status: 422,
      error: {
        code: 'rule_violation',
        message: expect.stringContaining(
          `Phòng Tin học 2 (TH02) đang có 0 lớp sử dụng, ${inside.length} máy tính và 0 mục thiết bị`,
        ),
        details: { needsConfirmation: true },
      },
    });
    expect(await ok('records.rooms.delete', { id: lab2.id, cascade: true })).toEqual({ clearedClasses: 0 });
    const kept = await computers({ roomId: null });
    for (const c of inside)
      expect(kept.find((k) => k.id === c.id)).toMatchObject({ code: c.code, roomId: null, roomCode: null });
  });

  it('names the classes, computers and equipment of a classroom, and keeps its TV', async () => {
    const p305 = room('P305');
    const tv = (await equipment({ roomId: p305.id }))[0]!;
    const first = await refused('records.rooms.delete', { id: p305.id });
    expect(first.error.message).toContain('Phòng học P305 (P305) đang có 1 lớp sử dụng, 0 máy tính và 1 mục thiết bị');
    expect(first.error.message).toContain('không thuộc phòng nào');
    expect(
      (await ok<{ clearedClasses: number }>('records.rooms.delete', { id: p305.id, cascade: true })).clearedClasses,
    ).toBe(1);
    const kept = (await equipment({ roomId: null })).find((e) => e.id === tv.id);
    // Taken out of the room: its version moves on, so an old form cannot put it back silently.
    expect(kept).toMatchObject({ name: tv.name, roomId: null, version: tv.version + 1 });
    const s = await summary();
    expect(s.classrooms.total).toBe(14);
  });

  it('still deletes an empty room at once', async () => {
    const spare = await ok<RoomView>('records.rooms.create', {
      code: 'KHO1',
      name: 'Kho',
      type: 'other',
      construction: 'temporary',
    });
    expect(await ok('records.rooms.delete', { id: spare.id })).toEqual({ clearedClasses: 0 });
  });
});

describe('who may do what', () => {
  it('lets a teacher see the lists and the summary, and nothing more', async () => {
    expect((await ok<{ rows: ComputerView[] }>('records.computers.list', {}, teacher)).rows.length).toBeGreaterThan(0);
    expect((await ok<FacilitiesSummary>('records.facilities.summary', {}, teacher)).computers.total).toBeGreaterThan(0);
    const create = await refused('records.computers.create', { ...NEW_COMPUTER, code: 'GV-01' }, teacher);
    expect(create).toMatchObject({ status: 403, error: { code: 'forbidden' } });
    const bulk = await refused('records.computers.bulkCreate', { roomId: room('TH01').id, count: 1 }, teacher);
    expect(bulk.status).toBe(403);
    const item = await refused('records.equipment.create', { category: 'other', name: 'Bóng', quantity: 1 }, teacher);
    expect(item.status).toBe(403);
    expect((await computers()).some((c) => c.code === 'GV-01')).toBe(false);
  });
});

describe('export', () => {
  async function job(started: { jobId: string }): Promise<ExportResult> {
    for (let i = 0; i < 600; i++) {
      const view = await ok<JobView>('jobs.get', { id: started.jobId });
      if (view.status === 'done') return view.result as ExportResult;
      if (!jobActive(view.status)) throw new Error(`job ${view.status}: ${view.error?.message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('job did not end');
  }

  async function download(result: ExportResult): Promise<ExcelJS.Worksheet> {
    const response = await fetch(`${server.url}/files/${result.fileId}`, {
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(response.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  }

  it('writes the computers of a room as shown, in Vietnamese', async () => {
    const shown = await computers({ roomId: room('TH01').id });
    const result = await job(await ok('records.export.facilities', { kind: 'computers', roomId: room('TH01').id }));
    expect(result.rows).toBe(shown.length);
    expect(result.name).toMatch(/^danh-sach-may-tinh-.*\.xlsx$/);
    const sheet = await download(result);
    expect(sheet.getCell('A1').value).toBe('DANH SÁCH MÁY TÍNH');
    const header = sheet.getRow(4).values as unknown[];
    expect(header).toContain('Mã tài sản');
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 4) codes.push(String(row.getCell(2).value));
    });
    expect(codes).toEqual(shown.map((c) => c.code));
    expect(JSON.stringify(sheet.getSheetValues())).toContain('Hỏng');
  });

  it('writes the equipment list filtered by condition', async () => {
    const shown = await equipment({ condition: 'needs_repair' });
    const result = await job(await ok('records.export.facilities', { kind: 'equipment', condition: 'needs_repair' }));
    expect(result.rows).toBe(shown.length);
    const text = JSON.stringify((await download(result)).getSheetValues());
    expect(text).toContain('DANH MỤC THIẾT BỊ');
    for (const e of shown) expect(text).toContain(e.name);
    expect(text).toContain('Cần sửa chữa');
  });
});
