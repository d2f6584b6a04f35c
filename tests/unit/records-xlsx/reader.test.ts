/**
 * The package reader (zip, XML, cells) on files as other tools write them, and on damaged ones. The
 * files exceljs writes are read throughout the other tests; these are the shapes it never produces.
 */
import { describe, expect, it } from 'vitest';
import { parseImport, previewImport } from '../../../src-main/core/records/xlsx';
import { handWrittenXlsx, is } from './handWritten';
import { addRows, bornYearsAgo, workbookOf, xlsxErrorOf } from './helpers';

const y = bornYearsAgo(7);
const HEADER = `<row r="1">${is('A1', 'Họ và tên')}${is('B1', 'Ngày sinh')}${is('C1', 'Giới tính')}${is('D1', 'Khối')}${is('E1', 'Địa chỉ')}</row>`;
const MAPPING = {
  sheet: 'DanhSach',
  headerRow: 1,
  fields: { fullName: 1, birthDate: 2, sex: 3, grade: 4, address: 5 },
};

/** A pupil's row with the cells given after the name, date and sex. */
function row(r: number, name: string, more = ''): string {
  return `<row r="${r}">${is(`A${r}`, name)}${is(`B${r}`, `05/09/${y}`)}${is(`C${r}`, 'Nam')}${more}</row>`;
}

describe('cells as other tools write them', () => {
  it('a shared formula written once for a column: results are read, and a missing one names the formula', async () => {
    const data = handWrittenXlsx(
      HEADER +
        row(2, 'Lê Văn Một', '<c r="D2"><f t="shared" ref="D2:D3" si="0">LEN(A$1)-7</f><v>2</v></c>') +
        row(3, 'Lê Văn Hai', '<c r="D3"><f t="shared" si="0"/><v>2</v></c>') +
        row(4, 'Lê Văn Ba', '<c r="D4"><f t="shared" ref="D4:D5" si="1">ROW(A4)-2</f></c>') +
        row(5, 'Lê Văn Bốn', '<c r="D5"><f t="shared" si="1"/></c>'),
    );
    const parsed = await parseImport(data, 'pupils', MAPPING);
    expect(parsed.rows.map((r) => [r.row, r.value.grade])).toEqual([
      [2, 2],
      [3, 2],
    ]);
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'D (Khối)'],
      [5, 'D (Khối)'],
    ]);
    expect(parsed.errors[0]!.message).toContain('(=ROW(A4)-2)');
    expect(parsed.errors[1]!.message).toContain('(=ROW(A5)-2)');
  });

  it('entities, character references and a ">" inside an attribute value', async () => {
    const data = handWrittenXlsx(
      HEADER.replace('<row r="1">', '<row r="1" x14ac:note="a>b">') +
        row(2, 'Nguyễn Văn &#7844;n', is('E2', 'Số 5 &amp; 7 &lt;ngõ&gt; &#x110;ống &quot;Đa&quot;')),
    );
    const parsed = await parseImport(data, 'pupils', MAPPING);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.value).toMatchObject({ fullName: 'Nguyễn Văn Ấn', address: 'Số 5 & 7 <ngõ> Đống "Đa"' });
  });

  it('the 1904 date system written as date1904="true"', async () => {
    const serial = (Date.UTC(y, 8, 5) - Date.UTC(1904, 0, 1)) / 86_400_000;
    const data = handWrittenXlsx(
      `<row r="1">${is('A1', 'Họ và tên')}${is('B1', 'Ngày sinh')}${is('C1', 'Giới tính')}</row>` +
        `<row r="2">${is('A2', 'Lê Thị Năm')}<c r="B2" s="1"><v>${serial}</v></c>${is('C2', 'Nữ')}</row>`,
      { date1904: 'true' },
    );
    const parsed = await parseImport(data, 'pupils', { ...MAPPING, fields: { fullName: 1, birthDate: 2, sex: 3 } });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.value.birthDate).toBe(`${y}-09-05`);
  });

  it('a number with a hyperlink reads as the number', async () => {
    const data = handWrittenXlsx(
      `<row r="1">${is('A1', 'Họ và tên')}${is('B1', 'Ngày sinh')}${is('C1', 'Giới tính')}` +
        `${is('D1', 'Họ tên mẹ')}${is('E1', 'SĐT mẹ')}</row>` +
        row(2, 'Lê Văn Sáu', `${is('D2', 'Trần Thị Bảy')}<c r="E2"><v>912345678</v></c>`),
      {
        after: '<hyperlinks><hyperlink ref="E2" r:id="rId1"/></hyperlinks>',
        parts: {
          'xl/worksheets/_rels/sheet1.xml.rels':
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Id="rId1" TargetMode="External" Target="tel:0912345678"' +
            ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>' +
            '</Relationships>',
        },
      },
    );
    const parsed = await parseImport(data, 'pupils', {
      ...MAPPING,
      fields: { fullName: 1, birthDate: 2, sex: 3, motherName: 4, motherPhone: 5 },
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]!.value.guardians).toMatchObject([{ relation: 'mother', phone: '0912345678' }]);
  });
});

