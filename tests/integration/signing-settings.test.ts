/**
 * The signing settings through the real server: importing trusted root CAs from the files Vietnamese CAs
 * publish (PEM, DER, a .p7b bundle made by openssl, with an EC CA in it), duplicates skipped, a person's
 * certificate and garbage refused naming the file, listing and removing; a PDF signed under a CA (through
 * an intermediate, as Root CA Việt Nam → provider CA → person) goes from "origin not verified" to trusted
 * once its root is imported, and back when removed. The timestamp server setting, refused addresses, and
 * who may do all this.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callFails,
  callOk,
  startTestServer,
  tempDir,
  uploadFile,
  usersForEveryRole,
  type TestServer,
} from './support/server';
import { issue, newKey, pem, testCa, type Issued, type TestCa } from '../unit/signing/pki';
import { pdfkitDoc } from '../unit/signing/pdfs';
import { z } from 'zod';
import { readSetting, writeSetting } from '../../src-main/store/settings';
import { keySigner, signPdf } from '../../src-main/core/signing';
import { signingSettings, trustAnchors } from '../../src-main/core/documents/signingSettings';
import type { Role } from '../../src-shared/domain/roles';
import type {
  SigningSettingsView,
  TrustAnchorImportResult,
  TrustAnchorView,
} from '../../src-shared/api/signingSettings';
import type { AuditRow } from '../../src-shared/api/audit';

let server: TestServer;
let tokens: Record<Role, string>;
let dir: string;

/** The school's root, a second root, and an EC root: what a school collects from several providers. */
let root: TestCa;
let other: TestCa;
let ecRoot: TestCa;
/** A provider CA under `root`, and a principal's certificate it issued. */
let intermediate: Issued;
let principalCert: Issued;

interface VerifyView {
  signed: boolean;
  valid: boolean;
  verdict: string;
  signatures: { trusted: boolean; intact: boolean; problems: string[] }[];
}

const ok = <T>(name: string, input: unknown, role: Role = 'principal') => callOk<T>(server, name, input, tokens[role]);
const fails = (name: string, input: unknown, role: Role = 'principal') => callFails(server, name, input, tokens[role]);
const upload = (name: string, data: Buffer | string, role: Role = 'principal') =>
  uploadFile(server, tokens[role], name, Buffer.from(data));
const list = async () => (await ok<{ rows: TrustAnchorView[] }>('signing.trustAnchors.list', {})).rows;
const importFile = async (name: string, data: Buffer | string, role: Role = 'principal') =>
  ok<TrustAnchorImportResult>('signing.trustAnchors.import', { fileId: await upload(name, data, role) }, role);

