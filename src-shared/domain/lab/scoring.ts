/**
 * Scoring a pupil's response to an item: one function for the lab's automatic grading, the preview a
 * teacher tries an item in, and the tests. Points are the item's points times a fraction in [0, 1];
 * a file task waits for the teacher's rubric (status `pending`).
 */
import type { ItemBody, ItemDraft, ItemResponse, TextRules } from './items';

export interface Score {
  readonly points: number;
  readonly max: number;
  /** full: every part right; partial: some credit; none: no credit; pending: a person grades it. */
  readonly status: 'full' | 'partial' | 'none' | 'pending';
}

/**
 * Đúng/Sai grid with four statements: the Bộ GDĐT's scheme for this question form (1 statement right →
 * 0.1 of the question, 2 → 0.25, 3 → 0.5, 4 → all), from the 2025 upper-secondary exam. NOT CONFIRMED for
 * primary tests (domain-vn has no primary rule); other statement counts score in proportion.
 */
const GRID_CREDIT: Readonly<Record<number, readonly number[]>> = { 4: [0, 0.1, 0.25, 0.5, 1] };

export function gridFraction(statements: number, right: number): number {
  const table = GRID_CREDIT[statements];
  if (table) return table[right] ?? 0;
  return statements > 0 ? right / statements : 0;
}

/** What a typed answer is compared as: NFC, spaces folded, and the item's case and diacritic rules. */
export function normaliseTypedAnswer(text: string, rules: TextRules): string {
  let t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (rules.ignoreDiacritics) {
    t = t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
  }
  return rules.caseSensitive ? t : t.toLocaleLowerCase('vi');
}

function typedMatches(text: string, accepted: readonly string[], rules: TextRules): boolean {
  const given = normaliseTypedAnswer(text, rules);
  return given !== '' && accepted.some((a) => normaliseTypedAnswer(a, rules) === given);
}

/**
 * A number as a Vietnamese pupil types it: "3,5" (decimal comma), "3.5", "-2", "1 000" or "1.000" (a
 * thousands group). Null when it is not a number. "1.000" is read as a thousand, as Vietnamese writes it;
 * "1.5" (not three digits after the dot) as one and a half.
 */
export function parseTypedNumber(text: string): number | null {
  let t = text.replace(/\s+/g, '').replace(/^\+/, '');
  if (t === '') return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
  t = t.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function fractionRight(body: ItemBody, response: ItemResponse): number | 'pending' {
  if (body.kind !== response.kind) return 0;
  switch (body.kind) {
    case 'single': {
      const r = response as Extract<ItemResponse, { kind: 'single' }>;
      return body.choices.some((c) => c.correct && c.id === r.choice) ? 1 : 0;
    }
    case 'multiple': {
      const r = response as Extract<ItemResponse, { kind: 'multiple' }>;
      const ticked = new Set(r.choices);
      const correct = body.choices.filter((c) => c.correct);
      const rightTicks = correct.filter((c) => ticked.has(c.id)).length;
      const wrongTicks = body.choices.filter((c) => !c.correct && ticked.has(c.id)).length;
      if (body.scoring === 'allOrNothing') return rightTicks === correct.length && wrongTicks === 0 ? 1 : 0;
      return correct.length ? Math.max(0, (rightTicks - wrongTicks) / correct.length) : 0;
    }
    case 'trueFalse': {
      const r = response as Extract<ItemResponse, { kind: 'trueFalse' }>;
      return r.value === body.correct ? 1 : 0;
    }
    case 'trueFalseGrid': {
      const r = response as Extract<ItemResponse, { kind: 'trueFalseGrid' }>;
      const right = body.statements.filter((s) => r.values[s.id] === s.correct).length;
      return gridFraction(body.statements.length, right);
    }
    case 'shortText': {
      const r = response as Extract<ItemResponse, { kind: 'shortText' }>;
      return typedMatches(r.text, body.accepted, body.rules) ? 1 : 0;
    }
    case 'numeric': {
      const r = response as Extract<ItemResponse, { kind: 'numeric' }>;
      const n = parseTypedNumber(r.text);
      // A tolerance of 0 compares exactly; a hair of slack absorbs binary fractions (0,1 + 0,2).
      return n !== null && body.answers.some((a) => Math.abs(n - a.value) <= a.tolerance + 1e-9) ? 1 : 0;
    }
    case 'matching': {
      const r = response as Extract<ItemResponse, { kind: 'matching' }>;
      if (body.pairs.length === 0) return 0;
      // Pupils match left to right by text: two lefts with the same right text are both right with either.
      const rightText = (id: string | undefined) =>
        body.pairs.find((q) => q.id === id)?.right ?? body.distractors.find((d) => d.id === id)?.text;
      const right = body.pairs.filter((p) => rightText(r.pairs[p.id]) === p.right).length;
      return right / body.pairs.length;
    }
    case 'ordering': {
      const r = response as Extract<ItemResponse, { kind: 'ordering' }>;
      const expected = body.steps.map((s) => s.id);
      return expected.length > 0 && expected.every((id, i) => r.order[i] === id) && r.order.length === expected.length
        ? 1
        : 0;
    }
    case 'cloze': {
      const r = response as Extract<ItemResponse, { kind: 'cloze' }>;
      if (body.blanks.length === 0) return 0;
      const right = body.blanks.filter((b) => {
        const given = r.blanks[b.id] ?? '';
        if (b.options?.length) return b.options.some((o) => o.correct && o.id === given);
        return typedMatches(given, b.accepted ?? [], body.rules);
      }).length;
      return right / body.blanks.length;
    }
    case 'categorize': {
      const r = response as Extract<ItemResponse, { kind: 'categorize' }>;
      if (body.elements.length === 0) return 0;
      return body.elements.filter((e) => r.placed[e.id] === e.categoryId).length / body.elements.length;
    }
    case 'fileTask':
      return 'pending';
  }
}

/** Points to two decimals, as the gradebook shows them. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function scoreResponse(item: Pick<ItemDraft, 'points' | 'body'>, response: ItemResponse): Score {
  const fraction = fractionRight(item.body, response);
  if (fraction === 'pending') return { points: 0, max: item.points, status: 'pending' };
  const points = round2(item.points * fraction);
  const status = fraction >= 1 ? 'full' : fraction > 0 ? 'partial' : 'none';
  return { points, max: item.points, status };
}

/** A file task graded by the teacher: the points of each rubric criterion met, capped at the item's. */
export function scoreRubric(
  item: Pick<ItemDraft, 'points' | 'body'>,
  awarded: Readonly<Record<string, number>>,
): Score {
  if (item.body.kind !== 'fileTask') throw new Error('scoreRubric: not a file task');
  const rubricMax = item.body.rubric.reduce((s, r) => s + r.points, 0);
  const got = item.body.rubric.reduce((s, r) => s + Math.min(r.points, Math.max(0, awarded[r.id] ?? 0)), 0);
  const fraction = rubricMax > 0 ? got / rubricMax : 0;
  const points = round2(item.points * fraction);
  return { points, max: item.points, status: fraction >= 1 ? 'full' : fraction > 0 ? 'partial' : 'none' };
}
