/**
 * Test forms (đề kiểm tra) built from the bank: a blueprint says how many items of each topic and level,
 * at how many points; the form is the items chosen; each pupil (or each version, đề 1, đề 2) sees them
 * in a shuffled order with shuffled options. The shuffle is computed from a seed, so the server stores
 * one seed per attempt and the order a pupil saw can always be shown again (on another PC, in a
 * complaint, on the printed answer sheet).
 */
import type { Choice, ItemBody, ItemLevel } from './items';

export interface BlueprintRow {
  readonly topic: string;
  readonly level: ItemLevel;
  readonly count: number;
  /** Points each chosen item carries on this form (the item's own points when absent). */
  readonly points?: number;
}

export interface Blueprint {
  readonly rows: readonly BlueprintRow[];
  readonly timeLimitMinutes: number;
}

/** What the chooser needs to know of a bank item. */
export interface BankEntry {
  readonly id: number;
  readonly topic: string;
  readonly level: ItemLevel;
  readonly points: number;
  /** Times the item was used in held tests: the least used are chosen first, so tests vary. */
  readonly timesUsed: number;
}

export interface FormSlot {
  readonly itemId: number;
  readonly points: number;
}

export type BuildResult =
  | { readonly ok: true; readonly slots: readonly FormSlot[] }
  | {
      readonly ok: false;
      /** Rows the bank cannot fill: how many the row asks for and how many items there are. */
      readonly short: readonly { readonly row: number; readonly wanted: number; readonly available: number }[];
    };

// ------------------------------------------------------------------------------------------ randomness

/** A 32-bit seed from text (an attempt id, "form 12 version 2"): FNV-1a. */
export function seedFrom(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and well spread; shuffles, not secrets. */
export function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ------------------------------------------------------------------------------------------ building

/** The bank grouped by topic and level, then by times used: build it once for many forms. */
export interface BankIndex {
  readonly groups: ReadonlyMap<string, readonly (readonly BankEntry[])[]>;
}

const groupKey = (level: ItemLevel, topic: string) => `${level}\u0000${topic}`;

export function indexBank(bank: readonly BankEntry[]): BankIndex {
  const byKey = new Map<string, Map<number, BankEntry[]>>();
  for (const entry of bank) {
    const key = groupKey(entry.level, entry.topic);
    let tiers = byKey.get(key);
    if (!tiers) byKey.set(key, (tiers = new Map()));
    let tier = tiers.get(entry.timesUsed);
    if (!tier) tiers.set(entry.timesUsed, (tier = []));
    tier.push(entry);
  }
  const groups = new Map<string, BankEntry[][]>();
  for (const [key, tiers] of byKey) {
    groups.set(
      key,
      [...tiers.entries()].sort(([a], [b]) => a - b).map(([, entries]) => entries),
    );
  }
  return { groups };
}

/**
 * The items of a form: for each blueprint row, the least-used items of that topic and level (ties broken
 * by the seed, so two forms built at once differ), never one item twice. All or nothing: when any row
 * cannot be filled, the result names every such row and how many items the bank has for it.
 */
export function buildForm(blueprint: Blueprint, bank: readonly BankEntry[] | BankIndex, seed: number): BuildResult {
  const index = 'groups' in bank ? bank : indexBank(bank);
  const random = randomFrom(seed);
  const taken = new Set<number>();
  const slots: FormSlot[] = [];
  const short: { row: number; wanted: number; available: number }[] = [];
  blueprint.rows.forEach((row, rowIndex) => {
    const tiers = index.groups.get(groupKey(row.level, row.topic)) ?? [];
    const chosen: BankEntry[] = [];
    let available = 0;
    for (const tier of tiers) {
      const free = tier.filter((e) => !taken.has(e.id));
      available += free.length;
      if (chosen.length >= row.count) continue;
      // Least used first; within a tier, a random few (a partial Fisher–Yates).
      const need = row.count - chosen.length;
      if (free.length <= need) chosen.push(...free);
      else {
        for (let i = 0; i < need; i++) {
          const j = i + Math.floor(random() * (free.length - i));
          [free[i], free[j]] = [free[j]!, free[i]!];
          chosen.push(free[i]!);
        }
      }
    }
    if (chosen.length < row.count) {
      short.push({ row: rowIndex, wanted: row.count, available });
      return;
    }
    for (const entry of chosen) {
      taken.add(entry.id);
      slots.push({ itemId: entry.id, points: row.points ?? entry.points });
    }
  });
  return short.length > 0 ? { ok: false, short } : { ok: true, slots };
}

/** The form's total points: a TT27 periodic test is marked out of 10. */
export function formTotal(slots: readonly FormSlot[]): number {
  return Math.round(slots.reduce((sum, s) => sum + s.points, 0) * 100) / 100;
}

// ------------------------------------------------------------------------------------------ presenting

/**
 * Options in a pupil's order: shuffled, except those marked fixed, which keep their place ("Cả A và B"
 * stays last). Items that do not shuffle keep the order written.
 */
export function arrangeChoices(choices: readonly Choice[], shuffle: boolean, random: () => number): string[] {
  const ids = choices.map((c) => c.id);
  if (!shuffle) return ids;
  const movable = shuffled(
    choices.filter((c) => !c.fixed).map((c) => c.id),
    random,
  );
  return choices.map((c) => (c.fixed ? c.id : movable.shift()!));
}

/** The order of the parts of an item a pupil sees: options, statements stay, matching's right column, steps. */
export function arrangeItem(body: ItemBody, random: () => number): string[] {
  switch (body.kind) {
    case 'single':
    case 'multiple':
      return arrangeChoices(body.choices, body.shuffle, random);
    case 'matching':
      return shuffled([...body.pairs.map((p) => p.id), ...body.distractors.map((d) => d.id)], random);
    case 'ordering': {
      // Steps are shown out of order — never in the right order, which would give the answer away.
      const ids = body.steps.map((s) => s.id);
      if (ids.length < 2) return ids;
      let order = shuffled(ids, random);
      while (order.every((id, i) => id === ids[i])) order = shuffled(ids, random);
      return order;
    }
    case 'categorize':
      return shuffled(
        body.elements.map((e) => e.id),
        random,
      );
    default:
      return [];
  }
}

export interface Presentation {
  /** Item ids in the order the pupil sees them. */
  readonly items: readonly number[];
  /** For each item, the order of its parts (empty when the kind has none to arrange). */
  readonly parts: Readonly<Record<number, readonly string[]>>;
}

/**
 * What one pupil (or one printed version) sees: the form's items shuffled when the form says so, and each
 * item's parts arranged, all from one seed.
 */
export function presentForm(
  slots: readonly FormSlot[],
  bodies: ReadonlyMap<number, ItemBody>,
  options: { readonly shuffleItems: boolean; readonly seed: number },
): Presentation {
  const random = randomFrom(options.seed);
  const ids = slots.map((s) => s.itemId);
  const items = options.shuffleItems ? shuffled(ids, random) : ids;
  const parts: Record<number, readonly string[]> = {};
  for (const id of items) {
    const body = bodies.get(id);
    parts[id] = body ? arrangeItem(body, random) : [];
  }
  return { items, parts };
}
