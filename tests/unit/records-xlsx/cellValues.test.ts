import { describe, expect, it } from 'vitest';
import { addRows, bornYearsAgo, importPupils, importPupilsFrom, personalIdFor, workbookOf } from './helpers';

const y = bornYearsAgo(7);
const HEADER = ['Họ và tên', 'Ngày sinh', 'Giới tính'];
/** A leap year in which a pupil of today may have been born. */
const leap = [8, 9, 10, 11].map(bornYearsAgo).find((year) => year % 4 === 0)!;

/** The Excel serial day number of a calendar date (1900 date system). */
function serial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
}

describe('dates', () => {
  it('reads real dates, serial numbers and day-first text', async () => {
    const parsed = await importPupils([
      HEADER,
      ['Nguyễn Văn An', new Date(Date.UTC(y, 8, 5)), 'Nam'],
      ['Nguyễn Văn Ba', serial(y, 1, 15), 'Nam'],
      ['Nguyễn Văn Ca', `5/9/${y}`, 'Nam'],
      ['Nguyễn Văn Da', `05/09/${y}`, 'Nam'],
      ['Nguyễn Văn Ea', `05-09-${y}`, 'Nam'],
      ['Nguyễn Văn Ga', `05.09.${y}`, 'Nam'],
      ['Nguyễn Văn Ha', `${y}-09-05`, 'Nam'],
      ['Nguyễn Văn Ka', `${y}-09-05T00:00:00.0`, 'Nam'],
      ['Nguyễn Văn La', `31/12/${y}`, 'Nam'],
      ['Nguyễn Văn Ma', `29/02/${leap}`, 'Nam'],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.value.birthDate)).toEqual([
      `${y}-09-05`,
      `${y}-01-15`,
      `${y}-09-05`,
      `${y}-09-05`,
      `${y}-09-05`,
      `${y}-09-05`,
      `${y}-09-05`,
      `${y}-09-05`,
      `${y}-12-31`,
      `${leap}-02-29`,
    ]);
  });

  it('refuses impossible dates, month-first dates, a bare year and unknown text, naming the column', async () => {
    const parsed = await importPupils([
      HEADER,
      ['Trần Văn A', `31/02/${y}`, 'Nam'],
      ['Trần Văn B', `12/25/${y}`, 'Nam'],
      ['Trần Văn C', y, 'Nam'],
      ['Trần Văn D', `ngày 5 tháng 9 năm ${y}`, 'Nam'],
      ['Trần Văn E', `05/09/${String(y).slice(2)}`, 'Nam'],
      ['Trần Văn G', 30, 'Nam'],
      ['Trần Văn H', `29/02/${leap + 1}`, 'Nam'],
    ]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      {
        row: 2,
        column: 'B (Ngày sinh)',
        field: 'birthDate',
        message: `Ngày “31/02/${y}” không có thật (ngày/tháng/năm, ngày viết trước tháng).`,
      },
      {
        row: 3,
        column: 'B (Ngày sinh)',
        field: 'birthDate',
        message: `Ngày “12/25/${y}” không có thật (ngày/tháng/năm, ngày viết trước tháng).`,
      },
      { row: 4, column: 'B (Ngày sinh)', field: 'birthDate', message: `Chỉ có năm (${y}); cần ghi đủ ngày/tháng/năm.` },
      {
        row: 5,
        column: 'B (Ngày sinh)',
        field: 'birthDate',
        message: `Ngày “ngày 5 tháng 9 năm ${y}” không đúng định dạng; hãy ghi ngày/tháng/năm, ví dụ 05/09/2018.`,
      },
      {
        row: 6,
        column: 'B (Ngày sinh)',
        field: 'birthDate',
        message: `Ngày “05/09/${String(y).slice(2)}” không đúng định dạng; hãy ghi ngày/tháng/năm, ví dụ 05/09/2018.`,
      },
      { row: 7, column: 'B (Ngày sinh)', field: 'birthDate', message: 'Số 30 không phải là một ngày hợp lệ.' },
      {
        row: 8,
        column: 'B (Ngày sinh)',
        field: 'birthDate',
        message: `Ngày “29/02/${leap + 1}” không có thật (ngày/tháng/năm, ngày viết trước tháng).`,
      },
    ]);
  });
});

