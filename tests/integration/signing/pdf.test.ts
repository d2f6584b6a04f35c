import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTokenSession,
  releaseAllModules,
  signDetached,
  signPdf,
  signPdfBatch,
  verifyPdf,
  type TokenSession,
} from '../../../src-main/core/signing';
import { USER_PIN } from '../../support/softhsm';
import { appendNonSignatureChange, pdfkitDoc, xrefStreamDoc, RED_DOT_PNG } from '../../unit/signing/pdfs';
import {
  PRINCIPAL,
  hasLibreOffice,
  lastCms,
  libreOfficePdf,
  openssl,
  opensslCmsVerify,
  pdfsig,
  setupTokens,
  type TokenFixture,
} from './fixture';

let fx: TokenFixture;
let rsa: TokenSession;
let ec: TokenSession;

beforeAll(async () => {
  fx = setupTokens();
  const base = { module: fx.hsm.module, token: { label: PRINCIPAL, serial: fx.principalSerial }, pin: USER_PIN };
  rsa = await openTokenSession({ ...base, certificate: fx.rsa.serial });
  // One session per token: the ECDSA key's session goes through the same token after the RSA one closes
  // in the tests that need it.
});

afterAll(() => {
  rsa?.close();
  ec?.close();
  releaseAllModules();
  fx?.cleanup();
});

async function withEc<T>(work: (s: TokenSession) => Promise<T>): Promise<T> {
  rsa.close();
  const base = { module: fx.hsm.module, token: { label: PRINCIPAL, serial: fx.principalSerial }, pin: USER_PIN };
  ec = await openTokenSession({ ...base, certificate: fx.ec.serial });
  try {
    return await work(ec);
  } finally {
    ec.close();
    rsa = await openTokenSession({ ...base, certificate: fx.rsa.serial });
  }
}

const trust = () => ({ trustAnchors: [fx.ca.pem] });

/** pdfsig and our verifier agree that every signature is valid and the last covers the whole file. */
async function expectAllValid(pdf: Buffer, count: number): Promise<void> {
  const theirs = pdfsig(pdf, fx.dir);
  expect(theirs).toHaveLength(count);
  for (const s of theirs) {
    expect(s.valid, s.text).toBe(true);
    expect(s.type).toBe('ETSI.CAdES.detached');
  }
  expect(theirs.at(-1)!.total).toBe(true);
  const ours = await verifyPdf(pdf, trust());
  expect(ours.status, ours.verdict).toBe('valid');
  expect(ours.signatures).toHaveLength(count);
  expect(ours.signatures.at(-1)!.coversWholeDocument).toBe(true);
}

