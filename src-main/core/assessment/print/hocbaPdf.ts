/**
 * The học bạ page of a school year as a PDF (A4 portrait, Nghị định 30 layout): school and national
 * headers, the pupil's identity, the subjects with level, test score and comment, the qualities and
 * competences, the year's result, awards, completion and promotion, then the date and the signature blocks
 * of the GVCN and the principal with room for their signatures. One or many pupils per file, each
 * starting on a new page. Pure: the same docs give the same bytes.
 */
import {
  QUALITY_GROUP_LABELS,
  QUALITY_LEVEL_LABELS,
  QUALITY_LEVEL_SHORT,
  SUBJECT_LEVEL_LABELS,
  YEAR_LEVEL_LABELS,
  type QualityItem,
} from '../../../../src-shared/domain/tt27';
import type { HocBaDoc, HocBaQuality } from './types';
import {
  MM,
  ND30_MARGINS,
  OfficialPdf,
  Table,
  drawGridHeader,
  vnDate,
  type Cell,
  type Column,
  type SignatureBox,
} from './pdfDocument';

const BODY = 13;
const TABLE = 12;
const TABLE_STYLE = { size: TABLE, padX: 4, padY: 3, minRowHeight: 19 };
const GREY = '#f0f0f0';

export interface HocBaPupilLayout {
  readonly fullName: string;
  /** 1-based page where this pupil's học bạ starts, and the last page it uses. */
  readonly firstPage: number;
  readonly lastPage: number;
  readonly teacherSignature: SignatureBox;
  readonly principalSignature: SignatureBox;
}

export interface HocBaRendering {
  readonly pdf: Buffer;
  readonly pages: number;
  readonly pupils: readonly HocBaPupilLayout[];
}

function sexLabel(sex: 'male' | 'female'): string {
  return sex === 'female' ? 'Nữ' : 'Nam';
}

function title(docs: readonly HocBaDoc[]): string {
  const first = docs[0];
  if (!first) return 'Học bạ';
  if (docs.length === 1)
    return `Học bạ – ${first.pupil.fullName} – Lớp ${first.pupil.className} – Năm học ${first.yearName}`;
  const classes = [...new Set(docs.map((d) => d.pupil.className))];
  const where = classes.length === 1 ? `lớp ${classes[0]}` : first.school.name;
  return `Học bạ ${where} – Năm học ${first.yearName} (${docs.length} học sinh)`;
}

function identity(pdf: OfficialPdf, doc: HocBaDoc): void {
  const p = doc.pupil;
  const gap = 2;
  const splitX = pdf.left + pdf.width * 0.6;
  const leftW = splitX - pdf.left - 6;
  const rightW = pdf.right - splitX;
  const bold = { size: BODY, font: 'bold' as const };
  const plain = { size: BODY };
  const rows: [string, string, string, string][] = [
    ['Họ và tên:', p.fullName, 'Giới tính:', sexLabel(p.sex)],
    ['Ngày sinh:', vnDate(p.birthDate), 'Dân tộc:', p.ethnicity],
    ['Nơi sinh:', p.birthPlace, 'Quốc tịch:', p.nationality],
    ['Mã định danh:', p.sectorId, 'Lớp:', p.className],
    ['Số định danh cá nhân:', p.personalId, '', ''],
  ];
  for (const [l1, v1, l2, v2] of rows) {
    const h1 = pdf.field(l1, v1, pdf.left, pdf.y, leftW, plain, l1 === 'Họ và tên:' ? bold : plain);
    const h2 = l2 ? pdf.field(l2, v2, splitX, pdf.y, rightW, plain, l2 === 'Lớp:' ? bold : plain) : 0;
    pdf.y += Math.max(h1, h2) + gap;
  }
  pdf.y += pdf.field('Nơi ở hiện nay:', p.address, pdf.left, pdf.y, pdf.width, plain, plain) + gap;
}

function heading(pdf: OfficialPdf, text: string, keepWith: number): void {
  const height = pdf.heightOf(text, pdf.width, { size: BODY, font: 'bold' });
  pdf.ensure(height + 4 + keepWith);
  pdf.y += 4;
  pdf.text(text, pdf.left, pdf.y, pdf.width, { size: BODY, font: 'bold' });
  pdf.y += height + 3;
}

