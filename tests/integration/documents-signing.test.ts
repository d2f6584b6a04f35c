/**
 * Signing the principal's queue through the procedures with a real SoftHSM2 token: the token and its
 * certificates as the sign dialog sees them, three documents (two PDFs, one spreadsheet) signed with one
 * PIN entry, each PDF valid for pdfsig as a whole-document signature, the spreadsheet's .p7s accepted by
 * openssl, numbers in the register, our verifier's verdict, and a wrong PIN that signs nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFails, callOk, downloadFile, startTestServer, uploadFile, type TestServer } from './support/server';
import { PRINCIPAL, opensslCmsVerify, pdfsig, setupTokens, type TokenFixture } from './signing/fixture';
import { USER_PIN } from '../support/softhsm';
import { closedPortUrl, startTestTsa, TSA_NAME } from '../support/tsa';
import { RED_DOT_PNG, pdfkitDoc } from '../unit/signing/pdfs';
import { writeSetting } from '../../src-main/store/settings';
import type { DocumentView, SignResult, TokenView } from '../../src-shared/api/documents';
import { caNameOf } from '../../src-main/core/documents/tokenViews';
import { jobActive, type JobView } from '../../src-shared/api/jobs';

let tokens: TokenFixture;
let server: TestServer;
let principal: string;
let teacher: string;

const ok = <T>(name: string, input: unknown, token: string) => callOk<T>(server, name, input, token);
async function submit(name: string, data: Buffer, title: string): Promise<DocumentView> {
  const fileId = await uploadFile(server, teacher, name, data);
  return ok<DocumentView>('documents.submit', { fileId, title, kind: 'report' }, teacher);
}

async function jobEnd(jobId: string): Promise<JobView> {
  for (let i = 0; i < 600; i++) {
    const view = await ok<JobView>('jobs.get', { id: jobId }, principal);
    if (!jobActive(view.status)) return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not end');
}

beforeAll(async () => {
  tokens = setupTokens();
  server = await startTestServer({ demo: true });
  principal = await server.login('principal', 'demo');
  teacher = await server.login('teacher', 'demo');
}, 60_000);
afterAll(async () => {
  await server?.close();
  tokens?.cleanup();
});

const choice = () => ({
  modulePath: tokens.hsm.module,
  tokenLabel: PRINCIPAL,
  tokenSerial: tokens.principalSerial,
  certSerial: tokens.rsa.serial,
});

describe('signing the queue with a token', () => {
  it('lists the token and its certificates, naming why some cannot sign', async () => {
    const { tokens: found } = await ok<{ tokens: TokenView[] }>(
      'signing.tokens',
      { modulePath: tokens.hsm.module },
      principal,
    );
    const token = found.find((tk) => tk.label === PRINCIPAL)!;
    expect(token.serial).toBe(tokens.principalSerial);
    const bySerial = new Map(token.certificates.map((c) => [c.serial, c]));
    expect(bySerial.get(tokens.rsa.serial)).toMatchObject({ holder: 'Nguyễn Thị Hằng', keyType: 'RSA', problem: null });
    expect(bySerial.get(tokens.ec.serial)).toMatchObject({ keyType: 'EC', problem: null });
    expect(bySerial.get(tokens.expired.serial)!.problem).toContain('hết hạn');
    expect(bySerial.get(tokens.noUsage.serial)!.problem).toContain('không được phép dùng để ký số');
    // The CA certificate on the token is no signing certificate.
    expect(bySerial.has(tokens.ca.serial)).toBe(false);
    expect((await server.call('signing.tokens', {}, teacher)).body).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('says what the token engine refused in English for an English session, keeping the Vietnamese detail', async () => {
    const ask = async (language: string) => {
      const response = await fetch(`${server.url}/api/signing.tokens`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${principal}`,
          'content-type': 'application/json',
          'accept-language': language,
        },
        body: JSON.stringify({ modulePath: '/khong-co/thu-vien.so' }),
      });
      return (await response.json()) as {
        ok: false;
        error: { code: string; message: string; details: Record<string, unknown> };
      };
    };
    const vi = await ask('vi');
    const en = await ask('en');
    expect(vi.error.code).toBe('token_error');
    expect(en.error.code).toBe('token_error');
    expect(en.error.details.reason).toBe(vi.error.details.reason);
    expect(en.error.message).toMatch(/PKCS#11 library/);
    expect(en.error.details.vietnamese).toBe(vi.error.message);
    expect(vi.error.message).toMatch(/thư viện/i);
  });

  it('refuses a wrong PIN with a Vietnamese message and signs nothing', async () => {
    const doc = await submit('bao-cao.pdf', await pdfkitDoc({ title: 'Bao cao' }), 'Báo cáo thử PIN sai');
    const { jobId } = await ok<{ jobId: string }>(
      'documents.sign',
      { ...choice(), ids: [doc.id], pin: '999999' },
      principal,
    );
    const end = await jobEnd(jobId);
    expect(end.status).toBe('failed');
    expect(end.error).toMatchObject({ code: 'token_error', message: expect.stringContaining('PIN') });
    expect((await ok<DocumentView>('documents.get', { id: doc.id }, teacher)).status).toBe('submitted');
    // Leave the token's PIN counter clean for the next test.
    const again = await ok<{ jobId: string }>(
      'documents.sign',
      { ...choice(), ids: [doc.id], pin: USER_PIN },
      principal,
    );
    expect((await jobEnd(again.jobId)).status).toBe('done');
  });

  it('signs PDFs and a spreadsheet with one PIN: pdfsig and openssl accept them, the register numbers them', async () => {
    const a = await submit('hoc-ba.pdf', await pdfkitDoc({ pages: 2, title: 'Hoc ba' }), 'Học bạ lớp 1A');
    const b = await submit('ke-hoach.pdf', await pdfkitDoc({ pages: 1, title: 'Ke hoach' }), 'Kế hoạch tháng');
    const sheet = Buffer.from('PK\u0003\u0004 not really a workbook, but bytes to sign');
    const c = await submit('thong-ke.xlsx', sheet, 'Thống kê sĩ số');
    const { jobId } = await ok<{ jobId: string }>(
      'documents.sign',
      { ...choice(), ids: [a.id, b.id, c.id], pin: USER_PIN, position: 'Hiệu trưởng' },
      principal,
    );
    const end = await jobEnd(jobId);
    expect(end.status, end.error?.message).toBe('done');
    const result = end.result as SignResult;
    expect(result.failed).toEqual([]);
    expect(result.signed.map((s) => s.id)).toEqual([a.id, b.id, c.id]);
    const numbers = result.signed.map((s) => Number(s.registerNumber.split('/')[0]));
    expect(numbers[1]).toBe(numbers[0]! + 1);

    for (const doc of [a, b]) {
      const view = await ok<DocumentView>('documents.get', { id: doc.id }, teacher);
      expect(view).toMatchObject({ status: 'signed', signerName: 'Nguyễn Thị Hằng' });
      const signed = await downloadFile(server, teacher, view.signedFile!.id);
      const sigs = pdfsig(signed, tokens.dir);
      expect(sigs).toHaveLength(1);
      expect(sigs[0]).toMatchObject({ valid: true, total: true, signer: 'Nguyễn Thị Hằng' });
    }

    const sheetView = await ok<DocumentView>('documents.get', { id: c.id }, teacher);
    expect(sheetView.signedFile!.name).toBe('thong-ke.xlsx.p7s');
    const p7s = await downloadFile(server, teacher, sheetView.signedFile!.id);
    const files = {
      content: path.join(tokens.dir, 'sheet.xlsx'),
      sig: path.join(tokens.dir, 'sheet.p7s'),
      ca: path.join(tokens.dir, 'ca.pem'),
    };
    fs.writeFileSync(files.content, sheet);
    fs.writeFileSync(files.sig, p7s);
    const check = opensslCmsVerify({ cms: files.sig, content: files.content, caFile: files.ca });
    expect(check.out).toContain('Verification successful');

    // Our verifier: trusted once the school trusts the test CA.
    const pdfView = await ok<DocumentView>('documents.get', { id: a.id }, principal);
    const before = await ok<{ valid: boolean; signatures: { trusted: boolean }[] }>(
      'signing.verify',
      { fileId: pdfView.signedFile!.id },
      principal,
    );
    expect(before.valid).toBe(true);
    expect(before.signatures[0]!.trusted).toBe(false);
    writeSetting(server.app.store, 'signing.trustAnchors', [tokens.ca.pem]);
    const after = await ok<{
      valid: boolean;
      verdict: string;
      signatures: { trusted: boolean; intact: boolean; coversWholeDocument: boolean }[];
    }>('signing.verify', { fileId: pdfView.signedFile!.id }, principal);
    expect(after.signatures[0]).toMatchObject({ trusted: true, intact: true, coversWholeDocument: true });
    const detached = await ok<{ valid: boolean }>(
      'signing.verify',
      { fileId: sheetView.file.id, signatureFileId: sheetView.signedFile!.id },
      teacher,
    );
    expect(detached.valid).toBe(true);
  }, 60_000);

  it('stamps the signatures with the school’s timestamp server, and signs B-B with a note when it is down', async () => {
    const tsa = await startTestTsa(tokens.ca);
    try {
      await ok('signing.settings.set', { timestampUrl: tsa.url, timestampTimeoutMs: 5000 }, principal);
      const pdf = await submit('co-dau.pdf', await pdfkitDoc({ title: 'Co dau' }), 'Có dấu thời gian');
      const sheet = await submit('co-dau.xlsx', Buffer.from('PK\u0003\u0004 stamped'), 'Bảng có dấu thời gian');
      const stamped = await jobEnd(
        (
          await ok<{ jobId: string }>(
            'documents.sign',
            { ...choice(), ids: [pdf.id, sheet.id], pin: USER_PIN, visible: 'none' },
            principal,
          )
        ).jobId,
      );
      const result = stamped.result as SignResult;
      expect(result.failed).toEqual([]);
      expect(result.timestampNote).toBeNull();
      expect(result.signed.map((d) => d.timestamped)).toEqual([true, true]);
      expect(tsa.requests).toBe(2);
      const view = await ok<DocumentView>('documents.get', { id: pdf.id }, principal);
      const signedPdf = await downloadFile(server, principal, view.signedFile!.id);
      expect(pdfsig(signedPdf, tokens.dir)[0]).toMatchObject({ valid: true, total: true });
      const checked = await ok<{ signatures: { level: string; timestamp: { authority: string; valid: boolean } }[] }>(
        'signing.verify',
        { fileId: view.signedFile!.id },
        principal,
      );
      expect(checked.signatures[0]).toMatchObject({ level: 'B-T', timestamp: { valid: true } });
      expect(checked.signatures[0]!.timestamp.authority).toContain(TSA_NAME);

      // The server is gone: still signed, at B-B, and the principal is told why.
      await ok('signing.settings.set', { timestampUrl: await closedPortUrl(), timestampTimeoutMs: 2000 }, principal);
      const later = await submit('khong-dau.pdf', await pdfkitDoc(), 'Không có dấu thời gian');
      const unstamped = await jobEnd(
        (await ok<{ jobId: string }>('documents.sign', { ...choice(), ids: [later.id], pin: USER_PIN }, principal))
          .jobId,
      );
      const plain = unstamped.result as SignResult;
      expect(plain.signed).toEqual([expect.objectContaining({ id: later.id, timestamped: false })]);
      expect(plain.timestampNote).toMatch(/Không lấy được dấu thời gian/);
      const laterView = await ok<DocumentView>('documents.get', { id: later.id }, principal);
      // A server that does not answer: the PDFs wait for it once, and the spreadsheet after them not again.
      tsa.mode = 'hang';
      await ok('signing.settings.set', { timestampUrl: tsa.url, timestampTimeoutMs: 1000 }, principal);
      const silentPdfs = [
        await submit('im-1.pdf', await pdfkitDoc(), 'Im lặng 1'),
        await submit('im-2.pdf', await pdfkitDoc(), 'Im lặng 2'),
      ];
      const silentSheet = await submit('im.xlsx', Buffer.from('PK\u0003\u0004 silent'), 'Im lặng bảng');
      const before = tsa.requests;
      const silent = await jobEnd(
        (
          await ok<{ jobId: string }>(
            'documents.sign',
            { ...choice(), ids: [...silentPdfs, silentSheet].map((d) => d.id), pin: USER_PIN, visible: 'none' },
            principal,
          )
        ).jobId,
      );
      const silentResult = silent.result as SignResult;
      expect(silentResult.signed).toHaveLength(3);
      expect(silentResult.timestampNote).toMatch(/không trả lời/);
      expect(tsa.requests - before).toBeGreaterThan(0);
      expect(tsa.requests - before).toBeLessThanOrEqual(2);

      const laterCheck = await ok<{ signatures: { level: string; timestamp: unknown }[] }>(
        'signing.verify',
        { fileId: laterView.signedFile!.id },
        principal,
      );
      expect(laterCheck.signatures[0]).toMatchObject({ level: 'B-B', timestamp: null });
    } finally {
      await ok('signing.settings.set', { timestampUrl: '', timestampTimeoutMs: 10000 }, principal);
      await tsa.close();
    }
  }, 60_000);

  it('draws the principal’s signature picture in the visible block, and refuses a file that is no picture', async () => {
    const picture = await uploadFile(server, principal, 'chu-ky.png', RED_DOT_PNG);
    const withPicture = await submit('co-anh.pdf', await pdfkitDoc(), 'Có ảnh chữ ký');
    const withoutPicture = await submit('khong-anh.pdf', await pdfkitDoc(), 'Không có ảnh chữ ký');
    const sign = async (id: number, extra: object) =>
      (
        (
          await jobEnd(
            (
              await ok<{ jobId: string }>(
                'documents.sign',
                { ...choice(), ids: [id], pin: USER_PIN, ...extra },
                principal,
              )
            ).jobId,
          )
        ).result as SignResult
      ).signed;
    expect(await sign(withPicture.id, { imageFileId: picture })).toHaveLength(1);
    expect(await sign(withoutPicture.id, {})).toHaveLength(1);
    const signedBytes = async (id: number) => {
      const view = await ok<DocumentView>('documents.get', { id }, principal);
      return downloadFile(server, principal, view.signedFile!.id);
    };
    const a = await signedBytes(withPicture.id);
    const b = await signedBytes(withoutPicture.id);
    expect(pdfsig(a, tokens.dir)[0]).toMatchObject({ valid: true, total: true });
    // The picture is an image XObject of the signature's appearance, only where one was chosen.
    const images = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype\s*\/Image/g) ?? []).length;
    expect(images(b)).toBe(0);
    expect(images(a)).toBeGreaterThan(0);

    // A file that is no PNG or JPEG, and someone else's picture: refused before the token is asked.
    const notPicture = await uploadFile(server, principal, 'khong-phai-anh.png', Buffer.from('%PDF-1.7 no picture'));
    const doc = await submit('anh-sai.pdf', await pdfkitDoc(), 'Ảnh sai');
    const refused = await callFails(
      server,
      'documents.sign',
      { ...choice(), ids: [doc.id], pin: USER_PIN, imageFileId: notPicture },
      principal,
    );
    expect(refused).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('khong-phai-anh.png') });
    const teachersPicture = await uploadFile(server, teacher, 'cua-giao-vien.png', RED_DOT_PNG);
    expect(
      await callFails(
        server,
        'documents.sign',
        { ...choice(), ids: [doc.id], pin: USER_PIN, imageFileId: teachersPicture },
        principal,
      ),
    ).toMatchObject({ code: 'not_found' });
    expect((await ok<DocumentView>('documents.get', { id: doc.id }, teacher)).status).toBe('submitted');
  }, 60_000);

  it('stops a cancelled batch between documents and says which ones were signed before it stopped', async () => {
    const pdf = await pdfkitDoc({ title: 'Lo ky' });
    const docs: DocumentView[] = [];
    for (let i = 1; i <= 40; i++) docs.push(await submit(`lo-${i}.pdf`, pdf, `Văn bản lô ${i}`));
    const { jobId } = await ok<{ jobId: string }>(
      'documents.sign',
      { ...choice(), ids: docs.map((d) => d.id), pin: USER_PIN },
      principal,
    );
    for (;;) {
      const view = await ok<JobView>('jobs.get', { id: jobId }, principal);
      if (view.progress.done > 0 || !jobActive(view.status)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await ok('jobs.cancel', { id: jobId }, principal);
    const end = await jobEnd(jobId);
    expect(end.status).toBe('cancelled');
    const result = end.result as SignResult;
    expect(result.signed.length).toBeGreaterThan(0);
    expect(result.signed.length).toBeLessThan(docs.length);
    expect(result.signed.length + result.failed.length).toBe(docs.length);
    // Every document is either signed whole or still waiting in the queue, as the result says.
    const signed = new Set(result.signed.map((s) => s.id));
    for (const d of docs) {
      const status = (await ok<DocumentView>('documents.get', { id: d.id }, teacher)).status;
      expect(status).toBe(signed.has(d.id) ? 'signed' : 'submitted');
    }
  }, 120_000);
});

describe('the token library set in the signing settings', () => {
  it('finds the token through it, named by its CA, and never needs a path in the sign dialog', async () => {
    // Until set, SoftHSM's library (where this test keeps its token) may not be among the known places.
    const missing = await callFails(server, 'signing.tokenModule.set', { path: '/khong-co/thu-vien.so' }, principal);
    expect(missing.code).toBe('invalid_input');
    expect(missing.message).toContain('Không có tệp thư viện PKCS#11');
    expect((await callFails(server, 'signing.tokenModule.set', { path: tokens.hsm.module }, teacher)).code).toBe(
      'forbidden',
    );

    const set = await ok<{ path: string | null; found: { path: string; vendor: string }[] }>(
      'signing.tokenModule.set',
      { path: tokens.hsm.module },
      principal,
    );
    expect(set.path).toBe(tokens.hsm.module);
    expect(set.found[0]!.path).toBe(path.resolve(tokens.hsm.module));

    const listed = await ok<{ providers: string[]; tokens: TokenView[] }>('signing.tokens', {}, principal);
    const token = listed.tokens.find((tk) => tk.label === PRINCIPAL && tk.serial === tokens.principalSerial)!;
    // The test CA is no Vietnamese CA: the token is named after whose library found it.
    expect(token.provider).toBe('SoftHSM2 (token mềm để thử nghiệm)');
    expect(listed.providers).toContain('SoftHSM2 (token mềm để thử nghiệm)');
    expect(token.certificates.map((c) => c.holder)).toContain('Nguyễn Thị Hằng');

    const cleared = await ok<{ path: string | null }>('signing.tokenModule.set', { path: '' }, principal);
    expect(cleared.path).toBeNull();
  });

  it('names a token by the CA that issued its certificates', () => {
    expect(caNameOf(['VNPT Certification Authority'], 'Khác')).toBe('VNPT-CA');
    expect(caNameOf(['Viettel-CA SHA-256'], 'Khác')).toBe('Viettel-CA');
    expect(caNameOf(['BkavCA SHA256'], 'Khác')).toBe('BkavCA');
    expect(caNameOf(['FPT Certification Authority'], 'Khác')).toBe('FPT-CA');
    expect(caNameOf(['Cục Chứng thực số và Bảo mật thông tin - Ban Cơ yếu Chính phủ'], 'Khác')).toBe(
      'VGCA (Ban Cơ yếu Chính phủ)',
    );
    expect(caNameOf(['Some Test CA'], 'VNPT-CA')).toBe('VNPT-CA');
  });
});
