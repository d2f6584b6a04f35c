/**
 * The token setup shared by the signing integration tests: a SoftHSM2 store in a temporary folder with
 * the principal's token (an RSA-2048 and an ECDSA P-256 signing certificate, the CA certificate, an
 * expired certificate and one without the digital-signature usage, each key under its certificate's
 * CKA_ID with a different label), the clerk's token (a key that wants the PIN for every signature), two
 * tokens with the same label; and the independent verifiers, pdfsig and openssl.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSoftHsm, type SoftHsm } from '../../support/softhsm';
import { testCa, type Issued, type TestCa } from '../../unit/signing/pki';

export const PRINCIPAL = 'Hiệu trưởng';
export const CLERK = 'Văn thư';
export const TWIN = 'Kế toán';

export interface TokenFixture {
  readonly hsm: SoftHsm;
  readonly ca: TestCa;
  readonly principalSerial: string;
  readonly clerkSerial: string;
  readonly rsa: Issued;
  readonly ec: Issued;
  readonly expired: Issued;
  readonly noUsage: Issued;
  readonly clerkKey: Issued;
  /** A scratch folder for files, removed with the token store. */
  readonly dir: string;
  cleanup(): void;
}

export function setupTokens(): TokenFixture {
  process.env.TRUONGSO_SERIF = 'bundled';
  const hsm = createSoftHsm();
  const ca = testCa();
  const rsa = ca.leaf({ kind: 'RSA', cn: 'Nguyễn Thị Hằng', title: 'Hiệu trưởng' });
  const ec = ca.leaf({ kind: 'EC', cn: 'Trường Tiểu học Nguyễn Du' });
  const expired = ca.leaf({
    kind: 'RSA',
    cn: 'Nguyễn Thị Hằng',
    notBefore: new Date(Date.now() - 800 * 86400_000),
    notAfter: new Date(Date.now() - 400 * 86400_000),
  });
  const noUsage = ca.leaf({ kind: 'RSA', cn: 'Nguyễn Thị Hằng', keyUsage: ['keyEncipherment'] });
  const clerkKey = ca.leaf({ kind: 'RSA', cn: 'Phạm Văn Minh', title: 'Văn thư' });
  const principalSerial = hsm.initToken(PRINCIPAL);
  hsm.importKey(PRINCIPAL, rsa.key, rsa.cert, '01');
  hsm.importKey(PRINCIPAL, ec.key, ec.cert, '02');
  hsm.importKey(PRINCIPAL, expired.key, expired.cert, '03');
  hsm.importKey(PRINCIPAL, noUsage.key, noUsage.cert, '04');
  hsm.importCert(PRINCIPAL, ca.cert, 'ca');
  const clerkSerial = hsm.initToken(CLERK);
  hsm.importKey(CLERK, clerkKey.key, clerkKey.cert, 'a1', { alwaysAuth: true });
  hsm.initToken(TWIN);
  hsm.initToken(TWIN);
  const dir = path.join(hsm.dir, 'files');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'ca.pem'), ca.pem);
  return {
    hsm,
    ca,
    principalSerial,
    clerkSerial,
    rsa,
    ec,
    expired,
    noUsage,
    clerkKey,
    dir,
    cleanup: () => hsm.cleanup(),
  };
}

export interface PdfsigSignature {
  readonly valid: boolean;
  readonly total: boolean;
  readonly type: string;
  readonly signer: string;
  readonly text: string;
}

/** poppler's pdfsig on the bytes: one entry per signature, in file order. */
export function pdfsig(pdf: Uint8Array, dir: string): PdfsigSignature[] {
  const file = path.join(dir, `pdfsig-${process.hrtime.bigint()}.pdf`);
  fs.writeFileSync(file, pdf);
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  fs.rmSync(file);
  const blocks = run.stdout.split(/^Signature #\d+:$/m).slice(1);
  return blocks.map((text) => ({
    valid: /Signature Validation: Signature is Valid\./.test(text),
    total: /^\s*- Total document signed/m.test(text),
    type: /Signature Type: (.*)/.exec(text)?.[1]?.trim() ?? '',
    signer: /Signer Certificate Common Name: (.*)/.exec(text)?.[1]?.trim() ?? '',
    text,
  }));
}

/** Runs openssl with arguments, returning exit status and output. */
export function openssl(args: string[]): { status: number | null; out: string } {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** `openssl cms -verify` of a detached CMS (DER) over its content file, against the CA file. */
export function opensslCmsVerify(files: { cms: string; content: string; caFile: string }): {
  status: number | null;
  out: string;
} {
  return openssl([
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    files.cms,
    '-content',
    files.content,
    '-CAfile',
    files.caFile,
    '-purpose',
    'any',
    '-out',
    '/dev/null',
  ]);
}

/** The CMS and the signed bytes of the last signature of a PDF, for `openssl cms -verify`. */
export function lastCms(pdf: Buffer): { cms: Buffer; content: Buffer } {
  const ranges = [...pdf.toString('latin1').matchAll(/\/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1)!;
  const [a, b, c, d] = ranges.slice(1).map(Number) as [number, number, number, number];
  const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
  const raw = Buffer.from(hex, 'hex');
  // The DER length from its header: trailing zero padding is not part of the CMS.
  const lenBytes = raw[1]! & 0x7f;
  const len =
    raw[1]! < 0x80 ? 2 + raw[1]! : 2 + lenBytes + raw.subarray(2, 2 + lenBytes).reduce((n, x) => n * 256 + x, 0);
  return { cms: raw.subarray(0, len), content: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]) };
}

export const hasLibreOffice = (): boolean =>
  spawnSync('sh', ['-c', 'command -v libreoffice || command -v soffice'], { encoding: 'utf8' }).status === 0;

/**
 * A PDF made by LibreOffice from a class list in CSV: Calc, because machines with the no-GUI packages
 * (libreoffice-calc-nogui) have no Writer.
 */
export function libreOfficePdf(dir: string): Buffer {
  const src = path.join(dir, 'danh-sach-lop.csv');
  fs.writeFileSync(src, 'Họ và tên,Lớp,Ngày sinh\nNguyễn Văn An,3A,05/09/2017\nTrần Thị Bình,3A,12/01/2017\n');
  const profile = path.join(os.tmpdir(), `truongso-lo-${process.pid}`);
  const bin = spawnSync('sh', ['-c', 'command -v libreoffice || command -v soffice'], {
    encoding: 'utf8',
  }).stdout.trim();
  const run = spawnSync(
    bin,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, src],
    { encoding: 'utf8', timeout: 120_000 },
  );
  fs.rmSync(profile, { recursive: true, force: true });
  const out = path.join(dir, 'danh-sach-lop.pdf');
  if (!fs.existsSync(out)) throw new Error(`libreoffice failed: ${run.stderr}`);
  return fs.readFileSync(out);
}
