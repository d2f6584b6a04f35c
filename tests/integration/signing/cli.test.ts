import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/cli';
import { USER_PIN } from '../../support/softhsm';
import { pdfkitDoc } from '../../unit/signing/pdfs';
import { CLERK, PRINCIPAL, TWIN, opensslCmsVerify, pdfsig, setupTokens, type TokenFixture } from './fixture';

let fx: TokenFixture;
let env: Record<string, string>;

beforeAll(() => {
  assertBuilt();
  fx = setupTokens();
  env = { ...fx.hsm.env, TRUONGSO_SERIF: 'bundled', TRUONGSO_PIN: USER_PIN, WRONG_PIN: '999999' };
});

afterAll(() => fx?.cleanup());

const file = (name: string) => path.join(fx.dir, name);

describe('truongso tokens / sign / verify', () => {
  it('lists the tokens and their certificates', () => {
    const human = runCli(['tokens', '--module', fx.hsm.module], env);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain(`Token «${PRINCIPAL}» — sê-ri ${fx.principalSerial}`);
    expect(human.stdout).toContain(`Chứng thư ${fx.rsa.serial}: Nguyễn Thị Hằng — Trường Tiểu học Nguyễn Du`);
    const json = runCli(['tokens', '--module', fx.hsm.module, '--json'], env);
    const out = JSON.parse(json.stdout) as {
      ok: boolean;
      modules: { tokens: { label: string; certificates: { der: string }[] }[] }[];
    };
    expect(out.ok).toBe(true);
    const principal = out.modules[0]!.tokens.find((t) => t.label === PRINCIPAL)!;
    expect(principal.certificates.length).toBe(5);
    expect(Buffer.from(principal.certificates[0]!.der, 'base64')[0]).toBe(0x30);
  });

  it('signs a PDF twice with a visible block and verifies it', async () => {
    fs.writeFileSync(file('hocba.pdf'), await pdfkitDoc());
    const base = ['--module', fx.hsm.module, '--token', PRINCIPAL, '--pin-env', 'TRUONGSO_PIN'];
    const first = runCli(
      [
        'sign',
        ...base,
        '--cert',
        fx.rsa.serial,
        '--visible',
        '--position',
        'Hiệu trưởng',
        file('hocba.pdf'),
        file('hocba-ky1.pdf'),
      ],
      env,
    );
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Đã ký .*hocba-ky1\.pdf: chữ ký của Nguyễn Thị Hằng, lúc \d\d\/\d\d\/\d{4} /);
    const second = runCli(
      ['sign', ...base, '--cert', fx.ec.serial, '--json', file('hocba-ky1.pdf'), file('hocba-ky2.pdf')],
      env,
    );
    expect(JSON.parse(second.stdout)).toMatchObject({ ok: true, format: 'pdf', signer: { keyType: 'EC' } });
    const signed = fs.readFileSync(file('hocba-ky2.pdf'));
    const theirs = pdfsig(signed, fx.dir);
    expect(theirs.map((s) => s.valid)).toEqual([true, true]);
    expect(theirs[1]!.total).toBe(true);

    const verified = runCli(['verify', file('hocba-ky2.pdf'), '--trust', file('ca.pem')], env);
    expect(verified.status).toBe(0);
    expect(verified.stdout).toMatch(/^Tài liệu có 2 chữ ký, tất cả đều hợp lệ/);
    expect(verified.stdout).toContain('sau đó chỉ có thêm chữ ký');
    const json = JSON.parse(runCli(['verify', file('hocba-ky2.pdf'), '--json'], env).stdout) as {
      ok: boolean;
      status: string;
      signatures: { status: string }[];
    };
    expect(json).toMatchObject({ ok: true, status: 'valid_untrusted' });
    expect(json.signatures.map((s) => s.status)).toEqual(['valid_untrusted', 'valid_untrusted']);

    const tampered = Buffer.from(signed);
    tampered[tampered.indexOf('PDFKit') + 3] = 'k'.charCodeAt(0);
    fs.writeFileSync(file('hocba-sua.pdf'), tampered);
    const bad = runCli(['verify', file('hocba-sua.pdf'), '--trust', file('ca.pem')], env);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/KHÔNG hợp lệ/);
  });

  it('makes and checks a .p7s for another file', () => {
    fs.writeFileSync(file('bao-cao.xlsx'), Buffer.from('PK\u0003\u0004 bảng tổng hợp'));
    const signed = runCli(
      [
        'sign',
        '--module',
        fx.hsm.module,
        '--token',
        PRINCIPAL,
        '--cert',
        fx.rsa.serial,
        '--pin-env',
        'TRUONGSO_PIN',
        file('bao-cao.xlsx'),
        file('bao-cao.xlsx.p7s'),
      ],
      env,
    );
    expect(signed.status).toBe(0);
    expect(signed.stdout).toMatch(/^Đã tạo chữ ký rời/);
    const ours = runCli(['verify', file('bao-cao.xlsx.p7s'), '--trust', file('ca.pem')], env);
    expect(ours.status).toBe(0);
    expect(ours.stdout).toMatch(/Chữ ký hợp lệ/);
    const theirs = opensslCmsVerify({
      cms: file('bao-cao.xlsx.p7s'),
      content: file('bao-cao.xlsx'),
      caFile: file('ca.pem'),
    });
    expect(theirs.out).toMatch(/CMS Verification successful/);
  });

  it('fails with a Vietnamese message on a wrong PIN, and with exit 2 on misuse', async () => {
    fs.writeFileSync(file('quyet-dinh.pdf'), await pdfkitDoc());
    const args = [
      'sign',
      '--module',
      fx.hsm.module,
      '--token',
      PRINCIPAL,
      '--cert',
      fx.rsa.serial,
      file('quyet-dinh.pdf'),
      file('quyet-dinh-ky.pdf'),
    ];
    const wrong = runCli([...args, '--pin-env', 'WRONG_PIN'], env);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^Lỗi: Mã PIN không đúng\./);
    expect(fs.existsSync(file('quyet-dinh-ky.pdf'))).toBe(false);
    const json = JSON.parse(runCli([...args, '--pin-env', 'WRONG_PIN', '--json'], env).stdout) as {
      ok: boolean;
      error: { code: string };
    };
    expect(json).toMatchObject({ ok: false, error: { code: 'token_error' } });
    expect(runCli([...args, '--pin-env', 'NOT_SET_ANYWHERE'], env).status).toBe(2);
    expect(
      runCli(['sign', '--module', fx.hsm.module, '--cert', fx.rsa.serial, file('quyet-dinh.pdf'), file('x.pdf')], env)
        .status,
    ).toBe(2);
    const twins = runCli(
      [
        'sign',
        '--module',
        fx.hsm.module,
        '--token',
        TWIN,
        '--cert',
        '01',
        '--pin-env',
        'TRUONGSO_PIN',
        file('quyet-dinh.pdf'),
        file('x.pdf'),
      ],
      env,
    );
    expect(twins.status).toBe(1);
    expect(twins.stderr).toMatch(/hãy chọn thêm số sê-ri/);
  });

  it('takes the token’s only signing certificate without --cert, and lists them when there are several', async () => {
    fs.writeFileSync(file('to-trinh.pdf'), await pdfkitDoc());
    const sign = (token: string, out: string) =>
      runCli(
        ['sign', '--module', fx.hsm.module, '--token', token, '--pin-env', 'TRUONGSO_PIN', file('to-trinh.pdf'), out],
        env,
      );
    const one = sign(CLERK, file('to-trinh-vt.pdf'));
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/chữ ký của Phạm Văn Minh/);
    expect(pdfsig(fs.readFileSync(file('to-trinh-vt.pdf')), fx.dir)).toHaveLength(1);

    // Two certificates can sign (the expired one and the encryption-only one do not count): choose.
    const several = sign(PRINCIPAL, file('to-trinh-ht.pdf'));
    expect(several.status).toBe(1);
    expect(several.stderr).toContain(`Token «${PRINCIPAL}» có 2 chứng thư số dùng để ký`);
    expect(several.stderr).toContain('--cert');
    expect(several.stderr).toContain(`${fx.rsa.serial} (Nguyễn Thị Hằng)`);
    expect(several.stderr).toContain(`${fx.ec.serial} (Trường Tiểu học Nguyễn Du)`);
    expect(several.stderr).not.toContain(fx.expired.serial);
    expect(fs.existsSync(file('to-trinh-ht.pdf'))).toBe(false);
  });
});
