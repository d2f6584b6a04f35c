/**
 * Moodle XML question files (Moodle's "Moodle XML format" export, qformat_xml) read into items. The kinds
 * Moodle and this bank share are read; every other question in the file becomes an item with an
 * `unsupported_kind` problem, so nothing is dropped without the teacher seeing it. Pictures travel in the
 * file as base64 `<file>` elements referred to as @@PLUGINFILE@@/name; they come back in `files`.
 *
 * The question's category path (`$course$/top/Tin học 3/Máy tính`) gives its topic (the last part), and
 * a tag "Mức 1"/"Mức 2"/"Mức 3" its TT27 level.
 */
import type { Blank, Choice, ItemBody, ItemDraft, ItemLevel, TextRules } from '../../../../src-shared/domain/lab/items';
import { itemProblems } from '../../../../src-shared/domain/lab/items';
import { escapeHtml, itemPlainText, listItemTexts } from '../richText';
import type {
  ImportProblem,
  ImportReading,
  ImportWarning,
  ImportedItem,
} from '../../../../src-shared/domain/lab/imports';
import {
  XmlFormatError,
  childElements,
  firstChild,
  localName,
  ownText,
  parseXmlTree,
  type XmlElement,
} from './xmlTree';

export interface MoodleItem extends ImportedItem {
  /** The topic from the question's category, when the file has categories. */
  readonly topic: string | null;
  readonly level: ItemLevel | null;
  /** The question's name in Moodle (the bank shows it in lists). */
  readonly name: string;
}

export interface MoodleReading extends ImportReading {
  readonly items: readonly MoodleItem[];
  /** Pictures and sounds the file carries, by the key the items' `import:KEY` references use. */
  readonly files: ReadonlyMap<string, Buffer>;
}

/** Media larger than this inside an XML file are refused per item (the bank's own media limit applies later). */
const MAX_EMBEDDED_BYTES = 5 * 1024 * 1024;

const textOf = (element: XmlElement | undefined) => ownText(firstChild(element, 'text')).trim();

/** A Moodle text field as item HTML: HTML as it is; plain and Moodle-auto text escaped, lines kept. */
function htmlOf(element: XmlElement | undefined, files: Map<string, Buffer>, media: Set<string>): string {
  if (!element) return '';
  const format = element.attributes['format'] ?? 'html';
  const raw = textOf(element);
  let html =
    format === 'html'
      ? raw
      : escapeHtml(raw)
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
          .join('<br>');
  for (const file of childElements(element, 'file')) {
    const name = file.attributes['name'] ?? '';
    const key = `${file.attributes['path'] ?? '/'}${name}`;
    if (!name || file.attributes['encoding'] !== 'base64') continue;
    const data = Buffer.from(ownText(file).replace(/\s+/g, ''), 'base64');
    if (data.length > MAX_EMBEDDED_BYTES) continue;
    files.set(key, data);
  }
  html = html.replace(/@@PLUGINFILE@@(\/[^"'\s>]*)/g, (_, path: string) => {
    const key = decodeURIComponent(path);
    if (!files.has(key)) return '';
    media.add(key);
    return `import:${escapeHtml(key)}`;
  });
  return html;
}

const fraction = (answer: XmlElement) => Number(answer.attributes['fraction'] ?? '0');
const isTrue = (element: XmlElement | undefined) => /^(1|true)$/i.test(ownText(element).trim());

function levelFromTags(question: XmlElement): ItemLevel | null {
  for (const tag of childElements(firstChild(question, 'tags') ?? question, 'tag')) {
    const m = /^\s*Mức\s*([123])\s*$/iu.exec(textOf(tag));
    if (m) return Number(m[1]) as ItemLevel;
  }
  return null;
}

interface Built {
  body: ItemBody | null;
  problems: ImportProblem[];
  warnings: ImportWarning[];
  stem?: string;
}

function choicesFrom(answers: XmlElement[], files: Map<string, Buffer>, media: Set<string>): Choice[] {
  return answers.map((a, i) => ({
    id: String.fromCharCode(97 + i),
    text: htmlOf(a, files, media),
    correct: fraction(a) > 0,
  }));
}

const TEXT_RULES = (caseSensitive: boolean): TextRules => ({ caseSensitive, ignoreDiacritics: false });

/** [[1]] gaps (gapselect, ddwtosgap): each gap's right choice by number; others of its group are its options. */
function gapsBody(stemHtml: string, options: XmlElement[]): Built {
  const list = options.map((o, i) => ({
    n: i + 1,
    text: textOf(o),
    group: ownText(firstChild(o, 'group')).trim() || '1',
  }));
  const blanks: Blank[] = [];
  let index = 0;
  const passage = stemHtml.replace(/\[\[(\d+)\]\]/g, (_, n: string) => {
    const right = list.find((o) => o.n === Number(n));
    const id = `b${++index}`;
    blanks.push({
      id,
      options: list
        .filter((o) => o.group === (right?.group ?? '1'))
        .map((o) => ({ id: `o${o.n}`, text: o.text, correct: o.n === Number(n) })),
    });
    return `{{${id}}}`;
  });
  return { body: { kind: 'cloze', passage, blanks, rules: TEXT_RULES(false) }, problems: [], warnings: [], stem: '' };
}

/**
 * Moodle's embedded answers (Cloze, multianswer): {1:SHORTANSWER:=Hà Nội~=Ha Noi}, {1:MULTICHOICE:=đúng~sai},
 * {1:NUMERICAL:=3.5:0.1}. Each becomes a blank; other sub-question kinds are reported.
 */
const CLOZE_PART =
  /\{(\d*):(SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC|MULTICHOICE|MC|MULTICHOICE_V|MCV|MULTICHOICE_H|MCH|NUMERICAL|NM):([^}]*)\}/g;

