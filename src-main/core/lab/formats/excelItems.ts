/**
 * The bank's Excel template: one row per item, as teachers keep question lists in Excel, and the reader
 * of a filled-in copy (.xlsx or .xls, through the imports' workbook reader with its size and
 * decompression limits). Columns are found by their headers; each row's problems name its row and column.
 *
 *   Môn | Lớp | Chủ đề | Mức | Loại câu hỏi | Câu hỏi | A … H | Đáp án đúng | Điểm
 *
 * What "Đáp án đúng" holds depends on the kind: a letter (B), letters (A, C), Đúng/Sai, a row of Đ/S for
 * the statements in A–D (ĐSĐS), typed answers separated by ";", a number with its tolerance (3,5 ± 0,1),
 * the order of the steps (C, A, B). Matching pairs are written "left -> right" in A–H ("-> right" alone
 * is a distractor); blanks are written in the question as [answer] or [answer 1/answer 2].
 */
import ExcelJS from 'exceljs';
import {
  ITEM_KINDS,
  ITEM_KIND_LABELS,
  ITEM_LEVELS,
  itemProblems,
  type ItemBody,
  type ItemDraft,
  type ItemKind,
  type ItemLevel,
} from '../../../../src-shared/domain/lab/items';
import { parseTypedNumber } from '../../../../src-shared/domain/lab/scoring';
import { SUBJECTS } from '../../../../src-shared/domain/subjects';
import { columnLetter, displayText } from '../../records/xlsx/cells';
import { loadWorkbook } from '../../records/xlsx/read';
import { matchKey } from '../../records/xlsx/text';
import { escapeHtml } from '../richText';
import type { ImportProblem, ImportedItem } from '../../../../src-shared/domain/lab/imports';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

/** The kinds a row can hold; the others (drag to category, file tasks) are made in the app. */
export const EXCEL_KINDS = ITEM_KINDS.filter((k) => k !== 'categorize' && k !== 'fileTask');

type Column =
  'subject' | 'grade' | 'topic' | 'level' | 'kind' | 'stem' | 'answer' | 'points' | (typeof LETTERS)[number];

const HEADERS: Record<Column, { title: string; aliases: string[]; width: number }> = {
  subject: { title: 'Môn', aliases: ['Môn học'], width: 14 },
  grade: { title: 'Lớp', aliases: ['Khối', 'Khối lớp'], width: 6 },
  topic: { title: 'Chủ đề', aliases: ['Chủ đề/Bài', 'Bài', 'Nội dung'], width: 22 },
  level: { title: 'Mức', aliases: ['Mức độ', 'Mức độ nhận thức'], width: 6 },
  kind: { title: 'Loại câu hỏi', aliases: ['Loại', 'Dạng câu hỏi', 'Dạng'], width: 20 },
  stem: { title: 'Câu hỏi', aliases: ['Nội dung câu hỏi', 'Đề bài'], width: 50 },
  A: { title: 'A', aliases: ['Phương án A', 'Đáp án A'], width: 18 },
  B: { title: 'B', aliases: ['Phương án B', 'Đáp án B'], width: 18 },
  C: { title: 'C', aliases: ['Phương án C', 'Đáp án C'], width: 18 },
  D: { title: 'D', aliases: ['Phương án D', 'Đáp án D'], width: 18 },
  E: { title: 'E', aliases: ['Phương án E'], width: 14 },
  F: { title: 'F', aliases: ['Phương án F'], width: 14 },
  G: { title: 'G', aliases: ['Phương án G'], width: 14 },
  H: { title: 'H', aliases: ['Phương án H'], width: 14 },
  answer: { title: 'Đáp án đúng', aliases: ['Đáp án', 'ĐA'], width: 16 },
  points: { title: 'Điểm', aliases: ['Số điểm'], width: 7 },
};
const COLUMN_ORDER = Object.keys(HEADERS) as Column[];