describe('packages as other tools lay them out', () => {
  it('parts named from the root of the archive', async () => {
    const data = handWrittenXlsx(HEADER + row(2, 'Lê Văn Mười'), { rootNames: true });
    const parsed = await parseImport(data, 'pupils', MAPPING);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.value.fullName)).toEqual(['Lê Văn Mười']);
  });
});

/** The archive with the size its directory declares for a part changed, as a zip bomb's directory lies. */
function declaring(data: Buffer, part: string, size: number): Buffer {
  const patched = Buffer.from(data);
  for (let at = patched.indexOf('PK\x01\x02'); at >= 0; at = patched.indexOf('PK\x01\x02', at + 4)) {
    const nameLength = patched.readUInt16LE(at + 28);
    if (patched.toString('utf8', at + 46, at + 46 + nameLength) === part) patched.writeUInt32LE(size, at + 24);
  }
  return patched;
}

describe('damaged packages', () => {
  const damaged: [string, Buffer][] = [
    [
      'overlapping merged ranges',
      handWrittenXlsx(HEADER, { after: '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>' }),
    ],
    ['a row without a number', handWrittenXlsx(`${HEADER}<row>${is('A2', 'Lê Văn Tám')}</row>`)],
    ['a cell beyond column XFD', handWrittenXlsx(`${HEADER}<row r="2"><c r="XFE2"><v>1</v></c></row>`)],
    ['an entity XML does not define', handWrittenXlsx(`${HEADER}<row r="2">${is('A2', 'Lê&nbsp;Văn')}</row>`)],
    ['a tag cut short', handWrittenXlsx(`${HEADER}<row r="2"><c r="A2" t="inlineStr"`)],
    ['an element left open', handWrittenXlsx(`${HEADER}<row r="2"><c r="A2"><v>1</c></row>`)],
    ['an attribute without quotes', handWrittenXlsx(`${HEADER}<row r=2><c r="A2"><v>1</v></c></row>`)],
  ];
  it.each(damaged)('%s', async (_, data) => {
    expect((await xlsxErrorOf(previewImport(data, 'pupils'))).key).toBe('file.corrupt');
  });

  it('parts compressed with a method other than deflate', async () => {
    const data = await workbookOf((wb) => addRows(wb.addWorksheet('A'), [['Họ và tên']], 1));
    for (let at = data.indexOf('PK\x01\x02'); at >= 0; at = data.indexOf('PK\x01\x02', at + 4)) {
      data.writeUInt16LE(12, at + 10);
    }
    expect((await xlsxErrorOf(previewImport(data, 'pupils'))).key).toBe('file.corrupt');
  });

  it('a part that inflates to more than it declares (a zip bomb), or declares more than can be read', async () => {
    const data = await workbookOf((wb) =>
      addRows(
        wb.addWorksheet('A'),
        [
          ['Họ và tên', 'Ngày sinh', 'Giới tính'],
          ...Array.from({ length: 50 }, () => ['Lê Văn Chín', `05/09/${y}`, 'Nam']),
        ],
        1,
      ),
    );
    expect((await previewImport(data, 'pupils')).dataRows).toBe(50);
    for (const size of [200, 0x7fffffff]) {
      const e = await xlsxErrorOf(previewImport(declaring(data, 'xl/worksheets/sheet1.xml', size), 'pupils'));
      expect(e.key).toBe('file.corrupt');
    }
  });

  it('a sheet with more rows than any import can hold is refused without reading on', async () => {
    const rows = Array.from({ length: 200_001 }, (_, i) => `<row r="${i + 1}"/>`).join('');
    const e = await xlsxErrorOf(previewImport(handWrittenXlsx(rows), 'pupils'));
    expect(e.key).toBe('file.tooManyRowsUnknown');
  });
});
