import { describe, expect, it } from 'vitest';
import {
  arrangeChoices,
  arrangeItem,
  buildForm,
  formTotal,
  presentForm,
  randomFrom,
  seedFrom,
  type BankEntry,
} from '../../../src-shared/domain/lab/forms';
import type { ItemBody, ItemLevel } from '../../../src-shared/domain/lab/items';

function bank(spec: { topic: string; level: ItemLevel; n: number; used?: (i: number) => number }[]): BankEntry[] {
  let id = 0;
  return spec.flatMap((s) =>
    Array.from({ length: s.n }, (_, i) => ({
      id: ++id,
      topic: s.topic,
      level: s.level,
      points: 1,
      timesUsed: s.used?.(i) ?? 0,
    })),
  );
}

const choices = (n: number, fixed: number[] = []) =>
  Array.from({ length: n }, (_, i) => ({
    id: String.fromCharCode(97 + i),
    text: `${i}`,
    correct: i === 0,
    fixed: fixed.includes(i),
  }));

describe('building a form from a blueprint', () => {
  const items = bank([
    { topic: 'Máy tính', level: 1, n: 10, used: (i) => (i < 5 ? 3 : 0) },
    { topic: 'Máy tính', level: 2, n: 4 },
    { topic: 'Soạn thảo', level: 3, n: 2 },
  ]);

  it('takes the asked number per topic and level, the least used first, never one item twice', () => {
    const result = buildForm(
      {
        rows: [
          { topic: 'Máy tính', level: 1, count: 5, points: 1 },
          { topic: 'Máy tính', level: 2, count: 3, points: 1 },
          { topic: 'Soạn thảo', level: 3, count: 2, points: 1 },
        ],
        timeLimitMinutes: 35,
      },
      items,
      seedFrom('form 1'),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const ids = result.slots.map((s) => s.itemId);
    expect(new Set(ids).size).toBe(10);
    const chosen = ids.map((id) => items.find((i) => i.id === id)!);
    expect(chosen.filter((c) => c.level === 1).every((c) => c.timesUsed === 0)).toBe(true);
    expect(chosen.filter((c) => c.level === 2)).toHaveLength(3);
    expect(formTotal(result.slots)).toBe(10);
  });

  it('names every row the bank cannot fill and builds nothing', () => {
    const result = buildForm(
      {
        rows: [
          { topic: 'Máy tính', level: 2, count: 5 },
          { topic: 'Soạn thảo', level: 3, count: 1 },
          { topic: 'Internet', level: 1, count: 2 },
        ],
        timeLimitMinutes: 35,
      },
      items,
      1,
    );
    expect(result).toEqual({
      ok: false,
      short: [
        { row: 0, wanted: 5, available: 4 },
        { row: 2, wanted: 2, available: 0 },
      ],
    });
  });

  it('the same seed builds the same form; other seeds vary among equally used items', () => {
    const blueprint = { rows: [{ topic: 'Máy tính', level: 1 as const, count: 3 }], timeLimitMinutes: 35 };
    const ids = (seed: number) => {
      const r = buildForm(blueprint, items, seed);
      return r.ok ? r.slots.map((s) => s.itemId).join() : '';
    };
    expect(ids(7)).toBe(ids(7));
    const forms = new Set(Array.from({ length: 20 }, (_, i) => ids(seedFrom(`v${i}`))));
    expect(forms.size).toBeGreaterThan(5);
  });
});

describe('what each pupil sees', () => {
  it('keeps fixed options in place and moves the others', () => {
    const list = choices(4, [3]);
    const seen = new Set<string>();
    for (let s = 0; s < 200; s++) {
      const order = arrangeChoices(list, true, randomFrom(s));
      expect([...order].sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(order[3]).toBe('d');
      seen.add(order.join(''));
    }
    // All 6 orders of a, b, c come up.
    expect(seen.size).toBe(6);
    expect(arrangeChoices(list, false, randomFrom(1))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never shows the steps of an ordering item in the right order', () => {
    const body: ItemBody = { kind: 'ordering', steps: ['a', 'b'].map((id) => ({ id, text: id })) };
    for (let s = 0; s < 50; s++) expect(arrangeItem(body, randomFrom(s))).toEqual(['b', 'a']);
  });

  it('a seed gives one presentation, shown again the same way; 40 pupils mostly differ', () => {
    const slots = Array.from({ length: 30 }, (_, i) => ({ itemId: i + 1, points: 1 }));
    const bodies = new Map<number, ItemBody>(
      slots.map((s) => [s.itemId, { kind: 'single', choices: choices(4), shuffle: true }]),
    );
    const show = (attempt: string) => presentForm(slots, bodies, { shuffleItems: true, seed: seedFrom(attempt) });
    const first = show('attempt-1');
    expect(show('attempt-1')).toEqual(first);
    expect([...first.items].sort((a, b) => a - b)).toEqual(slots.map((s) => s.itemId));
    expect(Object.keys(first.parts)).toHaveLength(30);
    const orders = new Set(Array.from({ length: 40 }, (_, i) => show(`attempt-${i}`).items.join()));
    expect(orders.size).toBe(40);
    const unshuffled = presentForm(slots, bodies, { shuffleItems: false, seed: 1 });
    expect(unshuffled.items).toEqual(slots.map((s) => s.itemId));
  });
});
