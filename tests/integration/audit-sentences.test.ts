/**
 * audit.list as a principal reads it: the names behind the ids (a pupil with the class they were in, a
 * class, a teacher, a removed room by its id), and the changes apart from views of personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, startTestServer, type TestServer } from './support/server';
import type { AuditRow } from '../../src-shared/api/audit';
import type { ClassRow, PupilRow, PupilView, RoomView } from '../../src-shared/api/records';
import { describeAuditRow } from '../../src-shared/domain/auditSentences';
import { t, type MessageKey } from '../../src-shared/i18n';
import { todayIso } from '../../src-shared/domain/dates';
import { foldForSearch } from '../../src-shared/domain/vnName';

let server: TestServer;
let clerk: string;
let principal: string;
let teacher: string;

const vi = (key: MessageKey, params?: Record<string, string | number>) => t('vi', key, params);
const sentence = (row: AuditRow) => describeAuditRow(row, vi, () => null).sentence;

async function log(input: Record<string, unknown>): Promise<AuditRow[]> {
  return (await callOk<{ rows: AuditRow[] }>(server, 'audit.list', { limit: 500, ...input }, principal)).rows;
}

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  clerk = await server.login('clerk', 'demo');
  principal = await server.login('principal', 'demo');
  teacher = await server.login('teacher', 'demo');
});
afterAll(() => server.close());

describe('audit.list names', () => {
  it('names the pupil and the class they left, and the clerk who did it', async () => {
    const pupils = await callOk<{ rows: PupilRow[] }>(server, 'records.pupils.list', { limit: 2000 }, clerk);
    const leaving = pupils.rows.find((p) => p.className === '1A')!;
    const view = await callOk<PupilView>(server, 'records.pupils.get', { id: leaving.id }, clerk);
    await callOk(
      server,
      'records.pupils.transferOut',
      { id: leaving.id, version: view.version, date: todayIso(), destination: '02' },
      clerk,
    );

    const rows = await log({ action: 'records.pupils.transferOut' });
    const row = rows.find((r) => r.target === `pupil:${leaving.id}`)!;
    expect(row).toMatchObject({
      actorName: 'Phạm Thị Lan',
      targetClass: '1A',
      names: { [`pupil:${leaving.id}`]: leaving.fullName },
    });
    expect(sentence(row)).toBe(`Phạm Thị Lan chuyển học sinh ${leaving.fullName} (1A) đi trường khác`);

    // Found by the pupil's name as the viewer shows it, typed without diacritics, and by the clerk's.
    const byPupil = await log({ search: foldForSearch(leaving.fullName), view: 'changes' });
    expect(byPupil.map((r) => r.id)).toContain(row.id);
    expect((await log({ search: 'pham thi lan', action: 'records.pupils.transferOut' })).map((r) => r.id)).toContain(
      row.id,
    );
  });

  it('says which fields of a pupil’s profile changed, never their values', async () => {
    const pupils = await callOk<{ rows: PupilRow[] }>(server, 'records.pupils.list', { limit: 50 }, clerk);
    const p = await callOk<PupilView>(server, 'records.pupils.get', { id: pupils.rows[3]!.id }, clerk);
    await callOk(
      server,
      'records.pupils.update',
      {
        id: p.id,
        version: p.version,
        fullName: p.fullName,
        sex: p.sex,
        // The same year: the personal ID number carries it.
        birthDate: `${p.birthDate.slice(0, 4)}-${p.birthDate.endsWith('-02-03') ? '02-04' : '02-03'}`,
        birthPlace: p.birthPlace,
        ethnicity: p.ethnicity,
        religion: p.religion,
        nationality: p.nationality,
        sectorId: p.sectorId ?? undefined,
        personalId: p.personalId ?? undefined,
        address: 'Số 9 ngõ Nhật Ký',
        disabilityType: p.disabilityType,
        policyGroup: p.policyGroup,
        guardians: p.guardians.map((g) => ({
          relation: g.relation,
          fullName: g.fullName,
          birthYear: g.birthYear,
          occupation: g.occupation,
          phone: g.phone,
        })),
      },
      clerk,
    );
    const row = (await log({ action: 'records.pupils.update' })).find((r) => r.target === `pupil:${p.id}`)!;
    expect(row.details).toEqual({ fields: ['birthDate', 'address'] });
    const described = describeAuditRow(row, vi, () => null);
    expect(described.sentence).toBe(`Phạm Thị Lan sửa hồ sơ học sinh ${p.fullName} (${pupils.rows[3]!.className})`);
    expect(described.fields).toEqual(['Ngày sinh', 'Địa chỉ']);
  });

  it('names classes, teachers and rooms in the details, and a removed room by its id', async () => {
    const classes = await callOk<{ rows: ClassRow[] }>(server, 'records.classes.list', {}, clerk);
    const room = await callOk<RoomView>(
      server,
      'records.rooms.create',
      { code: 'NK1', name: 'Phòng nhật ký', type: 'classroom', construction: 'permanent' },
      clerk,
    );
    const cls = classes.rows.find((c) => c.name === '2B')!;
    await callOk<ClassRow>(
      server,
      'records.classes.update',
      {
        id: cls.id,
        version: cls.version,
        name: cls.name,
        grade: cls.grade,
        homeroomStaffId: cls.homeroomStaffId,
        roomId: room.id,
        sessionsPerDay: cls.sessionsPerDay,
      },
      clerk,
    );
    const classRow = (await log({ action: 'records.classes.update' })).find((r) => r.target === `class:${cls.id}`)!;
    expect(classRow.names[`class:${cls.id}`]).toBe('2B');
    expect(classRow.names[`room:${room.id}`]).toBe('Phòng nhật ký (NK1)');
    if (cls.homeroomStaffId !== null) expect(classRow.names[`staff:${cls.homeroomStaffId}`]).toBeTruthy();
    const described = describeAuditRow(classRow, vi, () => null);
    expect(described.sentence).toBe('Phạm Thị Lan sửa lớp 2B');
    expect(described.changes).toContainEqual({ field: 'roomId', label: 'Phòng', value: 'Phòng nhật ký (NK1)' });

    // The room goes (the class loses it): its rows keep their meaning, by id.
    await callOk(server, 'records.rooms.delete', { id: room.id, cascade: true }, clerk);
    const created = (await log({ action: 'records.rooms.create' })).find((r) => r.target === `room:${room.id}`)!;
    expect(created.names).toEqual({});
    expect(sentence(created)).toBe(`Phạm Thị Lan thêm phòng #${room.id}`);
  });

  it('shows only the changes by default; views of personal data and refusals with the full log', async () => {
    const pupils = await callOk<{ rows: PupilRow[] }>(server, 'records.pupils.list', { limit: 5 }, clerk);
    await callOk(server, 'records.pupils.get', { id: pupils.rows[0]!.id }, clerk);
    const refused = await server.call('users.list', {}, teacher);
    expect(refused.status).toBe(403);

    const all = await log({ view: 'all' });
    const changes = await log({ view: 'changes' });
    expect(all.some((r) => r.action === 'records.pupils.get')).toBe(true);
    expect(all.some((r) => r.action === 'users.list' && r.outcome === 'forbidden')).toBe(true);
    expect(changes.some((r) => r.action === 'records.pupils.get')).toBe(false);
    expect(changes.some((r) => r.outcome !== 'ok')).toBe(false);
    expect(changes.some((r) => r.action === 'auth.login')).toBe(false);
    expect(changes.some((r) => r.action === 'records.pupils.transferOut')).toBe(true);
    const viewed = all.find((r) => r.action === 'records.pupils.get')!;
    expect(sentence(viewed)).toBe(
      `Phạm Thị Lan xem hồ sơ học sinh ${pupils.rows[0]!.fullName} (${pupils.rows[0]!.className})`,
    );
  });
});