/** A PKCS#7 certs-only bundle made by openssl, as CAs publish their chains (.p7b). */
function p7b(certs: readonly Issued[], outform: 'DER' | 'PEM'): Buffer {
  const args = ['crl2pkcs7', '-nocrl', '-outform', outform];
  certs.forEach((c, i) => {
    const file = path.join(dir, `ca-${i}.pem`);
    fs.writeFileSync(file, c.pem);
    args.push('-certfile', file);
  });
  const out = path.join(dir, `bundle.${outform}`);
  const run = spawnSync('openssl', [...args, '-out', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl crl2pkcs7: ${run.stderr}`);
  return fs.readFileSync(out);
}

beforeAll(async () => {
  dir = tempDir('truongso-anchors-');
  root = testCa('Root CA Việt Nam (thử nghiệm)');
  other = testCa('Nhà cung cấp A Root CA');
  ecRoot = testCa('Nhà cung cấp B EC Root CA', 'EC');
  const providerSubject = { C: 'VN', O: 'Nhà cung cấp chứng thực (thử nghiệm)', CN: 'Trường Số Provider CA' };
  intermediate = issue({
    subject: providerSubject,
    key: newKey('RSA'),
    issuer: { cert: root.cert, key: root.key, subject: root.subject },
    ca: true,
  });
  principalCert = issue({
    subject: { C: 'VN', O: 'Trường Tiểu học Nguyễn Du', CN: 'Nguyễn Thị Hằng' },
    key: newKey('RSA'),
    issuer: { cert: intermediate.cert, key: intermediate.key, subject: providerSubject },
  });
  server = await startTestServer();
  tokens = await usersForEveryRole(server);
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('trusted root CAs', () => {
  it('starts with none', async () => {
    expect(await list()).toEqual([]);
  });

  it('imports a PEM root and shows what it is', async () => {
    const result = await importFile('root-ca-vn.pem', root.pem);
    expect(result.fileName).toBe('root-ca-vn.pem');
    expect(result.skipped).toEqual([]);
    expect(result.added).toHaveLength(1);
    expect(result.added[0]).toMatchObject({
      commonName: 'Root CA Việt Nam (thử nghiệm)',
      organization: 'Trường Số (thử nghiệm)',
      issuer: 'Root CA Việt Nam (thử nghiệm)',
      serial: root.serial,
      isCA: true,
      selfSigned: true,
      expired: false,
    });
    expect(result.added[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(result.added[0]!.validTo)).toBeGreaterThan(Date.now());
    expect(await list()).toEqual(result.added);
  });

  it('imports a DER root (.cer)', async () => {
    const result = await importFile('nha-cung-cap-a.cer', other.cert);
    expect(result.added.map((a) => a.commonName)).toEqual(['Nhà cung cấp A Root CA']);
    expect((await list()).map((a) => a.commonName)).toEqual([
      'Root CA Việt Nam (thử nghiệm)',
      'Nhà cung cấp A Root CA',
    ]);
  });

  it('imports every CA of a .p7b bundle, skipping the ones already trusted', async () => {
    // DER, as Windows exports it: an EC root that is new and the DER root imported before.
    const der = await importFile('chuoi-chung-thu.p7b', p7b([ecRoot, other], 'DER'));
    expect(der.added.map((a) => a.commonName)).toEqual(['Nhà cung cấp B EC Root CA']);
    expect(der.skipped.map((s) => [s.anchor.commonName, s.reason])).toEqual([['Nhà cung cấp A Root CA', 'duplicate']]);

    // PEM, as openssl writes it by default: the provider CA (an intermediate) with a person's certificate.
    const pem = await importFile('vnpt-chain.p7b', p7b([intermediate, principalCert], 'PEM'));
    expect(pem.added).toHaveLength(1);
    expect(pem.added[0]).toMatchObject({
      commonName: 'Trường Số Provider CA',
      issuer: 'Root CA Việt Nam (thử nghiệm)',
      isCA: true,
      selfSigned: false,
    });
    expect(pem.skipped.map((s) => [s.anchor.commonName, s.reason])).toEqual([['Nguyễn Thị Hằng', 'not_ca']]);
    expect(await list()).toHaveLength(4);
    // Stored one PEM per certificate: what verification reads.
    expect(trustAnchors(server.app.store)).toHaveLength(4);
  });

  it('skips a root imported again, changing nothing', async () => {
    const before = trustAnchors(server.app.store);
    const again = await importFile('root-ca-vn-copy.crt', root.pem);
    expect(again.added).toEqual([]);
    expect(again.skipped).toMatchObject([
      { reason: 'duplicate', anchor: { commonName: 'Root CA Việt Nam (thử nghiệm)' } },
    ]);
    expect(trustAnchors(server.app.store)).toEqual(before);
  });

  it('refuses a person’s certificate and garbage, naming the file', async () => {
    const leaf = await fails('signing.trustAnchors.import', {
      fileId: await upload('hieu-truong.cer', principalCert.cert),
    });
    expect(leaf.code).toBe('rule_violation');
    expect(leaf.message).toBe(
      'Tệp «hieu-truong.cer» chứa chứng thư số của «Nguyễn Thị Hằng», không phải chứng thư của tổ chức chứng thực (CA); chỉ nhập được chứng thư gốc hoặc chứng thư trung gian của CA',
    );

    const garbage = await fails('signing.trustAnchors.import', {
      fileId: await upload('chung-thu-goc.crt', 'đây không phải chứng thư số'),
    });
    expect(garbage).toMatchObject({
      code: 'rule_violation',
      message: 'Tệp «chung-thu-goc.crt» không phải tệp chứng thư số (.cer, .crt, .pem hoặc .p7b) hoặc đã bị hỏng',
    });

    // A DER SEQUENCE that is no certificate, and a PEM block whose contents are broken.
    const notCert = await fails('signing.trustAnchors.import', {
      fileId: await upload('hong.cer', Buffer.from([0x30, 0x03, 0x02, 0x01, 0x05])),
    });
    expect(notCert.message).toContain('Tệp «hong.cer» không phải tệp chứng thư số');
    const truncated = pem(root.cert.subarray(0, root.cert.length >> 1));
    const brokenPem = await fails('signing.trustAnchors.import', { fileId: await upload('hong.pem', truncated) });
    expect(brokenPem.message).toContain('Tệp «hong.pem»');

    // An empty bundle.
    const empty = await fails('signing.trustAnchors.import', { fileId: await upload('rong.p7b', p7b([], 'DER')) });
    expect(empty.message).toBe('Tệp «rong.p7b» không chứa chứng thư số nào');

    expect(await list()).toHaveLength(4);
    const { rows } = await ok<{ rows: AuditRow[] }>('audit.list', { action: 'signing.trustAnchors.import' });
    expect(rows.filter((r) => r.outcome === 'rule_violation').length).toBeGreaterThanOrEqual(5);
    const added = rows.find((r) => r.outcome === 'ok' && r.details?.file === 'chuoi-chung-thu.p7b');
    expect(added).toMatchObject({ username: 'u-principal' });
  });

  it('removes an anchor by fingerprint, as viewers print it', async () => {
    const anchors = await list();
    const ec = anchors.find((a) => a.commonName === 'Nhà cung cấp B EC Root CA')!;
    const printed = ec.fingerprint.toUpperCase().match(/.{2}/g)!.join(':');
    const { removed } = await ok<{ removed: TrustAnchorView }>('signing.trustAnchors.remove', { fingerprint: printed });
    expect(removed).toEqual(ec);
    expect((await list()).map((a) => a.fingerprint)).not.toContain(ec.fingerprint);
    expect(await fails('signing.trustAnchors.remove', { fingerprint: ec.fingerprint })).toMatchObject({
      code: 'not_found',
    });
    expect(await fails('signing.trustAnchors.remove', { fingerprint: 'abc' })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Dấu vân tay SHA-256 phải gồm 64 chữ số thập lục phân'),
    });
    const { rows } = await ok<{ rows: AuditRow[] }>('audit.list', { action: 'signing.trustAnchors.remove' });
    expect(rows.find((r) => r.outcome === 'ok')).toMatchObject({
      target: `trustAnchor:${ec.fingerprint}`,
      details: { name: 'Nhà cung cấp B EC Root CA' },
    });
  });
});

describe('verifying a received PDF against the trust anchors', () => {
  it('is of unverified origin until the root is imported, trusted after, and not once removed', async () => {
    // Start from no anchors, as a school that has configured none.
    for (const a of await list()) await ok('signing.trustAnchors.remove', { fingerprint: a.fingerprint });
    const pdf = await signPdf(
      await pdfkitDoc({ title: 'Cong van' }),
      // The signature carries the provider CA, as tokens' certificates do; the root comes from the school.
      keySigner(principalCert.key, principalCert.cert, [intermediate.cert]),
      { reason: 'Phê duyệt' },
    );
    const fileId = await upload('cong-van-den.pdf', pdf);
    const verify = () => ok<VerifyView>('signing.verify', { fileId });

    const before = await verify();
    expect(before).toMatchObject({ signed: true, valid: true });
    expect(before.verdict).toContain('chưa xác minh được nguồn gốc');
    expect(before.signatures[0]).toMatchObject({ trusted: false, intact: true });

    // The principal imports the root only: the chain goes through the provider CA in the signature.
    await importFile('root-ca-vn.cer', root.cert);
    const after = await verify();
    expect(after.valid).toBe(true);
    expect(after.signatures[0]).toMatchObject({ trusted: true, intact: true });
    expect(after.verdict).toContain('tất cả đều hợp lệ');
    expect(after.verdict).not.toContain('chưa xác minh');

    // A damaged entry written into the setting by hand is passed over, not a failed verification.
    const stored = server.app.store;
    const kept = readSetting(stored, 'signing.trustAnchors', z.array(z.string()), []);
    writeSetting(stored, 'signing.trustAnchors', [
      '-----BEGIN CERTIFICATE-----\nAAAAhỏng\n-----END CERTIFICATE-----',
      ...kept,
    ]);
    expect((await verify()).signatures[0]).toMatchObject({ trusted: true, intact: true });
    writeSetting(stored, 'signing.trustAnchors', kept);

    const rootAnchor = (await list()).find((a) => a.commonName === 'Root CA Việt Nam (thử nghiệm)')!;
    await ok('signing.trustAnchors.remove', { fingerprint: rootAnchor.fingerprint }, 'admin');
    const removed = await verify();
    expect(removed.signatures[0]!.trusted).toBe(false);
    expect(removed.verdict).toContain('chưa xác minh được nguồn gốc');
  }, 30_000);
});

describe('the timestamp server', () => {
  it('has none at first, and keeps what the principal sets', async () => {
    expect(await ok<SigningSettingsView>('signing.settings.get', {})).toEqual({
      timestampUrl: null,
      timestampTimeoutMs: 10_000,
    });
    const saved = await ok<SigningSettingsView>('signing.settings.set', {
      timestampUrl: '  https://tsa.truongso.test/rfc3161 ',
      timestampTimeoutMs: 5_000,
    });
    expect(saved).toEqual({ timestampUrl: 'https://tsa.truongso.test/rfc3161', timestampTimeoutMs: 5_000 });
    expect(await ok<SigningSettingsView>('signing.settings.get', {}, 'admin')).toEqual(saved);
    // What the signing job reads.
    expect(signingSettings(server.app.store)).toEqual(saved);

    await ok('signing.settings.set', { timestampUrl: 'http://192.168.1.10:3180', timestampTimeoutMs: 60_000 }, 'admin');
    expect(signingSettings(server.app.store).timestampUrl).toBe('http://192.168.1.10:3180');

    // Empty: no timestamp server.
    await ok('signing.settings.set', { timestampUrl: '', timestampTimeoutMs: 15_000 });
    expect(signingSettings(server.app.store)).toEqual({ timestampUrl: null, timestampTimeoutMs: 15_000 });

    const { rows } = await ok<{ rows: AuditRow[] }>('audit.list', { action: 'signing.settings.set' });
    expect(rows.filter((r) => r.outcome === 'ok')).toHaveLength(3);
  });

  it('refuses an address that is not http(s) and a timeout out of range, in Vietnamese', async () => {
    for (const timestampUrl of ['ftp://tsa.truongso.test', 'tsa.truongso.test', 'javascript:alert(1)']) {
      const error = await fails('signing.settings.set', { timestampUrl, timestampTimeoutMs: 10_000 });
      expect(error.code, timestampUrl).toBe('invalid_input');
      expect(error.details?.fields).toEqual([
        {
          field: 'timestampUrl',
          message:
            'Địa chỉ máy chủ cấp dấu thời gian phải bắt đầu bằng http:// hoặc https:// (để trống nếu không dùng)',
        },
      ]);
    }
    for (const timestampTimeoutMs of [0, 999, 60_001, 1500.5]) {
      const error = await fails('signing.settings.set', { timestampUrl: '', timestampTimeoutMs });
      expect(error.details?.fields, String(timestampTimeoutMs)).toEqual([
        { field: 'timestampTimeoutMs', message: 'Thời gian chờ máy chủ cấp dấu thời gian phải từ 1 đến 60 giây' },
      ]);
    }
    expect(signingSettings(server.app.store)).toEqual({ timestampUrl: null, timestampTimeoutMs: 15_000 });
  });
});

describe('who may keep the signing settings', () => {
  it('lets the principal and the administrator, and forbids a teacher and the clerk', async () => {
    const fileId = await upload('root.pem', other.pem, 'teacher');
    for (const role of ['teacher', 'clerk', 'medical'] as const) {
      for (const [name, input] of [
        ['signing.trustAnchors.list', {}],
        ['signing.trustAnchors.import', { fileId }],
        ['signing.trustAnchors.remove', { fingerprint: '0'.repeat(64) }],
        ['signing.settings.get', {}],
        ['signing.settings.set', { timestampUrl: '', timestampTimeoutMs: 10_000 }],
      ] as const) {
        expect(await fails(name, input, role), `${role} → ${name}`).toMatchObject({ code: 'forbidden' });
      }
    }
    // The administrator imports from their own upload.
    const result = await importFile('root-admin.pem', ecRoot.pem, 'admin');
    expect(result.added.map((a) => a.commonName)).toEqual(['Nhà cung cấp B EC Root CA']);
    expect((await ok<{ rows: TrustAnchorView[] }>('signing.trustAnchors.list', {}, 'admin')).rows).toEqual(
      await list(),
    );
  });
});
