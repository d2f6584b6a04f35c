import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSignedAttributes,
  findModules,
  listTokens,
  openTokenSession,
  releaseAllModules,
  withTokenSession,
  SigningError,
  type TokenSessionOptions,
} from '../../../src-main/core/signing';
import { CLERK, PRINCIPAL, TWIN, setupTokens, type TokenFixture } from './fixture';
import { USER_PIN } from '../../support/softhsm';

let fx: TokenFixture;

beforeAll(() => {
  fx = setupTokens();
});

afterAll(() => {
  releaseAllModules();
  fx?.cleanup();
});

const session = (over: Partial<TokenSessionOptions> = {}): TokenSessionOptions => ({
  module: fx.hsm.module,
  token: { label: PRINCIPAL, serial: fx.principalSerial },
  certificate: fx.rsa.serial,
  pin: USER_PIN,
  ...over,
});

const toBeSigned = (certificate: Buffer) =>
  buildSignedAttributes({ contentDigest: crypto.createHash('sha256').update('tài liệu').digest(), certificate });

async function failure(p: Promise<unknown>): Promise<SigningError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SigningError) return e;
    throw e;
  }
  throw new Error('expected a SigningError');
}

describe('finding and listing tokens', () => {
  it('finds SoftHSM among the known modules, with a user path first', () => {
    const found = findModules([fx.hsm.module]);
    expect(found[0]).toEqual({ path: fx.hsm.module, vendor: 'Do người dùng chỉ định' });
    const real = fs.realpathSync(fx.hsm.module);
    const auto = findModules().filter((m) => fs.realpathSync(m.path) === real);
    expect(auto).toHaveLength(1);
    expect(auto[0]!.vendor).toMatch(/^SoftHSM2/);
  });

  it('lists the tokens by label and serial with their certificates, without a PIN', () => {
    const tokens = listTokens(fx.hsm.module);
    expect(tokens.map((t) => t.label).sort()).toEqual([TWIN, TWIN, CLERK, PRINCIPAL].sort());
    const principal = tokens.find((t) => t.label === PRINCIPAL)!;
    expect(principal).toMatchObject({
      serial: fx.principalSerial,
      manufacturer: 'SoftHSM project',
      model: 'SoftHSM v2',
      pinStatus: 'ok',
      flags: { loginRequired: true, pinLocked: false, pinFinalTry: false, pinCountLow: false },
    });
    const bySerial = new Map(principal.certificates.map((c) => [c.info.serialNumber, c]));
    expect(bySerial.get(fx.rsa.serial)).toMatchObject({
      id: '01',
      canSign: true,
      info: {
        keyType: 'RSA',
        keySize: 2048,
        subject: { commonName: 'Nguyễn Thị Hằng', title: 'Hiệu trưởng', organization: 'Trường Tiểu học Nguyễn Du' },
        issuer: { commonName: 'Trường Số Test CA' },
      },
    });
    expect(bySerial.get(fx.ec.serial)).toMatchObject({
      id: '02',
      canSign: true,
      info: { keyType: 'EC', curve: 'prime256v1' },
    });
    expect(bySerial.get(fx.noUsage.serial)?.canSign).toBe(false);
    expect(bySerial.get(fx.ca.serial)).toMatchObject({ canSign: false, info: { isCA: true } });
  });

  it('explains why a module does not load', async () => {
    const missing = await failure(Promise.resolve().then(() => listTokens('/opt/khong-co/viettel-ca_v6.so')));
    expect(missing.reason).toBe('module_not_found');
    expect(missing.code).toBe('token_error');
    expect(missing.message).toMatch(/Không tìm thấy thư viện token/);
    const notLibrary = await failure(Promise.resolve().then(() => listTokens('/etc/hostname')));
    expect(notLibrary.reason).toBe('module_not_pkcs11');
    expect(notLibrary.message).toMatch(/không phải thư viện PKCS#11/);
    const libz = ['/usr/lib/x86_64-linux-gnu/libz.so.1', '/lib/x86_64-linux-gnu/libz.so.1'].find((p) =>
      fs.existsSync(p),
    );
    if (libz) {
      const other = await failure(Promise.resolve().then(() => listTokens(libz)));
      expect(other.reason).toBe('module_not_pkcs11');
      expect(other.message).toMatch(/C_GetFunctionList/);
    }
  });
});

describe('signing sessions', () => {
  it('signs with CKM_SHA256_RSA_PKCS, and CKM_RSA_PKCS over a DigestInfo gives the same signature', async () => {
    const data = toBeSigned(fx.rsa.cert);
    const direct = await withTokenSession(session(), async (s) => {
      expect(s.mechanism).toBe('CKM_SHA256_RSA_PKCS');
      expect(s.chain.map((c) => c.equals(fx.ca.cert))).toEqual([true]);
      return s.sign(data);
    });
    const raw = await withTokenSession(session({ disableMechanisms: ['CKM_SHA256_RSA_PKCS'] }), async (s) => {
      expect(s.mechanism).toBe('CKM_RSA_PKCS');
      return s.sign(data);
    });
    expect(raw.equals(direct)).toBe(true);
    expect(crypto.verify('sha256', data, crypto.createPublicKey(fx.rsa.key), direct)).toBe(true);
  });

  it('signs with an ECDSA P-256 key, giving a DER signature', async () => {
    const data = toBeSigned(fx.ec.cert);
    const signature = await withTokenSession(session({ certificate: fx.ec.serial }), async (s) => {
      expect(s.mechanism).toBe('CKM_ECDSA');
      expect(s.keyType).toBe('EC');
      return s.sign(data);
    });
    expect(signature[0]).toBe(0x30);
    expect(crypto.verify('sha256', data, crypto.createPublicKey(fx.ec.key), signature)).toBe(true);
  });

  it('signs many with one login', async () => {
    await withTokenSession(session(), async (s) => {
      const all = await Promise.all(Array.from({ length: 20 }, (_, i) => s.sign(Buffer.from(`văn bản ${i}`))));
      expect(all).toHaveLength(20);
      expect(s.signatures).toBe(20);
    });
  });

  it('logs in again for a key that asks for the PIN at every signature', async () => {
    await withTokenSession(session({ token: { label: CLERK }, certificate: fx.clerkKey.serial }), async (s) => {
      const a = await s.sign(Buffer.from('một'));
      const b = await s.sign(Buffer.from('hai'));
      expect(crypto.verify('sha256', Buffer.from('hai'), crypto.createPublicKey(fx.clerkKey.key), b)).toBe(true);
      expect(a.length).toBe(256);
    });
  });

  it('says the PIN is wrong, in Vietnamese, and signs nothing', async () => {
    const e = await failure(openTokenSession(session({ pin: '000000' })));
    expect(e.reason).toBe('pin_incorrect');
    expect(e.code).toBe('token_error');
    expect(e.message).toMatch(/^Mã PIN không đúng\./);
    // SoftHSM raises CKF_USER_PIN_COUNT_LOW after a wrong PIN; the message passes the hint on.
    expect(e.message).toMatch(/số lần thử còn lại đã thấp/);
    // The failed attempt leaves the token usable.
    await withTokenSession(session(), async (s) => expect(s.signatures).toBe(0));
  });

  it('asks for a PIN when none is given (not a PIN-pad reader)', async () => {
    const e = await failure(openTokenSession(session({ pin: null })));
    expect(e.reason).toBe('pin_required');
  });

  it('chooses tokens by label and serial, never by slot', async () => {
    const unknown = await failure(openTokenSession(session({ token: { label: 'Không có' } })));
    expect(unknown.reason).toBe('token_not_found');
    expect(unknown.message).toContain(`«${PRINCIPAL}» (sê-ri ${fx.principalSerial})`);
    const twins = await failure(openTokenSession(session({ token: { label: TWIN } })));
    expect(twins.reason).toBe('token_ambiguous');
    expect(twins.message).toMatch(/hãy chọn thêm số sê-ri/);
    const wrongSerial = await failure(openTokenSession(session({ token: { label: PRINCIPAL, serial: 'ffff' } })));
    expect(wrongSerial.reason).toBe('token_not_found');
  });

  it('refuses certificates that are missing, expired or not for signing', async () => {
    const missing = await failure(openTokenSession(session({ certificate: 'ABCDEF' })));
    expect(missing.reason).toBe('certificate_not_found');
    expect(missing.message).toContain(fx.rsa.serial);
    const expired = await failure(openTokenSession(session({ certificate: fx.expired.serial })));
    expect(expired.reason).toBe('certificate_expired');
    expect(expired.message).toMatch(/đã hết hạn/);
    const noUsage = await failure(openTokenSession(session({ certificate: fx.noUsage.serial })));
    expect(noUsage.reason).toBe('certificate_key_usage');
  });

  it('keeps one session per token at a time and closes for good', async () => {
    const s = await openTokenSession(session());
    const busy = await failure(openTokenSession(session()));
    expect(busy.reason).toBe('token_busy');
    expect(busy.message).toMatch(/đang được dùng cho một lượt ký khác/);
    s.close();
    const closed = await failure(s.sign(Buffer.from('x')));
    expect(closed.reason).toBe('session_closed');
    await withTokenSession(session(), async (again) => expect(again.token.label).toBe(PRINCIPAL));
  });

  it('accepts the serial as printed, with separators and in lower case', async () => {
    const spaced = fx.rsa.serial.toLowerCase().replace(/(..)(?=.)/g, '$1:');
    await withTokenSession(session({ certificate: spaced }), async (s) =>
      expect(s.certificateInfo.serialNumber).toBe(fx.rsa.serial),
    );
    expect(path.isAbsolute(fx.hsm.module)).toBe(true);
  });
});
