/**
 * A test as Vietnamese teachers write it in Word, read into items:
 *
 *   Câu 1 (0,5 điểm). Kết quả của phép tính 3 + 5 là:         questions: "Câu N", "Bài N" or "N."
 *   A. 7        B. 8        C. 9        D. 10                options A.–H., one per line or several on one
 *   Câu 2. Các ý sau đúng hay sai?                            Đúng/Sai statements a)–h)
 *   a) 5 > 3      b) ...
 *   Câu 3. 25 + 17 = ?
 *   Đáp án: 42                                                 "Đáp án:" for a typed answer
 *   ---------- HẾT ----------
 *   ĐÁP ÁN  1-B  2. a-Đ b-S  …                                 or an answer table (text or a Word table)
 *
 * The right option is underlined, red or highlighted, or given by the answer table; when both say
 * something and disagree, the table wins with a warning. Section headings ("PHẦN I. TRẮC NGHIỆM") end the
 * question before them; the school's header, the title and instructions before "Câu 1" are not items.
 */
import {
  MAX_OPTIONS,
  itemProblems,
  type Choice,
  type ItemBody,
  type ItemDraft,
  type Statement,
} from '../../../../src-shared/domain/lab/items';
import { parseTypedNumber } from '../../../../src-shared/domain/lab/scoring';
import { escapeHtml } from '../richText';
import { cellText, isRed, paragraphText, type Block, type Run } from './documentBlocks';
import type {
  ImportReading,
  ImportWarning,
  ImportedItem,
  ImportProblem,
} from '../../../../src-shared/domain/lab/imports';

const LETTERS = 'ABCDEFGH';

const QUESTION_START = /^\s*(?:(?:Câu|Bài)\s*(\d{1,3})\s*(?:\(([^)]*)\))?\s*[.:)]?|(\d{1,3})\s*[.)])\s*/iu;
const OPTION_START = /^\s*([A-H])\s*[.)]\s*/u;
/** The letter and its mark only: a picture may follow the white space after it. */
const OPTION_HEAD = /^\s*([A-H])\s*[.)]/u;
const STATEMENT_START = /^\s*([a-h])\s*[).]\s*/u;
const ANSWER_LINE = /^\s*(?:Đáp án|Đáp số|Trả lời)\s*[:：]\s*/iu;
const SECTION_HEADING = /^\s*(?:PHẦN|Phần)\s+(?:[IVX]+|\d+)\b|^\s*[IVX]+\s*[.)–-]\s+\S/u;
const END_MARK = /^[\s\-–—.*_=]*HẾT[\s\-–—.*_=]*$/iu;
/**
 * The answer section's heading: "ĐÁP ÁN", "Hướng dẫn chấm" on a line of their own, or in capitals with the
 * key after a colon. "Đáp án: 42" in ordinary case inside a question is that question's answer.
 */
const KEY_HEADING =
  /^\s*(?:(?:ĐÁP ÁN|HƯỚNG DẪN CHẤM|BIỂU ĐIỂM)(?:\s*[:：]|\s+VÀ|\s*$)|(?:Đáp án|Hướng dẫn chấm|Biểu điểm)(?:\s+và\s.*)?\s*$)/iu;
const KEY_HEADING_CAPS = /^\s*(?:ĐÁP ÁN|HƯỚNG DẪN CHẤM|BIỂU ĐIỂM)/u;
/** "(0,5 điểm)" after the question number: the item's points. */
const POINTS = /^\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*$/iu;
/** Options such teachers keep last whatever the shuffle: "Cả A và B", "Tất cả các ý trên", "Không có ý nào". */
const FIXED_OPTION = /^\s*(?:Cả\s|Tất cả|Không có|Không ý nào|Cả hai)/iu;

interface Line {
  readonly runs: readonly Run[];
  readonly text: string;
}

interface Segment {
  readonly letter: string;
  readonly runs: readonly Run[];
  /** The runs with the letter: a teacher may underline or colour just "B." to mark the answer. */
  readonly markRuns: readonly Run[];
}

