/**
 * Figures for the records Excel engine, one JSON line each (medians over repeated runs), on a generated
 * 10,000-pupil list with every pupil column: exceljs loading the file on its own, previewImport,
 * parseImport, parseImport relative to the bare load (the engine's own cost; target ≤ 2), and writeTable
 * of 10,000 rows. Called from tests/bench/run.ts, or alone:
 *   npx tsx -e "import('./tests/bench/records-xlsx.ts').then(m => m.benchRecordsXlsx())"
 */
import ExcelJS from 'exceljs';
import { parseImport, previewImport, writeTable, type ImportMapping } from '../../src-main/core/records/xlsx';
import { todayIso } from '../../src-shared/domain/dates';
import { centuryDigit } from '../../src-shared/domain/personalId';
import { emit, median, round } from './report';

const PUPILS = 10_000;
const RUNS = 5;

async function timed(run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm-up: module loading and JIT are not what is measured
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    samples.push(performance.now() - t0);
  }
  return samples;
}

/** A small deterministic generator, so every run measures the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLE_M = ['Văn', 'Minh', 'Đức', 'Gia', 'Bảo', 'Quang', 'Hữu', 'Thành', 'Anh', 'Tuấn'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Bảo', 'Khánh', 'Minh', 'Phương', 'Hoài', 'Mai'];
const GIVEN_M = [
  'An',
  'Bình',
  'Dũng',
  'Đức',
  'Hải',
  'Hùng',
  'Khang',
  'Khôi',
  'Long',
  'Minh',
  'Nam',
  'Phúc',
  'Quân',
  'Sơn',
  'Tùng',
];
const GIVEN_F = [
  'Anh',
  'Chi',
  'Giang',
  'Hà',
  'Hạnh',
  'Hoa',
  'Lan',
  'Linh',
  'Mai',
  'Ngọc',
  'Thảo',
  'Trang',
  'Vy',
  'Yến',
  'Ánh',
];
const PLACES = ['Hà Nội', 'Hải Phòng', 'Nam Định', 'Thái Bình', 'Bắc Ninh', 'Hưng Yên', 'Thanh Hóa', 'Nghệ An'];
const STREETS = ['Kim Liên', 'Trung Tự', 'Phương Mai', 'Khương Thượng', 'Nam Đồng', 'Quang Trung', 'Xã Đàn'];
const ETHNIC = ['Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Kinh', 'Tày', 'Mường', 'Thái', 'Nùng'];
const JOBS = ['Công nhân', 'Giáo viên', 'Kinh doanh', 'Nông dân', 'Kỹ sư', 'Nội trợ', 'Bác sĩ', 'Lái xe'];

const HEADER = [
  'STT',
  'Mã định danh',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Nơi sinh',
  'Dân tộc',
  'Tôn giáo',
  'Quốc tịch',
  'Số định danh cá nhân',
  'Lớp',
  'Khối',
  'Địa chỉ thường trú',
  'Loại khuyết tật',
  'Diện chính sách',
  'Họ tên bố',
  'Năm sinh bố',
  'Nghề nghiệp bố',
  'SĐT bố',
  'Họ tên mẹ',
  'Năm sinh mẹ',
  'Nghề nghiệp mẹ',
  'SĐT mẹ',
  'Họ tên người giám hộ',
  'Năm sinh người giám hộ',
  'Nghề nghiệp người giám hộ',
  'SĐT người giám hộ',
];

export async function pupilFile(): Promise<Buffer> {
  const rnd = random(20250905);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const year = Number(todayIso().slice(0, 4));
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Danh sách học sinh');
  ws.getCell('A1').value = 'PHÒNG GD&ĐT QUẬN ĐỐNG ĐA';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = 'TRƯỜNG TIỂU HỌC KIM LIÊN';
  ws.mergeCells('A2:E2');
  ws.getCell('A4').value = `DANH SÁCH HỌC SINH NĂM HỌC ${year - 1}-${year}`;
  ws.mergeCells(4, 1, 4, HEADER.length);
  ws.addRow([]);
  ws.addRow(HEADER);
  for (let i = 1; i <= PUPILS; i++) {
    const female = rnd() < 0.5;
    const grade = 1 + (i % 5);
    const birthYear = year - 6 - grade + 1;
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const family = pick(FAMILY);
    const name = `${family} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`;
    const birth =
      i % 4 === 0
        ? `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${birthYear}`
        : new Date(Date.UTC(birthYear, month - 1, day));
    const personalId = `001${centuryDigit(female ? 'female' : 'male', birthYear)}${String(birthYear % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`;
    const hasGuardian = i % 10 === 0;
    ws.addRow([
      i,
      `01${String(i).padStart(8, '0')}`,
      name,
      birth,
      female ? 'Nữ' : 'Nam',
      pick(PLACES),
      pick(ETHNIC),
      i % 7 === 0 ? 'Phật giáo' : '',
      'Việt Nam',
      personalId,
      `${grade}${'ABCDEFGH'[i % 8]}`,
      grade,
      `Số ${1 + Math.floor(rnd() * 200)} ngõ ${1 + Math.floor(rnd() * 50)} ${pick(STREETS)}, Đống Đa, Hà Nội`,
      i % 97 === 0 ? 'Khuyết tật vận động' : '',
      i % 31 === 0 ? '08' : '',
      `${family} ${pick(MIDDLE_M)} ${pick(GIVEN_M)}`,
      birthYear - 28 - Math.floor(rnd() * 10),
      pick(JOBS),
      `09${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
      `${pick(FAMILY)} ${pick(MIDDLE_F)} ${pick(GIVEN_F)}`,
      birthYear - 26 - Math.floor(rnd() * 10),
      pick(JOBS),
      `08${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
      hasGuardian ? `${pick(FAMILY)} ${pick(MIDDLE_F)} ${pick(GIVEN_F)}` : '',
      hasGuardian ? birthYear - 55 : '',
      hasGuardian ? 'Hưu trí' : '',
      hasGuardian ? `03${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : '',
    ]);
  }
  ws.getColumn(4).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function benchRecordsXlsx(): Promise<void> {
  const data = await pupilFile();
  const size = { pupils: PUPILS, columns: HEADER.length, file_kb: Math.round(data.length / 1024) };

  const load = await timed(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  });
  emit('records.xlsx.exceljs_load_10k_pupils', load, size);

  const preview = await previewImport(data, 'pupils');
  emit('records.xlsx.preview_import_10k_pupils', await timed(() => previewImport(data, 'pupils')), size);

  const fields = Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field!, c.index]));
  const mapping: ImportMapping = { sheet: preview.sheet, headerRow: preview.headerRow, fields };
  let parsed = await parseImport(data, 'pupils', mapping);
  if (parsed.errors.length > 0 || parsed.rows.length !== PUPILS) {
    throw new Error(
      `bench file did not import cleanly: ${parsed.rows.length} rows, ${JSON.stringify(parsed.errors[0])}`,
    );
  }
  const parse = await timed(async () => {
    parsed = await parseImport(data, 'pupils', mapping);
  });
  emit('records.xlsx.parse_import_10k_pupils', parse, { ...size, mapped_fields: Object.keys(fields).length });
  console.log(
    JSON.stringify({
      name: 'records.xlsx.parse_over_load_ratio',
      ratio: round(median(parse) / median(load)),
      target_max: 2,
      runs: RUNS,
    }),
  );

  const rows = parsed.rows.map(({ value }, i) => ({
    no: i + 1,
    sectorId: value.sectorId,
    fullName: value.fullName,
    birthDate: value.birthDate,
    sex: value.sex === 'female' ? 'Nữ' : 'Nam',
    className: value.className,
    grade: value.grade,
    address: value.address,
    mother: value.guardians.find((g) => g.relation === 'mother')?.fullName ?? null,
  }));
  const table = {
    title: 'DANH SÁCH HỌC SINH TOÀN TRƯỜNG',
    subtitle: 'Trường Tiểu học Kim Liên',
    sheetName: 'Học sinh',
    columns: [
      { header: 'STT', key: 'no', kind: 'number' as const },
      { header: 'Mã định danh', key: 'sectorId' },
      { header: 'Họ và tên', key: 'fullName' },
      { header: 'Ngày sinh', key: 'birthDate', kind: 'date' as const },
      { header: 'Giới tính', key: 'sex' },
      { header: 'Lớp', key: 'className' },
      { header: 'Khối', key: 'grade', kind: 'number' as const },
      { header: 'Địa chỉ', key: 'address' },
      { header: 'Họ tên mẹ', key: 'mother' },
    ],
    rows,
  };
  let written = 0;
  const write = await timed(async () => {
    written = (await writeTable(table)).length;
  });
  emit('records.xlsx.write_table_10k_rows', write, {
    rows: rows.length,
    columns: table.columns.length,
    file_kb: Math.round(written / 1024),
  });
}
