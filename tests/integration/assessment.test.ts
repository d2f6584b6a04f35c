/**
 * Assessment under TT27 through the procedures, over the demo school in a real SQLite file: who may
 * enter what (the subject's teacher, the GVCN, the principal), the score rules per grade, subject and
 * point, conflicts, locks, qualities, the year's result with its reasons, awards and promotion, and
 * pupils who change class or school mid-year appearing for the right points only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFails, callOk, startTestServer, type TestServer } from './support/server';
import type { ClassRow, PupilView } from '../../src-shared/api/records';
import type { AuditRow } from '../../src-shared/api/audit';
import type {
  AssessmentClass,
  GradebookRow,
  GradebookView,
  ProgressView,
  QualitiesView,
  StatsView,
  YearRow,
} from '../../src-shared/api/assessment';
import { PERIODIC_POINTS, QUALITY_ITEMS } from '../../src-shared/domain/tt27';
import { subjectsForGrade } from '../../src-shared/domain/subjects';

let server: TestServer;
let principal: string;
let clerk: string;
let teacher: string;
let admin: string;
let classes: ClassRow[];
let year: { id: number; name: string; startDate: string; term1End: string; term2Start: string; endDate: string };

const ok = <T>(name: string, input: unknown, token: string) => callOk<T>(server, name, input, token);
const fails = (name: string, input: unknown, token: string) => callFails(server, name, input, token);

const classId = (name: string) => classes.find((c) => c.name === name)!.id;

function gradebook(token: string, cls: string, subject: string, point: string) {
  return ok<GradebookView>('assessment.gradebook.get', { classId: classId(cls), subject, point }, token);
}

async function save(token: string, cls: string, subject: string, point: string, pupilId: number, values: object) {
  const view = await gradebook(token, cls, subject, point);
  const row = view.rows.find((r) => r.pupilId === pupilId);
  return server.call<GradebookRow>(
    'assessment.gradebook.save',
    { classId: classId(cls), subject, point, pupilId, version: row?.version ?? 0, ...values },
    token,
  );
}

async function firstPupil(token: string, cls: string, point = 'CUOI_HK1'): Promise<GradebookRow> {
  return (await gradebook(token, cls, 'toan', point)).rows.find((r) => r.enrolled)!;
}

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  admin = await server.login('admin', 'demo');
  principal = await server.login('principal', 'demo');
  clerk = await server.login('clerk', 'demo');
  teacher = await server.login('teacher', 'demo');
  classes = (await ok<{ rows: ClassRow[] }>('records.classes.list', {}, clerk)).rows;
  const { years } = await ok<{ years: (typeof year & { isCurrent: boolean })[] }>('school.years.list', {}, clerk);
  year = years.find((y) => y.isCurrent)!;
  // The demo locks the points already past; these tests work on every point.
  for (const point of PERIODIC_POINTS) {
    await ok('assessment.locks.set', { schoolYearId: year.id, point, locked: false, reason: 'Kiểm thử' }, principal);
  }
});
afterAll(() => server.close());

describe('who sees and enters what', () => {
  it('lists for a teacher only their classes, with the subjects they may enter', async () => {
    const mine = await ok<{ classes: AssessmentClass[] }>('assessment.classes.list', {}, teacher);
    const all = await ok<{ classes: AssessmentClass[] }>('assessment.classes.list', {}, clerk);
    expect(all.classes).toHaveLength(classes.length);
    expect(mine.classes.length).toBeLessThan(all.classes.length);
    const c1A = mine.classes.find((c) => c.name === '1A')!;
    expect(c1A.isHomeroom).toBe(true);
    const subject = (key: string) => c1A.subjects.find((s) => s.key === key)!;
    expect(subject('toan').canEdit).toBe(true);
    expect(subject('tieng_viet').canEdit).toBe(true);
    // Music is the specialist's.
    expect(subject('am_nhac').canEdit).toBe(false);
    expect(subject('am_nhac').teacher).not.toBe(c1A.homeroomTeacher);
    expect(c1A.subjects.map((s) => s.key)).toEqual(subjectsForGrade(1).map((s) => s.key));
    expect(all.classes.every((c) => c.subjects.every((s) => !s.canEdit))).toBe(true);
  });

  it('refuses a teacher a subject or a class that is not theirs, and the clerk any entry', async () => {
    const pupil = await firstPupil(teacher, '1A', 'CUOI_HK1');
    const music = await save(teacher, '1A', 'am_nhac', 'CUOI_HK1', pupil.pupilId, { level: 'T' });
    expect(music.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!music.body.ok && music.body.error.message).toContain('Âm nhạc');
    const other = await fails(
      'assessment.gradebook.get',
      { classId: classId('2A'), subject: 'toan', point: 'CUOI_HK1' },
      teacher,
    );
    expect(other.code).toBe('forbidden');
    const byClerk = await fails(
      'assessment.gradebook.save',
      {
        classId: classId('1A'),
        subject: 'toan',
        point: 'CUOI_HK1',
        pupilId: pupil.pupilId,
        level: 'T',
        score: 9,
        version: pupil.version,
      },
      clerk,
    );
    expect(byClerk.code).toBe('forbidden');
    expect(
      (await fails('assessment.gradebook.get', { classId: classId('1A'), subject: 'toan', point: 'CUOI_HK1' }, admin))
        .code,
    ).toBe('forbidden');
  });
});

describe('the gradebook', () => {
  it('knows where TT27 prescribes a test', async () => {
    expect((await gradebook(teacher, '1A', 'toan', 'CUOI_HK1')).tested).toBe(true);
    expect((await gradebook(teacher, '1A', 'toan', 'GIUA_HK1')).tested).toBe(false);
    expect((await gradebook(teacher, '1A', 'dao_duc', 'CUOI_NAM')).tested).toBe(false);
    expect((await gradebook(principal, '4A', 'toan', 'GIUA_HK1')).tested).toBe(true);
    expect((await gradebook(principal, '4A', 'khoa_hoc', 'GIUA_HK2')).tested).toBe(false);
    expect((await gradebook(principal, '4A', 'khoa_hoc', 'CUOI_NAM')).tested).toBe(true);
    const notTaught = await fails(
      'assessment.gradebook.get',
      { classId: classId('1A'), subject: 'khoa_hoc', point: 'CUOI_NAM' },
      principal,
    );
    expect(notTaught).toMatchObject({ code: 'rule_violation', details: { field: 'subject' } });
  });

  it('saves level, score and comment and reads them back in class-list order', async () => {
    const pupil = await firstPupil(teacher, '1A');
    const { body } = await save(teacher, '1A', 'toan', 'CUOI_HK1', pupil.pupilId, {
      level: 'T',
      score: 9,
      comment: '  Em làm toán nhanh, cẩn thận.  '.normalize('NFD'),
    });
    expect(body.ok).toBe(true);
    const saved = (body as { value: GradebookRow }).value;
    expect(saved).toMatchObject({
      level: 'T',
      score: 9,
      comment: 'Em làm toán nhanh, cẩn thận.',
      version: pupil.version + 1,
    });
    const view = await gradebook(clerk, '1A', 'toan', 'CUOI_HK1');
    expect(view.rows.find((r) => r.pupilId === pupil.pupilId)).toMatchObject({ level: 'T', score: 9 });
    expect(view.canEdit).toBe(false);
    const names = view.rows.map((r) => r.fullName);
    const given = (n: string) => n.split(' ').at(-1)!;
    const collator = new Intl.Collator('vi');
    for (let i = 1; i < names.length; i++)
      expect(collator.compare(given(names[i - 1]!), given(names[i]!))).toBeLessThanOrEqual(0);
  });

  it.each([
    ['a score where TT27 prescribes none', 'GIUA_HK1', { level: 'T', score: 8 }, 'score', 'không quy định'],
    ['a decimal score', 'CUOI_HK1', { level: 'T', score: 8.5 }, 'score', 'số nguyên'],
    ['a score of 0', 'CUOI_HK1', { level: 'C', score: 0 }, 'score', 'từ 1 đến 10'],
    ['a score of 11', 'CUOI_HK1', { level: 'T', score: 11 }, 'score', 'từ 1 đến 10'],
    ['a level without the test score', 'CUOI_HK1', { level: 'H', score: null }, 'level', 'nhập điểm trước'],
    [
      'a re-test without a test',
      'CUOI_HK1',
      { level: null, score: null, retestScore: 7 },
      'retestScore',
      'kiểm tra lại',
    ],
  ])('refuses %s, naming the field', async (_name, point, values, field, text) => {
    const pupil = (await gradebook(teacher, '1A', 'toan', point)).rows.filter((r) => r.enrolled)[3]!;
    const { body } = await save(teacher, '1A', 'toan', point, pupil.pupilId, values);
    expect(body).toMatchObject({ ok: false, error: { code: 'rule_violation', details: { field } } });
    expect(!body.ok && body.error.message).toContain(text);
    const after = (await gradebook(teacher, '1A', 'toan', point)).rows.find((r) => r.pupilId === pupil.pupilId)!;
    expect(after).toEqual(pupil);
  });

  it('lets the school accept 0 as a score', async () => {
    await ok('assessment.rules.update', { minScore: 0, electivesTested: false }, principal);
    const pupil = (await gradebook(teacher, '1A', 'toan', 'CUOI_HK1')).rows.filter((r) => r.enrolled)[4]!;
    const { body } = await save(teacher, '1A', 'toan', 'CUOI_HK1', pupil.pupilId, { level: 'C', score: 0 });
    await ok('assessment.rules.update', { minScore: 1, electivesTested: false }, principal);
    expect(body).toMatchObject({ ok: true, value: { score: 0 } });
  });

  it('refuses the later of two saves of the same cell with conflict, carrying the current value', async () => {
    const pupil = (await gradebook(teacher, '1A', 'tieng_viet', 'CUOI_HK1')).rows.filter((r) => r.enrolled)[5]!;
    const base = {
      classId: classId('1A'),
      subject: 'tieng_viet',
      point: 'CUOI_HK1',
      pupilId: pupil.pupilId,
      version: pupil.version,
    };
    const first = await server.call<GradebookRow>(
      'assessment.gradebook.save',
      { ...base, level: 'T', score: 10 },
      teacher,
    );
    expect(first.body.ok).toBe(true);
    const second = await server.call<GradebookRow>(
      'assessment.gradebook.save',
      { ...base, level: 'H', score: 6 },
      principal,
    );
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        details: { current: { pupilId: pupil.pupilId, level: 'T', score: 10, version: pupil.version + 1 } },
      },
    });
    const now = (await gradebook(teacher, '1A', 'tieng_viet', 'CUOI_HK1')).rows.find(
      (r) => r.pupilId === pupil.pupilId,
    )!;
    expect(now).toMatchObject({ level: 'T', score: 10 });
  });
});

describe('locks', () => {
  it('stops every edit of a locked point until the principal unlocks it with a reason, all audited', async () => {
    const pupil = (await gradebook(teacher, '1A', 'toan', 'GIUA_HK2')).rows.filter((r) => r.enrolled)[6]!;
    const locked = await ok<{ locked: boolean; lockedBy: string }>(
      'assessment.locks.set',
      { schoolYearId: year.id, point: 'GIUA_HK2', locked: true },
      principal,
    );
    expect(locked).toMatchObject({ locked: true, lockedBy: 'Trần Thị Thu Hà' });
    expect((await gradebook(teacher, '1A', 'toan', 'GIUA_HK2')).canEdit).toBe(false);
    const refused = await save(teacher, '1A', 'toan', 'GIUA_HK2', pupil.pupilId, { level: 'T' });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    expect(!refused.body.ok && refused.body.error.message).toContain('Giữa học kỳ II');
    const quality = await fails(
      'assessment.qualities.save',
      { classId: classId('1A'), point: 'GIUA_HK2', pupilId: pupil.pupilId, item: 'nhan_ai', level: 'T', version: 0 },
      teacher,
    );
    expect(quality.code).toBe('rule_violation');
    expect(
      (await fails('assessment.locks.set', { schoolYearId: year.id, point: 'GIUA_HK2', locked: true }, teacher)).code,
    ).toBe('forbidden');

    const noReason = await fails(
      'assessment.locks.set',
      { schoolYearId: year.id, point: 'GIUA_HK2', locked: false },
      principal,
    );
    expect(noReason).toMatchObject({ code: 'invalid_input', details: { field: 'reason' } });
    await ok(
      'assessment.locks.set',
      { schoolYearId: year.id, point: 'GIUA_HK2', locked: false, reason: 'Sửa điểm sai của lớp 1A' },
      principal,
    );
    expect((await save(teacher, '1A', 'toan', 'GIUA_HK2', pupil.pupilId, { level: 'T' })).body.ok).toBe(true);

    const audit = await ok<{ rows: AuditRow[] }>(
      'audit.list',
      { action: 'assessment.locks.set', limit: 20 },
      principal,
    );
    const unlock = audit.rows.find(
      (r) => r.outcome === 'ok' && (r.details as { reason?: string }).reason === 'Sửa điểm sai của lớp 1A',
    );
    expect(unlock).toBeDefined();
    const saves = await ok<{ rows: AuditRow[] }>(
      'audit.list',
      { action: 'assessment.gradebook.save', limit: 50 },
      principal,
    );
    expect(saves.rows.some((r) => r.target === `pupil:${pupil.pupilId}`)).toBe(true);
    // Results are personal data: the audit row says which cell, not what was entered.
    expect(JSON.stringify(saves.rows)).not.toContain('"score"');
  });
});

describe('qualities and competences', () => {
  it('are the GVCN’s: saved per cell with their version', async () => {
    const view = await ok<QualitiesView>(
      'assessment.qualities.get',
      { classId: classId('1A'), point: 'CUOI_HK1' },
      teacher,
    );
    expect(view.canEdit).toBe(true);
    const row = view.rows.find((r) => r.enrolled)!;
    const cell = row.cells.trung_thuc ?? { level: null, version: 0 };
    const input = {
      classId: classId('1A'),
      point: 'CUOI_HK1',
      pupilId: row.pupilId,
      item: 'trung_thuc',
      level: 'D',
      version: cell.version,
    };
    const saved = await ok<{ cell: { level: string; version: number } }>('assessment.qualities.save', input, teacher);
    expect(saved.cell).toEqual({ level: 'D', version: cell.version + 1 });
    expect((await fails('assessment.qualities.save', { ...input, level: 'T' }, principal)).code).toBe('conflict');
    const again = await ok<QualitiesView>(
      'assessment.qualities.get',
      { classId: classId('1A'), point: 'CUOI_HK1' },
      clerk,
    );
    expect(again.rows.find((r) => r.pupilId === row.pupilId)!.cells.trung_thuc).toEqual({
      level: 'D',
      version: cell.version + 1,
    });
    expect(again.canEdit).toBe(false);
  });

  it('are refused to a teacher who only teaches a subject in the class', async () => {
    const c1A = classes.find((c) => c.name === '1A')!;
    await ok(
      'records.assignments.set',
      { classId: classId('2A'), subject: 'dao_duc', staffId: c1A.homeroomStaffId },
      principal,
    );
    const mine = await ok<{ classes: AssessmentClass[] }>('assessment.classes.list', {}, teacher);
    const c2A = mine.classes.find((c) => c.name === '2A')!;
    expect(c2A.isHomeroom).toBe(false);
    expect(c2A.subjects.filter((s) => s.canEdit).map((s) => s.key)).toEqual(['dao_duc']);
    const view = await ok<QualitiesView>(
      'assessment.qualities.get',
      { classId: c2A.classId, point: 'CUOI_HK1' },
      teacher,
    );
    expect(view.canEdit).toBe(false);
    const row = view.rows.find((r) => r.enrolled)!;
    const refused = await fails(
      'assessment.qualities.save',
      {
        classId: c2A.classId,
        point: 'CUOI_HK1',
        pupilId: row.pupilId,
        item: 'yeu_nuoc',
        level: 'T',
        version: row.cells.yeu_nuoc?.version ?? 0,
      },
      teacher,
    );
    expect(refused.code).toBe('forbidden');
    expect((await save(teacher, '2A', 'dao_duc', 'CUOI_HK1', row.pupilId, { level: 'H' })).body.ok).toBe(true);
  });
});

describe('the year’s result', () => {
  let pupilId: number;

  /** Every subject of grade 4 at `level`, tests at `score` (Toán at `toan`), every quality at `quality`. */
  async function enterYear(level: string, score: number, toan: number, quality: string) {
    for (const s of subjectsForGrade(4).filter((x) => !x.elective)) {
      const view = await gradebook(principal, '4A', s.key, 'CUOI_NAM');
      const value = view.tested ? (s.key === 'toan' ? toan : score) : null;
      const { body } = await save(principal, '4A', s.key, 'CUOI_NAM', pupilId, { level, score: value });
      if (!body.ok) throw new Error(body.error.message);
    }
    const qualities = await ok<QualitiesView>(
      'assessment.qualities.get',
      { classId: classId('4A'), point: 'CUOI_NAM' },
      principal,
    );
    const cells = qualities.rows.find((r) => r.pupilId === pupilId)!.cells;
    for (const item of QUALITY_ITEMS) {
      await ok(
        'assessment.qualities.save',
        {
          classId: classId('4A'),
          point: 'CUOI_NAM',
          pupilId,
          item: item.key,
          level: quality,
          version: cells[item.key]?.version ?? 0,
        },
        principal,
      );
    }
  }

  const yearRow = async () =>
    (await ok<{ rows: YearRow[] }>('assessment.year.get', { classId: classId('4A') }, principal)).rows.find(
      (r) => r.pupilId === pupilId,
    )!;

  beforeAll(async () => {
    pupilId = (await firstPupil(principal, '4A', 'CUOI_NAM')).pupilId;
  });

  it('proposes HTT when one test is 8, naming Toán and the score', async () => {
    await enterYear('T', 10, 8, 'T');
    const row = await yearRow();
    expect(row.proposed).toBe('HTT');
    expect(row.reasons).toEqual(['Toán: điểm KTĐK 8 < 9']);
  });

  it('confirms the result with the fitting award, refusing the others and an inconsistent decision', async () => {
    const row = await yearRow();
    const base = { classId: classId('4A'), pupilId, version: row.version };
    const wrongAward = await fails(
      'assessment.year.save',
      { ...base, result: 'HTT', awards: ['HS_XUAT_SAC'] },
      principal,
    );
    expect(wrongAward).toMatchObject({ code: 'rule_violation', details: { field: 'awards' } });
    expect(wrongAward.message).toContain('Hoàn thành xuất sắc');
    const wrongDecision = await fails(
      'assessment.year.save',
      { ...base, result: 'HTT', promotion: 'not_promoted' },
      principal,
    );
    expect(wrongDecision).toMatchObject({ code: 'rule_violation', details: { field: 'promotion' } });
    const saved = await ok<YearRow>(
      'assessment.year.save',
      { ...base, result: 'HTT', awards: ['HS_TIEU_BIEU'], comment: 'Em chăm ngoan, học giỏi môn Tiếng Việt.' },
      principal,
    );
    expect(saved).toMatchObject({
      result: 'HTT',
      awards: ['HS_TIEU_BIEU'],
      promotion: 'promoted',
      version: row.version + 1,
    });
  });

  it('proposes CHT for a test below 5 and lets the principal decide after a supplementary assessment', async () => {
    await enterYear('H', 6, 4, 'D');
    const row = await yearRow();
    expect(row.proposed).toBe('CHT');
    expect(row.reasons).toContain('Toán: điểm KTĐK 4 < 5');
    const pending = await ok<YearRow>(
      'assessment.year.save',
      { classId: classId('4A'), pupilId, result: 'CHT', version: row.version },
      principal,
    );
    expect(pending.promotion).toBe('pending');
    const decided = await ok<YearRow>(
      'assessment.year.save',
      {
        classId: classId('4A'),
        pupilId,
        result: 'CHT',
        promotion: 'promoted',
        supplementary: 'Kiểm tra bổ sung Toán: 6 điểm',
        version: pending.version,
      },
      principal,
    );
    expect(decided).toMatchObject({ promotion: 'promoted', supplementary: 'Kiểm tra bổ sung Toán: 6 điểm' });
  });

  it('lists what is missing instead of a proposal', async () => {
    const rows = (await ok<{ rows: YearRow[] }>('assessment.year.get', { classId: classId('4B') }, principal)).rows;
    const incomplete = rows.find((r) => r.proposed === null);
    if (incomplete) expect(incomplete.reasons.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.proposed !== null || r.missing.length > 0)).toBe(true);
  });
});

