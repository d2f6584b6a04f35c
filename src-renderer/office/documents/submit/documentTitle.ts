/**
 * The title a document is submitted under, before the user edits it. The files the app makes carry
 * slug names without diacritics ("bang-tong-hop-3a-giua-hoc-ky-i-2025-2026.pdf", because some school
 * PCs still mangle them): those are read back into the Vietnamese title the app gave them; any other
 * file's name becomes a sentence ("Bao_cao si so.docx" → "Bao cao si so").
 */
import { POINT_LABELS } from '../../../../src-shared/domain/tt27';
import { fileSlug } from '../../../../src-shared/domain/vnName';

const EXTENSION = /\.[^.\s]{1,8}$/;
/** " (1)", " (2)": what browsers add to a file downloaded twice. */
const COPY_SUFFIX = /\s*\(\d+\)$/;

const POINT_BY_SLUG = new Map(Object.values(POINT_LABELS).map((label) => [fileSlug(label), label]));
const POINT_SLUGS = [...POINT_BY_SLUG.keys()].sort((a, b) => b.length - a.length).join('|');
const SUMMARY = new RegExp(`^bang-tong-hop-([a-z0-9-]+?)-(${POINT_SLUGS})-(\\d{4})-(\\d{4})$`);
const HOCBA_CLASS = /^hoc-ba-lop-([a-z0-9-]+?)-(\d{4})-(\d{4})$/;

function className(slug: string): string {
  return slug.toUpperCase();
}

/** The title the app gave a file it made, read back from the file's name; null for any other file. */
export function generatedTitle(fileName: string): string | null {
  const base = fileName.replace(EXTENSION, '').replace(COPY_SUFFIX, '').trim().toLowerCase();
  const summary = SUMMARY.exec(base);
  if (summary) {
    const [, cls, point, from, to] = summary;
    return `Bảng tổng hợp kết quả đánh giá lớp ${className(cls!)} – ${POINT_BY_SLUG.get(point!)!}, năm học ${from}-${to}`;
  }
  const hocba = HOCBA_CLASS.exec(base);
  if (hocba) {
    const [, cls, from, to] = hocba;
    return `Học bạ lớp ${className(cls!)}, năm học ${from}-${to}`;
  }
  return null;
}

/** A file's name as a title: no extension, dashes and underscores as spaces, the first letter capital. */
export function titleFromFileName(fileName: string): string {
  const known = generatedTitle(fileName);
  if (known) return known;
  const words = fileName.replace(EXTENSION, '').replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase('vi') + words.slice(1);
}
