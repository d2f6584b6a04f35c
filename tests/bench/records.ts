/**
 * Records figures through the whole app (worker thread, database checks, one transaction):
 * importing 10,000 pupils from xlsx and its ratio to exceljs merely loading the file (target ≤ 2),
 * searching 50,000 pupils (target median < 20 ms), exporting 10,000 rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createApp, silentLogger } from '../../src-main/core/app';
import { setupSchool } from '../../src-main/core/school/service';
import { importData } from '../../src-main/core/records/importer';
import { listPupils } from '../../src-main/core/records/pupils';
import { pupilsTable, renderTable } from '../../src-main/core/records/exporter';
import { personNameColumns } from '../../src-main/core/records/names';
import { defaultSchoolYear, schoolYearStartFor } from '../../src-shared/domain/schoolYear';
import { todayIso } from '../../src-shared/domain/dates';
import { pupilFile } from './records-xlsx';
import { emit, median, round } from './report';

/** A school set up for the current year with classes 1A–5H (the bench file's classes). */
async function school() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-bench-'));
  const app = await createApp({ dataDir, log: silentLogger });
  await setupSchool(app.store, {
    school: {
      name: 'Trường Tiểu học Kim Liên',
      code: 'KL01',
      educationOffice: '',
      educationDepartment: '',
      province: '',
      ward: '',
      address: '',
      principalName: '',
      phone: '',
      email: '',
    },
    admin: { username: 'admin', fullName: 'Quản trị', password: 'bench-pass' },
    year: defaultSchoolYear(schoolYearStartFor(todayIso())),
  });
  const yearId = app.store.db.prepare('SELECT id FROM school_years WHERE is_current = 1').pluck().get() as number;
  const insert = app.store.db.prepare(
    'INSERT INTO classes (school_year_id, grade, name, sessions_per_day, created_at, updated_at) VALUES (?, ?, ?, 2, ?, ?)',
  );
  for (let grade = 1; grade <= 5; grade++)
    for (const letter of 'ABCDEFGH') insert.run(yearId, grade, `${grade}${letter}`, Date.now(), Date.now());
  return { app, yearId };
}

export async function benchRecords(): Promise<void> {
  const data = await pupilFile();
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    loads.push(performance.now() - t0);
  }

  const imports: number[] = [];
  let last: Awaited<ReturnType<typeof school>> | null = null;
  for (let i = 0; i < 3; i++) {
    last?.app.close();
    last = await school();
    const { app } = last;
    const preview = await app.workers.run('xlsx.preview', { data, kind: 'pupils' });
    const fields = Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field!, c.index]));
    const t0 = performance.now();
    const outcome = await importData(
      app,
      null,
      'vi',
      { data, name: 'bench.xlsx' },
      { kind: 'pupils', dryRun: false, mapping: { sheet: preview.sheet, headerRow: preview.headerRow, fields } },
    );
    imports.push(performance.now() - t0);
    if (outcome.errorCount > 0 || outcome.created !== 10_000)
      throw new Error(`bench import failed: ${JSON.stringify(outcome.errors[0])}`);
  }
  emit('records.import 10,000 pupils from xlsx (worker + checks + one transaction)', imports);
  console.log(
    JSON.stringify({
      name: 'records.import / exceljs load ratio',
      ratio: round(median(imports) / median(loads)),
      exceljs_load_median_ms: round(median(loads)),
      target_max: 2,
    }),
  );

  // 40,000 more pupils straight into the tables, for a 50,000-pupil search.
  const { app, yearId } = last!;
  const classIds = app.store.db
    .prepare('SELECT id FROM classes WHERE school_year_id = ?')
    .pluck()
    .all(yearId) as number[];
  const givens = [
    'An',
    'Bình',
    'Chi',
    'Dũng',
    'Đạt',
    'Giang',
    'Hà',
    'Hùng',
    'Khánh',
    'Lan',
    'Minh',
    'Ngọc',
    'Phúc',
    'Quân',
    'Thảo',
    'Trang',
    'Vy',
  ];
  const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
  const middles = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Gia', 'Thu'];
  app.store.transaction(() => {
    const pupil = app.store.db.prepare(
      `INSERT INTO pupils (full_name, family_name, middle_name, given_name, search_name, sort_key, sex, birth_date, status, created_at, updated_at)
       VALUES (@fullName, @familyName, @middleName, @givenName, @searchName, @sortKey, @sex, '2018-05-05', '01', 0, 0)`,
    );
    const enrol = app.store.db.prepare(
      `INSERT INTO enrolments (pupil_id, class_id, school_year_id, start_date, entry, created_at) VALUES (?, ?, ?, '2025-09-05', 'new', 0)`,
    );
    for (let i = 0; i < 40_000; i++) {
      const name = `${families[i % families.length]} ${middles[(i >> 3) % middles.length]} ${givens[(i * 7) % givens.length]}`;
      const id = pupil.run({ ...personNameColumns(name), sex: i % 2 ? 'female' : 'male' }).lastInsertRowid as number;
      enrol.run(id, classIds[i % classIds.length], yearId);
    }
  });
  const total = app.store.db.prepare('SELECT count(*) FROM pupils').pluck().get();
  const scope = { classIds: null, seesPersonalIds: true };
  for (const query of ['nguyen van an', 'thi ngoc', 'hoang minh khoi', '0012']) {
    const samples: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      listPupils(app.store, scope, { search: query, status: 'studying', sort: 'class', offset: 0, limit: 100 });
      samples.push(performance.now() - t0);
    }
    emit(`records.pupils.list search "${query}" over ${total} pupils`, samples, { target_ms: 20 });
  }
  const firstPage: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    listPupils(app.store, scope, { status: 'studying', sort: 'class', offset: 0, limit: 100 });
    firstPage.push(performance.now() - t0);
  }
  emit(`records.pupils.list first page, no filter, ${total} pupils`, firstPage);

  const exports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const spec = pupilsTable(app, null, { status: 'studying', sort: 'class', grade: 1 });
    await renderTable(app, spec);
    exports.push(performance.now() - t0);
  }
  const rows = pupilsTable(app, null, { status: 'studying', sort: 'class', grade: 1 }).rows.length;
  emit(`records.export pupils list (${rows} rows)`, exports);
  app.close();
}