describe('pupils who move mid-year', () => {
  it('appear in each class, and in this school, for the points they were there only', async () => {
    const [mover, leaver] = (await gradebook(principal, '4A', 'toan', 'GIUA_HK1')).rows
      .filter((r) => r.enrolled)
      .slice(-2);
    // Moved to 4B on the day term I ends: from then on, end dates being exclusive, in 4B.
    await ok(
      'records.pupils.moveClass',
      { pupilIds: [mover!.pupilId], classId: classId('4B'), date: year.term1End },
      principal,
    );
    const leaverView = await ok<PupilView>('records.pupils.get', { id: leaver!.pupilId }, principal);
    await ok(
      'records.pupils.transferOut',
      {
        id: leaver!.pupilId,
        version: leaverView.version,
        date: year.term2Start,
        destination: '01',
        toSchool: 'Trường Tiểu học Kim Liên',
      },
      principal,
    );
    const inList = async (cls: string, point: string, pupilId: number) =>
      (await gradebook(principal, cls, 'toan', point)).rows.find((r) => r.pupilId === pupilId)?.enrolled ?? false;

    expect(await inList('4A', 'GIUA_HK1', mover!.pupilId)).toBe(true);
    expect(await inList('4B', 'GIUA_HK1', mover!.pupilId)).toBe(false);
    expect(await inList('4A', 'CUOI_HK1', mover!.pupilId)).toBe(false);
    expect(await inList('4B', 'CUOI_HK1', mover!.pupilId)).toBe(true);
    expect(await inList('4A', 'CUOI_HK1', leaver!.pupilId)).toBe(true);
    expect(await inList('4A', 'GIUA_HK2', leaver!.pupilId)).toBe(false);
    expect(await inList('4B', 'GIUA_HK2', leaver!.pupilId)).toBe(false);

    const wrongClass = await save(principal, '4A', 'toan', 'CUOI_HK1', mover!.pupilId, { level: 'T', score: 9 });
    expect(wrongClass.body).toMatchObject({
      ok: false,
      error: { code: 'rule_violation', details: { field: 'pupilId' } },
    });
    expect((await save(principal, '4B', 'toan', 'CUOI_HK1', mover!.pupilId, { level: 'T', score: 9 })).body.ok).toBe(
      true,
    );
    expect((await save(principal, '4A', 'toan', 'GIUA_HK2', leaver!.pupilId, { level: 'T', score: 9 })).body.ok).toBe(
      false,
    );
  });
});

