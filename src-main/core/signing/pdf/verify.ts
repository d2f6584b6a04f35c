/**
 * Verifying the signatures of a PDF, ours or anyone's: for each signature the byte ranges (sound, and
 * whether they reach the end of the file), the digest and signature in the CMS, its signature timestamp
 * (B-T) when it has one, the signer's certificate at the signing time and its chain to the school's trust
 * anchors, and what was changed in the revisions after it: only signatures added (what a second signer
 * does), or anything else.
 */
import crypto from 'node:crypto';
import type { PDFArray, PDFContext, PDFDict, PDFDocument, PDFNumber, PDFObject } from 'pdf-lib';
import { loadPdfLib, type PdfLib } from './lib';
import { assessSignature, parseCertificateList, type SignatureCheck, type TrustOptions } from '../assess';
import { derLength, verifyCms, type CmsVerification } from '../cms';
import { formatInstantVn } from '../../../../src-shared/domain/dates';

/** pdf-lib's classes, set by the entry point before any helper runs (see lib.ts). */
let L: PdfLib;

export interface PdfSignatureReport extends SignatureCheck {
  /** 1-based, in the order the signatures were made. */
  readonly index: number;
  readonly fieldName: string | null;
  readonly subFilter: string | null;
  readonly byteRange: readonly number[];
  /** The signature covers the whole file: nothing was added after it. */
  readonly coversWholeDocument: boolean;
  /** What the later revisions did: nothing, only add signatures, or other changes. */
  readonly laterChanges: 'none' | 'signatures' | 'other';
  readonly reason: string | null;
  readonly location: string | null;
}

export type PdfVerificationStatus =
  'no_signatures' | 'valid' | 'valid_untrusted' | 'modified' | 'invalid' | 'indeterminate';

export interface PdfVerification {
  readonly status: PdfVerificationStatus;
  /** The verdict on the whole document, in Vietnamese. */
  readonly verdict: string;
  readonly signatures: readonly PdfSignatureReport[];
  readonly fileSize: number;
}

interface FoundSignature {
  readonly dict: PDFDict;
  readonly fieldName: string | null;
}

const textOf = (o: PDFObject | undefined): string | null =>
  o instanceof L.PDFString || o instanceof L.PDFHexString ? o.decodeText() : null;

function fieldType(context: PDFContext, dict: PDFDict): PDFObject | undefined {
  let d: PDFDict | undefined = dict;
  for (let i = 0; d && i < 20; i++) {
    const ft = d.get(L.PDFName.of('FT'));
    if (ft) return ft;
    const parent: PDFObject | undefined = context.lookup(d.get(L.PDFName.of('Parent')));
    d = parent instanceof L.PDFDict ? parent : undefined;
  }
  return undefined;
}

function fullName(context: PDFContext, dict: PDFDict): string | null {
  const parts: string[] = [];
  let d: PDFDict | undefined = dict;
  for (let i = 0; d && i < 20; i++) {
    const t = textOf(d.get(L.PDFName.of('T')));
    if (t) parts.unshift(t);
    const parent: PDFObject | undefined = context.lookup(d.get(L.PDFName.of('Parent')));
    d = parent instanceof L.PDFDict ? parent : undefined;
  }
  return parts.length ? parts.join('.') : null;
}

/** Signature values (/V of signature fields), each once. */
function findSignatures(context: PDFContext): FoundSignature[] {
  const found = new Map<PDFDict, FoundSignature>();
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof L.PDFDict)) continue;
    if (fieldType(context, object) !== L.PDFName.of('Sig')) continue;
    const v = context.lookup(object.get(L.PDFName.of('V')));
    if (!(v instanceof L.PDFDict) || !v.has(L.PDFName.of('ByteRange'))) continue;
    if (!found.has(v)) found.set(v, { dict: v, fieldName: fullName(context, object) });
  }
  return [...found.values()];
}

function numbers(context: PDFContext, o: PDFObject | undefined): number[] {
  const a = context.lookup(o);
  return a instanceof L.PDFArray
    ? a
        .asArray()
        .map((v) => (context.lookup(v) instanceof L.PDFNumber ? (context.lookup(v) as PDFNumber).asNumber() : NaN))
    : [];
}

