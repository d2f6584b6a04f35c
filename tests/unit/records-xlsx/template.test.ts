/** The import templates ("Tải file mẫu"): what the importer recognises, and a filled-in copy imports. */
import { describe, expect, it } from 'vitest';
import { fieldsOf, parseImport, previewImport, writeImportTemplate } from '../../../src-main/core/records/xlsx';
import { ETHNICITY_CODES, findCode } from '../../../src-main/core/records/xlsx/codes';
import { readBack, toBytes } from './helpers';

describe.each(['pupils', 'staff'] as const)('the %s template', (kind) => {
  it('has every field as a header the preview maps by itself; the sample row reads cleanly but is refused as the sample', async () => {
    const data = await writeImportTemplate(kind);
    const preview = await previewImport(data, kind);
    expect(preview.sheet).toBe('Danh sách');
    expect(preview.headerRow).toBe(1);
    expect(preview.columns.map((c) => c.field)).toEqual(fieldsOf(kind).map((f) => f.key));
    const fields = Object.fromEntries(preview.columns.map((c) => [c.field!, c.index]));
    const mapping = { sheet: preview.sheet, headerRow: 1, fields };
    const parsed =
      kind === 'pupils' ? await parseImport(data, 'pupils', mapping) : await parseImport(data, 'staff', mapping);
    // Every value of the sample is valid (its class may not exist in a school: that is for the server);
    // the only complaint is that it is the sample, so a forgotten sample row never becomes a person.
    expect(parsed.errors).toEqual([
      {
        row: 2,
        column: 'A (Họ và tên)',
        field: 'fullName',
        message: 'Đây là dòng mẫu của file mẫu, không phải dữ liệu thật; hãy xóa dòng này rồi nhập lại.',
      },
    ]);
    expect(parsed.rows).toEqual([]);
  });

  it('offers the sector database codes as dropdowns fed from the “Danh mục” sheet', async () => {
    const wb = await readBack(await writeImportTemplate(kind));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách', 'Danh mục', 'Hướng dẫn']);
    const list = wb.getWorksheet('Danh sách')!;
    const codes = wb.getWorksheet('Danh mục')!;
    const ethnicityColumn = fieldsOf(kind).findIndex((f) => f.key === 'ethnicity') + 1;
    const validation = list.getCell(5, ethnicityColumn).dataValidation;
    expect(validation.type).toBe('list');
    const [, range] = /^'Danh mục'!\$([A-Z]+)\$2:\$\1\$(\d+)$/.exec(validation.formulae![0] as string) ?? [];
    expect(range).toBeDefined();
    // Every choice offered reads back as a code of the list.
    const column = codes.getColumn(/^'Danh mục'!\$([A-Z]+)/.exec(validation.formulae![0] as string)![1]!);
    const offered = (column.values as unknown[]).slice(2).map(String);
    expect(offered.length).toBeGreaterThan(50);
    for (const text of offered) expect(findCode(ETHNICITY_CODES, text)).toMatch(/^\d+$/);
  });
});

it('a template filled in by hand, with the sample replaced, imports', async () => {
  const wb = await readBack(await writeImportTemplate('pupils'));
  const ws = wb.getWorksheet('Danh sách')!;
  const column = (key: string) => fieldsOf('pupils').findIndex((f) => f.key === key) + 1;
  const y = new Date().getFullYear() - 8;
  ws.getRow(2).values = [];
  ws.getCell(2, column('fullName')).value = 'Hà Thị Thu';
  ws.getCell(2, column('sex')).value = 'Nữ';
  ws.getCell(2, column('birthDate')).value = `14/02/${y}`;
  ws.getCell(2, column('ethnicity')).value = '02 - Tày';
  ws.getCell(2, column('sectorId')).value = '0101234567';
  const data = await toBytes(wb);
  const preview = await previewImport(data, 'pupils');
  const fields = Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field!, c.index]));
  const parsed = await parseImport(data, 'pupils', { sheet: preview.sheet, headerRow: preview.headerRow, fields });
  expect(parsed.errors).toEqual([]);
  expect(parsed.rows.map((r) => [r.value.fullName, r.value.ethnicity, r.value.sectorId, r.value.birthDate])).toEqual([
    ['Hà Thị Thu', '02', '0101234567', `${y}-02-14`],
  ]);
});
