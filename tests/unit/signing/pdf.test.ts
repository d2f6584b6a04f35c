import crypto from 'node:crypto';
import { PDFDocument, PDFName, PDFRef, type PDFArray, type PDFDict } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  finishPdfSignature,
  keySigner,
  parsePdfDate,
  pdfDate,
  preparePdfSignature,
  signPdf,
  signPdfBatch,
  verifyPdf,
  type Signer,
} from '../../../src-main/core/signing';
import { testCa, type TestCa } from './pki';
import {
  RED_DOT_PNG,
  appendNonSignatureChange,
  certifiedNoChangesDoc,
  emptyFieldDoc,
  pdfkitDoc,
  xrefStreamDoc,
} from './pdfs';

let ca: TestCa;
let principal: Signer;
let seal: Signer;

beforeAll(() => {
  process.env.TRUONGSO_SERIF = 'bundled';
  ca = testCa();
  const a = ca.leaf({ kind: 'RSA', cn: 'Nguyễn Thị Hằng' });
  const b = ca.leaf({ kind: 'EC', cn: 'Trường Tiểu học Nguyễn Du', o: 'Trường Tiểu học Nguyễn Du' });
  principal = keySigner(a.key, a.cert, [ca.cert]);
  seal = keySigner(b.key, b.cert, [ca.cert]);
});

const trust = () => ({ trustAnchors: [ca.pem] });

describe('PAdES signing of a PDF', () => {
  it('keeps the original bytes and signs the whole file', async () => {
    const original = await pdfkitDoc();
    const signed = await signPdf(original, principal, { reason: 'Phê duyệt học bạ', location: 'Hà Nội' });
    expect(signed.subarray(0, original.length).equals(original)).toBe(true);
    const result = await verifyPdf(signed, trust());
    expect(result.status).toBe('valid');
    const [sig] = result.signatures;
    expect(sig).toMatchObject({
      status: 'valid',
      coversWholeDocument: true,
      laterChanges: 'none',
      subFilter: 'ETSI.CAdES.detached',
      fieldName: 'Signature1',
      reason: 'Phê duyệt học bạ',
      location: 'Hà Nội',
      signingTimeSource: 'pdf',
    });
    expect(sig!.integrity).toMatchObject({
      digestOk: true,
      signatureOk: true,
      signingCertificateV2: true,
      signingCertificateOk: true,
    });
    expect(sig!.signer?.subject.commonName).toBe('Nguyễn Thị Hằng');
    expect(result.verdict).toMatch(/tất cả đều hợp lệ/);
  });

  it('lets the digest be signed elsewhere: prepare, sign toBeSigned, finish', async () => {
    const prepared = await preparePdfSignature(await pdfkitDoc(), principal.certificate, { chain: principal.chain });
    expect(prepared.byteRange[0]).toBe(0);
    expect(prepared.byteRange[2] + prepared.byteRange[3]).toBe(prepared.pdf.length);
    const digest = crypto
      .createHash('sha256')
      .update(prepared.pdf.subarray(0, prepared.byteRange[1]))
      .update(prepared.pdf.subarray(prepared.byteRange[2]))
      .digest();
    expect(prepared.documentDigest.equals(digest)).toBe(true);
    expect(prepared.toBeSigned.includes(digest)).toBe(true);
    const signature = await principal.sign(prepared.toBeSigned);
    const signed = await finishPdfSignature(prepared, signature);
    expect(signed.length).toBe(prepared.pdf.length);
    expect((await verifyPdf(signed, trust())).status).toBe('valid');
    await expect(async () => finishPdfSignature(prepared, await seal.sign(prepared.toBeSigned))).rejects.toMatchObject({
      reason: 'signature_mismatch',
    });
  });

  it('keeps the first signature valid when a second signer signs', async () => {
    const once = await signPdf(await pdfkitDoc(), principal, { visible: { position: 'Hiệu trưởng' } });
    const twice = await signPdf(once, seal, { visible: { anchor: 'bottom-left', image: RED_DOT_PNG } });
    const result = await verifyPdf(twice, trust());
    expect(result.status).toBe('valid');
    expect(result.signatures.map((s) => [s.fieldName, s.status, s.coversWholeDocument, s.laterChanges])).toEqual([
      ['Signature1', 'valid', false, 'signatures'],
      ['Signature2', 'valid', true, 'none'],
    ]);
    expect(result.signatures[0]!.verdict).toMatch(/chỉ được ký thêm/);
  });

  it('signs a file that ends with a cross-reference stream with a cross-reference stream', async () => {
    const original = await xrefStreamDoc();
    expect(original.toString('latin1')).toMatch(/\/Type \/XRef/);
    const signed = await signPdf(original, seal, { visible: {} });
    const tail = signed.subarray(original.length).toString('latin1');
    expect(tail).toMatch(/\/Type \/XRef/);
    expect(tail).not.toMatch(/^xref/m);
    const result = await verifyPdf(signed, trust());
    expect(result.signatures[0]).toMatchObject({ status: 'valid', coversWholeDocument: true });
    const again = await signPdf(signed, principal);
    expect((await verifyPdf(again, trust())).signatures.map((s) => s.status)).toEqual(['valid', 'valid']);
    // pdf-lib reads the result back with both signature fields.
    const doc = await PDFDocument.load(again);
    expect(
      doc
        .getForm()
        .getFields()
        .map((f) => f.getName()),
    ).toEqual(['Signature1', 'Signature2']);
  });

  it('fills an empty signature field of a template', async () => {
    const signed = await signPdf(await emptyFieldDoc(), principal, {
      fieldName: 'HieuTruong',
      visible: { position: 'Hiệu trưởng' },
    });
    const result = await verifyPdf(signed, trust());
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0]).toMatchObject({ fieldName: 'HieuTruong', status: 'valid' });
    await expect(signPdf(signed, seal, { fieldName: 'HieuTruong' })).rejects.toMatchObject({ reason: 'pdf_field' });
  });

  it('notices a byte changed in the signed part', async () => {
    const signed = await signPdf(await pdfkitDoc(), principal);
    const tampered = Buffer.from(signed);
    // The producer string of the original, uncompressed: a change a reader would not even show.
    const at = tampered.indexOf('PDFKit');
    expect(at).toBeGreaterThan(0);
    tampered[at + 3] = 'k'.charCodeAt(0);
    const result = await verifyPdf(tampered, trust());
    expect(result.status).toBe('invalid');
    expect(result.signatures[0]!.integrity.digestOk).toBe(false);
    expect(result.verdict).toMatch(/KHÔNG hợp lệ/);
  });

  it('tells a later change that is not a signature apart from a second signature', async () => {
    const signed = await signPdf(await pdfkitDoc(), principal);
    const changed = await appendNonSignatureChange(signed);
    const result = await verifyPdf(changed, trust());
    expect(result.status).toBe('modified');
    expect(result.signatures[0]).toMatchObject({
      status: 'modified',
      laterChanges: 'other',
      coversWholeDocument: false,
    });
    expect(result.verdict).toMatch(/bị sửa đổi sau khi/);
  });

  it('refuses encrypted, certified-without-changes, damaged and non-PDF files, naming the reason', async () => {
    await expect(signPdf(await pdfkitDoc({ userPassword: 'matkhau' }), principal)).rejects.toMatchObject({
      reason: 'pdf_encrypted',
      message: expect.stringMatching(/mã hóa/),
    });
    await expect(signPdf(await certifiedNoChangesDoc(), principal)).rejects.toMatchObject({
      reason: 'pdf_docmdp',
      message: expect.stringMatching(/DocMDP/),
    });
    const pdf = await pdfkitDoc();
    await expect(signPdf(pdf.subarray(0, pdf.length - 200), principal)).rejects.toMatchObject({
      reason: 'pdf_damaged',
    });
    await expect(signPdf(Buffer.from('PK\u0003\u0004 not a pdf'), principal)).rejects.toMatchObject({
      reason: 'pdf_damaged',
    });
    await expect(signPdf(pdf, principal, { visible: { page: 5 } })).rejects.toMatchObject({
      reason: 'page_out_of_range',
    });
    await expect(signPdf(pdf, principal, { maxBytes: 1000 })).rejects.toMatchObject({ reason: 'pdf_too_large' });
  });

  it('writes /M in Vietnam time and reads it back', () => {
    const at = new Date('2025-09-05T01:02:03Z');
    expect(pdfDate(at)).toBe("D:20250905080203+07'00'");
    expect(parsePdfDate(pdfDate(at))?.toISOString()).toBe(at.toISOString());
  });

  it('draws the visible block in the widget appearance, not on the page', async () => {
    const original = await pdfkitDoc();
    const signed = await signPdf(original, principal, {
      visible: { page: 1, rect: { x: 300, y: 60, width: 220, height: 80 }, position: 'Hiệu trưởng' },
    });
    const doc = await PDFDocument.load(signed);
    const page = doc.getPage(0);
    const annots = page.node.lookup(PDFName.of('Annots')) as PDFArray;
    const widget = doc.context.lookup(annots.get(annots.size() - 1)) as PDFDict;
    expect(widget.lookup(PDFName.of('Rect'))!.toString()).toMatch(/300 60 520 140/);
    const ap = widget.lookup(PDFName.of('AP')) as PDFDict;
    expect(ap.get(PDFName.of('N'))).toBeInstanceOf(PDFRef);
  });
});

