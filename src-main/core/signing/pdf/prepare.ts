/**
 * Preparing a PDF for a PAdES signature as an incremental update: the original bytes are kept as they
 * are and a new section is appended with the signature dictionary (a zero-filled /Contents and a
 * /ByteRange around it), the signature field and its widget, the updated page /Annots, the AcroForm
 * (SigFlags 3) and a cross-reference section: a classic table, or a cross-reference stream when the
 * original ends with one. Earlier signatures stay valid because no earlier byte changes.
 *
 * pdf-lib parses the original (classic tables, xref streams, object streams) and serialises the few
 * objects that change; the section and its offsets are written here, where every byte is accounted for.
 */
import crypto from 'node:crypto';
import type { PDFContext, PDFDict, PDFDocument, PDFObject, PDFPage, PDFRef } from 'pdf-lib';
import { loadPdfLib, type PdfLib } from './lib';
import { assertUsableForSigning, parseCertificate, type ParsedCertificate } from '../certificates';
import { buildSignedAttributes } from '../cms';
import { SigningError } from '../errors';
import type { TimestampOptions } from '../timestamp';
import { buildAppearance, emptyAppearance, type VisibleSignatureOptions } from './appearance';

/** pdf-lib's classes, set by the entry point before any helper runs (see lib.ts). */
let L: PdfLib;

export interface PdfSignOptions {
  /** Intermediate CA certificates (DER) to carry in the CMS. */
  readonly chain?: readonly Uint8Array[];
  /** Default: now. Written as /M (PAdES keeps the time out of the CMS). */
  readonly signingTime?: Date;
  readonly reason?: string;
  readonly location?: string;
  readonly contactInfo?: string;
  /** Default: the first free "Signature<n>"; an existing empty signature field of that name is filled. */
  readonly fieldName?: string;
  /** A visible block; absent, the signature is invisible. */
  readonly visible?: VisibleSignatureOptions;
  /**
   * Bytes reserved for the CMS; default from the certificates' sizes, at least 8192, and 8 KiB more
   * when a timestamp is asked for.
   */
  readonly contentsSize?: number;
  /** Refuse larger files (bytes). Default 200 MiB. */
  readonly maxBytes?: number;
  /** Also put the CMS signing-time attribute in (not PAdES baseline; some old verifiers look for it). */
  readonly cmsSigningTime?: boolean;
  /**
   * An RFC 3161 timestamp server: the signature gets a timestamp when it answers (PAdES B-T) and is
   * written without one when it does not (B-B); asked when the signature is finished.
   */
  readonly timestamp?: TimestampOptions;
}

export interface PreparedPdfSignature {
  /** The file with the new revision appended and /Contents still zero-filled. */
  readonly pdf: Buffer;
  readonly byteRange: readonly [number, number, number, number];
  /** Offset of the first hex digit of /Contents, and how many hex digits there are. */
  readonly contentsOffset: number;
  readonly contentsLength: number;
  /** SHA-256 of the bytes the ByteRange covers. */
  readonly documentDigest: Buffer;
  /** The DER signed attributes: what the signer signs (only digests; the document never travels). */
  readonly toBeSigned: Buffer;
  readonly certificate: Buffer;
  readonly chain: readonly Buffer[];
  readonly fieldName: string;
  readonly signingTime: Date;
  /** From the options: where `finishPdfSignature` asks for the timestamp. */
  readonly timestamp?: TimestampOptions;
}

const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const latin1 = (b: Uint8Array, start = 0, end = b.length) =>
  Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('latin1');

