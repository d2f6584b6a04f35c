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
 * The form headers and code names are compared in: folded (no diacritics, lowercase, đ→d) and with
 * everything but letters and digits removed, so "Họ và tên (*)", "HỌ VÀ TÊN" and "HoVaTen" agree.
 */
export function matchKey(text: string): string {
  return foldForSearch(text.normalize('NFC')).replace(/[^a-z0-9]/g, '');
}

/** The text with parenthesised parts removed: "Ngày sinh (dd/mm/yyyy)" → "Ngày sinh". */
export function withoutParentheses(text: string): string {
  return text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
}
