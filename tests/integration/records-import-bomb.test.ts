/**
 * A decompression bomb uploaded for an import, over real HTTP: the preview and the import job refuse it
 * with a message that says what is wrong, and the server goes on importing real lists.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, startTestServer, uploadFile, waitForJob, type TestServer } from './support/server';
import type { ImportPreviewView, ImportResult } from '../../src-shared/api/records';
import { zipBombXlsx } from '../unit/records-xlsx/zipBomb';

let server: TestServer;
let clerk: string;

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  clerk = await server.login('clerk', 'demo');
});
afterAll(() => server.close());

const upload = (data: Buffer, name: string) => uploadFile(server, clerk, name, data, 'import');

const BOMB_MESSAGE = 'Tệp Excel bất thường: nội dung giải nén quá lớn';

describe('decompression bombs', () => {
  it('are refused by the preview and by the import, and a real list imports after them', async () => {
    // A few MB whose two worksheets and shared strings inflate to 500 MB each.
    const fileId = await upload(await zipBombXlsx(), 'bom.xlsx');
    const preview = await server.call('records.import.preview', { fileId, kind: 'pupils' }, clerk);
    expect(preview.status).toBe(400);
    expect(preview.body).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(preview.body.ok ? '' : preview.body.error.message).toContain(BOMB_MESSAGE);

    const mapping = { sheet: 'DanhSach', headerRow: 1, fields: { fullName: 1, birthDate: 2, sex: 3, className: 4 } };
    const run = await server.call<{ jobId: string }>('records.import.run', { fileId, kind: 'pupils', mapping }, clerk);
    const refusal = run.body.ok
      ? waitForJob(server, clerk, run.body.value)
      : Promise.reject(new Error(run.body.error.message));
    await expect(refusal).rejects.toThrow(BOMB_MESSAGE);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Danh sách').addRows([
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Lớp'],
      [1, 'Trịnh Bảo Ngọc', '08/08/2019', 'Nữ', 'Kinh', '1A'],
    ]);
    const listId = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'danh-sach.xlsx');
    const list = await callOk<ImportPreviewView>(
      server,
      'records.import.preview',
      { fileId: listId, kind: 'pupils' },
      clerk,
    );
    const fields = Object.fromEntries(list.columns.filter((c) => c.field).map((c) => [c.field!, c.index]));
    const started = await callOk<{ jobId: string }>(
      server,
      'records.import.run',
      { fileId: listId, kind: 'pupils', mapping: { sheet: list.sheet, headerRow: list.headerRow, fields } },
      clerk,
    );
    expect(await waitForJob<ImportResult>(server, clerk, started)).toMatchObject({ created: 1, errorCount: 0 });
  }, 60_000);
});
