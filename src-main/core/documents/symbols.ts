/**
 * Ký hiệu of an outgoing document (NĐ 30/2020 Phụ lục I): the kind's abbreviation, a dash, and the
 * school's abbreviation — "QĐ-THKĐ" for a quyết định of Trường Tiểu học Kim Đồng, so the register line
 * reads "12/QĐ-THKĐ". A công văn carries the school's abbreviation alone. The clerk may correct it.
 */
import type { DocumentView } from '../../../src-shared/api/documents';

const KIND_ABBREVIATIONS: Record<DocumentView['kind'], string> = {
  hocba: 'HB',
  report: 'BC',
  decision: 'QĐ',
  plan: 'KH',
  letter: '',
  other: '',
};

/** "Trường Tiểu học Kim Đồng" → "THKĐ": the initials of the name after "Trường". */
export function schoolAbbreviation(schoolName: string): string {
  const words = schoolName
    .normalize('NFC')
    .replace(/^\s*trường\s+/iu, '')
    .split(/[\s\-–,.()]+/u)
    .filter((w) => /\p{L}|\d/u.test(w));
  return words
    .map((w) => (/^\d+$/.test(w) ? w : w.charAt(0).toLocaleUpperCase('vi')))
    .join('')
    .normalize('NFC');
}

export function defaultSymbol(kind: DocumentView['kind'], schoolName: string): string {
  const school = schoolAbbreviation(schoolName);
  const kindPart = KIND_ABBREVIATIONS[kind];
  return [kindPart, school].filter(Boolean).join('-');
}