describe('batch', () => {
  it('signs many with one signer; a bad document fails alone', async () => {
    const docs = [
      { id: 'a', pdf: await pdfkitDoc() },
      { id: 'bad', pdf: await pdfkitDoc({ userPassword: 'x' }) },
      { id: 'c', pdf: await xrefStreamDoc() },
    ];
    const progress: string[] = [];
    const outcomes = await signPdfBatch(
      docs,
      principal,
      {},
      { onProgress: (done, total, o) => progress.push(`${done}/${total}:${o.id}:${o.ok}`) },
    );
    expect(progress).toEqual(['1/3:a:true', '2/3:bad:false', '3/3:c:true']);
    for (const o of outcomes) {
      if (o.ok) expect((await verifyPdf(o.pdf, trust())).status).toBe('valid');
      else expect(o.error.reason).toBe('pdf_encrypted');
    }
  });

  it('stops at a token failure and marks the rest as not attempted', async () => {
    let calls = 0;
    const failing: Signer = {
      certificate: principal.certificate,
      sign: async (data) => {
        if (++calls === 2) {
          const { SigningError } = await import('../../../src-main/core/signing');
          throw new SigningError('device_removed', 'Token đã bị rút ra');
        }
        return principal.sign(data);
      },
    };
    const docs = await Promise.all(['1', '2', '3', '4'].map(async (id) => ({ id, pdf: await pdfkitDoc() })));
    const outcomes = await signPdfBatch(docs, failing);
    expect(outcomes.map((o) => (o.ok ? 'ok' : `${o.error.reason}:${o.attempted}`))).toEqual([
      'ok',
      'device_removed:true',
      'device_removed:false',
      'device_removed:false',
    ]);
  });
});
