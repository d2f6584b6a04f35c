/**
 * From what a cell says to a code of the sector database's lists. Cells hold the code ("01", or 1 once
 * Excel has dropped the zero), the name in any case and with or without diacritics ("Kinh", "KINH",
 * "Khơ-me", "Kho me"), a dropdown's "01 - Kinh", or a short form clerks use ("ĐHSP", "Kế toán").
 */
import {
  CONTRACT_TYPES,
  DISABILITY_TYPES,
  ETHNICITIES,
  POLICY_GROUPS,
  QUALIFICATIONS,
  RELIGIONS,
  STAFF_POSITIONS,
  STAFF_STATUSES,
  TEACHING_SUBJECTS,
  type Code,
} from '../../../../src-shared/domain/codeLists';
import { COUNTRIES, isCountryCode } from '../../../../src-shared/domain/countries';
import { matchKey } from './text';

/** Folded key → value; a value of '' means "none" (e.g. "Không" in the disability column). */
export type CodeLookup = ReadonlyMap<string, string>;

function lookup(
  list: readonly Code[],
  options: { extra?: Record<string, string>; prefixes?: string[] } = {},
): CodeLookup {
  const map = new Map<string, string>();
  const add = (text: string, code: string) => {
    const key = matchKey(text);
    if (key && !map.has(key)) map.set(key, code);
  };
  for (const { code } of list) {
    add(code, code);
    if (/^\d+$/.test(code)) add(String(Number(code)), code);
  }
  for (const { code, name } of list) {
    add(name, code);
    // "Khuyết tật vận động" is written "Vận động" as often as not; "Nhân viên kế toán" as "Kế toán".
    for (const prefix of options.prefixes ?? []) {
      const key = matchKey(name);
      const p = matchKey(prefix);
      if (key.startsWith(p) && key.length > p.length) add(key.slice(p.length), code);
    }
  }
  for (const [text, code] of Object.entries(options.extra ?? {})) add(text, code);
  return map;
}

const CODE_AND_NAME = /^(\d{1,3})\s*[-–—.:)]\s*\S/;

/** The code for a text, or undefined when the list does not know it. */
export function findCode(table: CodeLookup, text: string): string | undefined {
  const found = table.get(matchKey(text));
  if (found !== undefined) return found;
  const codeFirst = CODE_AND_NAME.exec(text);
  return codeFirst ? table.get(codeFirst[1]!) : undefined;
}

export const ETHNICITY_CODES = lookup(ETHNICITIES, {
  extra: { Khmer: '05', Mông: '08', "H'Mông": '08', Bana: '13', 'Ê Đê': '12' },
});
export const RELIGION_CODES = lookup(RELIGIONS, { extra: { 'Không tôn giáo': '99', 'Thiên chúa giáo': '02' } });
export const DISABILITY_CODES = lookup(DISABILITY_TYPES, {
  prefixes: ['Khuyết tật'],
  extra: { Không: '', 'Không khuyết tật': '', '0': '', '00': '' },
});
export const POLICY_CODES = lookup(POLICY_GROUPS, { extra: { Không: '', '0': '', '00': '' } });
export const POSITION_CODES = lookup(STAFF_POSITIONS, {
  prefixes: ['Nhân viên'],
  extra: {
    HT: '01',
    PHT: '02',
    TTCM: '03',
    'Tổ trưởng': '03',
    TPCM: '04',
    'Tổ phó': '04',
    'Giáo viên': '',
    GV: '',
    Không: '',
  },
});
export const QUALIFICATION_CODES = lookup(QUALIFICATIONS, {
  extra: { TS: '01', ThS: '02', ĐH: '03', CĐ: '04', TC: '05', ĐHSP: '16', CĐSP: '17', TCSP: '18' },
});
export const CONTRACT_CODES = lookup(CONTRACT_TYPES, {
  extra: { 'Biên chế': '07', 'HĐ 68': '02', 'Hợp đồng 68': '02', 'NĐ 68': '02' },
});
export const STAFF_STATUS_CODES = lookup(STAFF_STATUSES, { extra: { 'Đang công tác': '01' } });
// The CSDL ngành's own names and the names clerks write, beside the TT27 names of TEACHING_SUBJECTS.
export const SUBJECT_CODES = lookup(TEACHING_SUBJECTS, {
  extra: {
    'Tiểu học': '09',
    'Giáo viên tiểu học': '09',
    'GV tiểu học': '09',
    'Mỹ thuật': '19',
    'Tiếng Anh': '07',
    'Anh văn': '07',
    'Thể dục': '08',
    GDTC: '08',
    'Tiếng dân tộc': '32',
    'Tiếng Pháp': '12',
    'Tiếng Trung': '13',
    'Tiếng Nga': '11',
    'Tiếng Hàn': '34',
    'Tiếng Nhật': '35',
    Không: '',
  },
});

/** DM_NHOM_CAN_BO: 01 CBQL, 02 Nhân viên, 03 Giáo viên, 06 GV dạy nghề, 10 GV biệt phái. */
export const STAFF_GROUP_CODES: ReadonlyMap<string, 'manager' | 'teacher' | 'support'> = (() => {
  const map = new Map<string, 'manager' | 'teacher' | 'support'>();
  const add = (group: 'manager' | 'teacher' | 'support', texts: string[]) => {
    for (const t of texts) map.set(matchKey(t), group);
  };
  add('manager', ['01', '1', 'Cán bộ quản lý', 'CBQL', 'Quản lý', 'manager']);
  add('support', ['02', '2', 'Nhân viên', 'NV', 'support']);
  add('teacher', [
    '03',
    '3',
    '06',
    '6',
    '10',
    'Giáo viên',
    'GV',
    'Giáo viên dạy nghề',
    'Giáo viên biệt phái',
    'teacher',
  ]);
  return map;
})();

/** Countries a Vietnamese primary school meets; anything else is written as its two-letter code. */
const NATIONALITIES: Record<string, string> = {
  vietnam: 'VN',
  vn: 'VN',
  vnm: 'VN',
  '704': 'VN',
  lao: 'LA',
  campuchia: 'KH',
  trungquoc: 'CN',
  dailoan: 'TW',
  hanquoc: 'KR',
  nhatban: 'JP',
  thailan: 'TH',
  hoaky: 'US',
  my: 'US',
  phap: 'FR',
  uc: 'AU',
};

/** The form's country list by Vietnamese name, for the countries the short list above does not spell. */
const COUNTRY_NAMES: ReadonlyMap<string, string> = new Map(COUNTRIES.map((c) => [matchKey(c.name), c.code]));

export function findNationality(text: string): string | undefined {
  const key = matchKey(text);
  const known = NATIONALITIES[key] ?? COUNTRY_NAMES.get(key);
  if (known) return known;
  // The server takes only ISO 3166 codes (src-shared/domain/countries.ts).
  return /^[A-Za-z]{2}$/.test(text) && isCountryCode(text.toUpperCase()) ? text.toUpperCase() : undefined;
}
