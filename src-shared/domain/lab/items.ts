/**
 * Question-bank items for the computer-lab tests (kiểm tra định kỳ trên máy tính): what an item holds, the
 * pupil's response to each kind, and the checks that make an item usable. Every importer (Word, Excel,
 * Moodle XML, GIFT, QTI) produces these and every exporter reads them, so an item kind the model cannot
 * hold is reported by the importer, never squeezed in. The kinds follow QTI's core interactions
 * (choice, match, order, text entry, inline choice, associate/gap match, upload) plus the Vietnamese Đúng/Sai
 * grid (several statements a)–d), each true or false), which QTI writes as a match interaction.
 *
 * Texts (stems, options, passages) are a small HTML subset — the server sanitises them; images and audio
 * are `<img src="media:ID">` / `<audio src="media:ID">` references to the item's media.
 */

/** TT27 test levels (domain-vn §1): Mức 1 nhận biết, Mức 2 kết nối, Mức 3 vận dụng. */
export const ITEM_LEVELS = [1, 2, 3] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];
export const ITEM_LEVEL_LABELS: Record<ItemLevel, string> = {
  1: 'Mức 1 – Nhận biết, nhắc lại',
  2: 'Mức 2 – Kết nối, sắp xếp',
  3: 'Mức 3 – Vận dụng, giải quyết vấn đề',
};

export const ITEM_KINDS = [
  'single',
  'multiple',
  'trueFalse',
  'trueFalseGrid',
  'shortText',
  'numeric',
  'matching',
  'ordering',
  'cloze',
  'categorize',
  'fileTask',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  single: 'Chọn một đáp án',
  multiple: 'Chọn nhiều đáp án',
  trueFalse: 'Đúng hay sai',
  trueFalseGrid: 'Đúng/Sai nhiều ý',
  shortText: 'Trả lời ngắn',
  numeric: 'Điền số',
  matching: 'Nối cột',
  ordering: 'Sắp xếp thứ tự',
  cloze: 'Điền vào chỗ trống',
  categorize: 'Kéo thả vào nhóm',
  fileTask: 'Thực hành, nộp tệp',
};

/** Items are written for 2 to 8 options (A.–H.), as Vietnamese tests are. */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;

export interface Choice {
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
  /** Stays in place when options are shuffled ("Cả A và B đều đúng", "Tất cả các ý trên"). */
  readonly fixed?: boolean;
}

export interface Statement {
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
}

/** How typed text is compared with the accepted answers. */
export interface TextRules {
  /** "Hà Nội" and "hà nội" are the same answer unless the item says otherwise. */
  readonly caseSensitive: boolean;
  /** Whether "Ha Noi" is accepted for "Hà Nội": off by default, spelling with diacritics is taught. */
  readonly ignoreDiacritics: boolean;
}

export interface NumericAnswer {
  readonly value: number;
  /** Absolute tolerance: |response − value| ≤ tolerance is right. */
  readonly tolerance: number;
}

export interface Pair {
  readonly id: string;
  readonly left: string;
  readonly right: string;
}

export interface Blank {
  readonly id: string;
  /** Typed blank: the accepted answers. */
  readonly accepted?: readonly string[];
  /** Drop-down blank (QTI inline choice): the options, one of them right. */
  readonly options?: readonly { readonly id: string; readonly text: string; readonly correct: boolean }[];
}

export interface Category {
  readonly id: string;
  readonly name: string;
}

export interface RubricCriterion {
  readonly id: string;
  readonly text: string;
  readonly points: number;
}

