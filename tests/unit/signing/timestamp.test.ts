/**
 * RFC 3161 signature timestamps (B-T) against a real timestamp server: openssl's, behind node:http in
 * this process (tests/support/tsa.ts). Keys are in software here; the token-backed cases and the outside
 * verifiers (pdfsig, openssl cms) are in tests/integration/signing/timestamp.test.ts.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSignedData,
  buildTimestampRequest,
  checkTimestampToken,
  finishPdfSignatureDetailed,
  keySigner,
  prepareDetachedSignature,
  preparePdfSignature,
  requestTimestamp,
  signDetachedDetailed,
  signPdf,
  signPdfBatch,
  signPdfDetailed,
  verifyDetached,
  verifyPdf,
  type Signer,
} from '../../../src-main/core/signing';
import { closedPortUrl, signatureTimestampOf, startTestTsa, TSA_NAME, type TestTsa } from '../../support/tsa';
import { pdfkitDoc } from './pdfs';
import { testCa, type Issued, type TestCa } from './pki';

let ca: TestCa;
let tsa: TestTsa;
let principalCert: Issued;
let principal: Signer;

beforeAll(async () => {
  process.env.TRUONGSO_SERIF = 'bundled';
  ca = testCa();
  principalCert = ca.leaf({ kind: 'RSA', cn: 'Nguyễn Thị Hằng', title: 'Hiệu trưởng' });
  principal = keySigner(principalCert.key, principalCert.cert, [ca.cert]);
  tsa = await startTestTsa(ca);
});

afterAll(async () => {
  await tsa?.close();
});

const trust = () => ({ trustAnchors: [ca.pem] });

/** The last signature's CMS in a signed PDF, cut at its DER length. */
function lastCms(pdf: Buffer): Buffer {
  const m = [...pdf.toString('latin1').matchAll(/\/ByteRange \[\s*\d+\s+(\d+)\s+(\d+)/g)].at(-1)!;
  const raw = Buffer.from(pdf.subarray(Number(m[1]) + 1, Number(m[2]) - 1).toString('latin1'), 'hex');
  const n = raw[1]! & 0x7f;
  return raw.subarray(0, 2 + n + raw.subarray(2, 2 + n).reduce((a, b) => a * 256 + b, 0));
}

function withMode<T>(mode: TestTsa['mode'], work: () => Promise<T>): Promise<T> {
  tsa.mode = mode;
  return work().finally(() => {
    tsa.mode = 'ok';
  });
}

describe('the RFC 3161 client', () => {
  it('builds a TimeStampReq that openssl reads: version 1, SHA-256 imprint, the nonce, certReq', () => {
    const digest = crypto.createHash('sha256').update('giá trị chữ ký').digest();
    const nonce = Buffer.from('1122334455667788', 'hex');
    const file = path.join(tsa.dir, 'req-test.tsq');
    fs.writeFileSync(file, buildTimestampRequest(digest, nonce));
    const text = execFileSync('openssl', ['ts', '-query', '-in', file, '-text'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(text).toMatch(/Version: 1/);
    expect(text).toMatch(/Hash Algorithm: sha256/);
    const hex = text
      .slice(text.indexOf('Message data:'))
      .match(/ - ([0-9a-f -]+)/gi)!
      .join('');
    expect(hex.replace(/[^0-9a-f]/gi, '').toLowerCase()).toContain(digest.toString('hex'));
    expect(text).toMatch(/Nonce: 0x1122334455667788/i);
    expect(text).toMatch(/Certificate required: yes/);
  });

  it('gets a token that answers its request, with the TSA time and name', async () => {
    const before = tsa.requests;
    const start = Date.now();
    const data = Buffer.from('giá trị chữ ký của hiệu trưởng');
    const result = await requestTimestamp(data, { url: tsa.url });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(tsa.requests - before).toBe(1);
    expect(result.authority).toBe(TSA_NAME);
    // openssl writes whole seconds.
    expect(result.time.getTime()).toBeGreaterThanOrEqual(Math.floor(start / 1000) * 1000);
    expect(result.time.getTime()).toBeLessThanOrEqual(Date.now());
    const check = checkTimestampToken(result.token, data);
    expect(check).toMatchObject({ valid: true, imprintOk: true, authority: TSA_NAME, problems: [] });
    expect(checkTimestampToken(result.token, Buffer.from('dữ liệu khác')).valid).toBe(false);
  });

  it('turns every failure into a result with a Vietnamese reason, never an exception', async () => {
    const data = Buffer.from('x');
    const cases: [TestTsa['mode'] | 'closed' | 'bad_url', string, RegExp][] = [
      ['closed', 'unreachable', /từ chối kết nối/],
      ['http500', 'http_error', /báo lỗi HTTP 500/],
      ['garbage', 'bad_reply', /không phải dấu thời gian/],
      ['reject', 'rejected', /từ chối cấp dấu thời gian \(thuật toán băm không được hỗ trợ/],
      ['other_request', 'mismatch', /không phải cho yêu cầu này/],
      ['hang', 'timeout', /không trả lời sau 0,3 giây/],
      ['bad_url', 'bad_url', /không hợp lệ/],
    ];
    for (const [mode, failure, reason] of cases) {
      const url = mode === 'closed' ? await closedPortUrl() : mode === 'bad_url' ? 'ftp://tsa.example' : tsa.url;
      const result = await withMode(mode === 'closed' || mode === 'bad_url' ? 'ok' : mode, () =>
        requestTimestamp(data, { url, timeoutMs: 300 }),
      );
      expect(result, mode).toMatchObject({ ok: false, failure });
      if (!result.ok) {
        expect(result.reason, mode).toMatch(reason);
        expect(result.reason, mode).toMatch(/^Không lấy được dấu thời gian: /);
      }
    }
  });
});

describe('PAdES B-T', () => {
  it('adds the timestamp to a PDF: the verifier reports B-T, the TSA time and uses it as the signing time', async () => {
    const signed = await signPdfDetailed(await pdfkitDoc(), principal, { timestamp: { url: tsa.url } });
    expect(signed.timestamp).toMatchObject({ status: 'added', authority: TSA_NAME });
    const result = await verifyPdf(signed.pdf, trust());
    expect(result.status).toBe('valid');
    expect(result.verdict).toMatch(/Nguyễn Thị Hằng \(dấu thời gian: \d\d\/\d\d\/\d{4} /);
    const [sig] = result.signatures;
    expect(sig!.level).toBe('B-T');
    expect(sig!.timestamp).toEqual({
      time: signed.timestamp.status === 'added' ? signed.timestamp.time : 'missing',
      authority: TSA_NAME,
      valid: true,
      trusted: true,
      problems: [],
    });
    expect(sig!.signingTimeSource).toBe('timestamp');
    // Without the school's anchors the time is still the TSA's, but the TSA's origin is not vouched for.
    const [unanchored] = (await verifyPdf(signed.pdf)).signatures;
    expect(unanchored!.timestamp).toMatchObject({ valid: true, trusted: false });
    expect(unanchored!.verdict).toContain('chưa xác minh được nguồn gốc của máy chủ cấp dấu thời gian');
    expect(sig!.signingTime).toBe(sig!.timestamp!.time);
    expect(sig!.verdict).toMatch(
      /Dấu thời gian: \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d, do Máy chủ dấu thời gian thử nghiệm/,
    );
    // The token covers this SignerInfo's signature value.
    const { signatureValue, token } = signatureTimestampOf(lastCms(signed.pdf));
    expect(token).not.toBeNull();
    expect(checkTimestampToken(token!, signatureValue).valid).toBe(true);
  });

  it('reserves room for the token only when a timestamp is asked for, and finishes with it when prepared elsewhere', async () => {
    const pdf = await pdfkitDoc();
    const plain = await preparePdfSignature(pdf, principal.certificate, { chain: principal.chain });
    const prepared = await preparePdfSignature(pdf, principal.certificate, {
      chain: principal.chain,
      timestamp: { url: tsa.url },
    });
    expect(prepared.contentsLength - plain.contentsLength).toBe(8192 * 2);
    expect(prepared.timestamp).toEqual({ url: tsa.url });
    expect(plain.timestamp).toBeUndefined();
    const signed = await finishPdfSignatureDetailed(prepared, await principal.sign(prepared.toBeSigned));
    expect(signed.timestamp.status).toBe('added');
    expect((await verifyPdf(signed.pdf, trust())).signatures[0]!.level).toBe('B-T');
    const untimed = await finishPdfSignatureDetailed(plain, await principal.sign(plain.toBeSigned));
    expect(untimed.timestamp).toEqual({ status: 'not_requested' });
    const check = (await verifyPdf(untimed.pdf, trust())).signatures[0]!;
    expect(check.level).toBe('B-B');
    expect(check.timestamp).toBeUndefined();
  });

  for (const mode of ['closed', 'http500', 'garbage'] as const) {
    it(`signs B-B with a Vietnamese note when the TSA is ${mode === 'closed' ? 'unreachable' : `answering ${mode}`}`, async () => {
      const url = mode === 'closed' ? await closedPortUrl() : tsa.url;
      const pdf = await pdfkitDoc();
      const signed = await withMode(mode === 'closed' ? 'ok' : mode, () =>
        signPdfDetailed(pdf, principal, { timestamp: { url } }),
      );
      expect(signed.timestamp.status).toBe('unavailable');
      if (signed.timestamp.status === 'unavailable') {
        expect(signed.timestamp.reason).toMatch(
          mode === 'closed' ? /từ chối kết nối/ : mode === 'http500' ? /HTTP 500/ : /không phải dấu thời gian/,
        );
      }
      const result = await verifyPdf(signed.pdf, trust());
      expect(result.status).toBe('valid');
      expect(result.signatures[0]).toMatchObject({ level: 'B-B', signingTimeSource: 'pdf' });
      expect(result.signatures[0]!.timestamp).toBeUndefined();
      expect(signatureTimestampOf(lastCms(signed.pdf)).token).toBeNull();
    });
  }

  it('leaves out a token that does not fit the placeholder instead of writing a broken file', async () => {
    const pdf = await pdfkitDoc();
    const withoutTsa = await signPdf(pdf, principal);
    const size = lastCms(withoutTsa).length;
    const signed = await signPdfDetailed(pdf, principal, { timestamp: { url: tsa.url }, contentsSize: size + 64 });
    expect(signed.timestamp.status).toBe('unavailable');
    if (signed.timestamp.status === 'unavailable') {
      expect(signed.timestamp.reason).toMatch(/không vừa chỗ dành sẵn trong tệp \(còn 64 byte\)/);
    }
    const result = await verifyPdf(signed.pdf, trust());
    expect(result.status).toBe('valid');
    expect(result.signatures[0]!.level).toBe('B-B');
  });

  it('judges the certificate at the trusted time: a back-dated claim does not hide an expired certificate', async () => {
    const expired = ca.leaf({
      kind: 'RSA',
      cn: 'Trần Văn Cũ',
      notBefore: new Date(Date.now() - 25 * 86400_000),
      notAfter: new Date(Date.now() - 86400_000),
    });
    const signer = keySigner(expired.key, expired.cert, [ca.cert]);
    const claimed = new Date(Date.now() - 20 * 86400_000);
    const backDated = await signPdf(await pdfkitDoc(), signer, { signingTime: claimed });
    expect((await verifyPdf(backDated, trust())).signatures[0]).toMatchObject({
      status: 'valid',
      signingTimeSource: 'pdf',
    });
    const stamped = await signPdfDetailed(await pdfkitDoc(), signer, {
      signingTime: claimed,
      timestamp: { url: tsa.url },
    });
    expect(stamped.timestamp.status).toBe('added');
    const check = (await verifyPdf(stamped.pdf, trust())).signatures[0]!;
    expect(check).toMatchObject({ status: 'invalid', level: 'B-T', signingTimeSource: 'timestamp' });
    expect(check.certificate.validAtSigningTime).toBe(false);
    expect(check.problems[0]).toMatch(/đã hết hạn tại thời điểm ký/);
  });

  it('gives each batch document its outcome and stops waiting for a TSA that timed out', async () => {
    const docs = await Promise.all(['a', 'b', 'c'].map(async (id) => ({ id, pdf: await pdfkitDoc() })));
    const granted = await signPdfBatch(docs, principal, { timestamp: { url: tsa.url } });
    expect(granted.map((o) => (o.ok ? o.timestamp.status : 'failed'))).toEqual(['added', 'added', 'added']);
    const none = await signPdfBatch(docs.slice(0, 1), principal);
    expect(none[0]).toMatchObject({ ok: true, timestamp: { status: 'not_requested' } });

    // Up to four signed documents are finished at once, so as many requests may be waiting when the
    // first times out; every document after them is not made to wait again.
    const six = [...docs, ...docs.map((d) => ({ ...d, id: `${d.id}2` }))];
    const before = tsa.requests;
    const silent = await withMode('hang', () =>
      signPdfBatch(six, principal, { timestamp: { url: tsa.url, timeoutMs: 300 } }),
    );
    expect(tsa.requests - before).toBeGreaterThanOrEqual(1);
    expect(tsa.requests - before).toBeLessThanOrEqual(4);
    const reasons = silent.map((o) => (o.ok && o.timestamp.status === 'unavailable' ? o.timestamp.reason : ''));
    expect(reasons[0]).toMatch(/không trả lời sau 0,3 giây/);
    expect(reasons[4]).toMatch(/đã không trả lời ở văn bản trước trong lượt ký này/);
    expect(reasons[5]).toMatch(/đã không trả lời ở văn bản trước trong lượt ký này/);
    expect(silent.map((o) => o.id)).toEqual(six.map((d) => d.id));
    for (const o of silent) if (o.ok) expect((await verifyPdf(o.pdf, trust())).signatures[0]!.status).toBe('valid');
  });
});

describe('CAdES B-T (.p7s)', () => {
  const content = Buffer.from('Báo cáo thống kê học kỳ I', 'utf8');

  it('adds the timestamp to a .p7s and the verifier reports B-T', async () => {
    const signed = await signDetachedDetailed(content, principal, { timestamp: { url: tsa.url } });
    expect(signed.timestamp).toMatchObject({ status: 'added', authority: TSA_NAME });
    const check = verifyDetached(content, signed.p7s, trust());
    expect(check).toMatchObject({ status: 'valid', level: 'B-T', signingTimeSource: 'timestamp' });
    expect(check.timestamp).toMatchObject({ valid: true, authority: TSA_NAME });
    expect(check.verdict).toMatch(/Dấu thời gian: /);
  });

  it('reports a tampered timestamp without making the signature invalid', async () => {
    const signed = await signDetachedDetailed(content, principal, { timestamp: { url: tsa.url } });
    const { token } = signatureTimestampOf(signed.p7s);
    // The genTime inside the token's TSTInfo: one digit of the seconds changed.
    const genTime = /\d{14}Z/.exec(token!.toString('latin1'))!;
    const at = signed.p7s.indexOf(token!) + genTime.index + 13;
    const tampered = Buffer.from(signed.p7s);
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const check = verifyDetached(content, tampered, trust());
    expect(check.status).toBe('valid');
    expect(check.level).toBe('B-B');
    expect(check.signingTimeSource).toBe('cms');
    expect(check.timestamp).toMatchObject({ valid: false });
    expect(check.timestamp!.problems.join(' ')).toMatch(/bị sửa hoặc giả/);
    expect(check.problems.join(' ')).toMatch(/Dấu thời gian kèm chữ ký không hợp lệ/);
    expect(check.verdict).toMatch(/Dấu thời gian kèm theo không hợp lệ/);
  });

  it('refuses a token for another signature and one signed by a certificate without timeStamping', async () => {
    const prepared = prepareDetachedSignature(content, principal.certificate, { chain: principal.chain });
    const signature = await principal.sign(prepared.toBeSigned);
    const parts = { signedAttributes: prepared.toBeSigned, signature, certificate: principal.certificate };

    const other = await requestTimestamp(Buffer.from('chữ ký khác'), { url: tsa.url });
    if (!other.ok) throw new Error(other.reason);
    const foreign = verifyDetached(content, buildSignedData({ ...parts, timestampToken: other.token }), trust());
    expect(foreign).toMatchObject({ status: 'valid', level: 'B-B', timestamp: { valid: false } });
    expect(foreign.timestamp!.problems.join(' ')).toMatch(/không phải cấp cho chữ ký này/);

    // The same TSTInfo, signed (with openssl cms) by an ordinary certificate of the same CA.
    const genuine = await requestTimestamp(signature, { url: tsa.url });
    if (!genuine.ok) throw new Error(genuine.reason);
    const plainCert = ca.leaf({ kind: 'RSA', cn: 'Không phải máy chủ dấu thời gian' });
    const file = (name: string) => path.join(tsa.dir, name);
    fs.writeFileSync(file('genuine.der'), genuine.token);
    fs.writeFileSync(file('plain.pem'), plainCert.pem);
    fs.writeFileSync(file('plain.key'), plainCert.key.export({ type: 'pkcs8', format: 'pem' }));
    const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    openssl(['cms', '-verify', '-noverify', '-inform', 'DER', '-in', file('genuine.der'), '-out', file('tst.der')]);
    openssl([
      'cms',
      '-sign',
      '-binary',
      '-nodetach',
      '-md',
      'sha256',
      '-econtent_type',
      '1.2.840.113549.1.9.16.1.4',
      '-in',
      file('tst.der'),
      '-signer',
      file('plain.pem'),
      '-inkey',
      file('plain.key'),
      '-outform',
      'DER',
      '-out',
      file('forged.der'),
    ]);
    const forged = fs.readFileSync(file('forged.der'));
    const direct = checkTimestampToken(forged, signature);
    expect(direct.imprintOk).toBe(true);
    expect(direct.valid).toBe(false);
    expect(direct.problems.join(' ')).toMatch(/thiếu mục đích timeStamping/);
    const check = verifyDetached(content, buildSignedData({ ...parts, timestampToken: forged }), trust());
    expect(check).toMatchObject({ status: 'valid', level: 'B-B', timestamp: { valid: false } });
  });
});