export interface ExcelItem extends ImportedItem {
  readonly subject: string | null;
  readonly grade: number | null;
  readonly topic: string;
  readonly level: ItemLevel | null;
}

const KIND_WORDS = new Map<string, ItemKind>();
for (const kind of ITEM_KINDS) {
  KIND_WORDS.set(matchKey(kind), kind);
  KIND_WORDS.set(matchKey(ITEM_KIND_LABELS[kind]), kind);
}
for (const [word, kind] of [
  ['Trắc nghiệm', 'single'],
  ['Một đáp án', 'single'],
  ['Nhiều lựa chọn', 'multiple'],
  ['Đúng/Sai', 'trueFalse'],
  ['Đúng sai', 'trueFalse'],
  ['Đúng/Sai nhiều ý', 'trueFalseGrid'],
  ['Trả lời ngắn', 'shortText'],
  ['Điền khuyết', 'cloze'],
  ['Ghép nối', 'matching'],
  ['Sắp xếp', 'ordering'],
] as const) {
  KIND_WORDS.set(matchKey(word), kind);
}

function subjectKey(text: string): string | null {
  const key = matchKey(text);
  if (!key) return null;
  return (
    SUBJECTS.find((s) => matchKey(s.name) === key || matchKey(s.key) === key || matchKey(s.name).includes(key))?.key ??
    null
  );
}

const textHtml = (text: string) =>
  escapeHtml(text.trim())
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('<br>');

const isTrueWord = (w: string) => /^(đúng|đ|true|t|x)$/iu.test(w.trim());
const isFalseWord = (w: string) => /^(sai|s|false|f)$/iu.test(w.trim());

function bodyFromRow(
  kind: ItemKind,
  stemText: string,
  options: { letter: string; text: string }[],
  answer: string,
  bad: (column: Column, field: string, value: string) => void,
): { body: ItemBody | null; stem: string } {
  const stem = `<p>${textHtml(stemText)}</p>`;
  const rules = { caseSensitive: false, ignoreDiacritics: false };
  switch (kind) {
    case 'single':
    case 'multiple': {
      const letters = answer
        .toUpperCase()
        .split(/[\s,;/&+]+/)
        .filter(Boolean);
      if (letters.some((l) => !options.some((o) => o.letter === l))) bad('answer', 'Đáp án đúng', answer);
      const choices = options.map((o) => ({
        id: o.letter.toLowerCase(),
        text: textHtml(o.text),
        correct: letters.includes(o.letter),
      }));
      return {
        stem,
        body:
          kind === 'single'
            ? { kind, choices, shuffle: true }
            : { kind, choices, shuffle: true, scoring: 'allOrNothing' },
      };
    }
    case 'trueFalse':
      if (!isTrueWord(answer) && !isFalseWord(answer)) {
        bad('answer', 'Đáp án đúng', answer);
        return { stem, body: null };
      }
      return { stem, body: { kind, correct: isTrueWord(answer) } };
    case 'trueFalseGrid': {
      const marks =
        answer.includes(',') || answer.includes(' ')
          ? answer.split(/[\s,;]+/).filter(Boolean)
          : [...answer.replace(/[-]/g, '')];
      if (marks.length !== options.length || marks.some((m) => !isTrueWord(m) && !isFalseWord(m))) {
        bad('answer', 'Đáp án đúng', answer);
        return { stem, body: null };
      }
      return {
        stem,
        body: {
          kind,
          statements: options.map((o, i) => ({
            id: o.letter.toLowerCase(),
            text: textHtml(o.text),
            correct: isTrueWord(marks[i]!),
          })),
        },
      };
    }
    case 'shortText': {
      const accepted = answer
        .split(/\s*;\s*/)
        .map((a) => a.trim())
        .filter(Boolean);
      return { stem, body: { kind, accepted, rules } };
    }
    case 'numeric': {
      const m = /^(.*?)(?:\s*(?:±|\+-|\+\/-)\s*(.*))?$/u.exec(answer.trim())!;
      const value = parseTypedNumber(m[1] ?? '');
      const tolerance = m[2] !== undefined ? parseTypedNumber(m[2]) : 0;
      if (value === null || tolerance === null) {
        bad('answer', 'Đáp án đúng', answer);
        return { stem, body: null };
      }
      return { stem, body: { kind, answers: [{ value, tolerance }] } };
    }
    case 'ordering': {
      const order = answer
        ? answer
            .toUpperCase()
            .split(/[\s,;>-]+/)
            .filter(Boolean)
        : options.map((o) => o.letter);
      if (order.length !== options.length || order.some((l) => !options.some((o) => o.letter === l))) {
        bad('answer', 'Đáp án đúng', answer);
        return { stem, body: null };
      }
      return {
        stem,
        body: {
          kind,
          steps: order.map((l, i) => ({ id: `s${i + 1}`, text: textHtml(options.find((o) => o.letter === l)!.text) })),
        },
      };
    }
    case 'matching': {
      const pairs: { id: string; left: string; right: string }[] = [];
      const distractors: { id: string; text: string }[] = [];
      for (const o of options) {
        const m = /^(.*?)\s*(?:->|=>|→|\|)\s*(.+)$/su.exec(o.text);
        if (!m) {
          bad(o.letter as Column, `Phương án ${o.letter}`, o.text);
          continue;
        }
        if (m[1]!.trim() === '') distractors.push({ id: `d${distractors.length + 1}`, text: textHtml(m[2]!) });
        else pairs.push({ id: `p${pairs.length + 1}`, left: textHtml(m[1]!), right: textHtml(m[2]!) });
      }
      return { stem, body: { kind, pairs, distractors } };
    }
    case 'cloze': {
      const blanks: { id: string; accepted: string[] }[] = [];
      const passage = `<p>${textHtml(stemText).replace(/\[([^\]]+)\]/g, (_, inside: string) => {
        const id = `b${blanks.length + 1}`;
        blanks.push({
          id,
          accepted: inside
            .split('/')
            .map((a) => a.trim())
            .filter(Boolean),
        });
        return `{{${id}}}`;
      })}</p>`;
      return { stem: '', body: { kind, passage, blanks, rules } };
    }
    default:
      return { stem, body: null };
  }
}