export type ItemBody =
  | { readonly kind: 'single'; readonly choices: readonly Choice[]; readonly shuffle: boolean }
  | {
      readonly kind: 'multiple';
      readonly choices: readonly Choice[];
      readonly shuffle: boolean;
      /** allOrNothing: the exact set; perChoice: (right ticks − wrong ticks) / correct choices, not below 0. */
      readonly scoring: 'allOrNothing' | 'perChoice';
    }
  | { readonly kind: 'trueFalse'; readonly correct: boolean }
  | { readonly kind: 'trueFalseGrid'; readonly statements: readonly Statement[] }
  | { readonly kind: 'shortText'; readonly accepted: readonly string[]; readonly rules: TextRules }
  | { readonly kind: 'numeric'; readonly answers: readonly NumericAnswer[] }
  | {
      readonly kind: 'matching';
      readonly pairs: readonly Pair[];
      /** Right-hand texts that match nothing; the pupil's pairs name a pair's or a distractor's id. */
      readonly distractors: readonly { readonly id: string; readonly text: string }[];
    }
  | { readonly kind: 'ordering'; readonly steps: readonly { readonly id: string; readonly text: string }[] }
  | {
      readonly kind: 'cloze';
      /** The passage with `{{blankId}}` where each blank sits. */
      readonly passage: string;
      readonly blanks: readonly Blank[];
      readonly rules: TextRules;
    }
  | {
      readonly kind: 'categorize';
      readonly categories: readonly Category[];
      readonly elements: readonly { readonly id: string; readonly text: string; readonly categoryId: string }[];
    }
  | {
      readonly kind: 'fileTask';
      /** File name endings the pupil may hand in, without the dot ("sb3", "docx", "png"). */
      readonly extensions: readonly string[];
      readonly rubric: readonly RubricCriterion[];
    };

/** The pupil's answer to each kind; every part may be missing while the pupil works. */
export type ItemResponse =
  | { readonly kind: 'single'; readonly choice: string | null }
  | { readonly kind: 'multiple'; readonly choices: readonly string[] }
  | { readonly kind: 'trueFalse'; readonly value: boolean | null }
  | { readonly kind: 'trueFalseGrid'; readonly values: Readonly<Record<string, boolean>> }
  | { readonly kind: 'shortText'; readonly text: string }
  | { readonly kind: 'numeric'; readonly text: string }
  | { readonly kind: 'matching'; readonly pairs: Readonly<Record<string, string>> }
  | { readonly kind: 'ordering'; readonly order: readonly string[] }
  | { readonly kind: 'cloze'; readonly blanks: Readonly<Record<string, string>> }
  | { readonly kind: 'categorize'; readonly placed: Readonly<Record<string, string>> }
  | { readonly kind: 'fileTask'; readonly fileId: number | null };

/** Why an item cannot be used as it stands; importers report these per item, the editor per field. */
export type ItemProblem =
  | { readonly code: 'no_stem' }
  | { readonly code: 'too_few_options'; readonly min: number }
  | { readonly code: 'too_many_options'; readonly max: number }
  | { readonly code: 'no_correct_answer' }
  | { readonly code: 'several_correct_in_single' }
  | { readonly code: 'empty_option'; readonly index: number }
  | { readonly code: 'duplicate_id'; readonly id: string }
  | { readonly code: 'blank_not_in_passage'; readonly id: string }
  | { readonly code: 'passage_blank_unknown'; readonly id: string }
  | { readonly code: 'unknown_category'; readonly id: string }
  | { readonly code: 'bad_tolerance' }
  | { readonly code: 'no_rubric' }
  | { readonly code: 'bad_points' };

export interface ItemDraft {
  readonly stem: string;
  readonly points: number;
  readonly body: ItemBody;
}

/** `{{id}}` marks a blank in a cloze passage; ids are letters, digits, '_' and '-'. */
export const BLANK_MARK = /\{\{([A-Za-z0-9_-]{1,32})\}\}/g;

export function blankIdsInPassage(passage: string): string[] {
  return [...passage.matchAll(BLANK_MARK)].map((m) => m[1]!);
}

function duplicateIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

function hasText(html: string): boolean {
  // An image alone is a stem ("Hình bên là con vật gì?" may sit in the picture).
  return (
    /<(img|audio)\b/i.test(html) ||
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .trim() !== ''
  );
}