/** The PDF date /M as an instant. */
export function parsePdfDate(value: string | null): Date | null {
  if (!value) return null;
  const m = /D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(value);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(+y!, +mo - 1, +d, +h, +mi, +s);
  const offset = (sign === '+' ? 1 : sign === '-' ? -1 : 0) * (+oh * 60 + +om) * 60_000;
  return new Date(utc - offset);
}

function rangesDigest(bytes: Uint8Array, range: readonly number[]) {
  return (hash: string) => {
    const h = crypto.createHash(hash);
    for (let i = 0; i + 1 < range.length; i += 2) h.update(bytes.subarray(range[i]!, range[i]! + range[i + 1]!));
    return h.digest();
  };
}

/** Why the byte ranges cannot be trusted, or null when sound. */
function rangeProblem(bytes: Uint8Array, range: readonly number[]): string | null {
  if (range.length !== 4 || range.some((n) => !Number.isInteger(n) || n < 0))
    return 'Vùng ký (ByteRange) không hợp lệ.';
  const [a, b, c, d] = range as [number, number, number, number];
  if (a !== 0) return 'Vùng ký (ByteRange) không bắt đầu từ đầu tệp.';
  if (c < b || c + d > bytes.length) return 'Vùng ký (ByteRange) vượt ra ngoài tệp.';
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e)
    return 'Phần bỏ ra khỏi vùng ký không phải đúng chỗ chứa chữ ký (/Contents).';
  for (let i = b + 1; i < c - 1; i++) {
    const ch = bytes[i]!;
    const hex = (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x46) || (ch >= 0x61 && ch <= 0x66);
    if (!hex && ch !== 0x20 && ch !== 0x0a && ch !== 0x0d)
      return 'Chỗ chứa chữ ký (/Contents) có dữ liệu lạ ngoài vùng ký.';
  }
  return null;
}

function contentsBytes(bytes: Uint8Array, range: readonly number[], dict: PDFDict): Buffer {
  let raw: Buffer;
  if (range.length === 4 && bytes[range[1]!] === 0x3c) {
    const hex = Buffer.from(bytes.subarray(range[1]! + 1, range[2]! - 1))
      .toString('latin1')
      .replace(/[^0-9a-fA-F]/g, '');
    raw = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  } else {
    const c = dict.get(L.PDFName.of('Contents'));
    raw =
      c instanceof L.PDFHexString
        ? Buffer.from(c.asBytes())
        : c instanceof L.PDFString
          ? Buffer.from(c.asBytes())
          : Buffer.alloc(0);
  }
  const len = derLength(raw);
  return len > 0 && len <= raw.length ? raw.subarray(0, len) : raw;
}

// ---------------------------------------------------------------------------------------------------
// What changed after a signature

const serial = (o: PDFObject | undefined) => (o === undefined ? '' : o.toString());

function changedKeys(a: PDFDict, b: PDFDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.asString()));
  return [...keys].filter((k) => serial(a.get(L.PDFName.of(k.slice(1)))) !== serial(b.get(L.PDFName.of(k.slice(1)))));
}

function isSignatureThing(context: PDFContext, o: PDFObject | undefined): boolean {
  const d = context.lookup(o);
  if (!(d instanceof L.PDFDict)) return false;
  return fieldType(context, d) === L.PDFName.of('Sig');
}

/** Elements of `b` that are not in `a`, if `a`'s are all still there; null when something was removed. */
function added(a: PDFArray, b: PDFArray): PDFObject[] | null {
  const before = a.asArray().map(serial);
  const after = b.asArray();
  if (!before.every((s) => after.some((o) => serial(o) === s))) return null;
  return after.filter((o) => !before.includes(serial(o)));
}

const ALLOWED_CATALOG_KEYS = new Set(['/AcroForm', '/DSS', '/Extensions']);
const ALLOWED_ACROFORM_KEYS = new Set(['/Fields', '/SigFlags', '/DR', '/DA', '/NeedAppearances']);
const ALLOWED_SIGFIELD_KEYS = new Set(['/V', '/AP', '/AS', '/F', '/MK', '/Lock', '/SV']);