function subjectsTable(pdf: OfficialPdf, doc: HocBaDoc): void {
  const w = pdf.width;
  const columns: Column[] = [
    { width: Math.round(w * 0.29) },
    { width: 52, align: 'center' },
    { width: 46, align: 'center' },
    { width: 0 },
  ];
  columns[3] = { width: w - columns[0]!.width - 52 - 46 };
  const header = (y: number) =>
    drawGridHeader(
      pdf,
      pdf.left,
      y,
      columns,
      [32],
      [
        { text: 'Môn học và hoạt động giáo dục', col: 0, row: 0, size: 11.5 },
        { text: 'Mức đạt được', col: 1, row: 0, size: 11.5 },
        { text: 'Điểm KTĐK', col: 2, row: 0, size: 11.5 },
        { text: 'Nhận xét', col: 3, row: 0, size: 11.5 },
      ],
      GREY,
    );
  const table = new Table(pdf, columns, TABLE_STYLE, header);
  const rows: Cell[][] = doc.subjects.map((s) => [
    { text: s.name },
    { text: s.level ?? '' },
    { text: s.score === null ? '' : String(s.score) },
    { text: s.comment },
  ]);
  heading(pdf, '1. Các môn học và hoạt động giáo dục', header(Number.NaN) + (rows[0] ? table.rowHeight(rows[0]) : 0));
  table.start();
  for (const row of rows) table.row(row);
  legend(
    pdf,
    `Mức đạt được: T – ${SUBJECT_LEVEL_LABELS.T}; H – ${SUBJECT_LEVEL_LABELS.H}; C – ${SUBJECT_LEVEL_LABELS.C}. Điểm KTĐK: điểm bài kiểm tra định kỳ cuối năm học.`,
  );
}

function legend(pdf: OfficialPdf, text: string): void {
  const style = { size: 10.5, font: 'italic' as const };
  const height = pdf.heightOf(text, pdf.width, style);
  pdf.ensure(height + 2);
  pdf.y += 2;
  pdf.text(text, pdf.left, pdf.y, pdf.width, style);
  pdf.y += height;
}

/**
 * Phẩm chất chủ yếu, then năng lực cốt lõi (chung, đặc thù), each item with its level, and the GVCN's
 * comment beside them in one merged cell. Kept on one page, which the merged cell needs; a comment too
 * long for that follows the table instead.
 */
function qualitiesTable(pdf: OfficialPdf, doc: HocBaDoc): void {
  const w = pdf.width;
  const nameW = Math.round(w * 0.36);
  const levelW = 52;
  const commentW = w - nameW - levelW;
  const size = TABLE;
  const padX = 4;
  const indent = 8;
  const rowH = 17.5;
  const headerH = 32;
  type Line = { text: string; level: HocBaQuality['level']; kind: 'section' | 'group' | 'item' };
  const lines: Line[] = [];
  const groups: QualityItem['group'][] = ['quality', 'general', 'specific'];
  for (const group of groups) {
    const items = doc.qualities.filter((q) => q.group === group);
    if (items.length === 0) continue;
    const section = group === 'quality' ? 'Những phẩm chất chủ yếu' : 'Những năng lực cốt lõi';
    if (!lines.some((l) => l.text === section)) lines.push({ text: section, level: null, kind: 'section' });
    if (group !== 'quality') lines.push({ text: QUALITY_GROUP_LABELS[group], level: null, kind: 'group' });
    for (const q of items) lines.push({ text: q.name, level: q.level, kind: 'item' });
  }
  const heights = lines.map((l) =>
    Math.max(rowH, pdf.heightOf(l.text, nameW - 2 * padX - (l.kind === 'item' ? indent : 0), { size }) + 6),
  );
  const body = heights.reduce((a, b) => a + b, 0);
  const comment = doc.comment.trim();
  let commentHeight = comment ? pdf.heightOf(comment, commentW - 2 * padX, { size }) + 8 : 0;
  const pageBody = pdf.bottom - pdf.top - 30;
  const merged = headerH + Math.max(body, commentHeight) <= pageBody;
  if (!merged) commentHeight = 0;
  if (commentHeight > body && heights.length > 0) heights[heights.length - 1]! += commentHeight - body;
  const total = headerH + Math.max(body, commentHeight);

  heading(pdf, '2. Những phẩm chất chủ yếu và năng lực cốt lõi', Math.min(total, pageBody));
  const columns: Column[] = [{ width: nameW }, { width: levelW }, { width: commentW }];
  const header = (y: number) =>
    drawGridHeader(
      pdf,
      pdf.left,
      y,
      columns,
      [headerH],
      [
        { text: 'Phẩm chất, năng lực', col: 0, row: 0, size: 11.5 },
        { text: 'Mức đạt được', col: 1, row: 0, size: 11.5 },
        { text: 'Nhận xét', col: 2, row: 0, size: 11.5 },
      ],
      GREY,
    );
  pdf.y += header(pdf.y);
  let top = pdf.y;
  lines.forEach((l, i) => {
    const h = heights[i]!;
    // Only a table with more items than a page holds gets here with too little room.
    if (pdf.y + h > pdf.bottom) {
      pdf.rect(pdf.left + nameW + levelW, top, commentW, pdf.y - top);
      pdf.newPage();
      pdf.y += header(pdf.y);
      top = pdf.y;
    }
    const y = pdf.y;
    if (l.kind === 'item') {
      pdf.rect(pdf.left, y, nameW, h);
      pdf.rect(pdf.left + nameW, y, levelW, h);
      pdf.text(l.text, pdf.left + padX + indent, y + 3, nameW - 2 * padX - indent, { size });
      const level = l.level ? QUALITY_LEVEL_SHORT[l.level] : '';
      pdf.text(level, pdf.left + nameW, y + 3, levelW, { size, align: 'center' });
    } else {
      pdf.rect(pdf.left, y, nameW + levelW, h, GREY);
      pdf.text(l.text, pdf.left + padX, y + 3, nameW + levelW - 2 * padX, {
        size,
        font: l.kind === 'section' ? 'bold' : 'italic',
      });
    }
    pdf.y += h;
  });
  pdf.rect(pdf.left + nameW + levelW, top, commentW, pdf.y - top);
  const inCell = merged ? comment : comment ? 'Xem nhận xét dưới bảng.' : '';
  if (inCell)
    pdf.text(inCell, pdf.left + nameW + levelW + padX, top + 4, commentW - 2 * padX, {
      size,
      font: merged ? 'regular' : 'italic',
    });
  legend(
    pdf,
    `Mức đạt được: T – ${QUALITY_LEVEL_LABELS.T}; Đ – ${QUALITY_LEVEL_LABELS.D}; C – ${QUALITY_LEVEL_LABELS.C}.`,
  );
  if (comment && !merged) {
    pdf.y += 3;
    pdf.flow(`Nhận xét: ${comment}`, { size });
  }
}

