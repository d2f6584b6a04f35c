/**
 * Text clean-up for what real Vietnamese spreadsheets carry: NFD-composed letters (typed with old
 * input methods or pasted from PDFs), non-breaking and zero-width spaces, line breaks inside cells, and a
 * leading apostrophe that some tools write literally instead of as Excel's "text" marker.
 */
import { foldForSearch } from '../../../../src-shared/domain/vnName';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u2007\u202F]+/g;
const LEADING_QUOTE = /^['‘’`]+/;

/** NFC, one space between words, no invisible characters, no leading apostrophe. */
export function cleanText(raw: string): string {
  let text = raw.normalize('NFC').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
  if (LEADING_QUOTE.test(text)) text = text.replace(LEADING_QUOTE, '').trim();
  return text;
}

/**
 * Keys already worked out: the columns compared this way (sex, ethnicity, nationality, yes/no marks)
 * repeat a handful of values down thousands of rows. Bounded, for the columns that do not repeat.
 */
const matchKeys = new Map<string, string>();
const MATCH_KEYS_KEPT = 4096;

/**
 * The form headers and code names are compared in: folded (no diacritics, lowercase, đ→d) and with
 * everything but letters and digits removed, so "Họ và tên (*)", "HỌ VÀ TÊN" and "HoVaTen" agree.
 */
export function matchKey(text: string): string {
  let key = matchKeys.get(text);
  if (key === undefined) {
    key = foldForSearch(text.normalize('NFC')).replace(/[^a-z0-9]/g, '');
    if (matchKeys.size >= MATCH_KEYS_KEPT) matchKeys.clear();
    matchKeys.set(text, key);
  }
  return key;
}

/** The text with parenthesised parts removed: "Ngày sinh (dd/mm/yyyy)" → "Ngày sinh". */
export function withoutParentheses(text: string): string {
  return text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
}
