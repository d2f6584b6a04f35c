/**
 * Vietnamese personal names: stored whole and split into họ (family name), đệm (middle names) and tên
 * (given name). Class lists sort by tên, then họ đệm, with Vietnamese collation; search ignores
 * diacritics and case.
 */

export interface NameParts {
  /** Họ: the first word. */
  family: string;
  /** Đệm: the words between. */
  middle: string;
  /** Tên: the last word, the one people are called by and sorted by. */
  given: string;
}

/** Unicode NFC with runs of white space folded: imported files often carry NFD text and stray spaces. */
export function cleanName(fullName: string): string {
  return fullName.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function splitName(fullName: string): NameParts {
  const words = cleanName(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { family: '', middle: '', given: '' };
  if (words.length === 1) return { family: '', middle: '', given: words[0]! };
  return { family: words[0]!, middle: words.slice(1, -1).join(' '), given: words[words.length - 1]! };
}

export function joinName(parts: NameParts): string {
  return [parts.family, parts.middle, parts.given].filter(Boolean).join(' ');
}

/** Lowercase, without diacritics, đ→d: "Nguyễn Văn Đạt" → "nguyen van dat". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query begins a word of the text (diacritic- and case-insensitive). */
export function matchesSearch(text: string, query: string): boolean {
  const q = foldForSearch(query);
  if (!q) return true;
  const words = foldForSearch(text).split(' ');
  return q.split(' ').every((part) => words.some((word) => word.startsWith(part)));
}

const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/** Compares two full names as a class list orders them: tên, then họ đệm, then the whole name. */
export function compareVietnameseNames(a: string, b: string): number {
  const pa = splitName(a);
  const pb = splitName(b);
  return (
    collator.compare(pa.given, pb.given) ||
    collator.compare(`${pa.family} ${pa.middle}`, `${pb.family} ${pb.middle}`) ||
    collator.compare(a, b)
  );
}

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/*
 * A sort key that orders like Intl.Collator('vi') under a plain binary comparison, so the database can
 * sort and page class lists (SQLite has no Vietnamese collation). Levels as in the Unicode collation
 * algorithm: letters of the Vietnamese alphabet (ă, â, đ, ê, ô, ơ, ư are letters of their own) first,
 * then tones (none < huyền < hỏi < ngã < sắc < nặng), then case. The tests check it against Intl.
 */
const ALPHABET = 'a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z'.split(' ');
const LETTER_RANK = new Map(ALPHABET.map((letter, i) => [letter, i]));
/** Combining marks that make a new letter: breve, circumflex, horn. */
const LETTER_MARKS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031B': { o: 'ơ', u: 'ư' },
};
/** Tone marks in dictionary order: huyền, hỏi, ngã, sắc, nặng. */
const TONE_RANK: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const LEVEL = '\u0002';
const PART = '\u0001';

interface Unit {
  primary: string;
  tone: number;
  upper: boolean;
}

/** Adds one character of NFD text to the units: a new letter, or a mark on the last one. */
function addDecomposed(out: Unit[], ch: string): void {
  const last = out[out.length - 1];
  const letterMark = LETTER_MARKS[ch];
  if (letterMark && last) {
    const base = ALPHABET[last.primary.charCodeAt(0) - 0x100];
    const made = base ? letterMark[base] : undefined;
    if (made) last.primary = String.fromCharCode(0x100 + LETTER_RANK.get(made)!);
    return;
  }
  if (ch in TONE_RANK) {
    if (last) last.tone = TONE_RANK[ch]!;
    return;
  }
  if (/\p{M}/u.test(ch)) return;
  const lower = ch.toLowerCase();
  const rank = LETTER_RANK.get(lower);
  out.push({
    // Letters sort after digits, spaces and punctuation, which keep their code points.
    primary: rank === undefined ? (ch === ' ' ? '\u0003' : lower) : String.fromCharCode(0x100 + rank),
    tone: 0,
    upper: ch !== lower,
  });
}

/** A precomposed character's unit, worked out once: names repeat the same few dozen characters. */
const unitOfChar = new Map<string, Unit | null>();

function units(text: string): Unit[] {
  const out: Unit[] = [];
  for (const ch of text.normalize('NFC')) {
    let unit = unitOfChar.get(ch);
    if (unit === undefined) {
      const own: Unit[] = [];
      for (const part of ch.normalize('NFD')) addDecomposed(own, part);
      // A mark that did not compose with its letter stands alone and belongs to the previous unit.
      unit = own.length === 1 ? own[0]! : null;
      unitOfChar.set(ch, unit);
    }
    if (unit) out.push({ ...unit });
    else for (const part of ch.normalize('NFD')) addDecomposed(out, part);
  }
  return out;
}

function levelsKey(text: string): string {
  const u = units(text);
  return [
    u.map((x) => x.primary).join(''),
    u.map((x) => String(x.tone)).join(''),
    u.map((x) => (x.upper ? '1' : '0')).join(''),
  ].join(LEVEL);
}

/** Binary-comparable key for one text in Vietnamese order. */
export function vietnameseSortKey(text: string): string {
  return levelsKey(cleanName(text));
}

/** Binary-comparable key for a full name in class-list order: tên, then họ đệm. */
export function nameSortKey(fullName: string): string {
  const p = splitName(fullName);
  return [levelsKey(p.given), levelsKey(`${p.family} ${p.middle}`.trim()), levelsKey(cleanName(fullName))].join(PART);
}

/** A file name part without diacritics or spaces ("Lớp 1A" → "lop-1a"): some school PCs still mangle them. */
export function fileSlug(...parts: string[]): string {
  return parts
    .map((p) => foldForSearch(p).replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/^-+|-+$/g, '');
}