interface Question {
  readonly number: number;
  readonly label: string;
  readonly points: number | null;
  readonly stem: Line[];
  readonly options: Segment[];
  readonly statements: Segment[];
  readonly answers: string[];
}

interface KeyEntry {
  letters?: string[];
  statements?: Map<string, boolean>;
  typed?: string[];
}

// ------------------------------------------------------------------------------------------ runs

/** The runs covering characters [start, end) of the runs' text, cut where needed. */
function sliceRuns(runs: readonly Run[], start: number, end: number): Run[] {
  const out: Run[] = [];
  const total = paragraphText(runs).length;
  let at = 0;
  for (const run of runs) {
    const from = at;
    const to = at + run.text.length;
    at = to;
    if (run.image !== undefined && run.text === '') {
      // A picture sits between characters: it belongs to the slice it starts, or to the last at the end.
      if (from >= start && (from < end || (from === end && end === total))) out.push(run);
      continue;
    }
    if (to <= start || from >= end) continue;
    out.push({ ...run, text: run.text.slice(Math.max(0, start - from), Math.min(run.text.length, end - from)) });
  }
  return out;
}

/** Runs without the white space at either end; pictures at the ends stay. */
function trimRuns(runs: readonly Run[]): Run[] {
  const out = [...runs];
  const blank = (r: Run | undefined) => r !== undefined && r.image === undefined && r.text.trim() === '';
  while (blank(out[0])) out.shift();
  while (blank(out[out.length - 1])) out.pop();
  const first = out[0];
  if (first && first.image === undefined) out[0] = { ...first, text: first.text.trimStart() };
  const last = out[out.length - 1];
  if (last && last.image === undefined) out[out.length - 1] = { ...last, text: last.text.trimEnd() };
  return out;
}

/** Whether the visible characters of runs carry an answer mark. */
function marked(runs: readonly Run[]): boolean {
  const visible = runs.filter((r) => r.text.trim() !== '');
  return visible.some((r) => r.underline || isRed(r.color) || (r.highlight !== undefined && r.highlight !== 'none'));
}

/**
 * Runs as item HTML. In options and statements underline and colour are answer marks, not formatting,
 * and are left out; in stems underline stays (an underlined word is often what the question is about).
 */
function runsHtml(runs: readonly Run[], keepUnderline: boolean, media: Set<string>): string {
  return runs
    .map((r) => {
      if (r.image !== undefined) {
        media.add(r.image);
        return `<img src="import:${escapeHtml(r.image)}">`;
      }
      let html = escapeHtml(r.text).replace(/\t/g, ' ');
      if (html === '') return '';
      if (r.vertical === 'superscript') html = `<sup>${html}</sup>`;
      if (r.vertical === 'subscript') html = `<sub>${html}</sub>`;
      if (keepUnderline && r.underline && r.text.trim() !== '') html = `<u>${html}</u>`;
      if (r.italic && r.text.trim() !== '') html = `<em>${html}</em>`;
      if (r.bold && r.text.trim() !== '') html = `<strong>${html}</strong>`;
      return html;
    })
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

// ------------------------------------------------------------------------------------------ options

/**
 * The options on a line starting with "A.": further letters in sequence ("B.", "C." …) after white space
 * start the next option, so "A. 5    B. 6" is two options and "A. Hà Nội. B. Huế" too, but a lone "B." inside
 * an option's text that is not next in sequence is text.
 */
function splitOptions(line: Line, firstLetter: string): Segment[] {
  const starts: { letter: string; at: number; body: number }[] = [];
  const first = OPTION_HEAD.exec(line.text);
  if (!first || first[1] !== firstLetter) return [];
  starts.push({ letter: firstLetter, at: 0, body: first[0].length });
  for (;;) {
    const last = starts[starts.length - 1]!;
    const next = LETTERS[LETTERS.indexOf(last.letter) + 1];
    if (!next) break;
    const pattern = new RegExp(`(^|\\s)(${next})\\s*[.)](?=\\s|$)`, 'gu');
    pattern.lastIndex = last.at + 1;
    const m = pattern.exec(line.text);
    if (!m) break;
    const at = m.index + m[1]!.length;
    starts.push({ letter: next, at, body: m.index + m[0].length });
  }
  return starts.map((s, i) => {
    const end = starts[i + 1]?.at ?? line.text.length;
    return {
      letter: s.letter,
      runs: trimRuns(sliceRuns(line.runs, s.body, end)),
      markRuns: sliceRuns(line.runs, s.at, end),
    };
  });
}

// ------------------------------------------------------------------------------------------ answer key

const STATEMENT_KEY = /(?:Câu\s*)?(\d{1,3})\s*[.:\-–)]?\s*([a-h])\s*[).:\-–]?\s*(Đúng|Sai|Đ|S)(?![\p{L}\p{N}])/iuy;
const GRID_KEY = /(?:Câu\s*)?(\d{1,3})\s*[.:\-–)]?\s*((?:[ĐS]\s*[-,]?\s*){2,8})(?![\p{L}\p{N}])/uy;
const CHOICE_KEY = /(?:Câu\s*)?(\d{1,3})\s*[.:\-–)]?\s*([A-H](?:\s*[,&+]\s*[A-H])*)(?![\p{L}\p{N}])/uy;
const CARRIED_STATEMENT_KEY = /([a-h])\s*[).:\-–]?\s*(Đúng|Sai|Đ|S)(?![\p{L}\p{N}])/iuy;
const TYPED_KEY = /(?:Câu\s*)?(\d{1,3})\s*:\s*([^\n;]+)/iuy;