function classifyChanges(before: PDFContext, after: PDFContext): 'signatures' | 'other' {
  const rootRef = after.trailerInfo.Root;
  const infoRef = after.trailerInfo.Info;
  const catalog = after.lookup(rootRef);
  const acroRef = catalog instanceof L.PDFDict ? catalog.get(L.PDFName.of('AcroForm')) : undefined;
  for (const [ref, b] of after.enumerateIndirectObjects()) {
    const a = before.lookup(ref);
    if (a === undefined) continue; // New objects count through the changed objects that use them.
    if (serial(a) === serial(b)) continue;
    if (infoRef instanceof L.PDFRef && ref === infoRef) continue; // Producer, ModDate.
    if (a instanceof L.PDFDict && b instanceof L.PDFDict) {
      const keys = changedKeys(a, b);
      if (rootRef instanceof L.PDFRef && ref === rootRef) {
        if (keys.every((k) => ALLOWED_CATALOG_KEYS.has(k))) continue;
        return 'other';
      }
      if (acroRef instanceof L.PDFRef && ref === acroRef) {
        if (keys.every((k) => ALLOWED_ACROFORM_KEYS.has(k))) continue;
        return 'other';
      }
      if (b.get(L.PDFName.of('Type')) === L.PDFName.of('Page')) {
        if (keys.some((k) => k !== '/Annots')) return 'other';
        const annotsA = before.lookup(a.get(L.PDFName.of('Annots')));
        const annotsB = after.lookup(b.get(L.PDFName.of('Annots')));
        if (!(annotsB instanceof L.PDFArray)) return 'other';
        const extra = added(annotsA instanceof L.PDFArray ? annotsA : L.PDFArray.withContext(before), annotsB);
        if (!extra || !extra.every((o) => isSignatureThing(after, o))) return 'other';
        continue;
      }
      if (fieldType(after, b) === L.PDFName.of('Sig') && keys.every((k) => ALLOWED_SIGFIELD_KEYS.has(k))) {
        if (!a.has(L.PDFName.of('V'))) continue; // An empty signature field, filled.
        return 'other';
      }
      return 'other';
    }
    if (a instanceof L.PDFArray && b instanceof L.PDFArray) {
      const extra = added(a, b);
      if (extra && extra.every((o) => isSignatureThing(after, o))) continue;
      return 'other';
    }
    return 'other';
  }
  return 'signatures';
}

async function load(bytes: Uint8Array): Promise<PDFDocument> {
  return L.PDFDocument.load(bytes, {
    ignoreEncryption: true,
    updateMetadata: false,
    parseSpeed: L.ParseSpeeds.Fastest,
  });
}

// ---------------------------------------------------------------------------------------------------

function checkCms(subFilter: string | null, cmsDer: Buffer, digestOf: (hash: string) => Buffer): CmsVerification {
  const cms = verifyCms(cmsDer, { digestContent: digestOf });
  if (subFilter && !['adbe.pkcs7.detached', 'ETSI.CAdES.detached'].includes(subFilter)) {
    return { ...cms, error: cms.error ?? `Loại chữ ký ${subFilter} chưa được hỗ trợ kiểm tra.` };
  }
  return cms;
}

