/**
 * B-T signatures made on a SoftHSM token with a real RFC 3161 server (openssl's, tests/support/tsa.ts),
 * checked by the tools a recipient would use: poppler's pdfsig, `openssl ts -verify` on the embedded
 * token, `openssl cms -verify` on the .p7s; and the `truongso sign --tsa` / `verify --json` commands.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTokenSession,
  releaseAllModules,
  signDetachedDetailed,
  signPdfDetailed,
  verifyPdf,
  type TokenSession,
} from '../../../src-main/core/signing';
import { USER_PIN } from '../../support/softhsm';
import { closedPortUrl, signatureTimestampOf, startTestTsa, TSA_NAME, type TestTsa } from '../../support/tsa';
import { BIN, assertBuilt } from '../support/cli';
import { pdfkitDoc } from '../../unit/signing/pdfs';
import { PRINCIPAL, lastCms, openssl, opensslCmsVerify, pdfsig, setupTokens, type TokenFixture } from './fixture';

let fx: TokenFixture;
let tsa: TestTsa;
let rsa: TokenSession;

beforeAll(async () => {
  fx = setupTokens();
  tsa = await startTestTsa(fx.ca);
  rsa = await openTokenSession({
    module: fx.hsm.module,
    token: { label: PRINCIPAL, serial: fx.principalSerial },
    pin: USER_PIN,
    certificate: fx.rsa.serial,
  });
});

afterAll(async () => {
  rsa?.close();
  releaseAllModules();
  await tsa?.close();
  fx?.cleanup();
});

const trust = () => ({ trustAnchors: [fx.ca.pem] });

/**
 * The built CLI, run without blocking this process: the timestamp server it talks to lives in this
 * process's event loop (support/cli's runCli waits synchronously, so the server could never answer).
 */
function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}
const file = (name: string) => path.join(fx.dir, name);

/** `openssl ts -verify` of a token over `signatureValue`, both by its digest and by the data itself. */
function opensslTsVerify(token: Buffer, signatureValue: Buffer, name: string): void {
  fs.writeFileSync(file(`${name}.tst`), token);
  fs.writeFileSync(file(`${name}.sig`), signatureValue);
  const common = ['-in', file(`${name}.tst`), '-token_in', '-CAfile', fx.dir + '/ca.pem'];
  const byDigest = openssl([
    'ts',
    '-verify',
    '-digest',
    crypto.createHash('sha256').update(signatureValue).digest('hex'),
    ...common,
  ]);
  expect(byDigest.out).toMatch(/Verification: OK/);
  expect(byDigest.status).toBe(0);
  const byData = openssl(['ts', '-verify', '-data', file(`${name}.sig`), ...common]);
  expect(byData.out).toMatch(/Verification: OK/);
  // And not for other data: the check above means something.
  fs.writeFileSync(file(`${name}.other`), Buffer.from('chữ ký khác'));
  const other = openssl(['ts', '-verify', '-data', file(`${name}.other`), ...common]);
  expect(other.status).not.toBe(0);
}

function cmsVerifiedByOpenssl(cms: Buffer, content: Buffer, name: string): string {
  fs.writeFileSync(file(`${name}.p7s`), cms);
  fs.writeFileSync(file(`${name}.bin`), content);
  return opensslCmsVerify({ cms: file(`${name}.p7s`), content: file(`${name}.bin`), caFile: file('ca.pem') }).out;
}