describe('text as people type it', () => {
  it('strips apostrophes, non-breaking and stray spaces, and composes NFD to NFC', async () => {
    const id = personalIdFor('female', y, 12345);
    const parsed = await importPupils([
      ['Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân', 'Nơi sinh'],
      [
        ' HS0000000001\u00A0',
        ' Nguyễn\u00A0Thị  Hoa '.normalize('NFD'),
        `05/09/${y}`,
        'Nữ'.normalize('NFD'),
        `'${id}`,
        'Hà\u200BNội',
      ],
    ]);
    expect(parsed.errors).toEqual([]);
    const value = parsed.rows[0]!.value;
    expect(value.sectorId).toBe('HS0000000001');
    expect(value.fullName).toBe('Nguyễn Thị Hoa');
    expect(value.fullName).toBe(value.fullName.normalize('NFC'));
    expect(value.fullName.length).toBe('Nguyễn Thị Hoa'.normalize('NFC').length);
    expect(value.sex).toBe('female');
    expect(value.personalId).toBe(id);
    expect(value.birthPlace).toBe('HàNội');
  });

  it('a date in a text column is a mistake, not text', async () => {
    const parsed = await importPupils([
      [...HEADER, 'Nơi sinh'],
      ['Phạm Văn Tú', `01/06/${y}`, 'Nam', new Date(Date.UTC(y, 5, 1))],
    ]);
    expect(parsed.errors).toEqual([
      {
        row: 2,
        column: 'D (Nơi sinh)',
        field: 'birthPlace',
        message: `Ô chứa ngày tháng (01/06/${y}) nhưng cột này cần chữ hoặc số.`,
      },
    ]);
  });

  it('reads rich text and hyperlinks as their text', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      addRows(ws, [['Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ']], 1);
      ws.getCell('A2').value = { richText: [{ text: 'Phạm ', font: { bold: true } }, { text: 'Thu Trang' }] };
      ws.getCell('B2').value = `01/06/${y}`;
      ws.getCell('C2').value = 'Nữ';
      ws.getCell('D2').value = { text: 'Số 5 ngõ 12 Láng Hạ', hyperlink: 'https://maps.example/5-ngo-12' };
    });
    const parsed = await importPupilsFrom(data);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.value).toMatchObject({ fullName: 'Phạm Thu Trang', address: 'Số 5 ngõ 12 Láng Hạ' });
  });
});

describe('formulas', () => {
  it('uses the cached result, and makes a row error of a formula without one', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      addRows(ws, [['Họ và tên', 'Ngày sinh', 'Giới tính', 'Khối']], 1);
      ws.getCell('A2').value = { formula: 'CONCATENATE("Lê ","Văn Tám")', result: 'Lê Văn Tám' };
      ws.getCell('B2').value = { formula: `DATE(${y},9,5)`, result: serial(y, 9, 5) };
      ws.getCell('C2').value = 'Nam';
      ws.getCell('D2').value = { formula: '1+1', result: 2 };
      ws.getCell('A3').value = 'Lê Văn Chín';
      ws.getCell('B3').value = { formula: `DATE(${y},9,6)` } as never;
      ws.getCell('C3').value = 'Nam';
      ws.getCell('D3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const parsed = await importPupilsFrom(data);
    expect(parsed.rows).toEqual([
      {
        row: 2,
        value: expect.objectContaining({ fullName: 'Lê Văn Tám', birthDate: `${y}-09-05`, grade: 2 }),
      },
    ]);
    expect(parsed.errors).toEqual([
      {
        row: 3,
        column: 'B (Ngày sinh)',
        field: 'birthDate',
        message: `Ô có công thức (=DATE(${y},9,6)) nhưng chưa có kết quả tính sẵn. Hãy mở tệp bằng Excel, lưu lại rồi nhập lại.`,
      },
      { row: 3, column: 'D (Khối)', field: 'grade', message: 'Ô có lỗi công thức (#DIV/0!).' },
    ]);
  });

  it('a cached result of 0 is a result, not a missing one', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      addRows(ws, [['Họ và tên', 'Ngày sinh', 'Nữ', 'Giới tính', 'Khối']], 1);
      addRows(ws, [['Lê Văn Mười', `01/01/${y}`]], 2);
      ws.getCell('C2').value = { formula: 'IF(D2="Nữ",1,0)', result: 0 };
      ws.getCell('D2').value = 'Nam';
    });
    const parsed = await importPupilsFrom(data);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.value.sex).toBe('male');
  });

  it('template rows holding only formulas without results or #N/A are not records', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      addRows(ws, [['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Khối']], 1);
      addRows(ws, [[1, 'Lê Văn Một', `01/01/${y}`, 'Nam', 'Kinh', 2]], 2);
      for (let r = 3; r <= 40; r++) {
        ws.getCell(r, 1).value = { formula: `IF(B${r}="","",ROW()-1)` } as never;
        ws.getCell(r, 5).value = { formula: `VLOOKUP(B${r},DM!A:B,2,0)`, result: { error: '#N/A' } };
        ws.getCell(r, 6).value = { formula: `IF(B${r}="","",1)` } as never;
      }
    });
    const parsed = await importPupilsFrom(data);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
  });

  it('an error value typed into a cell is a row error', async () => {
    const parsed = await importPupils([
      [...HEADER, 'Dân tộc'],
      ['Hà Văn Sơn', `01/01/${y}`, 'Nam', { error: '#N/A' }],
    ]);
    expect(parsed.errors).toEqual([
      { row: 2, column: 'D (Dân tộc)', field: 'ethnicity', message: 'Ô có lỗi công thức (#N/A).' },
    ]);
  });
});

