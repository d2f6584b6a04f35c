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
  const hay = foldForSearch(text);
  return q.split(' ').every((word) => hay.includes(word));
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