describe('PAdES B-T with the token', () => {
  it('pdfsig says valid and total, we say B-T at the TSA time, openssl ts -verify accepts the token', async () => {
    const start = Date.now();
    const signed = await signPdfDetailed(await pdfkitDoc(), rsa, {
      reason: 'Phê duyệt học bạ',
      timestamp: { url: tsa.url },
    });
    expect(signed.timestamp).toMatchObject({ status: 'added', authority: TSA_NAME });
    const theirs = pdfsig(signed.pdf, fx.dir);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]!.valid, theirs[0]!.text).toBe(true);
    expect(theirs[0]!.total).toBe(true);
    expect(theirs[0]!.type).toBe('ETSI.CAdES.detached');

    const ours = await verifyPdf(signed.pdf, trust());
    expect(ours.status, ours.verdict).toBe('valid');
    const sig = ours.signatures[0]!;
    expect(sig.level).toBe('B-T');
    expect(sig.timestamp).toMatchObject({ authority: TSA_NAME, valid: true, problems: [] });
    expect(new Date(sig.timestamp!.time).getTime()).toBeGreaterThanOrEqual(Math.floor(start / 1000) * 1000);
    expect(new Date(sig.timestamp!.time).getTime()).toBeLessThanOrEqual(Date.now());
    expect(sig.signingTime).toBe(sig.timestamp!.time);

    const { cms, content } = lastCms(signed.pdf);
    expect(cmsVerifiedByOpenssl(cms, content, 'bt-pdf')).toMatch(/CMS Verification successful/);
    const { signatureValue, token } = signatureTimestampOf(cms);
    expect(token).not.toBeNull();
    opensslTsVerify(token!, signatureValue, 'bt-pdf');
  });

  it('an unreachable TSA (a closed port): B-B with a Vietnamese note, and the PDF is still valid', async () => {
    const signed = await signPdfDetailed(await pdfkitDoc(), rsa, { timestamp: { url: await closedPortUrl() } });
    expect(signed.timestamp.status).toBe('unavailable');
    if (signed.timestamp.status === 'unavailable') {
      expect(signed.timestamp.reason).toMatch(/^Không lấy được dấu thời gian: .*từ chối kết nối\.$/);
    }
    const theirs = pdfsig(signed.pdf, fx.dir);
    expect(theirs[0]!.valid, theirs[0]!.text).toBe(true);
    expect(theirs[0]!.total).toBe(true);
    const ours = await verifyPdf(signed.pdf, trust());
    expect(ours.status).toBe('valid');
    expect(ours.signatures[0]!.level).toBe('B-B');
    expect(signatureTimestampOf(lastCms(signed.pdf).cms).token).toBeNull();
  });

  for (const mode of ['garbage', 'http500'] as const) {
    it(`a TSA answering ${mode === 'garbage' ? 'garbage' : 'HTTP 500'}: B-B with a note, still valid`, async () => {
      tsa.mode = mode;
      try {
        const before = tsa.requests;
        const signed = await signPdfDetailed(await pdfkitDoc(), rsa, { timestamp: { url: tsa.url } });
        expect(tsa.requests - before).toBe(1);
        expect(signed.timestamp.status).toBe('unavailable');
        if (signed.timestamp.status === 'unavailable') {
          expect(signed.timestamp.reason).toMatch(mode === 'garbage' ? /không phải dấu thời gian/ : /HTTP 500/);
        }
        expect(pdfsig(signed.pdf, fx.dir)[0]!.valid).toBe(true);
        const ours = await verifyPdf(signed.pdf, trust());
        expect(ours.status).toBe('valid');
        expect(ours.signatures[0]!.level).toBe('B-B');
      } finally {
        tsa.mode = 'ok';
      }
    });
  }
});

describe('CAdES B-T .p7s with the token', () => {
  it('passes openssl cms -verify, and its token passes openssl ts -verify', async () => {
    const content = Buffer.from('Báo cáo thống kê: 412 học sinh', 'utf8');
    const signed = await signDetachedDetailed(content, rsa, { timestamp: { url: tsa.url } });
    expect(signed.timestamp.status).toBe('added');
    expect(cmsVerifiedByOpenssl(signed.p7s, content, 'bt')).toMatch(/CMS Verification successful/);
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file('bt.p7s')]).out;
    expect(printed).toMatch(/unsignedAttrs:[\s\S]*(id-smime-aa-timeStampToken|1\.2\.840\.113549\.1\.9\.16\.2\.14)/);
    const { signatureValue, token } = signatureTimestampOf(signed.p7s);
    opensslTsVerify(token!, signatureValue, 'bt-p7s');
  });
});