function outcomes(pdf: OfficialPdf, doc: HocBaDoc): void {
  const items: [string, string][] = [
    ['3. Đánh giá kết quả giáo dục:', doc.result ? YEAR_LEVEL_LABELS[doc.result] : ''],
    ['4. Khen thưởng:', doc.awards.join('; ')],
    ['5. Hoàn thành chương trình lớp học/tiểu học:', doc.completion],
    ['6. Lên lớp:', doc.promotion],
  ];
  pdf.y += 4;
  for (const [label, value] of items) {
    const style = { size: BODY, font: 'bold' as const };
    const height = pdf.fieldHeight(label, value, pdf.width, style, { size: BODY });
    pdf.ensure(height + 3);
    pdf.y += pdf.field(label, value, pdf.left, pdf.y, pdf.width, style, { size: BODY }) + 3;
  }
}

function renderOne(pdf: OfficialPdf, doc: HocBaDoc): HocBaPupilLayout {
  pdf.newPage();
  const firstPage = pdf.pages;
  pdf.nationalHeader(doc.school);
  pdf.y += 14;
  pdf.paragraph('HỌC BẠ', { size: 16, font: 'bold', align: 'center' }, 2);
  pdf.paragraph(`Năm học ${doc.yearName}`, { size: BODY, font: 'bold', align: 'center' }, 10);
  identity(pdf, doc);
  subjectsTable(pdf, doc);
  qualitiesTable(pdf, doc);
  outcomes(pdf, doc);
  pdf.y += 6;
  const [teacher, principal] = pdf.signatures(
    doc.school.place,
    doc.date,
    [
      { title: 'Giáo viên chủ nhiệm', hint: '(Ký và ghi rõ họ tên)', name: doc.homeroomTeacher },
      { title: 'Hiệu trưởng', hint: '(Ký, ghi rõ họ tên và đóng dấu)', name: doc.school.principalName },
    ],
    25 * MM,
  );
  return {
    fullName: doc.pupil.fullName,
    firstPage,
    lastPage: pdf.pages,
    teacherSignature: teacher!,
    principalSignature: principal!,
  };
}

/**
 * Called after each pupil's pages with how many pupils are done; throwing stops the file there (a
 * cancelled batch), so a pupil's pages are never cut.
 */
export type AfterPupil = (done: number) => void;

/** The PDF with where each pupil's pages and signature spaces are. */
export async function layoutHocBaPdf(docs: readonly HocBaDoc[], afterPupil?: AfterPupil): Promise<HocBaRendering> {
  if (docs.length === 0) throw new Error('renderHocBaPdf needs at least one pupil');
  const first = docs[0]!;
  const pdf = new OfficialPdf({
    layout: 'portrait',
    margins: ND30_MARGINS,
    title: title(docs),
    author: first.school.name,
    subject: `Học bạ – Năm học ${first.yearName}`,
    // The latest date of the batch, so adding a pupil never makes the file look older.
    date: docs.reduce((latest, d) => (d.date > latest ? d.date : latest), first.date),
  });
  const pupils = docs.map((doc, i) => {
    const layout = renderOne(pdf, doc);
    afterPupil?.(i + 1);
    return layout;
  });
  const bytes = await pdf.finish();
  return { pdf: bytes, pages: pdf.pages, pupils };
}

/** One or many pupils' học bạ in one PDF, each pupil from a new page. */
export async function renderHocBaPdf(docs: readonly HocBaDoc[], afterPupil?: AfterPupil): Promise<Buffer> {
  return (await layoutHocBaPdf(docs, afterPupil)).pdf;
}