describe('progress and statistics', () => {
  it('count what is entered per class and subject', async () => {
    const progress = await ok<ProgressView>('assessment.progress', { point: 'CUOI_HK1' }, principal);
    const c1A = progress.classes.find((c) => c.name === '1A')!;
    const toan = c1A.subjects.find((s) => s.key === 'toan')!;
    const view = await gradebook(principal, '1A', 'toan', 'CUOI_HK1');
    const enrolled = view.rows.filter((r) => r.enrolled);
    expect(toan.expected).toBe(enrolled.length);
    expect(toan.done).toBe(enrolled.filter((r) => r.level !== null && r.score !== null).length);
    expect(c1A.qualities.expected).toBe(enrolled.length * QUALITY_ITEMS.length);

    const stats = await ok<StatsView>('assessment.stats', { point: 'CUOI_HK1', grade: 1 }, principal);
    const line = stats.rows.find((r) => r.className === '1A' && r.subject === 'toan')!;
    expect(line.T).toBe(enrolled.filter((r) => r.level === 'T').length);
    expect(line.T + line.H + line.C + line.missing).toBe(enrolled.length);
    expect(line.scores).toHaveLength(11);
    expect(line.scores.reduce((a, b) => a + b, 0)).toBe(enrolled.filter((r) => r.score !== null).length);
    expect(stats.rows.every((r) => r.grade === 1)).toBe(true);
  });

  it('shows a teacher only their classes', async () => {
    const progress = await ok<ProgressView>('assessment.progress', { point: 'CUOI_HK1' }, teacher);
    const mine = await ok<{ classes: AssessmentClass[] }>('assessment.classes.list', {}, teacher);
    expect(progress.classes.map((c) => c.classId).sort()).toEqual(mine.classes.map((c) => c.classId).sort());
  });
});