export async function readItemsWorkbook(data: Buffer): Promise<{ items: ExcelItem[] }> {
  const book = await loadWorkbook(data);
  const names = book.sheetNames;
  const index = Math.max(
    0,
    names.findIndex((n) => matchKey(n) === matchKey('Câu hỏi')),
  );
  const sheet = await book.sheet(index);
  // The header row: the first of the top 20 rows naming the question column.
  const aliases = new Map<string, Column>();
  for (const column of COLUMN_ORDER) {
    for (const name of [HEADERS[column].title, ...HEADERS[column].aliases]) aliases.set(matchKey(name), column);
  }
  let headerRow = -1;
  const columns = new Map<Column, number>();
  for (let r = 1; r <= 20 && headerRow < 0; r++) {
    const found = new Map<Column, number>();
    for (let c = 1; c <= Math.min(sheet.rowWidth(r), 60); c++) {
      const column = aliases.get(matchKey(displayText(sheet.value(r, c))));
      if (column && !found.has(column)) found.set(column, c);
    }
    if (found.has('stem') && found.has('kind')) {
      headerRow = r;
      for (const [k, v] of found) columns.set(k, v);
    }
  }
  if (headerRow < 0) throw new Error('no header row with "Câu hỏi" and "Loại câu hỏi"');
  const items: ExcelItem[] = [];
  for (let r = headerRow + 1; sheet.hasRow(r) || r <= headerRow + 1; r++) {
    if (!sheet.hasRow(r)) continue;
    const cell = (column: Column) => {
      const c = columns.get(column);
      return c === undefined ? '' : displayText(sheet.value(r, c)).trim();
    };
    const stemText = cell('stem');
    if (stemText === '') continue;
    const problems: ImportProblem[] = [];
    const bad = (column: Column, field: string, value: string) =>
      problems.push({ code: 'bad_cell', column: columnLetter(columns.get(column) ?? 1), field, value });
    const kind = KIND_WORDS.get(matchKey(cell('kind')));
    const levelText = cell('level').replace(/^\s*(mức|m)\s*/iu, '');
    const level = ITEM_LEVELS.find((l) => String(l) === levelText.trim()) ?? null;
    if (cell('level') !== '' && level === null) bad('level', 'Mức', cell('level'));
    const gradeText = cell('grade').replace(/^\s*(lớp|khối)\s*/iu, '');
    const grade = /^[1-5]$/.test(gradeText) ? Number(gradeText) : null;
    if (cell('grade') !== '' && grade === null) bad('grade', 'Lớp', cell('grade'));
    const subject = subjectKey(cell('subject'));
    if (cell('subject') !== '' && subject === null) bad('subject', 'Môn', cell('subject'));
    const pointsText = cell('points');
    const points = pointsText === '' ? 1 : parseTypedNumber(pointsText);
    if (points === null) bad('points', 'Điểm', pointsText);
    const options = LETTERS.map((letter) => ({ letter, text: cell(letter) })).filter((o) => o.text !== '');
    let draft: ItemDraft | null = null;
    if (!kind || !(EXCEL_KINDS as readonly string[]).includes(kind)) {
      bad('kind', 'Loại câu hỏi', cell('kind'));
    } else {
      const built = bodyFromRow(kind, stemText, options, cell('answer'), bad);
      if (built.body) draft = { stem: built.stem, points: points ?? 1, body: built.body };
    }
    if (draft) for (const p of itemProblems(draft)) if (!problems.some((x) => x.code === p.code)) problems.push(p);
    items.push({
      label: `Dòng ${r}`,
      number: r,
      draft,
      problems,
      warnings: [],
      media: [],
      subject,
      grade,
      topic: cell('topic'),
      level,
    });
  }
  return { items };
}