export async function verifyPdf(input: Uint8Array, options: TrustOptions = {}): Promise<PdfVerification> {
  L = await loadPdfLib();
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.length);
  let doc: PDFDocument;
  try {
    doc = await load(bytes);
  } catch (e) {
    return {
      status: 'indeterminate',
      verdict: `Không đọc được tệp PDF: ${(e as Error).message}`,
      signatures: [],
      fileSize: bytes.length,
    };
  }
  const { context } = doc;
  const anchors = parseCertificateList(options.trustAnchors);
  const intermediates = parseCertificateList(options.intermediates);
  const found = findSignatures(context)
    .map((s) => ({ ...s, range: numbers(context, s.dict.get(L.PDFName.of('ByteRange'))) }))
    .sort((x, y) => (x.range[2] ?? 0) + (x.range[3] ?? 0) - ((y.range[2] ?? 0) + (y.range[3] ?? 0)));

  const changesCache = new Map<number, 'signatures' | 'other'>();
  const reports: PdfSignatureReport[] = [];
  for (const [i, sig] of found.entries()) {
    const { dict, range } = sig;
    const subFilter = (() => {
      const sf = dict.get(L.PDFName.of('SubFilter'));
      return sf instanceof L.PDFName ? sf.decodeText() : null;
    })();
    const problem = rangeProblem(bytes, range);
    const cmsDer = contentsBytes(bytes, range, dict);
    const digestOf = problem ? () => Buffer.alloc(0) : rangesDigest(bytes, range);
    const cms = checkCms(subFilter, cmsDer, digestOf);
    const end = range.length === 4 ? range[2]! + range[3]! : 0;
    const whole = !problem && end === bytes.length;
    let laterChanges: PdfSignatureReport['laterChanges'] = 'none';
    if (!problem && !whole) {
      let verdict = changesCache.get(end);
      if (!verdict) {
        try {
          verdict = classifyChanges((await load(bytes.subarray(0, end))).context, context);
        } catch {
          verdict = 'other';
        }
        changesCache.set(end, verdict);
      }
      laterChanges = verdict;
    }
    const check = assessSignature({
      cms,
      pdfTime: parsePdfDate(textOf(dict.get(L.PDFName.of('M')))),
      structureProblem: problem,
      after: laterChanges,
      anchors,
      intermediates,
    });
    reports.push({
      ...check,
      index: i + 1,
      fieldName: sig.fieldName,
      subFilter,
      byteRange: range,
      coversWholeDocument: whole,
      laterChanges,
      reason: textOf(dict.get(L.PDFName.of('Reason'))),
      location: textOf(dict.get(L.PDFName.of('Location'))),
    });
  }
  return { ...overall(reports), signatures: reports, fileSize: bytes.length };
}

function overall(reports: readonly PdfSignatureReport[]): { status: PdfVerificationStatus; verdict: string } {
  if (reports.length === 0) return { status: 'no_signatures', verdict: 'Tài liệu không có chữ ký số.' };
  // A time from a timestamp server is said to be one: the other times are the signer's own clock.
  const when = (r: PdfSignatureReport) =>
    r.signingTime ? ` (${r.level === 'B-T' ? 'dấu thời gian: ' : ''}${formatInstantVn(r.signingTime)})` : '';
  const who = (r: PdfSignatureReport) => `${r.signer?.subject.commonName ?? 'không rõ người ký'}${when(r)}`;
  const by = (s: string) => reports.filter((r) => r.status === s);
  const n = reports.length;
  if (by('invalid').length) {
    return {
      status: 'invalid',
      verdict: `Tài liệu có chữ ký KHÔNG hợp lệ: ${by('invalid')
        .map((r) => `${who(r)}: ${r.problems[0] ?? ''}`)
        .join('; ')}`,
    };
  }
  if (by('modified').length) {
    return {
      status: 'modified',
      verdict: `Tài liệu đã bị sửa đổi sau khi ${by('modified').map(who).join(', ')} ký; các chữ ký chỉ chứng nhận phiên bản trước khi sửa.`,
    };
  }
  if (by('indeterminate').length) {
    return {
      status: 'indeterminate',
      verdict: `Không kiểm tra được ${by('indeterminate').length}/${n} chữ ký của tài liệu.`,
    };
  }
  if (by('valid_untrusted').length) {
    return {
      status: 'valid_untrusted',
      verdict: `Tài liệu có ${n} chữ ký, đều toàn vẹn (tài liệu không bị thay đổi sau khi ký); chưa xác minh được nguồn gốc chứng thư số của: ${by('valid_untrusted').map(who).join(', ')}.`,
    };
  }
  return { status: 'valid', verdict: `Tài liệu có ${n} chữ ký, tất cả đều hợp lệ: ${reports.map(who).join(', ')}.` };
}