/** Every problem of an item, in the order a teacher fixes them; none means the item can be saved. */
export function itemProblems(item: ItemDraft): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const body = item.body;
  if (!hasText(item.stem) && body.kind !== 'cloze') problems.push({ code: 'no_stem' });
  if (!(Number.isFinite(item.points) && item.points > 0 && item.points <= 100)) problems.push({ code: 'bad_points' });
  const ids = (list: readonly { id: string }[]) => {
    for (const id of duplicateIds(list.map((x) => x.id))) problems.push({ code: 'duplicate_id', id });
  };
  switch (body.kind) {
    case 'single':
    case 'multiple': {
      const n = body.choices.length;
      if (n < MIN_OPTIONS) problems.push({ code: 'too_few_options', min: MIN_OPTIONS });
      if (n > MAX_OPTIONS) problems.push({ code: 'too_many_options', max: MAX_OPTIONS });
      body.choices.forEach((c, index) => {
        if (!hasText(c.text)) problems.push({ code: 'empty_option', index });
      });
      ids(body.choices);
      const right = body.choices.filter((c) => c.correct).length;
      if (right === 0) problems.push({ code: 'no_correct_answer' });
      if (body.kind === 'single' && right > 1) problems.push({ code: 'several_correct_in_single' });
      break;
    }
    case 'trueFalse':
      break;
    case 'trueFalseGrid':
      if (body.statements.length < MIN_OPTIONS) problems.push({ code: 'too_few_options', min: MIN_OPTIONS });
      if (body.statements.length > MAX_OPTIONS) problems.push({ code: 'too_many_options', max: MAX_OPTIONS });
      body.statements.forEach((s, index) => {
        if (!hasText(s.text)) problems.push({ code: 'empty_option', index });
      });
      ids(body.statements);
      break;
    case 'shortText':
      if (!body.accepted.some((a) => a.trim() !== '')) problems.push({ code: 'no_correct_answer' });
      break;
    case 'numeric':
      if (body.answers.length === 0) problems.push({ code: 'no_correct_answer' });
      if (body.answers.some((a) => !Number.isFinite(a.value) || !(a.tolerance >= 0))) {
        problems.push({ code: 'bad_tolerance' });
      }
      break;
    case 'matching':
      if (body.pairs.length < MIN_OPTIONS) problems.push({ code: 'too_few_options', min: MIN_OPTIONS });
      body.pairs.forEach((p, index) => {
        if (!hasText(p.left) || !hasText(p.right)) problems.push({ code: 'empty_option', index });
      });
      ids([...body.pairs, ...body.distractors]);
      break;
    case 'ordering':
      if (body.steps.length < MIN_OPTIONS) problems.push({ code: 'too_few_options', min: MIN_OPTIONS });
      body.steps.forEach((s, index) => {
        if (!hasText(s.text)) problems.push({ code: 'empty_option', index });
      });
      ids(body.steps);
      break;
    case 'cloze': {
      const inPassage = blankIdsInPassage(body.passage);
      if (body.blanks.length === 0) problems.push({ code: 'no_correct_answer' });
      ids(body.blanks);
      for (const id of duplicateIds(inPassage)) problems.push({ code: 'duplicate_id', id });
      for (const b of body.blanks) {
        if (!inPassage.includes(b.id)) problems.push({ code: 'blank_not_in_passage', id: b.id });
        const typedOk = (b.accepted ?? []).some((a) => a.trim() !== '');
        const choiceOk = (b.options ?? []).filter((o) => o.correct).length === 1;
        if (!typedOk && !choiceOk) problems.push({ code: 'no_correct_answer' });
      }
      for (const id of inPassage) {
        if (!body.blanks.some((b) => b.id === id)) problems.push({ code: 'passage_blank_unknown', id });
      }
      break;
    }
    case 'categorize': {
      if (body.categories.length < MIN_OPTIONS) problems.push({ code: 'too_few_options', min: MIN_OPTIONS });
      if (body.elements.length === 0) problems.push({ code: 'no_correct_answer' });
      ids([...body.categories, ...body.elements]);
      for (const e of body.elements) {
        if (!body.categories.some((c) => c.id === e.categoryId)) problems.push({ code: 'unknown_category', id: e.id });
      }
      break;
    }
    case 'fileTask':
      if (body.rubric.length === 0 || body.rubric.some((r) => !(r.points > 0))) problems.push({ code: 'no_rubric' });
      break;
  }
  return problems;
}

/** The response of a pupil who has not answered yet. */
export function emptyResponse(kind: ItemKind): ItemResponse {
  switch (kind) {
    case 'single':
      return { kind, choice: null };
    case 'multiple':
      return { kind, choices: [] };
    case 'trueFalse':
      return { kind, value: null };
    case 'trueFalseGrid':
      return { kind, values: {} };
    case 'shortText':
    case 'numeric':
      return { kind, text: '' };
    case 'matching':
      return { kind, pairs: {} };
    case 'ordering':
      return { kind, order: [] };
    case 'cloze':
      return { kind, blanks: {} };
    case 'categorize':
      return { kind, placed: {} };
    case 'fileTask':
      return { kind, fileId: null };
  }
}