describe('PDFs signed with the token pass pdfsig', () => {
  it('pdfkit output, RSA, invisible', async () => {
    const signed = await signPdf(await pdfkitDoc(), rsa, { reason: 'Phê duyệt' });
    await expectAllValid(signed, 1);
    expect(pdfsig(signed, fx.dir)[0]!.signer).toBe('Nguyễn Thị Hằng');
  });

  it('twice signed (RSA with a visible block, then the school seal with ECDSA): both valid', async () => {
    const once = await signPdf(await pdfkitDoc(), rsa, { visible: { position: 'Hiệu trưởng' } });
    const twice = await withEc((s) => signPdf(once, s, { visible: { anchor: 'bottom-left', image: RED_DOT_PNG } }));
    await expectAllValid(twice, 2);
    const theirs = pdfsig(twice, fx.dir);
    expect(theirs[0]!.total).toBe(false);
    const ours = await verifyPdf(twice, trust());
    expect(ours.signatures[0]!.laterChanges).toBe('signatures');
    expect(ours.signatures[1]!.integrity.algorithm).toBe('ecdsa-with-sha256');
  });

  it('a PDF with cross-reference and object streams', async () => {
    const once = await signPdf(await xrefStreamDoc(), rsa, { visible: {} });
    await expectAllValid(once, 1);
    await expectAllValid(await signPdf(once, rsa), 2);
  });

  it('a PDF made by LibreOffice (skipped when libreoffice is not installed)', async (ctx) => {
    if (!hasLibreOffice()) {
      ctx.skip('libreoffice is not installed on this machine: the LibreOffice producer case is not checked');
      return;
    }
    const original = libreOfficePdf(fx.dir);
    expect((await PDFDocument.load(original, { updateMetadata: false })).getProducer()).toMatch(/LibreOffice/);
    const signed = await signPdf(original, rsa, { visible: { position: 'Hiệu trưởng' } });
    await expectAllValid(signed, 1);
    await expectAllValid(await withEc((s) => signPdf(signed, s)), 2);
  }, 180_000);

  it('a PDF changed after signing is invalid for pdfsig and for us', async () => {
    const signed = await signPdf(await pdfkitDoc(), rsa);
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('PDFKit');
    tampered[at + 3] = 'k'.charCodeAt(0);
    const theirs = pdfsig(tampered, fx.dir);
    expect(theirs[0]!.valid).toBe(false);
    expect(theirs[0]!.text).toMatch(/Digest Mismatch|Signature is Invalid/);
    const ours = await verifyPdf(tampered, trust());
    expect(ours.status).toBe('invalid');
    expect(ours.signatures[0]!.integrity.digestOk).toBe(false);
  });

  it('an incremental change other than a signature: pdfsig says "not total document", we say modified', async () => {
    const changed = await appendNonSignatureChange(await signPdf(await pdfkitDoc(), rsa));
    const theirs = pdfsig(changed, fx.dir);
    expect(theirs[0]!.valid).toBe(true);
    expect(theirs[0]!.total).toBe(false);
    expect((await verifyPdf(changed, trust())).status).toBe('modified');
  });

  it('batch-signs with one PIN entry', async () => {
    const docs = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => ({ id: `hb-${i}`, pdf: await pdfkitDoc() })),
    );
    const before = rsa.signatures;
    const outcomes = await signPdfBatch(docs, rsa, { visible: { position: 'Hiệu trưởng' } });
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(rsa.signatures - before).toBe(5);
    for (const o of outcomes) if (o.ok) await expectAllValid(o.pdf, 1);
  });
});

describe('CMS read by openssl', () => {
  it('accepts our .p7s (RSA and ECDSA) and finds signing-certificate-v2', async () => {
    const content = Buffer.from('Báo cáo thống kê: 412 học sinh', 'utf8');
    const contentFile = path.join(fx.dir, 'bao-cao.xlsx');
    fs.writeFileSync(contentFile, content);
    const cafile = path.join(fx.dir, 'ca.pem');
    for (const [name, p7s] of [
      ['rsa', await signDetached(content, rsa)],
      ['ec', await withEc((s) => signDetached(content, s))],
    ] as const) {
      const file = path.join(fx.dir, `${name}.p7s`);
      fs.writeFileSync(file, p7s);
      const verified = opensslCmsVerify({ cms: file, content: contentFile, caFile: cafile });
      expect(verified.out).toMatch(/CMS Verification successful/);
      expect(verified.status).toBe(0);
      const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file]).out;
      expect(printed).toMatch(/signingCertificateV2|1\.2\.840\.113549\.1\.9\.16\.2\.47/);
      expect(printed).toMatch(/signingTime/);
    }
  });

  it('accepts the CMS inside a signed PDF over its ByteRange', async () => {
    const signed = await signPdf(await pdfkitDoc(), rsa);
    const { cms, content } = lastCms(signed);
    const cmsFile = path.join(fx.dir, 'pdf.p7s');
    const contentFile = path.join(fx.dir, 'pdf-content.bin');
    fs.writeFileSync(cmsFile, cms);
    fs.writeFileSync(contentFile, content);
    const verified = opensslCmsVerify({ cms: cmsFile, content: contentFile, caFile: path.join(fx.dir, 'ca.pem') });
    expect(verified.out).toMatch(/CMS Verification successful/);
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsFile]).out;
    expect(printed).toMatch(/signingCertificateV2|1\.2\.840\.113549\.1\.9\.16\.2\.47/);
    // PAdES baseline: the time is the signature dictionary's /M, not a CMS attribute.
    expect(printed).not.toMatch(/signingTime/);
  });
});
