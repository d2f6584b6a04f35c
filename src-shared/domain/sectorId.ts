/**
 * Mã định danh (Bộ GD&ĐT): the education sector's ID of a pupil or staff member, issued by the sector
 * database (CSDL ngành) at the first entry, unique and never changed (Thông tư 42/2021/TT-BGDĐT,
 * Điều 2 khoản 2 and Điều 10; shared/reference/domain-vn.md §3.3, read in the regulation's words).
 *
 * Its length and alphabet are NOT CONFIRMED: the regulation says only "a character string", and the
 * current CSDL ngành field specification is marked not confirmed (domain-vn.md §6, item 5). What the
 * rule below rests on: Thông tư 26/2019/TT-BGDĐT as reported in the press gives the pupil's ID 20
 * characters issued automatically (secondary source); the IDs schools copy from the sector database
 * are 10 or more digits led by the province code (as in this project's fixtures, unverified); the
 * pupil's số định danh cá nhân (12 digits), which secondary sources call the pupil's mã định danh
 * (domain-vn.md §3.3, [M]), also fits. A code of fewer than 10 characters ("12345") is a school's own
 * pupil number, not the ministry's ID: refused.
 */
export const SECTOR_ID_PATTERN = /^[0-9A-Za-z]{10,20}$/;

export function isSectorId(value: string): boolean {
  return SECTOR_ID_PATTERN.test(value);
}
