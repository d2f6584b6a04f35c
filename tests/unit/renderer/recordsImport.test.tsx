/**
 * The import wizard against the real server: a file that is not .xlsx is refused on the spot, the
 * clerk's column choices are checked before anything runs (a field taken by two columns, a required
 * field left out), then a check writes nothing and the import writes the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { File as NodeFile } from 'node:buffer';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';

const SLOW = { timeout: 10_000 };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Node's File rather than jsdom's: the in-process client sends it with Node's fetch, which cannot read
 * jsdom's blobs (a browser's fetch reads its own, as the e2e test shows).
 */
async function pupilFile(birthYear: number): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Lớp 2B');
  ws.getCell('A1').value = 'DANH SÁCH HỌC SINH LỚP 2B';
  ws.mergeCells('A1:E1');
  ws.getRow(3).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Tên lớp cũ'];
  ws.getRow(4).values = [1, 'Vương Thị Hạ', `04/04/${birthYear}`, 'Nữ', '2B', '1B'];
  const bytes = await workbook.xlsx.writeBuffer();
  return new NodeFile([new Uint8Array(bytes as ArrayBuffer)], 'lop-2B.xlsx', { type: XLSX_TYPE }) as unknown as File;
}

/** The same kind of list saved by Excel 97–2003 (.xls, BIFF8), as many schools still keep them. */
function pupilXls(birthYear: number): File {
  const ws = XLSX.utils.aoa_to_sheet([
    ['DANH SÁCH HỌC SINH LỚP 2B'],
    [],
    ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp'],
    [1, 'Đoàn Văn Cũ', `06/06/${birthYear}`, 'Nam', '2B'],
  ]);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 4 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Lớp 2B');
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer;
  return new NodeFile([new Uint8Array(bytes)], 'lop-2B.xls', { type: 'application/vnd.ms-excel' }) as unknown as File;
}

describe('import wizard', () => {
  let ts: RendererTestServer;
  let clerk: ProcedureClient;
  let secondGrader: number;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    clerk = await signIn(ts, 'clerk', DEMO_PASSWORD);
    const { years } = await clerk.get('school.years.list', {});
    secondGrader = Number(years.find((y) => y.isCurrent)!.startDate.slice(0, 4)) - 7;
  }, 60_000);
  afterAll(() => ts.close());

  it('flags a field chosen twice and a missing required field, then checks and imports', async () => {
    const user = setupUser();
    const { container } = renderApp(clerk, '/records/pupils/import');
    await screen.findByRole('heading', { name: 'Nhập học sinh từ Excel' }, SLOW);
    const input = () => container.querySelector<HTMLInputElement>('input[type="file"]')!;

    // As if the user switched the file dialog to "All files".
    const anyFile = userEvent.setup({ applyAccept: false, pointerEventsCheck: PointerEventsCheckLevel.Never });
    await anyFile.upload(input(), new File(['Họ và tên\n'], 'danh-sach.csv', { type: 'text/csv' }));
    expect(await screen.findByText(/Tệp «danh-sach.csv» không phải tệp Excel \(\.xlsx hoặc \.xls\)/)).toBeTruthy();

    await user.upload(input(), await pupilFile(secondGrader));
    expect(await screen.findByText('Trang tính «Lớp 2B», tiêu đề ở dòng 3, có 1 dòng dữ liệu.', {}, SLOW)).toBeTruthy();
    const check = screen.getByRole('button', { name: /Kiểm tra/ });
    expect((check as HTMLButtonElement).disabled).toBe(false);

    // Column F ("Tên lớp cũ") also set to Lớp: both columns are flagged and nothing can run.
    await user.click(screen.getByLabelText('Nhập cột F (Tên lớp cũ) vào'));
    await user.click(await screen.findByRole('option', { name: 'Lớp' }));
    const flags = await screen.findAllByText(/Thông tin này đã được chọn cho cột/);
    expect(flags.map((f) => f.textContent).sort()).toEqual([
      'Thông tin này đã được chọn cho cột E',
      'Thông tin này đã được chọn cho cột F',
    ]);
    expect((check as HTMLButtonElement).disabled).toBe(true);

    // Undone, then the name column left out: the required field is named.
    await user.click(screen.getByLabelText('Nhập cột F (Tên lớp cũ) vào'));
    await user.click(await screen.findByRole('option', { name: '— Không nhập cột này —' }));
    await user.click(screen.getByLabelText('Nhập cột B (Họ và tên) vào'));
    const skip = await screen.findAllByRole('option', { name: '— Không nhập cột này —' });
    await user.click(skip[skip.length - 1]!);
    expect(await screen.findByText(/Chưa chọn cột cho thông tin bắt buộc: Họ và tên/)).toBeTruthy();
    expect((check as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(screen.queryByText(/Thông tin này đã được chọn/)).toBeNull());

    // Put right: the check passes and writes nothing, the import then writes the row.
    await user.click(screen.getByLabelText('Nhập cột B (Họ và tên) vào'));
    // The column's earlier dropdown is still in the page, hidden: the open one is the last.
    const names = await screen.findAllByRole('option', { name: 'Họ và tên *' });
    await user.click(names[names.length - 1]!);
    await user.click(screen.getByRole('button', { name: /Kiểm tra/ }));
    expect(await screen.findByText('Tệp hợp lệ: 1 dòng, không có lỗi', {}, SLOW)).toBeTruthy();
    expect((await clerk.get('records.pupils.list', { search: 'vuong thi ha' })).total).toBe(0);
    await user.click(screen.getByRole('button', { name: /Nhập dữ liệu/ }));
    expect(await screen.findByText('Đã nhập xong 1 dòng', {}, SLOW)).toBeTruthy();
    const { rows } = await clerk.get('records.pupils.list', { search: 'vuong thi ha' });
    expect(rows.map((r) => [r.fullName, r.className])).toEqual([['Vương Thị Hạ', '2B']]);
  });

  it('offers the template, and takes an Excel 97–2003 .xls list through to the import', async () => {
    const user = setupUser();
    const { container } = renderApp(clerk, '/records/pupils/import');
    await screen.findByRole('heading', { name: 'Nhập học sinh từ Excel' }, SLOW);
    expect(screen.getByRole('button', { name: /Tải file mẫu/ })).toBeTruthy();
    expect(screen.getByText('Nhận tệp Excel .xlsx và .xls (Excel 97–2003)')).toBeTruthy();
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toContain('.xls,');
    await user.upload(input, pupilXls(secondGrader));
    expect(await screen.findByText('Trang tính «Lớp 2B», tiêu đề ở dòng 3, có 1 dòng dữ liệu.', {}, SLOW)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Nhập dữ liệu/ }));
    expect(await screen.findByText('Đã nhập xong 1 dòng', {}, SLOW)).toBeTruthy();
    const { rows } = await clerk.get('records.pupils.list', { search: 'doan van cu' });
    expect(rows.map((r) => [r.fullName, r.className])).toEqual([['Đoàn Văn Cũ', '2B']]);
  });

  it('refuses a list over the import limit, naming the limit, and stores nothing', async () => {
    const files = () => ts.server.app.store.statement('SELECT count(*) FROM files').pluck().get() as number;
    const before = files();
    const big = new NodeFile([new Uint8Array(21 * 1024 * 1024)], 'lon.xlsx', { type: XLSX_TYPE }) as unknown as File;
    const result = await clerk.upload(big, big.name, 'import');
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Tệp quá lớn: tệp Excel để nhập danh sách chỉ được tối đa 20 MB' },
    });
    expect(files()).toBe(before);
  });
});