describe('numbers and IDs', () => {
  it('numbers stored as text, and IDs and phones that Excel turned into numbers', async () => {
    const boy = personalIdFor('male', y, 12345); // 001…: Excel keeps 10 digits
    const girl = personalIdFor('female', y, 678, '079'); // 079…: Excel keeps 11 digits
    const parsed = await importPupils([
      ['Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân', 'Khối', 'SĐT mẹ', 'Họ tên mẹ'],
      [1234567890, 'Đinh Văn Nam', `01/01/${y}`, 'Nam', Number(boy), '2', 912345678, 'Lò Thị Mai'],
      ['7654321098', 'Đinh Thị Lan', `02/02/${y}`, 'Nữ', Number(girl), 2, '0912.345.678', 'Lò Thị Mai'],
    ]);
    expect(parsed.errors).toEqual([]);
    expect(
      parsed.rows.map((r) => [r.value.sectorId, r.value.personalId, r.value.grade, r.value.guardians[0]!.phone]),
    ).toEqual([
      ['1234567890', boy, 2, '0912345678'],
      ['7654321098', girl, 2, '0912345678'],
    ]);
    expect(boy.startsWith('00')).toBe(true);
    expect(String(Number(boy))).toHaveLength(10);
    expect(String(Number(girl))).toHaveLength(11);
  });

  it('pads only numbers: the same digits as text, or nine digits, are not an ID', async () => {
    const id = personalIdFor('male', y, 12345);
    const parsed = await importPupils([
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số định danh cá nhân'],
      ['Đinh Văn Một', `01/01/${y}`, 'Nam', String(Number(id))],
      ['Đinh Văn Hai', `01/01/${y}`, 'Nam', 123456789],
      ['Đinh Văn Ba', `01/01/${y}`, 'Nam', 'Khai sinh'],
    ]);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'D (Số định danh cá nhân)', `Số định danh cá nhân “${Number(id)}” phải gồm đúng 12 chữ số.`],
      [3, 'D (Số định danh cá nhân)', 'Số định danh cá nhân “123456789” phải gồm đúng 12 chữ số.'],
      [4, 'D (Số định danh cá nhân)', 'Số định danh cá nhân “Khaisinh” phải gồm đúng 12 chữ số.'],
    ]);
  });

  it('text in a numeric cell is a row error', async () => {
    const parsed = await importPupils([
      [...HEADER, 'Khối', 'Năm sinh bố', 'Họ tên bố'],
      ['Đinh Văn Bốn', `01/01/${y}`, 'Nam', 'hai', 'không rõ', 'Đinh Văn Năm'],
      ['Đinh Văn Sáu', `01/01/${y}`, 'Nam', 'Khối 2', 1980, 'Đinh Văn Bảy'],
    ]);
    expect(parsed.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'D (Khối)', '“hai” không phải là số.'],
      [2, 'E (Năm sinh bố)', `Năm sinh “không rõ” không hợp lệ (cần năm từ ${y + 7 - 100} đến ${y + 7 - 10}).`],
    ]);
    expect(parsed.rows.map((r) => [r.row, r.value.grade, r.value.guardians[0]!.birthYear])).toEqual([[3, 2, 1980]]);
  });
});

describe('merged cells in the data area', () => {
  it('a value belongs to the top-left cell; rows hidden under a merge get an error, not a copy', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      addRows(
        ws,
        [
          ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp'],
          [1, 'Bùi Văn Một', `01/01/${y}`, 'Nam', '2A'],
          [2, 'Bùi Văn Hai', `02/01/${y}`, 'Nam'],
          [3, 'Bùi Văn Ba', `03/01/${y}`, 'Nam'],
          [4, 'Bùi Thị Tư', `04/01/${y}`, 'Nữ', '2B'],
          [],
        ],
        1,
      );
      ws.mergeCells('E2:E4');
      // A merge that reaches into a blank spacer row hides no record there.
      ws.mergeCells('E5:E6');
    });
    const parsed = await importPupilsFrom(data);
    expect(parsed.rows.map((r) => [r.row, r.value.className])).toEqual([
      [2, '2A'],
      [5, '2B'],
    ]);
    const message =
      'Ô nằm trong vùng gộp ô bắt đầu ở E2: giá trị chỉ thuộc về dòng 2. Hãy bỏ gộp ô và điền giá trị cho từng dòng.';
    expect(parsed.errors).toEqual([
      { row: 3, column: 'E (Lớp)', field: 'className', message },
      { row: 4, column: 'E (Lớp)', field: 'className', message },
    ]);
  });

  it('a cell merged across two columns of one row leaves the second column empty', async () => {
    const data = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      addRows(
        ws,
        [
          ['Họ và tên', 'Nơi sinh', 'Ngày sinh', 'Giới tính'],
          ['Cao Văn Dũng', undefined, `05/05/${y}`, 'Nam'],
        ],
        1,
      );
      ws.mergeCells('A2:B2');
    });
    const parsed = await importPupilsFrom(data);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.value).toMatchObject({ fullName: 'Cao Văn Dũng', birthPlace: '' });
  });
});
