/**
 * GIFT, Moodle's plain-text question format, read with gift-pegjs (a PEG grammar of the format). Each
 * question, separated by blank lines as GIFT requires, is parsed on its own so that one mistyped
 * question is reported with its line and the rest still read. `$CATEGORY:` lines give the topic.
 */
import { parse, type GIFTQuestion, type TextFormat } from 'gift-pegjs';
import type { Choice, ItemBody, ItemDraft } from '../../../../src-shared/domain/lab/items';
import { itemProblems } from '../../../../src-shared/domain/lab/items';
import { escapeHtml, itemPlainText } from '../richText';
import type { ImportProblem, ImportedItem } from '../../../../src-shared/domain/lab/imports';

export interface GiftItem extends ImportedItem {
  readonly topic: string | null;
  readonly name: string;
}

const RULES = { caseSensitive: false, ignoreDiacritics: false };

/** GIFT's "moodle" and "plain" texts are text; "html" is HTML; markdown is taken as text. */
function html(text: TextFormat): string {
  return text.format === 'html' ? text.text.trim() : escapeHtml(text.text.trim());
}

const block = (h: string) => (/^\s*<(p|div|ul|ol|table)\b/.test(h) ? h : h ? `<p>${h}</p>` : '');

function body(q: GIFTQuestion): { body: ItemBody | null; problems: ImportProblem[]; stemOverride?: string } {
  switch (q.type) {
    case 'MC': {
      const choices: Choice[] = q.choices.map((c, i) => ({
        id: String.fromCharCode(97 + i),
        text: html(c.text),
        correct: c.isCorrect || (c.weight ?? 0) > 0,
      }));
      if (q.hasEmbeddedAnswers) {
        // The missing-word form: the blank stands where the answers were written.
        const passage = block(html(q.stem).replace(/_{3,}/, '{{b1}}'));
        return {
          body: {
            kind: 'cloze',
            passage,
            blanks: [
              { id: 'b1', options: choices.map((c, i) => ({ id: `o${i + 1}`, text: c.text, correct: c.correct })) },
            ],
            rules: RULES,
          },
          problems: [],
          stemOverride: '',
        };
      }
      const weighted = q.choices.some((c) => c.weight !== null);
      const right = choices.filter((c) => c.correct).length;
      return {
        body:
          right > 1 || weighted
            ? { kind: 'multiple', choices, shuffle: true, scoring: weighted ? 'perChoice' : 'allOrNothing' }
            : { kind: 'single', choices, shuffle: true },
        problems: [],
      };
    }
    case 'TF':
      return { body: { kind: 'trueFalse', correct: q.isTrue }, problems: [] };
    case 'Short': {
      const accepted = q.choices
        .filter((c) => c.isCorrect || (c.weight ?? 0) >= 100)
        .map((c) => itemPlainText(html(c.text)));
      if (q.hasEmbeddedAnswers) {
        const passage = block(html(q.stem).replace(/_{3,}/, '{{b1}}'));
        return {
          body: { kind: 'cloze', passage, blanks: [{ id: 'b1', accepted }], rules: RULES },
          problems: [],
          stemOverride: '',
        };
      }
      return { body: { kind: 'shortText', accepted, rules: RULES }, problems: [] };
    }
    case 'Numerical': {
      const list = Array.isArray(q.choices)
        ? q.choices.filter((c) => c.isCorrect || (c.weight ?? 0) >= 100).map((c) => c.text)
        : [q.choices];
      const answers = list.map((n) => {
        if (n.type === 'high-low') {
          const low = n.numberLow ?? 0;
          const high = n.numberHigh ?? 0;
          return { value: (low + high) / 2, tolerance: Math.abs(high - low) / 2 };
        }
        return { value: n.number ?? NaN, tolerance: n.range ?? 0 };
      });
      return { body: { kind: 'numeric', answers }, problems: [] };
    }
    case 'Matching': {
      const pairs = q.matchPairs
        .filter((p) => p.subquestion.text.trim() !== '')
        .map((p, i) => ({ id: `p${i + 1}`, left: html(p.subquestion), right: escapeHtml(p.subanswer.trim()) }));
      const distractors = q.matchPairs
        .filter((p) => p.subquestion.text.trim() === '')
        .map((p, i) => ({ id: `d${i + 1}`, text: escapeHtml(p.subanswer.trim()) }));
      return { body: { kind: 'matching', pairs, distractors }, problems: [] };
    }
    case 'Essay':
      return { body: null, problems: [{ code: 'unsupported_kind', kind: 'essay' }] };
    default:
      return { body: null, problems: [{ code: 'unsupported_kind', kind: q.type }] };
  }
}

export function readGift(text: string): { items: GiftItem[] } {
  const items: GiftItem[] = [];
  let topic: string | null = null;
  // Questions are separated by blank lines; their first line numbers the messages.
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let chunk: string[] = [];
  let startLine = 1;
  const flush = (nextLine: number) => {
    const source = chunk.join('\n');
    const line = startLine;
    chunk = [];
    startLine = nextLine;
    if (source.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('//'))) return;
    const number = items.length + 1;
    let parsed: GIFTQuestion[];
    try {
      parsed = parse(`${source}\n`);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      items.push({
        label: `Câu ${number} (dòng ${line})`,
        number,
        draft: null,
        problems: [{ code: 'unreadable', reason }],
        warnings: [],
        media: [],
        topic,
        name: '',
      });
      return;
    }
    for (const q of parsed) {
      if (q.type === 'Category') {
        const parts = q.title.split('/').filter((p) => p && !p.startsWith('$') && p !== 'top');
        topic = parts.at(-1) ?? null;
        continue;
      }
      if (q.type === 'Description') {
        items.push({
          label: `Câu ${items.length + 1} (dòng ${line})`,
          number: items.length + 1,
          draft: null,
          problems: [{ code: 'unsupported_kind', kind: 'description' }],
          warnings: [],
          media: [],
          topic,
          name: q.title ?? '',
        });
        continue;
      }
      const built = body(q);
      const draft: ItemDraft | null = built.body
        ? { stem: built.stemOverride ?? block(html(q.stem)), points: 1, body: built.body }
        : null;
      const problems = [...built.problems];
      if (draft) for (const p of itemProblems(draft)) if (!problems.some((x) => x.code === p.code)) problems.push(p);
      const n = items.length + 1;
      items.push({
        label: q.title ? `Câu ${n} (${q.title})` : `Câu ${n} (dòng ${line})`,
        number: n,
        draft,
        problems,
        warnings: [],
        media: [],
        topic,
        name: q.title ?? '',
      });
    }
  };
  lines.forEach((l, i) => {
    if (l.trim() === '') {
      if (chunk.length > 0) flush(i + 2);
      else startLine = i + 2;
    } else {
      if (chunk.length === 0) startLine = i + 1;
      chunk.push(l);
    }
  });
  if (chunk.length > 0) flush(lines.length + 1);
  return { items };
}
