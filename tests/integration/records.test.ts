/** Records rules through the procedures, over the demo school in a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server';
import type { ClassRow, PupilRow, PupilView, RoomView, StaffView } from '../../src-shared/api/records';
import { compareVietnameseNames, foldForSearch } from '../../src-shared/domain/vnName';

let server: TestServer;
let clerk: string;
let teacher: string;
let medical: string;
let classes: ClassRow[];
let year: { id: number; startDate: string; term1End: string; term2Start: string; endDate: string };

async function ok<T>(name: string, input: unknown, token: string): Promise<T> {
  const { body } = await server.call<T>(name, input, token);
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}

function classId(name: string): number {
  return classes.find((c) => c.name === name)!.id;
}

const NEW_PUPIL = {
  fullName: '  Nguyễn   Văn An ',
  sex: 'male',
  birthDate: '2019-03-14',
  ethnicity: '01',
  personalId: '001219012345',
  guardians: [{ relation: 'mother', fullName: 'Trần Thị Bình', phone: '0912345678' }],
};

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  clerk = await server.login('clerk', 'demo');
  teacher = await server.login('teacher', 'demo');
  medical = await server.login('yte', 'demo');
  classes = (await ok<{ rows: ClassRow[] }>('records.classes.list', {}, clerk)).rows;
  const years = await ok<{ years: (typeof year & { isCurrent: boolean })[] }>('school.years.list', {}, clerk);
  year = years.years.find((y) => y.isCurrent)!;
});
afterAll(() => server.close());

describe('pupils', () => {
  it('lists the demo school by class, each class in Vietnamese name order', async () => {
    const { rows, total } = await ok<{ rows: PupilRow[]; total: number }>(
      'records.pupils.list',
      { limit: 2000 },
      clerk,
    );
    expect(total).toBe(rows.length);
    expect(total).toBeGreaterThan(450);
    const firstClass = rows.filter((r) => r.className === '1A').map((r) => r.fullName);
    expect(firstClass).toEqual([...firstClass].sort(compareVietnameseNames));
    expect(rows[0]!.className).toBe('1A');
    expect(rows[rows.length - 1]!.className).toBe('5C');
  });

  it('creates a pupil in a class, normalising the name, and shows the history', async () => {
    const pupil = await ok<PupilView>(
      'records.pupils.create',
      { ...NEW_PUPIL, classId: classId('1B'), startDate: year.startDate },
      clerk,
    );
    expect(pupil).toMatchObject({ fullName: 'Nguyễn Văn An', status: '01', personalId: '001219012345' });
    expect(pupil.guardians).toMatchObject([{ relation: 'mother', fullName: 'Trần Thị Bình', phone: '0912345678' }]);
    expect(pupil.enrolments).toMatchObject([{ className: '1B', entry: 'new', endDate: null }]);
    expect(pupil.events).toMatchObject([{ kind: 'enrolled', status: '01', place: '1B', by: 'Phạm Thị Lan' }]);
  });

  it('finds a pupil without diacritics or case, and by ID digits', async () => {
    const found = await ok<{ rows: PupilRow[] }>('records.pupils.list', { search: 'nguyen van an' }, clerk);
    expect(found.rows.map((r) => r.fullName)).toContain('Nguyễn Văn An');
    // Every word of the query begins a word of the name: An and Anh, never Lan or Ngân.
    for (const r of found.rows) {
      const words = foldForSearch(r.fullName).split(' ');
      expect(
        ['nguyen', 'van', 'an'].every((q) => words.some((w) => w.startsWith(q))),
        r.fullName,
      ).toBe(true);
    }
    const byId = await ok<{ rows: PupilRow[] }>('records.pupils.list', { search: '001219012345' }, clerk);
    expect(byId.rows.map((r) => r.fullName)).toEqual(['Nguyễn Văn An']);
    const upper = await ok<{ rows: PupilRow[] }>('records.pupils.list', { search: 'NGUYỄN VĂN AN' }, clerk);
    expect(upper.rows.map((r) => r.id)).toEqual(found.rows.map((r) => r.id));
  });

  it('filters by grade, class, sex, ethnicity and disability', async () => {
    const all = (await ok<{ rows: PupilRow[] }>('records.pupils.list', { limit: 2000 }, clerk)).rows;
    const girls3 = await ok<{ rows: PupilRow[]; total: number }>(
      'records.pupils.list',
      { grade: 3, sex: 'female', limit: 2000 },
      clerk,
    );
    expect(girls3.total).toBe(all.filter((r) => r.grade === 3 && r.sex === 'female').length);
    expect(girls3.rows.every((r) => r.grade === 3 && r.sex === 'female')).toBe(true);
    const minority = await ok<{ total: number }>('records.pupils.list', { ethnicity: '02', limit: 1 }, clerk);
    expect(minority.total).toBe(all.filter((r) => r.ethnicity === '02').length);
    const disabled = await ok<{ rows: PupilRow[] }>('records.pupils.list', { disability: 'any', limit: 2000 }, clerk);
    expect(disabled.rows.every((r) => r.disabilityType !== '')).toBe(true);
    const oneClass = await ok<{ total: number }>('records.pupils.list', { classId: classId('2C'), limit: 1 }, clerk);
    expect(oneClass.total).toBe(classes.find((c) => c.name === '2C')!.pupils);
  });

  it('refuses bad and duplicate identity numbers, naming the field and the holder', async () => {
    const dupe = await server.call(
      'records.pupils.create',
      { ...NEW_PUPIL, fullName: 'Lê Văn Bình', classId: classId('1A') },
      clerk,
    );
    expect(dupe.body).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Số định danh cá nhân 001219012345 đã thuộc về Nguyễn Văn An',
        details: { field: 'personalId' },
      },
    });
    const wrongSex = await server.call(
      'records.pupils.create',
      { ...NEW_PUPIL, sex: 'female', personalId: '001219099999', classId: classId('1A') },
      clerk,
    );
    expect(wrongSex.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { field: 'personalId' } },
    });
    const elevenDigits = await server.call(
      'records.pupils.create',
      { ...NEW_PUPIL, personalId: '00121901234', classId: classId('1A') },
      clerk,
    );
    expect(elevenDigits.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { fields: [{ field: 'personalId' }] } },
    });
    const badDate = await server.call(
      'records.pupils.create',
      { ...NEW_PUPIL, personalId: '', birthDate: '2019-02-30', classId: classId('1A') },
      clerk,
    );
    expect(badDate.body).toMatchObject({ ok: false, error: { details: { fields: [{ field: 'birthDate' }] } } });
    const unknownClass = await server.call(
      'records.pupils.create',
      { ...NEW_PUPIL, personalId: '', classId: 999999 },
      clerk,
    );
    expect(unknownClass.status).toBe(404);
  });

  it('refuses the later of two concurrent edits, and keeps the sector ID once issued', async () => {
    const [row] = (await ok<{ rows: PupilRow[] }>('records.pupils.list', { classId: classId('3A'), limit: 1 }, clerk))
      .rows;
    const pupil = await ok<PupilView>('records.pupils.get', { id: row!.id }, clerk);
    const fields = {
      fullName: pupil.fullName,
      sex: pupil.sex,
      birthDate: pupil.birthDate,
      birthPlace: pupil.birthPlace,
      ethnicity: pupil.ethnicity,
      religion: pupil.religion,
      nationality: pupil.nationality,
      sectorId: pupil.sectorId ?? '',
      personalId: pupil.personalId ?? '',
      address: pupil.address,
      disabilityType: pupil.disabilityType,
      policyGroup: pupil.policyGroup,
      guardians: pupil.guardians.map(({ id: _id, ...g }) => g),
    };
    const first = await server.call<PupilView>(
      'records.pupils.update',
      { id: pupil.id, version: pupil.version, ...fields, address: 'Số 5 ngõ 10' },
      clerk,
    );
    expect(first.status).toBe(200);
    const second = await server.call(
      'records.pupils.update',
      { id: pupil.id, version: pupil.version, ...fields, address: 'Số 9 ngõ 3' },
      clerk,
    );
    expect(second).toEqual({
      status: 409,
      body: { ok: false, error: { code: 'conflict', message: 'Dữ liệu đã bị người khác thay đổi, vui lòng tải lại' } },
    });
    const now = await ok<PupilView>('records.pupils.get', { id: pupil.id }, clerk);
    expect(now.address).toBe('Số 5 ngõ 10');
    const changedId = await server.call(
      'records.pupils.update',
      { id: pupil.id, version: now.version, ...fields, sectorId: '9999999999' },
      clerk,
    );
    expect(changedId.body).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', details: { field: 'sectorId' } },
    });
  });

  it('moves, transfers out, takes back and records a drop-out with the CSDL status codes', async () => {
    const [a, b] = (await ok<{ rows: PupilRow[] }>('records.pupils.list', { classId: classId('4A'), limit: 2 }, clerk))
      .rows;
    const term1Day = year.startDate.slice(0, 4) + '-10-15';
    const moved = await ok<{ moved: number }>(
      'records.pupils.moveClass',
      { pupilIds: [a!.id], classId: classId('4B'), date: term1Day },
      clerk,
    );
    expect(moved.moved).toBe(1);
    const again = await server.call(
      'records.pupils.moveClass',
      { pupilIds: [a!.id], classId: classId('4B'), date: term1Day },
      clerk,
    );
    expect(again.body).toMatchObject({ ok: false, error: { code: 'rule_violation' } });

    const afterMove = await ok<PupilView>('records.pupils.get', { id: a!.id }, clerk);
    expect(afterMove.enrolments.map((e) => `${e.className}:${e.exit ?? 'open'}`)).toEqual([
      '4B:open',
      '4A:moved_class',
    ]);
    const out = await ok<PupilView>(
      'records.pupils.transferOut',
      {
        id: a!.id,
        version: afterMove.version,
        date: term1Day,
        destination: '02',
        toSchool: 'Trường TH Lê Lợi, Hải Phòng',
      },
      clerk,
    );
    expect(out.status).toBe('04');
    expect(out.events[0]).toMatchObject({
      kind: 'transfer_out',
      status: '04',
      reason: '02',
      place: 'Trường TH Lê Lợi, Hải Phòng',
    });
    const left = await ok<{ rows: PupilRow[] }>('records.pupils.list', { status: 'left', limit: 2000 }, clerk);
    expect(left.rows.map((r) => r.id)).toContain(a!.id);
    const studying = await ok<{ rows: PupilRow[] }>(
      'records.pupils.list',
      { classId: classId('4B'), limit: 2000 },
      clerk,
    );
    expect(studying.rows.map((r) => r.id)).not.toContain(a!.id);

    const term2Day = year.term2Start;
    const back = await ok<PupilView>(
      'records.pupils.readmit',
      {
        id: a!.id,
        version: out.version,
        date: term2Day,
        classId: classId('4C'),
        fromSchool: 'Trường TH Lê Lợi, Hải Phòng',
      },
      clerk,
    );
    expect(back.status).toBe('06');
    expect(back.enrolments[0]).toMatchObject({ className: '4C', entry: 'transfer_in', endDate: null });

    const bView = await ok<PupilView>('records.pupils.get', { id: b!.id }, clerk);
    const dropped = await ok<PupilView>(
      'records.pupils.dropOut',
      { id: b!.id, version: bView.version, date: term2Day, reason: '03' },
      clerk,
    );
    expect(dropped.status).toBe('09');
    const twice = await server.call(
      'records.pupils.dropOut',
      { id: b!.id, version: dropped.version, date: term2Day, reason: '03' },
      clerk,
    );
    expect(twice.body).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', message: expect.stringContaining('không còn học') },
    });
    const badReason = await server.call(
      'records.pupils.dropOut',
      { id: b!.id, version: dropped.version, date: term2Day, reason: '99' },
      clerk,
    );
    expect(badReason.body).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { fields: [{ field: 'reason' }] } },
    });
  });
});

describe('what each role sees', () => {
  it('a teacher sees only their classes and cannot open other pupils', async () => {
    const mine = await ok<{ rows: ClassRow[] }>('records.classes.list', {}, teacher);
    expect(mine.rows.map((c) => c.name)).toEqual(['1A']);
    const pupils = await ok<{ rows: PupilRow[]; total: number }>('records.pupils.list', { limit: 2000 }, teacher);
    expect(pupils.total).toBe(classes.find((c) => c.name === '1A')!.pupils);
    expect(pupils.rows.every((r) => r.className === '1A')).toBe(true);
    const [other] = (await ok<{ rows: PupilRow[] }>('records.pupils.list', { classId: classId('5C'), limit: 1 }, clerk))
      .rows;
    expect((await server.call('records.pupils.get', { id: other!.id }, teacher)).status).toBe(404);
    const own = await ok<PupilView>('records.pupils.get', { id: pupils.rows[0]!.id }, teacher);
    expect(own.personalId).toBeNull();
    const byPersonalId = await ok<{ total: number }>('records.pupils.list', { search: '0012' }, teacher);
    expect(byPersonalId.total).toBe(0);
  });

  it('the medical role sees every class; identity numbers only for records staff', async () => {
    const all = await ok<{ rows: ClassRow[] }>('records.classes.list', {}, medical);
    expect(all.rows).toHaveLength(classes.length);
    const staffForNurse = await ok<{ rows: StaffView[] }>('records.staff.list', {}, medical);
    expect(staffForNurse.rows.every((s) => s.personalId === null && s.birthDate === null)).toBe(true);
    const staffForClerk = await ok<{ rows: StaffView[] }>('records.staff.list', {}, clerk);
    expect(staffForClerk.rows.some((s) => s.personalId !== null)).toBe(true);
  });

  it('audits every read of a pupil profile', async () => {
    const [row] = (await ok<{ rows: PupilRow[] }>('records.pupils.list', { limit: 1 }, teacher)).rows;
    await ok('records.pupils.get', { id: row!.id }, teacher);
    const admin = await server.login('admin', 'demo');
    const audit = await ok<{ rows: { action: string; username: string; target: string }[] }>(
      'audit.list',
      { action: 'records.pupils.get', search: `pupil:${row!.id}` },
      admin,
    );
    expect(audit.rows.some((r) => r.username === 'teacher' && r.target === `pupil:${row!.id}`)).toBe(true);
  });
});

describe('classes, staff and rooms', () => {
  it('refuses to delete a class with pupils unless the cascade is confirmed', async () => {
    const created = await ok<ClassRow>(
      'records.classes.create',
      { schoolYearId: year.id, grade: 2, name: '2d' },
      clerk,
    );
    expect(created.name).toBe('2D');
    const dup = await server.call('records.classes.create', { schoolYearId: year.id, grade: 2, name: '2D' }, clerk);
    expect(dup.status).toBe(409);
    const mismatch = await server.call(
      'records.classes.create',
      { schoolYearId: year.id, grade: 3, name: '2E' },
      clerk,
    );
    expect(mismatch.body).toMatchObject({ ok: false, error: { details: { field: 'name' } } });
    await ok(
      'records.pupils.create',
      { ...NEW_PUPIL, fullName: 'Hà Thị Cúc', sex: 'female', personalId: '', classId: created.id },
      clerk,
    );
    const refused = await server.call('records.classes.delete', { id: created.id }, clerk);
    expect(refused.body).toMatchObject({
      ok: false,
      error: {
        code: 'rule_violation',
        message: expect.stringContaining('đang có 1 học sinh'),
        details: { needsConfirmation: true },
      },
    });
    const deleted = await ok<{ removedEnrolments: number }>(
      'records.classes.delete',
      { id: created.id, cascade: true },
      clerk,
    );
    expect(deleted.removedEnrolments).toBe(1);
  });

  it('refuses to delete a room in use or a homeroom teacher unless confirmed', async () => {
    const rooms = (await ok<{ rows: RoomView[] }>('records.rooms.list', {}, clerk)).rows;
    const used = rooms.find((r) => r.classes.length > 0)!;
    const refused = await server.call('records.rooms.delete', { id: used.id }, clerk);
    expect(refused.body).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', details: { needsConfirmation: true } },
    });
    expect(
      (await ok<{ clearedClasses: number }>('records.rooms.delete', { id: used.id, cascade: true }, clerk))
        .clearedClasses,
    ).toBe(used.classes.length);

    const staff = (await ok<{ rows: StaffView[] }>('records.staff.list', {}, clerk)).rows;
    const homeroom = staff.find((s) => s.homeroomOf.length > 0 && s.username === null)!;
    const refusedStaff = await server.call('records.staff.delete', { id: homeroom.id }, clerk);
    expect(refusedStaff.body).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', details: { needsConfirmation: true } },
    });
    await ok('records.staff.delete', { id: homeroom.id, cascade: true }, clerk);
    const after = (await ok<{ rows: ClassRow[] }>('records.classes.list', {}, clerk)).rows;
    expect(after.find((c) => c.name === homeroom.homeroomOf[0])!.homeroomStaffId).toBeNull();
  });

  it('assigns teachers to subjects of the class’s grade only', async () => {
    const staff = (await ok<{ rows: StaffView[] }>('records.staff.list', { staffGroup: 'teacher' }, clerk)).rows;
    const bad = await server.call(
      'records.assignments.set',
      { classId: classId('1A'), subject: 'khoa_hoc', staffId: staff[0]!.id },
      clerk,
    );
    expect(bad.body).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', message: 'Môn Khoa học không học ở khối 1' },
    });
    const set = await ok<{ assignment: { staffName: string } }>(
      'records.assignments.set',
      { classId: classId('5A'), subject: 'khoa_hoc', staffId: staff[0]!.id },
      clerk,
    );
    expect(set.assignment.staffName).toBe(staff[0]!.fullName);
    const list = await ok<{ rows: { subject: string; staffId: number }[] }>(
      'records.assignments.list',
      { classId: classId('5A') },
      clerk,
    );
    expect(list.rows.find((r) => r.subject === 'khoa_hoc')!.staffId).toBe(staff[0]!.id);
  });
});
