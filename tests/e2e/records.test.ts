/**
 * The records scenario of the issue, in Chromium against the real `truongso serve --demo`, as the
 * clerk: import a class list that has three bad rows → the three errors, nothing written → the
 * corrected file imports → a search without diacritics finds a new pupil → their profile → the class
 * list exported to Excel reads back (exceljs) with the class's pupils.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { signIn, watchPageErrors } from './support/pages';
import { callApi } from './support/api';

const CLASS = '1C';

interface Row {
  name: string;
  birth: string | Date;
  sex: string;
  ethnicity: string;
  className: string;
  mother: string;
  phone: string;
}

/**
 * A class list as schools keep them: the office and school names and a title in merged rows above
 * the header, Vietnamese headers, an STT column, dates typed as text (one a real date cell), and a
 * hidden sheet of code lists that is not the data.
 */
async function classListFile(file: string, rows: Row[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('DS lớp 1C');
  ws.getCell('A1').value = 'PHÒNG GD&ĐT HUYỆN THANH TRÌ';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = 'TRƯỜNG TIỂU HỌC NGUYỄN TRÃI';
  ws.mergeCells('A2:D2');
  ws.getCell('A3').value = 'DANH SÁCH HỌC SINH NHẬP HỌC';
  ws.mergeCells('A3:H3');
  ws.getCell('A3').font = { bold: true, size: 14 };
  ws.getRow(5).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Lớp', 'Họ tên mẹ', 'SĐT mẹ'];
  ws.getRow(5).font = { bold: true };
  rows.forEach((r, i) => {
    ws.getRow(6 + i).values = [i + 1, r.name, r.birth, r.sex, r.ethnicity, r.className, r.mother, r.phone];
  });
  ws.getColumn(2).width = 28;
  const codes = workbook.addWorksheet('Danh mục', { state: 'hidden' });
  codes.addRow(['Mã', 'Dân tộc']);
  codes.addRow(['01', 'Kinh']);
  await workbook.xlsx.writeFile(file);
}

/** The pupils' names on the class list form: column C from the row after the "STT" header. */
async function namesOnClassList(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const ws = workbook.worksheets[0]!;
  let header = 0;
  ws.eachRow((row, n) => {
    if (!header && String(row.getCell(1).value ?? '').trim() === 'STT') header = n;
  });
  expect(header).toBeGreaterThan(0);
  const names: string[] = [];
  for (let n = header + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    if (typeof row.getCell(1).value !== 'number') break;
    names.push(String(row.getCell(3).value).trim());
  }
  return names;
}

describe('records in Chromium', () => {
  let server: CliServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let token: string;
  let tmp: string;

  beforeAll(async () => {
    server = await startCliServer({ demo: true });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    pageErrors = watchPageErrors(page);
    token = (await callApi<{ token: string }>(server.url, 'auth.login', { username: 'clerk', password: 'demo' })).token;
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-records-e2e-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const pupilsNamed = async (search: string) =>
    (
      await callApi<{ rows: { fullName: string; className: string | null }[] }>(
        server.url,
        'records.pupils.list',
        { search, status: 'all' },
        token,
      )
    ).rows;

  it('imports a class list, fixing three bad rows first, then finds, opens and exports the pupils', async () => {
    // First-graders of the demo's current year turn six in its first calendar year.
    const { years } = await callApi<{ years: { isCurrent: boolean; startDate: string }[] }>(
      server.url,
      'school.years.list',
      {},
      token,
    );
    const year = Number(years.find((y) => y.isCurrent)!.startDate.slice(0, 4)) - 6;
    const good: Row[] = [
      {
        name: 'Khổng Minh Khuê',
        birth: `05/01/${year}`,
        sex: 'Nữ',
        ethnicity: 'Kinh',
        className: CLASS,
        mother: 'Đinh Thị Hạnh',
        phone: '0912345678',
      },
      {
        name: 'Lã Văn Trác',
        birth: `17/03/${year}`,
        sex: 'Nam',
        ethnicity: 'Tày',
        className: CLASS,
        mother: 'Hà Thị Mai',
        phone: '0987654321',
      },
      {
        name: 'Ông Thị Diệp Chi',
        birth: new Date(Date.UTC(year, 5, 9)),
        sex: 'Nữ',
        ethnicity: 'Kinh',
        className: CLASS,
        mother: 'Vi Thị Lụa',
        phone: '0903111222',
      },
      {
        name: 'Mạc Đăng Khoa',
        birth: `30/08/${year}`,
        sex: 'Nam',
        ethnicity: 'Mường',
        className: CLASS,
        mother: 'Bùi Thị Nga',
        phone: '0977000111',
      },
      {
        name: 'Hứa Ngọc Thủy Tiên',
        birth: `21/11/${year}`,
        sex: 'Nữ',
        ethnicity: 'Kinh',
        className: CLASS,
        mother: 'Lục Thị Xuân',
        phone: '0966555444',
      },
      {
        name: 'Giáp Văn Cường',
        birth: `02/12/${year}`,
        sex: 'Nam',
        ethnicity: 'Nùng',
        className: CLASS,
        mother: 'Hoàng Thị Đào',
        phone: '0944333222',
      },
    ];
    // Three rows a clerk would get wrong: an impossible date, a sex nobody wrote, a class that does not exist.
    const bad = good.map((r) => ({ ...r }));
    bad[1]!.birth = `31/02/${year}`;
    bad[3]!.sex = 'Không rõ';
    bad[4]!.className = '1Z';
    const badFile = path.join(tmp, 'danh-sach-lop-1C.xlsx');
    const goodFile = path.join(tmp, 'danh-sach-lop-1C-da-sua.xlsx');
    await classListFile(badFile, bad);
    await classListFile(goodFile, good);

    await page.goto(`${server.url}/records`);
    await signIn(page, 'clerk', 'demo');
    await page.getByRole('heading', { name: 'Học sinh' }).waitFor();
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    await page.getByRole('heading', { name: 'Nhập học sinh từ Excel' }).waitFor();

    // A file that is not .xlsx is refused before anything is sent.
    const csv = path.join(tmp, 'danh-sach.csv');
    fs.writeFileSync(csv, 'Họ và tên;Ngày sinh\n');
    await page.locator('input[type="file"]').setInputFiles(csv);
    await page.getByText('Tệp «danh-sach.csv» không phải tệp Excel (.xlsx hoặc .xls)').waitFor();

    // The bad file: the header below the merged title rows is found, the hidden sheet is marked,
    // and the columns come matched to their fields.
    await page.locator('input[type="file"]').setInputFiles(badFile);
    await page.getByText('Trang tính «DS lớp 1C», tiêu đề ở dòng 5, có 6 dòng dữ liệu.').waitFor();
    await page.getByLabel('Trang tính').click();
    await page.getByRole('option', { name: 'Danh mục (đang ẩn)' }).waitFor();
    await page.keyboard.press('Escape');
    for (const [letter, header, field] of [
      ['B', 'Họ và tên', 'Họ và tên *'],
      ['C', 'Ngày sinh', 'Ngày sinh *'],
      ['F', 'Lớp', 'Lớp'],
    ] as const) {
      const select = page.getByRole('row').filter({ has: page.getByRole('cell', { name: header, exact: true }) });
      await expect.poll(() => select.first().textContent()).toContain(field);
      expect(await select.first().getByRole('cell').first().textContent()).toBe(letter);
    }

    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.getByText('Tệp có 3 lỗi trong 6 dòng dữ liệu').waitFor();
    await page.getByText(/Chưa có dữ liệu nào được ghi vào hồ sơ/).waitFor();
    const errorTable = page.locator('.ant-card').filter({ hasText: 'Các lỗi cần sửa' }).getByRole('table');
    const lines = await errorTable.locator('tbody tr').allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^7/);
    expect(lines[0]).toContain(`31/02/${year}`);
    expect(lines[1]).toMatch(/^9/);
    expect(lines[1]).toContain('Không rõ');
    expect(lines[2]).toMatch(/^10/);
    expect(lines[2]).toContain('1Z');
    expect(await pupilsNamed('khong minh khue')).toEqual([]);

    // The full report downloads as an Excel file.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải báo cáo lỗi' }).click(),
    ]);
    const reportFile = path.join(tmp, 'bao-cao.xlsx');
    await report.saveAs(reportFile);
    const reportBook = new ExcelJS.Workbook();
    await reportBook.xlsx.readFile(reportFile);
    expect(reportBook.worksheets.length).toBeGreaterThan(0);

    // The corrected file: checked and imported in one go.
    await page.getByRole('button', { name: 'Tải lên tệp đã sửa' }).click();
    await page.locator('input[type="file"]').setInputFiles(goodFile);
    await page.getByText('Trang tính «DS lớp 1C», tiêu đề ở dòng 5, có 6 dòng dữ liệu.').waitFor();
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();
    await page.getByText('Đã nhập xong 6 dòng').waitFor();
    await page.getByText('Đã thêm mới 6, cập nhật 0.').waitFor();
    expect((await pupilsNamed('khong minh khue')).map((p) => p.className)).toEqual([CLASS]);

    // Found without diacritics, opened, with the class they were put in.
    await page.getByRole('button', { name: 'Xem danh sách học sinh' }).click();
    await page.getByRole('heading', { name: 'Học sinh' }).waitFor();
    await page.getByRole('searchbox', { name: 'Tìm học sinh' }).fill('khong minh khue');
    await page.getByRole('searchbox', { name: 'Tìm học sinh' }).press('Enter');
    await page.getByText('1 học sinh', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Khổng Minh Khuê' }).click();
    await page.getByRole('heading', { name: 'Khổng Minh Khuê' }).waitFor();
    const classHistory = page.locator('.ant-card').filter({ hasText: 'Quá trình học' });
    expect(await classHistory.getByRole('cell', { name: CLASS, exact: true }).count()).toBe(1);
    const family = page.locator('.ant-card').filter({ hasText: 'Gia đình' });
    await family.getByRole('cell', { name: 'Đinh Thị Hạnh' }).waitFor();

    // The class list form of 1C, exported and read back: the class's pupils, the new ones among them.
    await page.getByRole('link', { name: 'Lớp học' }).click();
    await page.getByRole('heading', { name: 'Lớp học' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Xuất danh sách lớp ${CLASS}` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = path.join(tmp, download.suggestedFilename());
    await download.saveAs(exported);
    const names = await namesOnClassList(exported);

    const classes = await callApi<{ rows: { id: number; name: string }[] }>(
      server.url,
      'records.classes.list',
      {},
      token,
    );
    const classId = classes.rows.find((c) => c.name === CLASS)!.id;
    const inClass = await callApi<{ rows: { fullName: string }[] }>(
      server.url,
      'records.pupils.list',
      { classId, limit: 200 },
      token,
    );
    expect([...names].sort()).toEqual(inClass.rows.map((p) => p.fullName).sort());
    for (const r of good) expect(names).toContain(r.name);

    expect(pageErrors).toEqual([]);
  });
});
