/**
 * Building real workbooks for the engine's tests: exceljs writes them to bytes exactly as a file a clerk
 * uploads, and the engine reads them back. Also a minimal zip writer for "a zip that is not an xlsx".
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { todayIso } from '../../../src-shared/domain/dates';
import { centuryDigit } from '../../../src-shared/domain/personalId';
import { parseImport, previewImport } from '../../../src-main/core/records/xlsx';

export const CURRENT_YEAR = Number(todayIso().slice(0, 4));

/** A year of birth for a pupil of this age now. */
export function bornYearsAgo(age: number): number {
  return CURRENT_YEAR - age;
}

/** A valid số định danh cá nhân for the holder (province 001 Hà Nội unless told). */
export function personalIdFor(sex: 'male' | 'female', birthYear: number, serial: number, province = '001'): string {
  return `${province}${centuryDigit(sex, birthYear)}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

export async function toBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type Cell = ExcelJS.CellValue;

/** One sheet from rows of values, starting at row 1; undefined leaves a cell out. */
export async function sheetOf(rows: (Cell | undefined)[][], name = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(name);
  addRows(ws, rows, 1);
  return toBytes(workbook);
}

export function addRows(ws: ExcelJS.Worksheet, rows: (Cell | undefined)[][], firstRow: number): void {
  rows.forEach((values, i) => {
    values.forEach((v, c) => {
      if (v !== undefined) ws.getCell(firstRow + i, c + 1).value = v;
    });
  });
}

export async function workbookOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return toBytes(workbook);
}

export async function readBack(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** A zip archive with stored (uncompressed) entries, written by hand: no xlsx library involved. */
export function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

/** The pupil header most exports start from. */
export const PUPIL_HEADER = ['STT', 'Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Lớp'];

/** Mapping for PUPIL_HEADER at the given header row. */
export function pupilMapping(headerRow = 1, sheet = 'Sheet1') {
  return {
    sheet,
    headerRow,
    fields: { sectorId: 2, fullName: 3, birthDate: 4, sex: 5, ethnicity: 6, className: 7 },
  };
}

/** Expects a promise to reject with an XlsxError of the key; returns the error for further checks. */
export async function xlsxErrorOf(promise: Promise<unknown>): Promise<{ key: string; message: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { key: string; message: string };
  }
  throw new Error('expected an XlsxError, but the call succeeded');
}

/** Imports a file the way the app does: preview, take the suggested mapping, parse. */
export async function importPupilsFrom(data: Buffer) {
  const preview = await previewImport(data, 'pupils');
  const fields = Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field!, c.index]));
  return parseImport(data, 'pupils', { sheet: preview.sheet, headerRow: preview.headerRow, fields });
}

export async function importStaffFrom(data: Buffer) {
  const preview = await previewImport(data, 'staff');
  const fields = Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field!, c.index]));
  return parseImport(data, 'staff', { sheet: preview.sheet, headerRow: preview.headerRow, fields });
}

export async function importPupils(rows: (Cell | undefined)[][]) {
  return importPupilsFrom(await sheetOf(rows));
}

export async function importStaff(rows: (Cell | undefined)[][]) {
  return importStaffFrom(await sheetOf(rows));
}