describe('truongso sign --tsa / verify --json', () => {
  let env: Record<string, string>;
  beforeAll(() => {
    assertBuilt();
    env = { ...fx.hsm.env, TRUONGSO_SERIF: 'bundled', TRUONGSO_PIN: USER_PIN };
  });
  const base = () => ['--module', fx.hsm.module, '--token', PRINCIPAL, '--pin-env', 'TRUONGSO_PIN'];

  it('signs with a timestamp, prints it, and verify --json reports B-T', async () => {
    fs.writeFileSync(file('tsa-in.pdf'), await pdfkitDoc());
    const signed = await runCli(
      ['sign', ...base(), '--cert', fx.rsa.serial, '--tsa', tsa.url, file('tsa-in.pdf'), file('tsa-out.pdf')],
      env,
    );
    expect(signed.stderr).toBe('');
    expect(signed.status).toBe(0);
    expect(signed.stdout).toMatch(/^Đã ký .*tsa-out\.pdf: chữ ký của Nguyễn Thị Hằng/);
    expect(signed.stdout).toMatch(
      /\nDấu thời gian: \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d, do Máy chủ dấu thời gian thử nghiệm xác nhận \(PAdES\/CAdES B-T\)\./,
    );
    const verified = await runCli(['verify', file('tsa-out.pdf'), '--json', '--trust', file('ca.pem')], env);
    expect(verified.status).toBe(0);
    const json = JSON.parse(verified.stdout) as {
      ok: boolean;
      signatures: { level: string; timestamp?: { time: string; authority: string; valid: boolean } }[];
    };
    expect(json.ok).toBe(true);
    expect(json.signatures[0]).toMatchObject({ level: 'B-T', timestamp: { authority: TSA_NAME, valid: true } });
    const human = await runCli(['verify', file('tsa-out.pdf'), '--trust', file('ca.pem')], env);
    expect(human.stdout).toMatch(/Dấu thời gian: .*, do Máy chủ dấu thời gian thử nghiệm xác nhận/);
    expect(human.stdout).toMatch(/Mức chữ ký: B-T/);
  });

  it('with an unreachable TSA: a note, exit 0, a valid B-B file; a malformed --tsa is a usage error', async () => {
    fs.writeFileSync(file('tsa-in2.pdf'), await pdfkitDoc());
    const url = await closedPortUrl();
    const signed = await runCli(
      ['sign', ...base(), '--cert', fx.rsa.serial, '--tsa', url, file('tsa-in2.pdf'), file('tsa-out2.pdf')],
      env,
    );
    expect(signed.status).toBe(0);
    expect(signed.stdout).toMatch(/\nLưu ý: Không lấy được dấu thời gian: .*từ chối kết nối\. Chữ ký vẫn hợp lệ/);
    const json = JSON.parse(
      (
        await runCli(
          [
            'sign',
            ...base(),
            '--cert',
            fx.rsa.serial,
            '--tsa',
            url,
            '--json',
            file('tsa-in2.pdf'),
            file('tsa-out3.pdf'),
          ],
          env,
        )
      ).stdout,
    ) as { ok: boolean; level: string; timestamp: { status: string; reason: string } };
    expect(json).toMatchObject({ ok: true, level: 'B-B', timestamp: { status: 'unavailable' } });
    expect(pdfsig(fs.readFileSync(file('tsa-out2.pdf')), fx.dir)[0]!.valid).toBe(true);
    const verified = JSON.parse(
      (await runCli(['verify', file('tsa-out2.pdf'), '--json', '--trust', file('ca.pem')], env)).stdout,
    ) as { ok: boolean; signatures: { level: string; timestamp?: unknown }[] };
    expect(verified.ok).toBe(true);
    expect(verified.signatures[0]!.level).toBe('B-B');
    expect(verified.signatures[0]!.timestamp).toBeUndefined();

    const misuse = await runCli(
      ['sign', ...base(), '--cert', fx.rsa.serial, '--tsa', 'tsa.example', file('tsa-in2.pdf'), file('x.pdf')],
      env,
    );
    expect(misuse.status).toBe(2);
    expect(misuse.stderr).toMatch(/--tsa phải là địa chỉ http/);
    expect(fs.existsSync(file('x.pdf'))).toBe(false);
  });
});