function clozeBody(stemHtml: string): Built {
  const blanks: Blank[] = [];
  const problems: ImportProblem[] = [];
  let caseSensitive = false;
  let index = 0;
  const passage = stemHtml.replace(CLOZE_PART, (_all, _weight: string, type: string, spec: string) => {
    const id = `b${++index}`;
    // "~" separates answers unless escaped ("\~" is a tilde in an answer).
    const alternatives = spec.split(/(?<!\\)~/).map((a) => {
      const m = /^(=|%(-?\d+(?:\.\d+)?)%)?(.*?)(#.*)?$/s.exec(a)!;
      const right = m[1] === '=' || (m[2] !== undefined && Number(m[2]) >= 100);
      return { right, text: (m[3] ?? '').replace(/\\(.)/g, '$1').trim() };
    });
    if (/^(MULTICHOICE|MC)/.test(type)) {
      blanks.push({
        id,
        // The answers sit in the question's HTML: their text is HTML already.
        options: alternatives.map((a, i) => ({ id: `o${i + 1}`, text: a.text, correct: a.right })),
      });
    } else if (/^(NUMERICAL|NM)$/.test(type)) {
      blanks.push({
        id,
        accepted: alternatives.filter((a) => a.right).map((a) => itemPlainText(a.text.split(':')[0]!)),
      });
    } else {
      if (/_C$|^SAC$|^MWC$/.test(type)) caseSensitive = true;
      blanks.push({ id, accepted: alternatives.filter((a) => a.right).map((a) => itemPlainText(a.text)) });
    }
    return `{{${id}}}`;
  });
  if (/\{\d*:[A-Z_]+:/.test(passage)) problems.push({ code: 'unsupported_kind', kind: 'cloze sub-question' });
  return {
    body: { kind: 'cloze', passage, blanks, rules: TEXT_RULES(caseSensitive) },
    problems,
    warnings: [],
    stem: '',
  };
}

function buildBody(
  question: XmlElement,
  type: string,
  stemHtml: string,
  files: Map<string, Buffer>,
  media: Set<string>,
): Built {
  const answers = childElements(question, 'answer');
  const none: Built = { body: null, problems: [], warnings: [] };
  switch (type) {
    case 'multichoice':
    case 'multichoiceset': {
      const choices = choicesFrom(answers, files, media);
      const shuffle = firstChild(question, 'shuffleanswers') ? isTrue(firstChild(question, 'shuffleanswers')) : true;
      if (type === 'multichoice' && isTrue(firstChild(question, 'single'))) {
        return { ...none, body: { kind: 'single', choices, shuffle } };
      }
      // Moodle's multiple-answer multichoice gives credit per choice (its fractions); the
      // "All-or-Nothing" plugin (multichoiceset) only for the exact set.
      const scoring = type === 'multichoiceset' ? 'allOrNothing' : 'perChoice';
      return { ...none, body: { kind: 'multiple', choices, shuffle, scoring } };
    }
    case 'truefalse': {
      const right = answers.find((a) => fraction(a) >= 100);
      if (!right) return { ...none, problems: [{ code: 'no_correct_answer' }] };
      return { ...none, body: { kind: 'trueFalse', correct: /^(true|đúng)$/i.test(textOf(right)) } };
    }
    case 'shortanswer': {
      const accepted = answers.filter((a) => fraction(a) >= 100).map((a) => textOf(a));
      const warnings: ImportWarning[] = [];
      return {
        ...none,
        warnings,
        body: { kind: 'shortText', accepted, rules: TEXT_RULES(isTrue(firstChild(question, 'usecase'))) },
      };
    }
    case 'numerical': {
      const list = answers
        .filter((a) => fraction(a) >= 100)
        .map((a) => ({
          value: Number(textOf(a)),
          tolerance: Number(ownText(firstChild(a, 'tolerance')).trim() || '0'),
        }));
      return { ...none, body: { kind: 'numeric', answers: list } };
    }
    case 'matching': {
      const subs = childElements(question, 'subquestion');
      const pairs = subs
        .filter((s) => textOf(s) !== '')
        .map((s, i) => ({
          id: `p${i + 1}`,
          left: htmlOf(s, files, media),
          right: escapeHtml(textOf(firstChild(s, 'answer'))),
        }));
      const distractors = subs
        .filter((s) => textOf(s) === '')
        .map((s, i) => ({ id: `d${i + 1}`, text: escapeHtml(textOf(firstChild(s, 'answer'))) }));
      return { ...none, body: { kind: 'matching', pairs, distractors } };
    }
    case 'ordering':
      return {
        ...none,
        body: { kind: 'ordering', steps: answers.map((a, i) => ({ id: `s${i + 1}`, text: htmlOf(a, files, media) })) },
      };
    case 'gapselect':
      return gapsBody(stemHtml, childElements(question, 'selectoption'));
    case 'ddwtosgap':
      return gapsBody(stemHtml, childElements(question, 'dragbox'));
    case 'multianswer':
      return clozeBody(stemHtml);
    case 'essay': {
      const attachments = Number(ownText(firstChild(question, 'attachments')).trim() || '0');
      if (attachments === 0) return { ...none, problems: [{ code: 'unsupported_kind', kind: 'essay' }] };
      const types = ownText(firstChild(question, 'filetypeslist'))
        .split(/[\s,;]+/)
        .map((t) => t.replace(/^\./, '').toLowerCase())
        .filter((t) => /^[a-z0-9]{1,10}$/.test(t));
      // The rubric travels in the grader information as a list, "criterion (2 điểm)" per line; without
      // one the teacher adds it before saving.
      const rubric = listItemTexts(htmlOf(firstChild(question, 'graderinfo'), files, media)).map((line, i) => {
        const m = /^(.*?)\s*\((\d+(?:[.,]\d+)?)\s*điểm\)$/su.exec(line);
        return { id: `r${i + 1}`, text: m ? m[1]! : line, points: m ? Number(m[2]!.replace(',', '.')) : 1 };
      });
      return { ...none, body: { kind: 'fileTask', extensions: types, rubric } };
    }
    default:
      return { ...none, problems: [{ code: 'unsupported_kind', kind: type }] };
  }
}

export function readMoodleXml(xml: string): MoodleReading {
  // A file that is not well-formed XML, or not Moodle's, is refused whole (XmlFormatError).
  const root = parseXmlTree(xml);
  if (localName(root) !== 'quiz') throw new XmlFormatError('not a Moodle XML file (no <quiz>)');
  const files = new Map<string, Buffer>();
  const items: MoodleItem[] = [];
  let topic: string | null = null;
  for (const question of childElements(root, 'question')) {
    const type = question.attributes['type'] ?? '';
    if (type === 'category') {
      const path = textOf(firstChild(question, 'category'));
      // Moodle writes a "/" inside a category's name as "//".
      const parts = path
        .split(/(?<!\/)\/(?!\/)/)
        .map((p) => p.replace(/\/\//g, '/'))
        .filter((p) => p && !p.startsWith('$') && p !== 'top');
      topic = parts.length > 0 ? parts[parts.length - 1]! : null;
      continue;
    }
    const number = items.length + 1;
    const name = textOf(firstChild(question, 'name'));
    const media = new Set<string>();
    const stemHtml = htmlOf(firstChild(question, 'questiontext'), files, media);
    const built = buildBody(question, type, stemHtml, files, media);
    const points = Number(ownText(firstChild(question, 'defaultgrade')).trim() || '1');
    const draft: ItemDraft | null = built.body
      ? { stem: built.stem ?? stemHtml, points: points > 0 ? points : 1, body: built.body }
      : null;
    const problems = [...built.problems];
    if (draft) for (const p of itemProblems(draft)) if (!problems.some((x) => x.code === p.code)) problems.push(p);
    items.push({
      label: name ? `Câu ${number} (${name})` : `Câu ${number}`,
      number,
      draft,
      problems,
      warnings: built.warnings,
      media: [...media],
      topic,
      level: levelFromTags(question),
      name,
    });
  }
  return { items, warnings: [], files };
}
