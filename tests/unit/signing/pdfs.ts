/**
 * PDFs from different producers for the signing tests: pdfkit (classic cross-reference table, as the app's
 * own documents), pdf-lib with object streams and a cross-reference stream, and small hand-made
 * variants (encrypted, certified with "no changes", with an empty signature field).
 */
import PDFKitDocument from 'pdfkit';
import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFRef } from 'pdf-lib';

export function pdfkitDoc(options: { pages?: number; userPassword?: string; title?: string } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFKitDocument({
      size: 'A4',
      ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' as const } : {}),
      info: { Title: options.title ?? 'Học bạ thử nghiệm' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const pages = options.pages ?? 2;
    for (let i = 0; i < pages; i++) {
      if (i > 0) doc.addPage();
      doc.fontSize(14).text(`${options.title ?? 'Hoc ba thu nghiem'} - page ${i + 1}`, 72, 72);
      doc.rect(72, 120, 300, 100).stroke();
    }
    doc.end();
  });
}

/** pdf-lib output with object streams, so the file ends with a cross-reference stream. */
export async function xrefStreamDoc(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 0; i < 2; i++)
    doc.addPage([595, 842]).drawText(`Object streams, page ${i + 1}`, { x: 72, y: 760, font, size: 14 });
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/** A document certified with DocMDP P=1: no changes allowed (the signature itself is not needed to refuse). */
export async function certifiedNoChangesDoc(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const ctx = doc.context;
  const sig = ctx.register(
    ctx.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'ETSI.CAdES.detached',
      Reference: [
        ctx.obj({
          Type: 'SigRef',
          TransformMethod: 'DocMDP',
          TransformParams: ctx.obj({ Type: 'TransformParams', P: 1, V: PDFName.of('1.2') }),
        }),
      ],
    }),
  );
  doc.catalog.set(PDFName.of('Perms'), ctx.obj({ DocMDP: sig }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A two-page document with an empty signature field «HieuTruong» on page 2, as a template would have. */
export async function emptyFieldDoc(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const page = doc.addPage([595, 842]);
  const ctx = doc.context;
  const field = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFString.of('HieuTruong'),
      F: 4,
      Rect: [330, 80, 530, 150],
      P: page.ref,
    }),
  );
  page.node.set(PDFName.of('Annots'), ctx.obj([field]));
  doc.catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [field] }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A 1×1 red PNG, as a stand-in for a seal image. */
export const RED_DOT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Appends a revision that changes more than signatures (a new catalog entry), the way an editor that
 * saves incrementally would. Classic cross-reference tables only.
 */
export async function appendNonSignatureChange(pdf: Buffer): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const root = doc.context.trailerInfo.Root as PDFRef;
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  const text = pdf.toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const size = Number([...text.matchAll(/\/Size (\d+)/g)].at(-1)![1]);
  const objOffset = pdf.length;
  const obj = `${root.objectNumber} ${root.generationNumber} obj\n${doc.catalog.toString()}\nendobj\n`;
  const xrefOffset = objOffset + Buffer.byteLength(obj, 'latin1');
  const xref = `xref\n${root.objectNumber} 1\n${String(objOffset).padStart(10, '0')} ${String(root.generationNumber).padStart(5, '0')} n \ntrailer\n<< /Size ${size} /Root ${root.toString()} /Prev ${prev} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(obj + xref, 'latin1')]);
}