// ------------------------------------------------------------------------------------------ template

const EXAMPLES: Partial<Record<Column, string | number>>[] = [
  {
    kind: ITEM_KIND_LABELS.single,
    stem: 'Thiết bị nào dùng để gõ chữ?',
    A: 'Chuột',
    B: 'Bàn phím',
    C: 'Loa',
    D: 'Màn hình',
    answer: 'B',
  },
  {
    kind: ITEM_KIND_LABELS.multiple,
    stem: 'Những thiết bị nào dùng để đưa thông tin vào máy tính?',
    A: 'Chuột',
    B: 'Bàn phím',
    C: 'Loa',
    answer: 'A, B',
  },
  { kind: ITEM_KIND_LABELS.trueFalse, stem: 'Máy tính cần điện để hoạt động.', answer: 'Đúng' },
  {
    kind: ITEM_KIND_LABELS.trueFalseGrid,
    stem: 'Đúng ghi Đ, sai ghi S:',
    A: 'Chuột dùng để nghe nhạc.',
    B: 'Bàn phím có phím Enter.',
    C: 'Loa phát ra âm thanh.',
    D: 'Màn hình dùng để gõ chữ.',
    answer: 'SĐĐS',
  },
  { kind: ITEM_KIND_LABELS.shortText, stem: 'Thủ đô của nước ta là thành phố nào?', answer: 'Hà Nội; Thủ đô Hà Nội' },
  { kind: ITEM_KIND_LABELS.numeric, stem: 'Một nửa của 7 là bao nhiêu?', answer: '3,5' },
  {
    kind: ITEM_KIND_LABELS.matching,
    stem: 'Nối con vật với tiếng kêu:',
    A: 'Con mèo -> kêu meo meo',
    B: 'Con chó -> sủa gâu gâu',
    C: '-> gáy ò ó o',
  },
  {
    kind: ITEM_KIND_LABELS.ordering,
    stem: 'Sắp xếp các bước tắt máy tính:',
    A: 'Chọn Shut down',
    B: 'Lưu bài',
    C: 'Đóng chương trình',
    answer: 'B, C, A',
  },
  { kind: ITEM_KIND_LABELS.cloze, stem: 'Thủ đô của Việt Nam là [Hà Nội]. Mặt Trời mọc ở hướng [đông/phía đông].' },
];

