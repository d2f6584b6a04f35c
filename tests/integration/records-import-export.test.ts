/**
 * Import and export of records through the procedures and the CLI, with real xlsx files written and
 * read back by exceljs, over the demo school in a real SQLite file.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from './support/server';
import { assertBuilt, runCli } from './support/cli';
import type { ImportPreviewView, ImportResult, ExportResult, PupilRow } from '../../src-shared/api/records';
import { jobActive, type JobView } from '../../src-shared/api/jobs';

let server: TestServer;
let clerk: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  clerk = await server.login('clerk', 'demo');
});
afterAll(() => server.close());

const HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Mã định danh',
  'Số định danh cá nhân',
  'Lớp',
  'Họ tên mẹ',
  'SĐT mẹ',
];

/** A pupil list the way clerks get it: title rows merged above the header, dates as text. */
async function pupilWorkbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['PHÒNG GD&ĐT HUYỆN THANH TRÌ']);
  ws.mergeCells(1, 1, 1, HEADER.length);
  ws.addRow(['DANH SÁCH HỌC SINH NĂM HỌC']);
  ws.mergeCells(2, 1, 2, HEADER.length);
  ws.addRow([]);
  ws.addRow(HEADER);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(data: Buffer, name: string): Promise<number> {
  const response = await fetch(`${server.url}/files`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${clerk}`,
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body: data,
  });
  const body = (await response.json()) as { ok: boolean; value: { id: number } };
  expect(body.ok).toBe(true);
  return body.value.id;
}

async function call<T>(name: string, input: unknown): Promise<T> {
  const { body } = await server.call<T>(name, input, clerk);
  if (!body.ok) throw new Error(`${name}: ${body.error.message}`);
  return body.value;
}

async function job<T>(started: { jobId: string }): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const view = await call<JobView>('jobs.get', { id: started.jobId });
    if (view.status === 'done') return view.result as T;
    if (!jobActive(view.status)) throw new Error(`job ${view.status}: ${view.error?.message}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not end');
}

async function importFile(
  data: Buffer,
  dryRun = false,
): Promise<{ preview: ImportPreviewView; result: ImportResult; fileId: number }> {
  const fileId = await upload(data, 'danh-sach.xlsx');
  const preview = await call<ImportPreviewView>('records.import.preview', { fileId, kind: 'pupils' });
  const fields: Record<string, number> = {};
  for (const c of preview.columns) if (c.field) fields[c.field] = c.index;
  const result = await job<ImportResult>(
    await call('records.import.run', {
      fileId,
      kind: 'pupils',
      dryRun,
      mapping: { sheet: preview.sheet, headerRow: preview.headerRow, fields },
    }),
  );
  return { preview, result, fileId };
}

const GOOD = [
  ['Hoàng Minh Khôi', '12/05/2019', 'Nam', 'Kinh', '7900100001', '001219100001', '1A', 'Lý Thị Hằng', '0911000001'],
  ['Vũ Ngọc Diệp', '03/11/2019', 'Nữ', 'Tày', '7900100002', '001319100002', '1B', 'Đào Thị Mai', '0911000002'],
  ['Phan Gia Bảo', '21/01/2019', 'Nam', 'Kinh', '7900100003', '', '1C', 'Ngô Thị Loan', '0911000003'],
];

async function pupilCount(): Promise<number> {
  return (await call<{ total: number }>('records.pupils.list', { limit: 1 })).total;
}

describe('import of pupils', () => {
  it('finds the header under merged title rows and suggests the mapping', async () => {
    const fileId = await upload(await pupilWorkbook(GOOD), 'ds.xlsx');
    const preview = await call<ImportPreviewView>('records.import.preview', { fileId, kind: 'pupils' });
    expect(preview.headerRow).toBe(4);
    expect(preview.dataRows).toBe(3);
    const byHeader = Object.fromEntries(preview.columns.map((c) => [c.header, c.field]));
    expect(byHeader).toMatchObject({
      'Họ và tên': 'fullName',
      'Ngày sinh': 'birthDate',
      'Giới tính': 'sex',
      Lớp: 'className',
      'Số định danh cá nhân': 'personalId',
    });
    expect(preview.fields.find((f) => f.key === 'fullName')).toMatchObject({ required: true });
  });

  it('refuses the whole file while any row is wrong, naming row, column and reason, and writes nothing', async () => {
    const before = await pupilCount();
    const bad = [
      ...GOOD,
      ['Trần Thị Lỗi', '31/02/2019', 'Nữ', 'Kinh', '7900100004', '', '1A', '', ''],
      ['Lê Văn Sai', '01/06/2019', 'Nam', 'Kinh', '7900100005', '00121910000', '1A', '', ''],
      ['Đinh Thị Lạc', '01/06/2019', 'Nữ', 'Kinh', '7900100006', '', '9Z', '', ''],
    ];
    const { result } = await importFile(await pupilWorkbook(bad));
    expect(result.errorCount).toBe(3);
    expect(result.errors.map((e) => e.row)).toEqual([8, 9, 10]);
    expect(result.errors[0]!.column).toMatch(/^C/);
    expect(result.errors[1]!.column).toMatch(/^G/);
    expect(result.errors[2]).toMatchObject({ field: 'className', message: expect.stringContaining('9Z') });
    expect(result.created).toBe(0);
    expect(await pupilCount()).toBe(before);

    // The downloadable report lists the same three errors.
    const download = await fetch(`${server.url}/files/${result.errorReportFileId}`, {
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(download.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ArrayBuffer);
    const text = wb.worksheets
      .map((ws) =>
        ws
          .getSheetValues()
          .map((r) => JSON.stringify(r))
          .join('\n'),
      )
      .join('\n');
    expect(text).toContain('9Z');
  });

  it('checks with a dry run, imports, then updates by mã định danh on re-import', async () => {
    const before = await pupilCount();
    const dry = await importFile(await pupilWorkbook(GOOD), true);
    expect(dry.result).toMatchObject({ dryRun: true, created: 3, updated: 0, errorCount: 0 });
    expect(await pupilCount()).toBe(before);

    const first = await importFile(await pupilWorkbook(GOOD));
    expect(first.result).toMatchObject({ created: 3, updated: 0, errorCount: 0 });
    expect(await pupilCount()).toBe(before + 3);
    const found = await call<{ rows: PupilRow[] }>('records.pupils.list', { search: 'hoang minh khoi' });
    expect(found.rows).toMatchObject([{ fullName: 'Hoàng Minh Khôi', className: '1A', birthDate: '2019-05-12' }]);

    // Same pupils, one moved to 1B and renamed: updated in place, no duplicates.
    const changed = GOOD.map((r) => [...r]);
    changed[0]![6] = '1B';
    changed[1]![0] = 'Vũ Ngọc Diệp Anh';
    const again = await importFile(await pupilWorkbook(changed));
    expect(again.result).toMatchObject({ created: 0, updated: 3, errorCount: 0 });
    expect(await pupilCount()).toBe(before + 3);
    const moved = await call<{ rows: PupilRow[] }>('records.pupils.list', { search: 'hoang minh khoi' });
    expect(moved.rows).toMatchObject([{ className: '1B' }]);
    expect((await call<{ rows: PupilRow[] }>('records.pupils.list', { search: 'diep anh' })).rows).toHaveLength(1);
  });

  it('refuses a file that is not an xlsx with a clear message', async () => {
    const fileId = await upload(Buffer.from('Họ và tên,Ngày sinh\nA,B'), 'renamed.xlsx');
    const { body, status } = await server.call('records.import.preview', { fileId, kind: 'pupils' }, clerk);
    expect(status).toBe(400);
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(body.ok ? '' : body.error.message).toMatch(/xlsx|Excel/i);
  });
});

describe('exports', () => {
  async function download(result: ExportResult): Promise<ExcelJS.Workbook> {
    const response = await fetch(`${server.url}/files/${result.fileId}`, {
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(response.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    return wb;
  }

  it('exports the pupil list as filtered, and the class list form of one class', async () => {
    const shown = await call<{ rows: PupilRow[]; total: number }>('records.pupils.list', {
      grade: 2,
      sex: 'female',
      limit: 2000,
    });
    const result = await job<ExportResult>(await call('records.export.pupils', { grade: 2, sex: 'female' }));
    expect(result.rows).toBe(shown.total);
    const wb = await download(result);
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    for (const r of shown.rows.slice(0, 5)) expect(text).toContain(r.fullName);

    const classes = await call<{ rows: { id: number; name: string; pupils: number }[] }>('records.classes.list', {});
    const cls = classes.rows.find((c) => c.name === '3B')!;
    const list = await job<ExportResult>(await call('records.export.classList', { classId: cls.id }));
    expect(list.rows).toBe(cls.pupils);
    const form = JSON.stringify((await download(list)).worksheets[0]!.getSheetValues());
    expect(form).toContain('3B');
    const members = await call<{ rows: PupilRow[] }>('records.pupils.list', { classId: cls.id, limit: 100 });
    for (const m of members.rows) expect(form).toContain(m.fullName);
  });

  it('records every export in the audit log', async () => {
    const admin = await server.login('admin', 'demo');
    const { body } = await server.call<{ rows: { action: string }[] }>(
      'audit.list',
      { action: 'records.export.' },
      admin,
    );
    expect(body.ok && body.value.rows.length).toBeGreaterThanOrEqual(2);
  });
});

describe('truongso import and export', () => {
  beforeAll(assertBuilt);

  it('imports with --dry-run and for real, and exports the class list', async () => {
    const dataDir = tempDir();
    const seeded = await startTestServer({ dataDir, demo: true });
    await seeded.close();
    const file = path.join(tempDir(), 'ds.xlsx');
    fs.writeFileSync(file, await pupilWorkbook(GOOD));

    const dry = runCli(['import', 'pupils', file, '--dry-run', '--data', dataDir, '--json']);
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, dryRun: true, created: 3 });
    const real = runCli(['import', 'pupils', file, '--data', dataDir]);
    expect(real.status).toBe(0);
    expect(real.stdout).toContain('thêm 3');

    const bad = path.join(tempDir(), 'bad.xlsx');
    fs.writeFileSync(bad, await pupilWorkbook([['Tên Thiếu Lớp', '01/01/2019', 'Nam', 'Kinh', '', '', '', '', '']]));
    const refused = runCli(['import', 'pupils', bad, '--data', dataDir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Dòng 5');
    expect(fs.existsSync(bad.replace(/\.xlsx$/, '-loi.xlsx'))).toBe(true);

    const out = path.join(tempDir(), 'lop-1a.xlsx');
    const exported = runCli(['export', 'pupils', '--class', '1A', '--out', out, '--data', dataDir, '--json']);
    expect(exported.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(JSON.stringify(wb.worksheets[0]!.getSheetValues())).toContain('Hoàng Minh Khôi');
    expect(runCli(['export', 'teachers', '--out', out, '--data', dataDir]).status).toBe(2);
  });
});

describe('import templates (Tải file mẫu)', () => {
  async function template(kind: 'pupils' | 'staff'): Promise<ExcelJS.Workbook> {
    const made = await job<ExportResult>(await call('records.import.template', { kind }));
    expect(made.name).toMatch(/^file-mau-nhap-.*\.xlsx$/);
    const download = await fetch(`${server.url}/files/${made.fileId}`, {
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(download.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ArrayBuffer);
    return wb;
  }

  /** Column of a header in the template's first row. */
  function columnOf(ws: ExcelJS.Worksheet, header: string): number {
    const values = ws.getRow(1).values as unknown[];
    const index = values.findIndex((v) => v === header);
    expect(index).toBeGreaterThan(0);
    return index;
  }

  it('a pupil template, filled in with one pupil in place of the sample, imports that pupil', async () => {
    const wb = await template('pupils');
    const ws = wb.getWorksheet('Danh sách')!;
    ws.getRow(2).values = [];
    ws.getCell(2, columnOf(ws, 'Họ và tên')).value = 'Mẫu Thị Điền';
    ws.getCell(2, columnOf(ws, 'Giới tính')).value = 'Nữ';
    ws.getCell(2, columnOf(ws, 'Ngày sinh')).value = '09/09/2019';
    ws.getCell(2, columnOf(ws, 'Dân tộc')).value = '01 - Kinh';
    ws.getCell(2, columnOf(ws, 'Mã định danh (Bộ GD&ĐT)')).value = '7900109999';
    ws.getCell(2, columnOf(ws, 'Lớp')).value = '1A';
    const before = await pupilCount();
    const { preview, result } = await importFile(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(preview.headerRow).toBe(1);
    expect(result).toMatchObject({ errorCount: 0, created: 1 });
    expect(await pupilCount()).toBe(before + 1);
    const found = await call<{ rows: PupilRow[] }>('records.pupils.list', { search: 'mau thi dien' });
    expect(found.rows).toMatchObject([{ className: '1A', birthDate: '2019-09-09' }]);
  });

  it('a staff template has its own columns and dropdowns', async () => {
    const wb = await template('staff');
    const ws = wb.getWorksheet('Danh sách')!;
    expect(columnOf(ws, 'Nhóm cán bộ')).toBeGreaterThan(0);
    expect(ws.getCell(3, columnOf(ws, 'Chức vụ')).dataValidation).toMatchObject({ type: 'list' });
    const clerkCannot = await server.call(
      'records.import.template',
      { kind: 'staff' },
      await server.login('teacher', 'demo'),
    );
    expect(clerkCannot.status).toBe(403);
  });
});
