import { describe, expect, it } from 'vitest';
import {
  ITEM_KINDS,
  emptyResponse,
  itemProblems,
  type ItemBody,
  type ItemDraft,
  type ItemResponse,
} from '../../../src-shared/domain/lab/items';
import {
  gridFraction,
  normaliseTypedAnswer,
  parseTypedNumber,
  scoreResponse,
  scoreRubric,
} from '../../../src-shared/domain/lab/scoring';

const abcd = (correct: string[], fixed: string[] = []) =>
  ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Ý ${id}`, correct: correct.includes(id), fixed: fixed.includes(id) }));

const item = (body: ItemBody, points = 1, stem = 'Câu hỏi'): ItemDraft => ({ stem, points, body });
const codes = (draft: ItemDraft) => itemProblems(draft).map((p) => p.code);
const rules = { caseSensitive: false, ignoreDiacritics: false };

describe('item checks', () => {
  it('accepts a well-formed item of every kind', () => {
    const bodies: ItemBody[] = [
      { kind: 'single', choices: abcd(['b']), shuffle: true },
      { kind: 'multiple', choices: abcd(['a', 'c']), shuffle: true, scoring: 'perChoice' },
      { kind: 'trueFalse', correct: false },
      {
        kind: 'trueFalseGrid',
        statements: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, text: `Nhận định ${id}`, correct: i % 2 === 0 })),
      },
      { kind: 'shortText', accepted: ['Hà Nội'], rules },
      { kind: 'numeric', answers: [{ value: 3.5, tolerance: 0 }] },
      {
        kind: 'matching',
        pairs: [
          { id: '1', left: 'Con mèo', right: 'kêu meo meo' },
          { id: '2', left: 'Con chó', right: 'sủa gâu gâu' },
        ],
        distractors: [{ id: 'x', text: 'gáy ò ó o' }],
      },
      {
        kind: 'ordering',
        steps: [
          { id: 's1', text: 'Bật máy' },
          { id: 's2', text: 'Đăng nhập' },
        ],
      },
      {
        kind: 'cloze',
        passage: '<p>Thủ đô của Việt Nam là {{b1}}.</p>',
        blanks: [{ id: 'b1', accepted: ['Hà Nội'] }],
        rules,
      },
      {
        kind: 'categorize',
        categories: [
          { id: 'k1', name: 'Động vật' },
          { id: 'k2', name: 'Thực vật' },
        ],
        elements: [
          { id: 'e1', text: 'Con cá', categoryId: 'k1' },
          { id: 'e2', text: 'Cây lúa', categoryId: 'k2' },
        ],
      },
      { kind: 'fileTask', extensions: ['sb3'], rubric: [{ id: 'r1', text: 'Nhân vật di chuyển', points: 2 }] },
    ];
    expect(bodies.map((b) => b.kind)).toEqual([...ITEM_KINDS]);
    for (const body of bodies) expect(codes(item(body)), body.kind).toEqual([]);
  });

  it('names what is wrong with a choice item', () => {
    expect(codes(item({ kind: 'single', choices: abcd([]), shuffle: false }))).toEqual(['no_correct_answer']);
    expect(codes(item({ kind: 'single', choices: abcd(['a', 'b']), shuffle: false }))).toEqual([
      'several_correct_in_single',
    ]);
    expect(codes(item({ kind: 'single', choices: abcd(['a']).slice(0, 1), shuffle: false }))).toEqual([
      'too_few_options',
    ]);
    const nine = Array.from({ length: 9 }, (_, i) => ({ id: `o${i}`, text: `${i}`, correct: i === 0 }));
    expect(codes(item({ kind: 'single', choices: nine, shuffle: false }))).toEqual(['too_many_options']);
    const dup = [...abcd(['a']).slice(0, 3), { id: 'a', text: 'Lặp', correct: false }];
    expect(codes(item({ kind: 'single', choices: dup, shuffle: false }))).toEqual(['duplicate_id']);
    const empty = abcd(['a']).map((c) => (c.id === 'c' ? { ...c, text: '<p>&nbsp;</p>' } : c));
    expect(itemProblems(item({ kind: 'single', choices: empty, shuffle: false }))).toEqual([
      { code: 'empty_option', index: 2 },
    ]);
  });

  it('takes an image alone as a stem, but not an empty one', () => {
    const body: ItemBody = { kind: 'trueFalse', correct: true };
    expect(codes(item(body, 1, '<img src="media:3">'))).toEqual([]);
    expect(codes(item(body, 1, '<p> </p>'))).toEqual(['no_stem']);
    expect(codes(item(body, 0))).toEqual(['bad_points']);
  });

  it('checks that a passage and its blanks agree', () => {
    const body = (passage: string, ids: string[]): ItemBody => ({
      kind: 'cloze',
      passage,
      blanks: ids.map((id) => ({ id, accepted: ['x'] })),
      rules,
    });
    expect(itemProblems(item(body('A {{b1}} B {{b3}}', ['b1', 'b2'])))).toEqual([
      { code: 'blank_not_in_passage', id: 'b2' },
      { code: 'passage_blank_unknown', id: 'b3' },
    ]);
    expect(codes(item(body('{{b1}} {{b1}}', ['b1'])))).toEqual(['duplicate_id']);
    const choiceBlank: ItemBody = {
      kind: 'cloze',
      passage: 'Mặt trời mọc ở {{h}}',
      blanks: [
        {
          id: 'h',
          options: [
            { id: 'dong', text: 'phía đông', correct: false },
            { id: 'tay', text: 'phía tây', correct: false },
          ],
        },
      ],
      rules,
    };
    expect(codes(item(choiceBlank))).toEqual(['no_correct_answer']);
  });

  it('refuses elements of an unknown category and a file task without a rubric', () => {
    const cat: ItemBody = {
      kind: 'categorize',
      categories: [
        { id: 'k1', name: 'A' },
        { id: 'k2', name: 'B' },
      ],
      elements: [{ id: 'e1', text: 'x', categoryId: 'k9' }],
    };
    expect(itemProblems(item(cat))).toEqual([{ code: 'unknown_category', id: 'e1' }]);
    expect(codes(item({ kind: 'fileTask', extensions: ['png'], rubric: [] }))).toEqual(['no_rubric']);
    expect(codes(item({ kind: 'numeric', answers: [{ value: 1, tolerance: -1 }] }))).toEqual(['bad_tolerance']);
  });
});

describe('scoring', () => {
  const score = (body: ItemBody, response: ItemResponse, points = 1) => scoreResponse(item(body, points), response);

  it('scores nothing for an unanswered item of every kind', () => {
    const single: ItemBody = { kind: 'single', choices: abcd(['b']), shuffle: true };
    expect(score(single, emptyResponse('single'))).toEqual({ points: 0, max: 1, status: 'none' });
    expect(score({ kind: 'trueFalse', correct: false }, emptyResponse('trueFalse')).status).toBe('none');
    expect(score({ kind: 'fileTask', extensions: [], rubric: [] }, emptyResponse('fileTask')).status).toBe('pending');
    // A response of another kind (a changed item) earns nothing rather than throwing.
    expect(score(single, { kind: 'trueFalse', value: true }).points).toBe(0);
  });

  it('single choice and true/false', () => {
    const single: ItemBody = { kind: 'single', choices: abcd(['b']), shuffle: true };
    expect(score(single, { kind: 'single', choice: 'b' }, 0.5)).toEqual({ points: 0.5, max: 0.5, status: 'full' });
    expect(score(single, { kind: 'single', choice: 'a' }).status).toBe('none');
    expect(score({ kind: 'trueFalse', correct: false }, { kind: 'trueFalse', value: false }).status).toBe('full');
  });

  it.each([
    // correct a, c of a–d; ticks → all-or-nothing, per-choice
    [['a', 'c'], 1, 1],
    [['a'], 0, 0.5],
    [['a', 'b'], 0, 0],
    [['a', 'c', 'd'], 0, 0.5],
    [['b', 'd'], 0, 0],
    [[], 0, 0],
  ])('multiple choice ticks %j: all-or-nothing %d, per choice %d', (ticks, whole, perChoice) => {
    const body = (scoring: 'allOrNothing' | 'perChoice'): ItemBody => ({
      kind: 'multiple',
      choices: abcd(['a', 'c']),
      shuffle: false,
      scoring,
    });
    expect(score(body('allOrNothing'), { kind: 'multiple', choices: ticks }, 2).points).toBe(whole * 2);
    expect(score(body('perChoice'), { kind: 'multiple', choices: ticks }, 2).points).toBe(perChoice * 2);
  });

  it.each([
    [4, 0, 0],
    [4, 1, 0.1],
    [4, 2, 0.25],
    [4, 3, 0.5],
    [4, 4, 1],
    [3, 2, 2 / 3],
    [2, 1, 0.5],
  ])('Đúng/Sai grid of %d statements with %d right earns %d', (n, right, fraction) => {
    expect(gridFraction(n, right)).toBeCloseTo(fraction, 10);
    const statements = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, text: `Ý ${i}`, correct: i % 2 === 0 }));
    const values = Object.fromEntries(statements.map((s, i) => [s.id, i < right ? s.correct : !s.correct]));
    const s = score({ kind: 'trueFalseGrid', statements }, { kind: 'trueFalseGrid', values });
    expect(s.points).toBe(Math.round(fraction * 100) / 100);
  });

  it('a statement left unanswered in a grid is not right', () => {
    const statements = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id, correct: true }));
    const s = score({ kind: 'trueFalseGrid', statements }, { kind: 'trueFalseGrid', values: { a: true, b: true } });
    expect(s).toEqual({ points: 0.25, max: 1, status: 'partial' });
  });

  it('typed answers follow the case and diacritic rules', () => {
    const body = (r: typeof rules): ItemBody => ({
      kind: 'shortText',
      accepted: ['Hà Nội', 'Thủ đô Hà Nội'],
      rules: r,
    });
    const answer = (text: string) => ({ kind: 'shortText' as const, text });
    expect(score(body(rules), answer('  hà   nội ')).status).toBe('full');
    // NFD input (some keyboards and pasted text) matches NFC answers.
    expect(score(body(rules), answer('Hà Nội'.normalize('NFD'))).status).toBe('full');
    expect(score(body(rules), answer('Ha Noi')).status).toBe('none');
    expect(score(body({ caseSensitive: false, ignoreDiacritics: true }), answer('ha noi')).status).toBe('full');
    expect(score(body({ caseSensitive: true, ignoreDiacritics: false }), answer('hà nội')).status).toBe('none');
    expect(score(body(rules), answer('')).status).toBe('none');
    expect(normaliseTypedAnswer('Đà Nẵng', { caseSensitive: true, ignoreDiacritics: true })).toBe('Da Nang');
  });

  it.each([
    ['3,5', 3.5],
    ['3.5', 3.5],
    [' -2 ', -2],
    ['+7', 7],
    ['1 000', 1000],
    ['1.000', 1000],
    ['12.345,6', 12345.6],
    [',5', 0.5],
    ['', null],
    ['3,5,1', null],
    ['ba', null],
    ['1e3', null],
  ])('reads the typed number %j as %j', (text, value) => {
    expect(parseTypedNumber(text)).toBe(value);
  });

  it('numbers within the tolerance are right', () => {
    const body: ItemBody = {
      kind: 'numeric',
      answers: [
        { value: 0.3, tolerance: 0 },
        { value: 10, tolerance: 0.5 },
      ],
    };
    const n = (text: string) => score(body, { kind: 'numeric', text }).status;
    expect(n('0,3')).toBe('full');
    expect(n(String(0.1 + 0.2))).toBe('full');
    expect(n('10,5')).toBe('full');
    expect(n('10,6')).toBe('none');
    expect(n('mười')).toBe('none');
  });

  it('matching, ordering, cloze and categorize give credit per part', () => {
    const matching: ItemBody = {
      kind: 'matching',
      pairs: [
        { id: '1', left: '2 + 2', right: '4' },
        { id: '2', left: '3 + 1', right: '4' },
        { id: '3', left: '5 + 0', right: '5' },
        { id: '4', left: '1 + 5', right: '6' },
      ],
      distractors: [{ id: 'd', text: '7' }],
    };
    // The two lefts whose right text is "4" are right with either "4".
    expect(score(matching, { kind: 'matching', pairs: { '1': '2', '2': '1', '3': '3', '4': '3' } }).points).toBe(0.75);
    expect(score(matching, { kind: 'matching', pairs: { '1': '1', '2': '2', '3': '3', '4': 'd' } }).points).toBe(0.75);
    expect(score(matching, { kind: 'matching', pairs: { '1': '1', '2': '2', '3': '3', '4': '4' } }).status).toBe(
      'full',
    );

    const ordering: ItemBody = {
      kind: 'ordering',
      steps: ['a', 'b', 'c'].map((id) => ({ id, text: id })),
    };
    expect(score(ordering, { kind: 'ordering', order: ['a', 'b', 'c'] }).status).toBe('full');
    expect(score(ordering, { kind: 'ordering', order: ['a', 'c', 'b'] }).status).toBe('none');
    expect(score(ordering, { kind: 'ordering', order: ['a', 'b'] }).status).toBe('none');

    const cloze: ItemBody = {
      kind: 'cloze',
      passage: '{{x}} và {{y}}',
      blanks: [
        { id: 'x', accepted: ['mèo'] },
        {
          id: 'y',
          options: [
            { id: 'o1', text: 'chó', correct: true },
            { id: 'o2', text: 'gà', correct: false },
          ],
        },
      ],
      rules,
    };
    expect(score(cloze, { kind: 'cloze', blanks: { x: 'Mèo', y: 'o1' } }, 2)).toEqual({
      points: 2,
      max: 2,
      status: 'full',
    });
    expect(score(cloze, { kind: 'cloze', blanks: { x: 'Mèo', y: 'o2' } }, 2).points).toBe(1);

    const categorize: ItemBody = {
      kind: 'categorize',
      categories: [
        { id: 'k1', name: 'Chẵn' },
        { id: 'k2', name: 'Lẻ' },
      ],
      elements: [
        { id: '2', text: '2', categoryId: 'k1' },
        { id: '3', text: '3', categoryId: 'k2' },
        { id: '4', text: '4', categoryId: 'k1' },
      ],
    };
    expect(score(categorize, { kind: 'categorize', placed: { '2': 'k1', '3': 'k1', '4': 'k1' } }, 3).points).toBe(2);
  });

  it('a file task is graded by its rubric, each criterion capped', () => {
    const task = item(
      {
        kind: 'fileTask',
        extensions: ['sb3'],
        rubric: [
          { id: 'r1', text: 'Có nhân vật', points: 1 },
          { id: 'r2', text: 'Nhân vật di chuyển', points: 3 },
        ],
      },
      2,
    );
    expect(scoreRubric(task, { r1: 1, r2: 1 })).toEqual({ points: 1, max: 2, status: 'partial' });
    expect(scoreRubric(task, { r1: 5, r2: 3 })).toEqual({ points: 2, max: 2, status: 'full' });
    expect(scoreRubric(task, { r1: -4 })).toEqual({ points: 0, max: 2, status: 'none' });
  });
});