/** The template: an empty "Câu hỏi" sheet with lists for the kind and level, and a sheet of examples. */
export async function writeItemsTemplate(defaults: { subject?: string; grade?: number } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const header = COLUMN_ORDER.map((c) => HEADERS[c].title);
  const sheet = workbook.addWorksheet('Câu hỏi', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMN_ORDER.map((c) => ({ header: HEADERS[c].title, width: HEADERS[c].width }));
  sheet.getRow(1).font = { bold: true };
  const kindColumn = columnLetter(COLUMN_ORDER.indexOf('kind') + 1);
  const levelColumn = columnLetter(COLUMN_ORDER.indexOf('level') + 1);
  const gradeColumn = columnLetter(COLUMN_ORDER.indexOf('grade') + 1);
  const list = (values: string[]) => ({ type: 'list' as const, allowBlank: true, formulae: [`"${values.join(',')}"`] });
  for (let r = 2; r <= 501; r++) {
    sheet.getCell(`${kindColumn}${r}`).dataValidation = list(EXCEL_KINDS.map((k) => ITEM_KIND_LABELS[k]));
    sheet.getCell(`${levelColumn}${r}`).dataValidation = list(['1', '2', '3']);
    sheet.getCell(`${gradeColumn}${r}`).dataValidation = list(['1', '2', '3', '4', '5']);
  }
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = COLUMN_ORDER.map((c) => ({ header: HEADERS[c].title, width: HEADERS[c].width }));
  guide.getRow(1).font = { bold: true };
  const subjectName = SUBJECTS.find((s) => s.key === defaults.subject)?.name ?? 'Tin học và Công nghệ';
  for (const example of EXAMPLES) {
    guide.addRow(
      COLUMN_ORDER.map((c) =>
        c === 'subject'
          ? subjectName
          : c === 'grade'
            ? (defaults.grade ?? 3)
            : c === 'level'
              ? 1
              : c === 'topic'
                ? 'Máy tính và em'
                : c === 'points'
                  ? 1
                  : (example[c] ?? null),
      ),
    );
  }
  guide.addRow([]);
  for (const line of [
    'Mỗi dòng của trang "Câu hỏi" là một câu hỏi. Chép các dòng mẫu trên sang trang "Câu hỏi" rồi sửa, hoặc viết dòng mới.',
    'Chọn một đáp án: ghi chữ cái của đáp án đúng (B). Chọn nhiều đáp án: ghi các chữ cái, cách nhau bằng dấu phẩy (A, C).',
    'Đúng/Sai nhiều ý: các ý ở cột A–D, đáp án ghi Đ hoặc S theo thứ tự (SĐĐS).',
    'Trả lời ngắn: các cách trả lời được chấp nhận, cách nhau bằng dấu chấm phẩy. Điền số: 3,5 hoặc 3,5 ± 0,1.',
    'Nối cột: mỗi cột ghi "vế trái -> vế phải"; "-> vế phải" là vế thừa. Sắp xếp: các bước ở cột A–H, đáp án là thứ tự đúng (B, C, A).',
    'Điền vào chỗ trống: viết đáp án trong ngoặc vuông ngay trong câu hỏi: [Hà Nội], nhiều cách trả lời: [đông/phía đông].',
    `Mức: 1 – nhận biết, 2 – kết nối, 3 – vận dụng. Kéo thả vào nhóm và bài thực hành nộp tệp được tạo trong ứng dụng. ${header.length} cột.`,
  ]) {
    guide.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