const isTrue = (word: string) => /^(đúng|đ)$/iu.test(word);

function parseKeyText(text: string, key: Map<number, KeyEntry>): void {
  const entry = (n: number) => {
    let e = key.get(n);
    if (!e) key.set(n, (e = {}));
    return e;
  };
  let current: number | null = null;
  let at = 0;
  const tryAt = (re: RegExp) => {
    re.lastIndex = at;
    return re.exec(text);
  };
  while (at < text.length) {
    // Only at the start of a token: not inside "12" or after a letter.
    const before = text[at - 1];
    if (before !== undefined && /[\p{L}\p{N}]/u.test(before)) {
      at++;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = tryAt(STATEMENT_KEY))) {
      current = Number(m[1]);
      const e = entry(current);
      (e.statements ??= new Map()).set(m[2]!.toLowerCase(), isTrue(m[3]!));
    } else if ((m = tryAt(GRID_KEY))) {
      current = Number(m[1]);
      const values = m[2]!.replace(/[\s,-]/g, '');
      const e = entry(current);
      e.statements = new Map([...values].map((v, i) => [LETTERS[i]!.toLowerCase(), v === 'Đ']));
    } else if ((m = tryAt(CHOICE_KEY))) {
      current = Number(m[1]);
      entry(current).letters = m[2]!.split(/[\s,&+]+/).filter(Boolean);
    } else if (current !== null && (m = tryAt(CARRIED_STATEMENT_KEY))) {
      (entry(current).statements ??= new Map()).set(m[1]!.toLowerCase(), isTrue(m[2]!));
    } else if ((m = tryAt(TYPED_KEY))) {
      current = Number(m[1]);
      entry(current).typed = splitTypedAnswers(m[2]!);
    } else {
      at++;
      continue;
    }
    at = m.index + m[0].length;
  }
}

/** "42", "42; bốn mươi hai" or "Hà Nội / Thủ đô Hà Nội": the accepted answers. */
function splitTypedAnswers(text: string): string[] {
  return text
    .split(/\s*(?:;|\s\/\s|\s\|\s)\s*/u)
    .map((a) => a.trim().replace(/[.。]$/u, ''))
    .filter(Boolean);
}

/** An answer table as text the key reader understands: "Câu | 1 | 2" over "Đáp án | A | C", or one row each. */
function keyTableText(rows: readonly (readonly string[])[]): string {
  const parts: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const next = rows[r + 1];
    const header = /^\s*(Câu|Câu hỏi|STT)\s*$/iu.test(row[0] ?? '');
    if (header && next && /^\s*(Đáp án|ĐA|Đáp án đúng)\s*$/iu.test(next[0] ?? '')) {
      for (let c = 1; c < row.length; c++) parts.push(`${row[c]!.trim()}: ${(next[c] ?? '').trim()}`);
      r++;
    } else if (/^\s*\d{1,3}\s*$/u.test(row[0] ?? '') && row.length >= 2) {
      parts.push(`${row[0]!.trim()}: ${row.slice(1).join(' ').trim()}`);
    } else {
      parts.push(row.join(' '));
    }
  }
  return parts.join('\n');
}

