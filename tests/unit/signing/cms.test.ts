import crypto from 'node:crypto';
import forge from 'node-forge';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSignedAttributes,
  describeCertificate,
  ecdsaRawToDer,
  keySigner,
  normalizeSerial,
  signDetached,
  signingProblem,
  verifyDetached,
  prepareDetachedSignature,
  finishDetachedSignature,
  SigningError,
} from '../../../src-main/core/signing';
import { testCa, type TestCa, type Issued } from './pki';

let ca: TestCa;
let rsa: Issued;
let ec: Issued;

beforeAll(() => {
  ca = testCa();
  rsa = ca.leaf({ kind: 'RSA', cn: 'Nguyễn Thị Hằng', title: 'Hiệu trưởng' });
  ec = ca.leaf({ kind: 'EC', cn: 'Lê Văn Đức' });
});

describe('certificates', () => {
  it('decodes Vietnamese names, key usage, key type and validity', () => {
    const info = describeCertificate(rsa.cert);
    expect(info.subject.commonName).toBe('Nguyễn Thị Hằng');
    expect(info.subject.title).toBe('Hiệu trưởng');
    expect(info.subject.organization).toBe('Trường Tiểu học Nguyễn Du');
    expect(info.subject.text).toBe('CN=Nguyễn Thị Hằng, T=Hiệu trưởng, O=Trường Tiểu học Nguyễn Du, C=VN');
    expect(info.issuer.commonName).toBe('Trường Số Test CA');
    expect(info.serialNumber).toBe(rsa.serial);
    expect(info.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(info.keyType).toBe('RSA');
    expect(info.keySize).toBe(2048);
    expect(info.isCA).toBe(false);
    const ecInfo = describeCertificate(ec.cert);
    expect(ecInfo.keyType).toBe('EC');
    expect(ecInfo.curve).toBe('prime256v1');
    expect(describeCertificate(ca.cert).isCA).toBe(true);
  });

  it('matches serials however they are typed', () => {
    expect(normalizeSerial('00:5A:1b')).toBe(normalizeSerial('5a1B'));
    expect(normalizeSerial('0000')).toBe('0');
  });

  it('says why a certificate cannot sign', () => {
    const expired = ca.leaf({
      kind: 'RSA',
      cn: 'Hết Hạn',
      notBefore: new Date(Date.now() - 400 * 86400_000),
      notAfter: new Date(Date.now() - 30 * 86400_000),
    });
    const noUsage = ca.leaf({ kind: 'RSA', cn: 'Chỉ Mã Hóa', keyUsage: ['keyEncipherment'] });
    expect(signingProblem(rsa.cert)).toBeNull();
    expect(signingProblem(expired.cert)).toMatch(/đã hết hạn/);
    expect(signingProblem(noUsage.cert)).toMatch(/không được phép dùng để ký số/);
    expect(signingProblem(ca.cert)).toMatch(/tổ chức chứng thực/);
  });
});

describe('CMS pieces', () => {
  it('DER-encodes ECDSA r‖s, trimming and padding integers', () => {
    const r = Buffer.alloc(32, 0);
    r[1] = 0x7f; // leading zero byte to drop
    const s = Buffer.alloc(32, 0xff); // high bit set: needs a zero in front
    const der = ecdsaRawToDer(Buffer.concat([r, s]));
    const node = forge.asn1.fromDer(der.toString('binary'));
    const [ri, si] = node.value as forge.asn1.Asn1[];
    expect(Buffer.from(ri!.value as string, 'binary')).toEqual(r.subarray(1));
    expect(Buffer.from(si!.value as string, 'binary')).toEqual(Buffer.concat([Buffer.alloc(1), s]));
  });

  it('puts signing-certificate-v2 with the SHA-256 of the certificate in the signed attributes, DER-sorted', () => {
    const digest = crypto.createHash('sha256').update('nội dung').digest();
    const der = buildSignedAttributes({ contentDigest: digest, certificate: rsa.cert });
    expect(der[0]).toBe(0x31);
    const attrs = forge.asn1.fromDer(der.toString('binary')).value as forge.asn1.Asn1[];
    const encoded = attrs.map((a) => Buffer.from(forge.asn1.toDer(a).getBytes(), 'binary'));
    expect([...encoded].sort(Buffer.compare)).toEqual(encoded);
    const types = attrs.map((a) => forge.asn1.derToOid((a.value as forge.asn1.Asn1[])[0]!.value as string));
    expect(types.sort()).toEqual(['1.2.840.113549.1.9.16.2.47', '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4'].sort());
    const certHash = crypto.createHash('sha256').update(rsa.cert).digest();
    expect(der.includes(certHash)).toBe(true);
    expect(der.includes(digest)).toBe(true);
  });
});

describe('detached .p7s', () => {
  for (const kind of ['RSA', 'EC'] as const) {
    it(`signs and verifies with ${kind}, and notices a changed file`, async () => {
      const who = kind === 'RSA' ? rsa : ec;
      const content = Buffer.from('Báo cáo thống kê học kỳ I', 'utf8');
      const p7s = await signDetached(content, keySigner(who.key, who.cert, [ca.cert]));
      const check = verifyDetached(content, p7s, { trustAnchors: [ca.pem] });
      expect(check.status).toBe('valid');
      expect(check.integrity.signingCertificateV2).toBe(true);
      expect(check.integrity.signingCertificateOk).toBe(true);
      expect(check.signingTimeSource).toBe('cms');
      expect(check.chain.path).toEqual([who === rsa ? 'Nguyễn Thị Hằng' : 'Lê Văn Đức', 'Trường Số Test CA']);

      const untrusted = verifyDetached(content, p7s);
      expect(untrusted.status).toBe('valid_untrusted');
      expect(untrusted.verdict).toMatch(/chưa xác minh được nguồn gốc/);

      const changed = verifyDetached(Buffer.from('Báo cáo thống kê học kỳ II', 'utf8'), p7s, {
        trustAnchors: [ca.pem],
      });
      expect(changed.status).toBe('invalid');
      expect(changed.verdict).toMatch(/KHÔNG hợp lệ/);
      expect(changed.problems[0]).toMatch(/đã bị thay đổi/);
    });
  }

  it('lets the digest be signed elsewhere and refuses a signature from another key', async () => {
    const content = Buffer.from('xlsx bytes');
    const prepared = prepareDetachedSignature(
      { sha256: crypto.createHash('sha256').update(content).digest() },
      rsa.cert,
    );
    const wrong = crypto.sign('sha256', prepared.toBeSigned, ec.key);
    await expect(finishDetachedSignature(prepared, wrong)).rejects.toThrow(SigningError);
    const right = crypto.sign('sha256', prepared.toBeSigned, rsa.key);
    const p7s = await finishDetachedSignature(prepared, right);
    expect(verifyDetached(content, p7s, { trustAnchors: [ca.pem] }).status).toBe('valid');
  });

  it('refuses to sign with an expired certificate', async () => {
    const expired = ca.leaf({
      kind: 'RSA',
      cn: 'Hết Hạn',
      notBefore: new Date(Date.now() - 400 * 86400_000),
      notAfter: new Date(Date.now() - 1 * 86400_000),
    });
    await expect(signDetached(Buffer.from('x'), keySigner(expired.key, expired.cert))).rejects.toMatchObject({
      reason: 'certificate_expired',
      code: 'rule_violation',
    });
  });
});
