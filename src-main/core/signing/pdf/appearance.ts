/**
 * The visible signature block in the Vietnamese style: who signed, their position, the organisation and
 * the time (Asia/Ho_Chi_Minh, with its +07:00 offset), beside an optional image of the handwritten
 * signature or the seal, in the official serif (fonts.ts: Times New Roman where installed, else Tinos).
 * pdfkit draws it as a one-page PDF with the same subset fonts as the printed documents, and pdf-lib
 * brings that page in as a form XObject: the widget's own appearance stream (/AP /N), so the page
 * content of earlier revisions is never touched.
 */
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { officialSerifFaces } from '../../assessment/print/fonts';
import { formatInstantVn } from '../../../../src-shared/domain/dates';
import { SigningError } from '../errors';

export interface VisibleSignatureOptions {
  /** 1-based page number; negative counts from the end. Default: the last page. */
  readonly page?: number;
  /**
   * Where on the page, in points from the bottom-left corner of the page's crop box. Default: 200 × 72
   * at the bottom right, inside the Nghị định 30 margins.
   */
  readonly rect?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  /** Without `rect`: which corner of the page, inside the Nghị định 30 margins. Default bottom-right. */
  readonly anchor?: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
  /** Default: the certificate's common name. */
  readonly signerName?: string;
  /** Chức vụ, e.g. "Hiệu trưởng". */
  readonly position?: string;
  /** Default: the certificate's organisation. */
  readonly organization?: string;
  /** PNG or JPEG: the handwritten signature or the seal, drawn on the left of the block. */
  readonly image?: Uint8Array;
  /** Show "Thời gian ký". Default true. */
  readonly showTime?: boolean;
}

export interface AppearanceText {
  readonly signerName: string;
  readonly position?: string;
  readonly organization?: string;
  readonly time?: Date;
}

/** The lines of the block: label and value, the signer's name in bold. */
export function appearanceLines(text: AppearanceText): { text: string; bold: boolean }[] {
  const lines = [{ text: `Ký bởi: ${text.signerName}`, bold: true }];
  if (text.position) lines.push({ text: `Chức vụ: ${text.position}`, bold: false });
  if (text.organization) lines.push({ text: `Cơ quan: ${text.organization}`, bold: false });
  if (text.time) lines.push({ text: `Thời gian ký: ${formatInstantVn(text.time)} +07:00`, bold: false });
  return lines.map((l) => ({ ...l, text: l.text.normalize('NFC') }));
}

const INK = [13, 38, 140] as const;

function imageKind(bytes: Uint8Array): 'png' | 'jpeg' {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  throw new SigningError('bad_image', 'Ảnh chữ ký/con dấu phải là tệp PNG hoặc JPEG.');
}

/** The block as a one-page PDF of exactly `width` × `height` points. */
export async function renderAppearancePdf(
  width: number,
  height: number,
  text: AppearanceText,
  image?: Uint8Array,
): Promise<Buffer> {
  // Loaded on first use, like pdf-lib (lib.ts): commands that never sign do not pay for it.
  const { default: PDFKitDocument } = await import('pdfkit');
  const faces = officialSerifFaces();
  const doc = new PDFKitDocument({ size: [width, height], margin: 0, autoFirstPage: true, compress: true });
  doc.registerFont('regular', faces.regular as unknown as Buffer);
  doc.registerFont('bold', faces.bold as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const pad = 3;
  doc
    .lineWidth(0.8)
    .strokeColor([...INK])
    .rect(0.4, 0.4, width - 0.8, height - 0.8)
    .stroke();
  let textX = pad + 2;
  if (image) {
    imageKind(image);
    const boxW = Math.min(width * 0.4, height - 2 * pad);
    try {
      doc.image(Buffer.from(image), pad, pad, { fit: [boxW, height - 2 * pad], align: 'center', valign: 'center' });
    } catch (e) {
      throw new SigningError('bad_image', `Ảnh chữ ký/con dấu không đọc được: ${(e as Error).message}`);
    }
    textX = pad + boxW + 4;
  }
  const textWidth = width - textX - pad;
  const lines = appearanceLines(text);
  // The largest size (9 pt down to 5 pt) at which the wrapped lines fit the box.
  let size = 9;
  const heightAt = (s: number) =>
    lines.reduce(
      (sum, l) =>
        sum +
        doc
          .font(l.bold ? 'bold' : 'regular')
          .fontSize(s)
          .heightOfString(l.text, { width: textWidth, lineGap: 0 }),
      0,
    );
  while (size > 5 && heightAt(size) > height - 2 * pad) size -= 0.5;
  let y = Math.max(pad, (height - heightAt(size)) / 2);
  doc.fillColor([...INK]);
  for (const line of lines) {
    doc.font(line.bold ? 'bold' : 'regular').fontSize(size);
    doc.text(line.text, textX, y, { width: textWidth, lineGap: 0 });
    y = doc.y;
  }
  doc.end();
  return done;
}

/**
 * Builds the appearance form XObject in `doc`'s context (its fonts and image as new objects) and returns
 * its reference. `width` × `height` is the widget rectangle.
 */
export async function buildAppearance(
  doc: PDFDocument,
  width: number,
  height: number,
  text: AppearanceText,
  image?: Uint8Array,
): Promise<PDFRef> {
  const [page] = await doc.embedPdf(await renderAppearancePdf(width, height, text, image), [0]);
  await page!.embed();
  return page!.ref;
}

/** An empty appearance for an invisible signature's widget (PDF/A and some viewers want one). */
export function emptyAppearance(doc: PDFDocument): PDFRef {
  const { context } = doc;
  return context.register(context.formXObject([], { BBox: context.obj([0, 0, 0, 0]) }));
}