// ------------------------------------------------------------------------------------------ reading

export function readWordTest(blocks: readonly Block[]): ImportReading {
  const questions: Question[] = [];
  const key = new Map<number, KeyEntry>();
  let current: Question | null = null;
  let inKey = false;
  const keyText: string[] = [];

  const lines = (block: Block): Line[] =>
    block.kind === 'paragraph'
      ? [{ runs: block.runs, text: paragraphText(block.runs) }]
      : block.rows.flatMap((row) => row.flatMap((cell) => cell.map((runs) => ({ runs, text: paragraphText(runs) }))));

  for (const block of blocks) {
    if (inKey) {
      keyText.push(
        block.kind === 'paragraph'
          ? paragraphText(block.runs)
          : keyTableText(block.rows.map((row) => row.map((cell) => cellText(cell)))),
      );
      continue;
    }
    for (const line of lines(block)) {
      const heading = KEY_HEADING.exec(line.text);
      if (END_MARK.test(line.text) || (heading && (!ANSWER_LINE.test(line.text) || KEY_HEADING_CAPS.test(line.text)))) {
        current = null;
        inKey = true;
        if (heading) keyText.push(line.text.slice(heading[0].length));
        continue;
      }
      const q = QUESTION_START.exec(line.text);
      if (q) {
        const number = Number(q[1] ?? q[3]);
        const points = q[2] ? POINTS.exec(q[2]) : null;
        const label = q[1] ? `${line.text.trim().split(/\s+/)[0]} ${number}` : `Câu ${number}`;
        current = {
          number,
          label: label.replace(/^bài/i, 'Bài').replace(/^câu/i, 'Câu'),
          points: points ? Number(points[1]!.replace(',', '.')) : null,
          stem: [],
          options: [],
          statements: [],
          answers: [],
        };
        questions.push(current);
        const rest = sliceRuns(line.runs, q[0].length, line.text.length);
        if (paragraphText(rest).trim() !== '' || rest.some((r) => r.image)) {
          current.stem.push({ runs: rest, text: paragraphText(rest) });
        }
        continue;
      }
      if (!current) continue;
      if (SECTION_HEADING.test(line.text)) {
        current = null;
        continue;
      }
      const answer = ANSWER_LINE.exec(line.text);
      if (answer) {
        current.answers.push(...splitTypedAnswers(line.text.slice(answer[0].length)));
        continue;
      }
      const option = OPTION_START.exec(line.text);
      if (option && current.statements.length === 0) {
        const expected = LETTERS[current.options.length] ?? 'H';
        const segments = splitOptions(line, option[1]!);
        if (segments.length > 0 && (current.options.length > 0 || option[1] === 'A' || expected === option[1])) {
          current.options.push(...segments);
          continue;
        }
      }
      const statement = STATEMENT_START.exec(line.text);
      if (statement && current.options.length === 0) {
        current.statements.push({
          letter: statement[1]!,
          runs: trimRuns(sliceRuns(line.runs, statement[0].length, line.text.length)),
          markRuns: line.runs,
        });
        continue;
      }
      if (current.options.length === 0 && current.statements.length === 0) {
        current.stem.push(line);
      } else if (current.options.length > 0 && line.text.trim() !== '') {
        // An option that runs onto the next line (a long sentence, or its picture below it).
        const last = current.options[current.options.length - 1]!;
        current.options[current.options.length - 1] = {
          ...last,
          runs: [...last.runs, { text: ' ' }, ...line.runs],
          markRuns: [...last.markRuns, ...line.runs],
        };
      } else if (current.statements.length > 0 && line.text.trim() !== '') {
        const last = current.statements[current.statements.length - 1]!;
        current.statements[current.statements.length - 1] = {
          ...last,
          runs: [...last.runs, { text: ' ' }, ...line.runs],
          markRuns: [...last.markRuns, ...line.runs],
        };
      }
    }
  }
  parseKeyText(keyText.join('\n'), key);

  const warnings: ImportWarning[] = [];
  const numbers = new Set(questions.map((q) => q.number));
  for (const n of key.keys()) if (!numbers.has(n)) warnings.push({ code: 'key_for_missing_question', number: n });
  const seen = new Set<number>();
  const items = questions.map((q) => {
    const duplicate = seen.has(q.number);
    seen.add(q.number);
    const item = buildItem(q, key.get(q.number));
    return duplicate
      ? { ...item, warnings: [...item.warnings, { code: 'duplicate_number', number: q.number } as const] }
      : item;
  });
  return { items, warnings };
}