/** The PDF date string for `date` in Vietnam's time (UTC+7, no summer time): D:YYYYMMDDHHmmSS+07'00'. */
export function pdfDate(date: Date): string {
  const vn = new Date(date.getTime() + 7 * 3600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(vn.getUTCFullYear(), 4)}${p(vn.getUTCMonth() + 1)}${p(vn.getUTCDate())}${p(vn.getUTCHours())}${p(vn.getUTCMinutes())}${p(vn.getUTCSeconds())}+07'00'`;
}

/** Text for a PDF text string: UTF-16BE with a byte order mark, which every reader decodes. */
const text = (s: string) => L.PDFHexString.fromText(s.normalize('NFC'));

interface Tail {
  /** Value of the last startxref: the /Prev of the new section. */
  readonly startxref: number;
  readonly kind: 'table' | 'stream';
  /** /Size of the last trailer. */
  readonly size: number;
  readonly id: PDFObject | undefined;
}

function damaged(reason: string): SigningError {
  return new SigningError(
    'pdf_damaged',
    `Tệp PDF bị hỏng: ${reason} Hãy mở tệp bằng phần mềm đọc PDF và lưu lại, rồi ký lại.`,
  );
}

/** The last startxref and the cross-reference section it points at. */
function readTail(bytes: Uint8Array, context: PDFContext): Tail {
  const from = Math.max(0, bytes.length - 4096);
  const end = latin1(bytes, from);
  const at = end.lastIndexOf('startxref');
  if (at < 0 || !/%%EOF/.test(end.slice(at))) throw damaged('không thấy phần kết (startxref/%%EOF).');
  const m = /^startxref\s+(\d+)/.exec(end.slice(at));
  if (!m) throw damaged('phần kết (startxref) không đúng định dạng.');
  const startxref = Number(m[1]);
  if (startxref <= 0 || startxref >= bytes.length) throw damaged('vị trí bảng tham chiếu chéo (xref) nằm ngoài tệp.');
  const head = latin1(bytes, startxref, Math.min(bytes.length, startxref + 64));
  if (/^\s*xref\b/.test(head)) {
    const t = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf('trailer', startxref, 'latin1');
    if (t < 0) throw damaged('bảng tham chiếu chéo không có trailer.');
    const offset = t + 'trailer'.length;
    const dict = L.PDFObjectParser.forBytes(bytes.subarray(offset), context).parseObject();
    if (!(dict instanceof L.PDFDict)) throw damaged('trailer không đọc được.');
    return { startxref, kind: 'table', size: sizeOf(dict), id: dict.get(L.PDFName.of('ID')) };
  }
  const header = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(head);
  if (!header) throw damaged('vị trí trong startxref không trỏ tới bảng tham chiếu chéo.');
  const offset = startxref + header[0].length;
  const parsed = L.PDFObjectParser.forBytes(bytes.subarray(offset), context).parseObject();
  const dict = parsed instanceof L.PDFDict ? parsed : (parsed as { dict?: PDFDict }).dict;
  if (!dict || dict.get(L.PDFName.of('Type')) !== L.PDFName.of('XRef')) {
    throw damaged('vị trí trong startxref không trỏ tới bảng tham chiếu chéo.');
  }
  return { startxref, kind: 'stream', size: sizeOf(dict), id: dict.get(L.PDFName.of('ID')) };
}

function sizeOf(dict: PDFDict): number {
  const size = dict.get(L.PDFName.of('Size'));
  return size instanceof L.PDFNumber ? size.asNumber() : 0;
}

/** Refuses a document whose certification signature (DocMDP) allows no changes. */
function assertChangesAllowed(context: PDFContext, catalog: PDFDict): void {
  const perms = context.lookup(catalog.get(L.PDFName.of('Perms')));
  if (!(perms instanceof L.PDFDict)) return;
  const sig = context.lookup(perms.get(L.PDFName.of('DocMDP')));
  if (!(sig instanceof L.PDFDict)) return;
  const refs = context.lookup(sig.get(L.PDFName.of('Reference')));
  let p = 2;
  if (refs instanceof L.PDFArray) {
    for (let i = 0; i < refs.size(); i++) {
      const r = context.lookup(refs.get(i));
      if (!(r instanceof L.PDFDict) || r.get(L.PDFName.of('TransformMethod')) !== L.PDFName.of('DocMDP')) continue;
      const params = context.lookup(r.get(L.PDFName.of('TransformParams')));
      const value = params instanceof L.PDFDict ? context.lookup(params.get(L.PDFName.of('P'))) : undefined;
      if (value instanceof L.PDFNumber) p = value.asNumber();
    }
  }
  if (p === 1) {
    throw new SigningError(
      'pdf_docmdp',
      'Tài liệu đã được ký chứng thực (DocMDP) với quyền "không cho phép thay đổi": mọi chữ ký thêm sẽ làm chữ ký chứng thực mất hiệu lực, nên không ký.',
    );
  }
}

interface FieldInfo {
  readonly ref: PDFRef | null;
  readonly dict: PDFDict;
  readonly name: string;
}

/** Every terminal field of the AcroForm with its full name. */
function formFields(context: PDFContext, acroForm: PDFDict | undefined): FieldInfo[] {
  const out: FieldInfo[] = [];
  const visit = (entry: PDFObject | undefined, prefix: string, depth: number) => {
    if (depth > 20) return;
    const dict = context.lookup(entry);
    if (!(dict instanceof L.PDFDict)) return;
    const t = dict.get(L.PDFName.of('T'));
    const partial = t instanceof L.PDFString || t instanceof L.PDFHexString ? t.decodeText() : '';
    const name = partial ? (prefix ? `${prefix}.${partial}` : partial) : prefix;
    const kids = context.lookup(dict.get(L.PDFName.of('Kids')));
    const kidFields =
      kids instanceof L.PDFArray
        ? kids.asArray().filter((k) => {
            const d = context.lookup(k);
            return d instanceof L.PDFDict && d.has(L.PDFName.of('T'));
          })
        : [];
    if (kidFields.length > 0) for (const k of kidFields) visit(k, name, depth + 1);
    else out.push({ ref: entry instanceof L.PDFRef ? entry : null, dict, name });
  };
  const fields = acroForm ? context.lookup(acroForm.get(L.PDFName.of('Fields'))) : undefined;
  if (fields instanceof L.PDFArray) for (const f of fields.asArray()) visit(f, '', 0);
  return out;
}

function inheritedFieldType(context: PDFContext, dict: PDFDict): PDFObject | undefined {
  let d: PDFDict | undefined = dict;
  for (let i = 0; d && i < 20; i++) {
    const ft = d.get(L.PDFName.of('FT'));
    if (ft) return ft;
    const parent: PDFObject | undefined = context.lookup(d.get(L.PDFName.of('Parent')));
    d = parent instanceof L.PDFDict ? parent : undefined;
  }
  return undefined;
}

function pageIndex(pages: readonly PDFPage[], wanted: number | undefined, fallback: number): number {
  const n = pages.length;
  const requested = wanted ?? fallback;
  const index = requested < 0 ? n + requested : requested - 1;
  if (!Number.isInteger(requested) || requested === 0 || index < 0 || index >= n) {
    throw new SigningError('page_out_of_range', `Tài liệu có ${n} trang; không có trang ${requested}.`);
  }
  return index;
}

/** Bytes for /Contents: the CMS holds the certificates and the signature, with room to spare. */
function contentsSizeFor(cert: ParsedCertificate, chain: readonly Uint8Array[]): number {
  const certs = cert.der.length + chain.reduce((s, c) => s + c.length, 0);
  return Math.max(8192, Math.ceil((certs + 2048 + 1024) / 1024) * 1024);
}

/**
 * Room for a timestamp token: its TSTInfo and signature plus the TSA's certificate and, from some TSAs,
 * their CA chain. A token that still does not fit is left out (B-B with a note), never squeezed in.
 */
const TIMESTAMP_ROOM = 8192;

const BYTE_RANGE_PLACEHOLDER = '[0 ********** ********** **********]';

/** Serialises one indirect object as it goes into the update section. */
function objectBytes(ref: PDFRef, object: PDFObject): Buffer {
  const body = Buffer.alloc(object.sizeInBytes());
  object.copyBytesInto(body, 0);
  return Buffer.concat([
    Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'),
    body,
    Buffer.from('\nendobj\n', 'latin1'),
  ]);
}

async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  if (!latin1(bytes, 0, Math.min(bytes.length, 1024)).includes('%PDF-')) {
    throw new SigningError('pdf_damaged', 'Tệp không phải PDF (không có phần đầu %PDF-).');
  }
  try {
    return await L.PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      parseSpeed: L.ParseSpeeds.Fastest,
    });
  } catch (e) {
    throw damaged(`không đọc được cấu trúc (${(e as Error).message}).`);
  }
}

/**
 * Appends the signature placeholder revision and computes the ByteRange digest and the signed
 * attributes. Refuses encrypted files, files whose certification forbids changes and damaged files.
 */
export async function preparePdfSignature(
  input: Uint8Array,
  certificate: Uint8Array,
  options: PdfSignOptions = {},
): Promise<PreparedPdfSignature> {
  L = await loadPdfLib();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (input.length > maxBytes) {
    throw new SigningError(
      'pdf_too_large',
      `Tệp PDF quá lớn để ký (${Math.round(input.length / 1048576)} MB, tối đa ${Math.round(maxBytes / 1048576)} MB).`,
    );
  }
  const cert = parseCertificate(certificate);
  const signingTime = options.signingTime ?? new Date();
  assertUsableForSigning(cert, signingTime);
  const chain = (options.chain ?? []).map((c) => Buffer.from(c));

  const doc = await loadPdf(input);
  const context = doc.context;
  if (context.trailerInfo.Encrypt) {
    throw new SigningError(
      'pdf_encrypted',
      'Tệp PDF được mã hóa hoặc đặt mật khẩu: hãy bỏ mật khẩu (lưu bản không mã hóa) rồi ký.',
    );
  }
  const rootRef = context.trailerInfo.Root;
  const catalog = context.lookup(rootRef);
  if (!(rootRef instanceof L.PDFRef) || !(catalog instanceof L.PDFDict))
    throw damaged('không thấy danh mục gốc (Catalog).');
  const tail = readTail(input, context);
  assertChangesAllowed(context, catalog);
  const originalSize = Math.max(tail.size, context.largestObjectNumber + 1);
  // New objects get numbers after every number the file has used.
  context.largestObjectNumber = originalSize - 1;

  let pages: PDFPage[];
  try {
    pages = doc.getPages();
  } catch (e) {
    throw damaged(`cây trang không đọc được (${(e as Error).message}).`);
  }
  if (pages.length === 0) throw damaged('tài liệu không có trang nào.');

  const changed = new Map<string, [PDFRef, PDFObject]>();
  const markChanged = (ref: PDFRef, object: PDFObject) => changed.set(ref.toString(), [ref, object]);

  // AcroForm, inline in the catalog or an object of its own.
  let acroForm: PDFDict;
  const acroEntry = catalog.get(L.PDFName.of('AcroForm'));
  if (acroEntry instanceof L.PDFRef && context.lookup(acroEntry) instanceof L.PDFDict) {
    acroForm = context.lookup(acroEntry) as PDFDict;
    markChanged(acroEntry, acroForm);
  } else if (acroEntry instanceof L.PDFDict) {
    acroForm = acroEntry;
    markChanged(rootRef, catalog);
  } else {
    acroForm = context.obj({ Fields: [] });
    catalog.set(L.PDFName.of('AcroForm'), context.register(acroForm));
    markChanged(rootRef, catalog);
  }
  const sigFlags = acroForm.get(L.PDFName.of('SigFlags'));
  acroForm.set(
    L.PDFName.of('SigFlags'),
    L.PDFNumber.of((sigFlags instanceof L.PDFNumber ? sigFlags.asNumber() : 0) | 3),
  );

  const fields = formFields(context, acroForm);
  const existing = options.fieldName ? fields.find((f) => f.name === options.fieldName) : undefined;
  let fieldName = options.fieldName;
  if (existing) {
    if (inheritedFieldType(context, existing.dict) !== L.PDFName.of('Sig')) {
      throw new SigningError('pdf_field', `Trường «${existing.name}» không phải trường chữ ký.`);
    }
    if (existing.dict.has(L.PDFName.of('V'))) {
      throw new SigningError('pdf_field', `Trường chữ ký «${existing.name}» đã được ký.`);
    }
    if (!existing.ref) throw new SigningError('pdf_field', `Trường chữ ký «${existing.name}» không sửa được.`);
  } else if (!fieldName) {
    const names = new Set(fields.map((f) => f.name));
    let n = 1;
    while (names.has(`Signature${n}`)) n++;
    fieldName = `Signature${n}`;
  }

  const sigRef = context.nextRef();
  const visible = options.visible;
  let widget: PDFDict;
  let widgetRef: PDFRef;
  let rect: [number, number, number, number];

  if (existing) {
    widget = existing.dict;
    widgetRef = existing.ref!;
    const r = context.lookup(widget.get(L.PDFName.of('Rect')));
    const nums =
      r instanceof L.PDFArray ? r.asArray().map((v) => (v instanceof L.PDFNumber ? v.asNumber() : 0)) : [0, 0, 0, 0];
    rect = [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 0, nums[3] ?? 0];
    const p = widget.get(L.PDFName.of('P'));
    const owner =
      pages.find((pg) => (p instanceof L.PDFRef ? pg.ref === p : false)) ??
      pages.find((pg) => {
        const annots = context.lookup(pg.node.get(L.PDFName.of('Annots')));
        return annots instanceof L.PDFArray && annots.asArray().some((a) => a === widgetRef);
      });
    if (!owner) throw new SigningError('pdf_field', `Không xác định được trang của trường chữ ký «${existing.name}».`);
  } else {
    const page = pages[pageIndex(pages, visible?.page, visible ? -1 : 1)]!;
    const pageRef = page.ref;
    if (visible) {
      const box = page.getCropBox();
      const w = visible.rect?.width ?? 200;
      const h = visible.rect?.height ?? 72;
      // Nghị định 30/2020 margins: 30 mm left, 15 mm right, 20 mm top and bottom.
      const mm = 72 / 25.4;
      const anchor = visible.anchor ?? 'bottom-right';
      const x = visible.rect
        ? box.x + visible.rect.x
        : anchor.endsWith('left')
          ? box.x + 30 * mm
          : box.x + box.width - 15 * mm - w;
      const y = visible.rect
        ? box.y + visible.rect.y
        : anchor.startsWith('top')
          ? box.y + box.height - 20 * mm - h
          : box.y + 20 * mm;
      rect = [x, y, x + w, y + h];
    } else {
      rect = [0, 0, 0, 0];
    }
    widget = context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: text(fieldName!),
      F: 132,
      P: pageRef,
      Rect: rect,
    });
    widgetRef = context.register(widget);
    // The page's /Annots: an array object of its own, inline, or none yet.
    const annotsEntry = page.node.get(L.PDFName.of('Annots'));
    const annots = context.lookup(annotsEntry);
    if (annotsEntry instanceof L.PDFRef && annots instanceof L.PDFArray) {
      annots.push(widgetRef);
      markChanged(annotsEntry, annots);
    } else {
      const list = annots instanceof L.PDFArray ? annots : context.obj([]);
      list.push(widgetRef);
      page.node.set(L.PDFName.of('Annots'), list);
      markChanged(page.ref, page.node);
    }
    const fieldsEntry = acroForm.get(L.PDFName.of('Fields'));
    const fieldsArray = context.lookup(fieldsEntry);
    if (fieldsEntry instanceof L.PDFRef && fieldsArray instanceof L.PDFArray) {
      fieldsArray.push(widgetRef);
      markChanged(fieldsEntry, fieldsArray);
    } else {
      const list = fieldsArray instanceof L.PDFArray ? fieldsArray : context.obj([]);
      list.push(widgetRef);
      acroForm.set(L.PDFName.of('Fields'), list);
    }
  }
  widget.set(L.PDFName.of('V'), sigRef);
  if (existing) markChanged(widgetRef, widget);

  const width = Math.abs(rect[2] - rect[0]);
  const height = Math.abs(rect[3] - rect[1]);
  const apRef =
    visible && width > 1 && height > 1
      ? await buildAppearance(
          doc,
          width,
          height,
          {
            signerName: visible.signerName ?? cert.info.subject.commonName ?? cert.info.subject.text,
            position: visible.position,
            organization: visible.organization ?? cert.info.subject.organization,
            time: visible.showTime === false ? undefined : signingTime,
          },
          visible.image,
        )
      : emptyAppearance(doc);
  widget.set(L.PDFName.of('AP'), context.obj({ N: apRef }));

  // Every object numbered from originalSize on is new; the others in `changed` are new versions.
  const objects: [PDFRef, PDFObject][] = [...changed.values()];
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (ref.objectNumber >= originalSize && ref !== sigRef) objects.push([ref, object]);
  }

  const contentsSize = options.contentsSize ?? contentsSizeFor(cert, chain) + (options.timestamp ? TIMESTAMP_ROOM : 0);
  const sigDictText = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    `/ByteRange ${BYTE_RANGE_PLACEHOLDER}`,
    `/Contents <${'0'.repeat(contentsSize * 2)}>`,
    `/M ${L.PDFString.of(pdfDate(signingTime)).toString()}`,
    `/Name ${text(cert.info.subject.commonName ?? cert.info.subject.text).toString()}`,
    ...(options.reason ? [`/Reason ${text(options.reason).toString()}`] : []),
    ...(options.location ? [`/Location ${text(options.location).toString()}`] : []),
    ...(options.contactInfo ? [`/ContactInfo ${text(options.contactInfo).toString()}`] : []),
    '/Prop_Build << /App << /Name /TruongSo >> >>',
    '>>',
  ].join('\n');

  // The update section. It starts on a line of its own after the original %%EOF.
  const parts: Buffer[] = [];
  let offset = input.length;
  const push = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  if (input[input.length - 1] !== 0x0a && input[input.length - 1] !== 0x0d) push(Buffer.from('\n'));
  const offsets = new Map<number, [PDFRef, number]>();
  const sigObjectOffset = offset;
  offsets.set(sigRef.objectNumber, [sigRef, offset]);
  const sigObject = Buffer.from(`${sigRef.objectNumber} 0 obj\n${sigDictText}\nendobj\n`, 'latin1');
  push(sigObject);
  for (const [ref, object] of objects.sort((a, b) => a[0].objectNumber - b[0].objectNumber)) {
    offsets.set(ref.objectNumber, [ref, offset]);
    push(objectBytes(ref, object));
  }

  const entries = [...offsets.values()].sort((a, b) => a[0].objectNumber - b[0].objectNumber);
  const maxNumber = Math.max(originalSize - 1, ...entries.map(([r]) => r.objectNumber));
  // Keep the file's permanent identifier, give this revision a new one (ISO 32000-1 §14.4).
  const revisionId = L.PDFHexString.of(crypto.randomBytes(16).toString('hex'));
  const idArray =
    tail.id instanceof L.PDFArray && tail.id.size() === 2
      ? context.obj([tail.id.get(0), revisionId])
      : context.obj([revisionId, revisionId]);
  const trailerEntries: Record<string, PDFObject> = {
    Root: rootRef,
    ID: idArray,
    Prev: L.PDFNumber.of(tail.startxref),
  };
  if (context.trailerInfo.Info instanceof L.PDFRef) trailerEntries.Info = context.trailerInfo.Info;

  const xrefOffset = offset;
  if (tail.kind === 'table') {
    const section = L.PDFCrossRefSection.createEmpty();
    for (const [ref, at] of entries) section.addEntry(ref, at);
    const trailer = context.obj({ Size: maxNumber + 1, ...trailerEntries });
    push(Buffer.from(`${section.toString()}trailer\n${trailer.toString()}\n`, 'latin1'));
  } else {
    const streamRef = L.PDFRef.of(maxNumber + 1);
    const xref = L.PDFCrossRefStream.of(context.obj({ Size: maxNumber + 2, ...trailerEntries }), [], true);
    for (const [ref, at] of entries) xref.addUncompressedEntry(ref, at);
    xref.addUncompressedEntry(streamRef, xrefOffset);
    push(objectBytes(streamRef, xref));
  }
  push(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));

  const pdf = Buffer.concat([Buffer.from(input.buffer, input.byteOffset, input.length), ...parts]);
  const sigText = sigObject.toString('latin1');
  const contentsStart = sigObjectOffset + sigText.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsStart + contentsSize * 2 + 2;
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, pdf.length - contentsEnd];
  const rangeText = `[${byteRange.map((n, i) => (i === 0 ? String(n) : String(n).padEnd(10, ' '))).join(' ')}]`;
  if (rangeText.length !== BYTE_RANGE_PLACEHOLDER.length) {
    throw new SigningError('pdf_too_large', 'Tệp PDF quá lớn để ký (vượt quá 9.999.999.999 byte).');
  }
  pdf.write(rangeText, sigObjectOffset + sigText.indexOf(BYTE_RANGE_PLACEHOLDER), 'latin1');

  const hash = crypto.createHash('sha256');
  hash.update(pdf.subarray(0, contentsStart));
  hash.update(pdf.subarray(contentsEnd));
  const documentDigest = hash.digest();
  const toBeSigned = buildSignedAttributes({
    contentDigest: documentDigest,
    certificate: cert,
    ...(options.cmsSigningTime ? { signingTime } : {}),
  });
  return {
    pdf,
    byteRange,
    contentsOffset: contentsStart + 1,
    contentsLength: contentsSize * 2,
    documentDigest,
    toBeSigned,
    certificate: cert.der,
    chain,
    fieldName: existing?.name ?? fieldName!,
    signingTime,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  };
}