function buildItem(q: Question, key: KeyEntry | undefined): ImportedItem {
  const media = new Set<string>();
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  const stem = q.stem
    .map((l) => runsHtml(l.runs, true, media))
    .filter((h) => h !== '')
    .map((h) => `<p>${h}</p>`)
    .join('');
  let body: ItemBody | null = null;

  if (q.options.length > 0) {
    q.options.forEach((o, i) => {
      if (o.letter !== LETTERS[i])
        problems.push({ code: 'option_letters_skip', expected: LETTERS[i]!, found: o.letter });
    });
    const marks = q.options.map((o) => marked(o.markRuns));
    let correct = marks;
    if (marks.every(Boolean)) {
      warnings.push({ code: 'all_options_marked' });
      correct = marks.map(() => false);
    }
    if (key?.letters) {
      const fromKey = q.options.map((o) => key.letters!.includes(o.letter));
      const markedLetters = q.options.filter((_, i) => correct[i]).map((o) => o.letter);
      if (markedLetters.length > 0 && markedLetters.join() !== key.letters.join()) {
        warnings.push({ code: 'key_conflict', marked: markedLetters.join(', '), key: key.letters.join(', ') });
      }
      correct = fromKey;
    }
    const choices: Choice[] = q.options.slice(0, MAX_OPTIONS + 1).map((o, i) => {
      const text = runsHtml(o.runs, false, media);
      return {
        id: o.letter.toLowerCase(),
        text,
        correct: correct[i] ?? false,
        ...(FIXED_OPTION.test(paragraphText(o.runs)) ? { fixed: true } : {}),
      };
    });
    if (choices.filter((c) => c.correct).length > 1) {
      warnings.push({ code: 'several_marked' });
      body = { kind: 'multiple', choices, shuffle: true, scoring: 'allOrNothing' };
    } else {
      body = { kind: 'single', choices, shuffle: true };
    }
  } else if (q.statements.length > 0) {
    const marks = q.statements.map((s) => marked(s.markRuns));
    const anyMark = marks.some(Boolean);
    const statements: Statement[] = q.statements.map((s, i) => ({
      id: s.letter,
      text: runsHtml(s.runs, false, media),
      correct: key?.statements?.get(s.letter) ?? (anyMark ? marks[i]! : false),
    }));
    if (!anyMark && !key?.statements) problems.push({ code: 'no_correct_answer' });
    body = { kind: 'trueFalseGrid', statements };
  } else {
    const answers = q.answers.length > 0 ? q.answers : (key?.typed ?? []);
    if (answers.length === 0) {
      problems.push({ code: 'no_answer_form' });
    } else {
      const numbers = answers.map(parseTypedNumber);
      body = numbers.every((n) => n !== null)
        ? { kind: 'numeric', answers: numbers.map((value) => ({ value: value!, tolerance: 0 })) }
        : { kind: 'shortText', accepted: answers, rules: { caseSensitive: false, ignoreDiacritics: false } };
    }
  }

  const draft: ItemDraft | null = body ? { stem, points: q.points ?? 1, body } : null;
  if (draft) {
    for (const p of itemProblems(draft)) {
      if (!problems.some((x) => x.code === p.code)) problems.push(p);
    }
  }
  return { label: q.label, number: q.number, draft, problems, warnings, media: [...media] };
}
