/**
 * Tokens through pkcs11js: listing them with their certificates, and signing sessions. A token is chosen
 * by label and serial (slot IDs change between plug-ins and SoftHSM makes them random), a certificate by
 * its serial, and its private key by the certificate's CKA_ID (labels of keys and certificates differ on
 * real tokens, pyHanko #457), falling back to the RSA modulus. The PIN is passed to each session and
 * dropped when it closes; one session logs in once and signs any number of documents.
 */
import crypto from 'node:crypto';
import pkcs11js from 'pkcs11js';
import { ecdsaRawToDer, checkSignatureValue } from '../cms';
import {
  assertUsableForSigning,
  buildChain,
  canSign,
  normalizeSerial,
  parseCertificate,
  signingProblem,
  type CertificateInfo,
  type ParsedCertificate,
} from '../certificates';
import { SigningError, type SigningErrorReason } from '../errors';
import type { Signer } from '../signer';
import { loadModule } from './modules';

type Handle = Buffer;

export interface TokenFlags {
  readonly initialized: boolean;
  readonly loginRequired: boolean;
  /** A PIN pad: the PIN is typed on the reader, not in the app. */
  readonly protectedAuthenticationPath: boolean;
  readonly userPinInitialized: boolean;
  readonly pinCountLow: boolean;
  readonly pinFinalTry: boolean;
  readonly pinLocked: boolean;
  readonly pinToBeChanged: boolean;
}

export type PinStatus = 'ok' | 'count_low' | 'final_try' | 'locked';

export interface TokenInfo {
  readonly module: string;
  readonly label: string;
  readonly serial: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly flags: TokenFlags;
  readonly pinStatus: PinStatus;
  readonly minPinLength: number;
  readonly maxPinLength: number;
}

export interface TokenCertificate {
  /** CKA_ID in hex: the link to the private key. */
  readonly id: string;
  readonly label: string;
  readonly der: Buffer;
  readonly info: CertificateInfo;
  /** Key usage allows signing and the certificate is not a CA's. */
  readonly canSign: boolean;
}

export interface TokenListing extends TokenInfo {
  readonly certificates: readonly TokenCertificate[];
  /** Vietnamese, when the certificates could not be read. */
  readonly error?: string;
}

export interface TokenSelector {
  readonly label?: string;
  readonly serial?: string;
}

export type TokenMechanism = 'CKM_SHA256_RSA_PKCS' | 'CKM_RSA_PKCS' | 'CKM_ECDSA';

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2), for CKM_RSA_PKCS on tokens without CKM_SHA256_RSA_PKCS. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

const clean = (s: string) => s.replace(/[\s\0]+$/u, '').normalize('NFC');

function flagsOf(raw: number): TokenFlags {
  const has = (f: number) => (raw & f) !== 0;
  return {
    initialized: has(pkcs11js.CKF_TOKEN_INITIALIZED),
    loginRequired: has(pkcs11js.CKF_LOGIN_REQUIRED),
    protectedAuthenticationPath: has(pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH),
    userPinInitialized: has(pkcs11js.CKF_USER_PIN_INITIALIZED),
    pinCountLow: has(pkcs11js.CKF_USER_PIN_COUNT_LOW),
    pinFinalTry: has(pkcs11js.CKF_USER_PIN_FINAL_TRY),
    pinLocked: has(pkcs11js.CKF_USER_PIN_LOCKED),
    pinToBeChanged: has(pkcs11js.CKF_USER_PIN_TO_BE_CHANGED),
  };
}

function pinStatusOf(flags: TokenFlags): PinStatus {
  if (flags.pinLocked) return 'locked';
  if (flags.pinFinalTry) return 'final_try';
  if (flags.pinCountLow) return 'count_low';
  return 'ok';
}

function tokenInfo(p11: pkcs11js.PKCS11, module: string, slot: Handle): TokenInfo {
  const t = p11.C_GetTokenInfo(slot);
  const flags = flagsOf(t.flags);
  return {
    module,
    label: clean(t.label),
    serial: clean(t.serialNumber),
    manufacturer: clean(t.manufacturerID),
    model: clean(t.model),
    flags,
    pinStatus: pinStatusOf(flags),
    minPinLength: t.minPinLen,
    maxPinLength: t.maxPinLen,
  };
}

const CKR_REASONS: Record<string, SigningErrorReason> = {
  CKR_PIN_INCORRECT: 'pin_incorrect',
  CKR_PIN_LOCKED: 'pin_locked',
  CKR_PIN_EXPIRED: 'pin_expired',
  CKR_PIN_INVALID: 'pin_invalid',
  CKR_PIN_LEN_RANGE: 'pin_invalid',
  CKR_USER_PIN_NOT_INITIALIZED: 'pin_locked',
  CKR_USER_NOT_LOGGED_IN: 'pin_required',
  CKR_TOKEN_NOT_PRESENT: 'token_not_present',
  CKR_TOKEN_NOT_RECOGNIZED: 'device_error',
  CKR_DEVICE_REMOVED: 'device_removed',
  CKR_SESSION_HANDLE_INVALID: 'device_removed',
  CKR_SESSION_CLOSED: 'device_removed',
  CKR_SLOT_ID_INVALID: 'device_removed',
  // The key that signed a moment ago is gone: the token was pulled out or swapped (SoftHSM says this
  // when its token is deleted under an open session).
  CKR_OBJECT_HANDLE_INVALID: 'device_removed',
  CKR_KEY_HANDLE_INVALID: 'device_removed',
  CKR_DEVICE_ERROR: 'device_error',
  CKR_DEVICE_MEMORY: 'device_error',
  CKR_FUNCTION_CANCELED: 'cancelled',
  CKR_MECHANISM_INVALID: 'mechanism_unsupported',
  CKR_KEY_TYPE_INCONSISTENT: 'mechanism_unsupported',
  CKR_KEY_FUNCTION_NOT_PERMITTED: 'mechanism_unsupported',
};

const MESSAGES: Partial<Record<SigningErrorReason, string>> = {
  pin_incorrect: 'Mã PIN không đúng.',
  pin_locked: 'Token đã bị khóa do nhập sai mã PIN quá số lần cho phép; hãy liên hệ nhà cung cấp chữ ký số để mở khóa.',
  pin_expired: 'Mã PIN của token đã hết hạn; hãy đổi mã PIN bằng phần mềm quản lý token.',
  pin_invalid: 'Mã PIN không hợp lệ (sai độ dài hoặc có ký tự không cho phép).',
  pin_required: 'Token yêu cầu đăng nhập bằng mã PIN trước khi ký.',
  token_not_present: 'Không thấy token trong máy: hãy cắm token vào cổng USB rồi thử lại.',
  device_removed: 'Token đã bị rút ra hoặc mất kết nối trong khi ký; hãy cắm lại token và ký tiếp các văn bản chưa ký.',
  device_error: 'Token báo lỗi thiết bị; hãy rút token ra, cắm lại rồi thử lại.',
  cancelled: 'Thao tác trên token đã bị hủy.',
  mechanism_unsupported: 'Token không hỗ trợ thuật toán ký cần dùng cho khóa này.',
};

function ckrName(e: unknown): string | null {
  const m = /(CKR_[A-Z_]+)/.exec((e as Error)?.message ?? '');
  return m ? m[1]! : null;
}

/** The Vietnamese error for a failed PKCS#11 call; `hint` adds what the token says about the PIN tries left. */
export function tokenError(e: unknown, action: string, hint = ''): SigningError {
  if (e instanceof SigningError) return e;
  const ckr = ckrName(e);
  const reason = (ckr && CKR_REASONS[ckr]) || 'token_failed';
  const base = MESSAGES[reason] ?? `Token báo lỗi khi ${action}${ckr ? ` (${ckr})` : `: ${(e as Error).message}`}.`;
  return new SigningError(reason, hint ? `${base} ${hint}` : base, ckr ? { ckr } : {});
}

function pinHint(flags: TokenFlags): string {
  if (flags.pinLocked) return 'Token đã bị khóa.';
  if (flags.pinFinalTry) return 'Chỉ còn một lần thử: nếu nhập sai lần nữa, token sẽ bị khóa.';
  if (flags.pinCountLow) return 'Token báo số lần thử còn lại đã thấp; hãy kiểm tra kỹ mã PIN trước khi nhập lại.';
  return '';
}

function slotsWithTokens(p11: pkcs11js.PKCS11): Handle[] {
  try {
    return p11.C_GetSlotList(true);
  } catch (e) {
    throw tokenError(e, 'liệt kê khe cắm token');
  }
}

function findObjects(p11: pkcs11js.PKCS11, session: Handle, template: pkcs11js.Template): Handle[] {
  p11.C_FindObjectsInit(session, template);
  try {
    const all: Handle[] = [];
    for (;;) {
      const batch = p11.C_FindObjects(session, 64);
      all.push(...batch);
      if (batch.length < 64) return all;
    }
  } finally {
    p11.C_FindObjectsFinal(session);
  }
}

function readCertificates(p11: pkcs11js.PKCS11, session: Handle): (TokenCertificate & { parsed: ParsedCertificate })[] {
  const handles = findObjects(p11, session, [
    { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
    { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
  ]);
  const certs: (TokenCertificate & { parsed: ParsedCertificate })[] = [];
  for (const h of handles) {
    const [value, id, label] = p11.C_GetAttributeValue(session, h, [
      { type: pkcs11js.CKA_VALUE },
      { type: pkcs11js.CKA_ID },
      { type: pkcs11js.CKA_LABEL },
    ]);
    try {
      const parsed = parseCertificate(value!.value as Buffer);
      certs.push({
        id: Buffer.from((id?.value as Buffer | undefined) ?? []).toString('hex'),
        label: Buffer.from((label?.value as Buffer | undefined) ?? []).toString('utf8'),
        der: parsed.der,
        info: parsed.info,
        canSign: canSign(parsed.info) && !parsed.info.isCA,
        parsed,
      });
    } catch {
      // A certificate the token holds but nobody can parse is of no use for signing.
    }
  }
  return certs;
}

const publicCertificate = ({ parsed: _parsed, ...cert }: TokenCertificate & { parsed: ParsedCertificate }) => cert;

export interface ListTokensOptions {
  /** Read the certificates on each token (no PIN needed). Default true. */
  readonly certificates?: boolean;
  /** Also list empty SoftHSM slots and uninitialised tokens. */
  readonly includeUninitialized?: boolean;
}

/** The tokens plugged in for this module, with their certificates. */
export function listTokens(module: string, options: ListTokensOptions = {}): TokenListing[] {
  const p11 = loadModule(module);
  const result: TokenListing[] = [];
  for (const slot of slotsWithTokens(p11)) {
    let info: TokenInfo;
    try {
      info = tokenInfo(p11, module, slot);
    } catch {
      continue; // Pulled out while listing.
    }
    if (!info.flags.initialized && !options.includeUninitialized) continue;
    if (options.certificates === false) {
      result.push({ ...info, certificates: [] });
      continue;
    }
    let session: Handle | null = null;
    try {
      session = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
      result.push({ ...info, certificates: readCertificates(p11, session).map(publicCertificate) });
    } catch (e) {
      result.push({ ...info, certificates: [], error: tokenError(e, 'đọc chứng thư số').message });
    } finally {
      if (session) {
        try {
          p11.C_CloseSession(session);
        } catch {
          // The token went away; the listing already says so.
        }
      }
    }
  }
  return result;
}

function matchToken(p11: pkcs11js.PKCS11, module: string, selector: TokenSelector): { slot: Handle; info: TokenInfo } {
  if (!selector.label && !selector.serial) {
    throw new SigningError('token_not_found', 'Chưa chọn token (cần nhãn hoặc số sê-ri của token).');
  }
  const label = selector.label?.trim().normalize('NFC');
  const serial = selector.serial?.trim();
  const all: { slot: Handle; info: TokenInfo }[] = [];
  for (const slot of slotsWithTokens(p11)) {
    try {
      all.push({ slot, info: tokenInfo(p11, module, slot) });
    } catch {
      // Gone between the two calls.
    }
  }
  const matches = all.filter(
    ({ info }) => info.flags.initialized && (!label || info.label === label) && (!serial || info.serial === serial),
  );
  if (matches.length === 1) return matches[0]!;
  const present = all.filter((t) => t.info.flags.initialized).map((t) => `«${t.info.label}» (sê-ri ${t.info.serial})`);
  if (matches.length === 0) {
    const wanted = [label && `nhãn «${label}»`, serial && `sê-ri ${serial}`].filter(Boolean).join(', ');
    throw new SigningError(
      present.length === 0 ? 'token_not_present' : 'token_not_found',
      present.length === 0
        ? 'Không thấy token nào trong máy: hãy cắm token vào cổng USB rồi thử lại.'
        : `Không thấy token có ${wanted}. Các token đang cắm: ${present.join('; ')}.`,
      { present },
    );
  }
  throw new SigningError(
    'token_ambiguous',
    `Có ${matches.length} token cùng nhãn «${label}»; hãy chọn thêm số sê-ri của token.`,
    { present },
  );
}

export interface TokenSessionOptions {
  /** Path of the PKCS#11 module. */
  readonly module: string;
  readonly token: TokenSelector;
  /** Serial number (hex) of the signing certificate on the token; absent, the token's only one. */
  readonly certificate?: string;
  /** The user PIN; null or absent only for PIN-pad readers. Never stored. */
  readonly pin?: string | null;
  /** A second PIN for keys that ask for it on every signature (CKA_ALWAYS_AUTHENTICATE); default the PIN. */
  readonly signaturePin?: string;
  /**
   * Log in even when the token says the next wrong PIN locks it. Without it the session refuses first,
   * so the UI can warn the user and ask again.
   */
  readonly allowFinalTry?: boolean;
  /** Mechanisms not to use even when the token lists them (tokens that list but fail one). */
  readonly disableMechanisms?: readonly TokenMechanism[];
  /** The instant the certificate must be valid at; default now. */
  readonly at?: Date;
}

/** Sessions open per token, so that two batches never share (and log out) one login. */
const busy = new Set<string>();

/** A logged-in session on one token with one certificate: a Signer for any number of documents. */
interface SessionState {
  readonly p11: pkcs11js.PKCS11;
  readonly handle: Handle;
  readonly key: Handle;
  readonly busyKey: string;
  signaturePin: string | null;
  readonly alwaysAuthenticate: boolean;
  readonly token: TokenInfo;
  readonly cert: ParsedCertificate;
  readonly chain: readonly Buffer[];
  readonly mechanism: TokenMechanism;
}

export class TokenSession implements Signer {
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();
  private count = 0;
  private readonly p11: pkcs11js.PKCS11;
  private readonly handle: Handle;
  private readonly key: Handle;
  private readonly cert: ParsedCertificate;
  readonly token: TokenInfo;
  readonly chain: readonly Buffer[];
  /** The mechanism RSA signatures use (ECDSA keys always use CKM_ECDSA). */
  readonly mechanism: TokenMechanism;

  /** Made by openTokenSession, which finds the token, the certificate and the key, and logs in. */
  constructor(private readonly state: SessionState) {
    this.p11 = state.p11;
    this.handle = state.handle;
    this.key = state.key;
    this.cert = state.cert;
    this.token = state.token;
    this.chain = state.chain;
    this.mechanism = state.mechanism;
  }

  get certificate(): Buffer {
    return this.cert.der;
  }

  get certificateInfo(): CertificateInfo {
    return this.cert.info;
  }

  get keyType(): 'RSA' | 'EC' {
    return this.cert.info.keyType === 'EC' ? 'EC' : 'RSA';
  }

  /** Signatures made in this session. */
  get signatures(): number {
    return this.count;
  }

  /**
   * Signs the DER signed attributes of a CMS (buildSignedAttributes): a few hundred bytes holding only
   * digests. Returns the CMS signature value, checked against the certificate before it is returned.
   */
  sign(toBeSigned: Uint8Array): Promise<Buffer> {
    const data = Buffer.from(toBeSigned);
    const run = this.queue.then(() => this.signNow(data));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async signNow(data: Buffer): Promise<Buffer> {
    if (this.closed) throw new SigningError('session_closed', 'Phiên ký đã đóng; hãy mở lại token và nhập mã PIN.');
    const hash = crypto.createHash('sha256').update(data).digest();
    let mechanism: number;
    let input: Buffer;
    if (this.keyType === 'EC') {
      mechanism = pkcs11js.CKM_ECDSA;
      input = hash;
    } else if (this.mechanism === 'CKM_SHA256_RSA_PKCS') {
      mechanism = pkcs11js.CKM_SHA256_RSA_PKCS;
      input = data;
    } else {
      mechanism = pkcs11js.CKM_RSA_PKCS;
      input = Buffer.concat([SHA256_DIGEST_INFO, hash]);
    }
    let raw: Buffer;
    try {
      this.p11.C_SignInit(this.handle, { mechanism }, this.key);
      if (this.state.alwaysAuthenticate) {
        this.p11.C_Login(this.handle, pkcs11js.CKU_CONTEXT_SPECIFIC, this.state.signaturePin ?? undefined);
      }
      raw = await this.p11.C_SignAsync(this.handle, input, Buffer.alloc(1024));
    } catch (e) {
      const error = tokenError(e, 'ký');
      if (error.reason === 'device_removed' || error.reason === 'token_not_present') this.close();
      throw error;
    }
    const signature = this.keyType === 'EC' ? ecdsaRawToDer(raw) : Buffer.from(raw);
    // A key that is not the certificate's pair (a token with mismatched CKA_IDs) must not yield a
    // document that only a verifier would find broken.
    if (!checkSignatureValue(this.cert, data, signature)) {
      throw new SigningError(
        'signature_mismatch',
        'Chữ ký do token tạo ra không khớp với chứng thư số đã chọn (khóa bí mật và chứng thư không cùng cặp); không văn bản nào được ký.',
      );
    }
    this.count++;
    return signature;
  }

  /** Logs out and closes the session; the PIN is forgotten. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.state.signaturePin = null;
    busy.delete(this.state.busyKey);
    try {
      this.p11.C_Logout(this.handle);
    } catch {
      // Not logged in any more, or the token is gone.
    }
    try {
      this.p11.C_CloseSession(this.handle);
    } catch {
      // As above.
    }
  }
}

function findKey(p11: pkcs11js.PKCS11, session: Handle, cert: ParsedCertificate, id: string): Handle {
  if (id) {
    const byId = findObjects(p11, session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
      { type: pkcs11js.CKA_ID, value: Buffer.from(id, 'hex') },
    ]);
    if (byId.length > 0) return byId[0]!;
  }
  const keys = findObjects(p11, session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY }]);
  if (cert.info.keyType === 'RSA') {
    const modulus = Buffer.from(cert.x509.publicKey.export({ format: 'jwk' }).n!, 'base64url');
    for (const k of keys) {
      try {
        const [m] = p11.C_GetAttributeValue(session, k, [{ type: pkcs11js.CKA_MODULUS }]);
        const value = Buffer.from(m!.value as Buffer);
        if (value.equals(modulus)) return k;
      } catch {
        // A key without a readable modulus is not this one.
      }
    }
  }
  // One key on the token: the signature check after signing will tell if it is not the pair.
  if (keys.length === 1) return keys[0]!;
  throw new SigningError(
    'key_not_found',
    'Không tìm thấy khóa bí mật đi cùng chứng thư số này trên token (CKA_ID không khớp).',
    { id },
  );
}

function booleanAttribute(p11: pkcs11js.PKCS11, session: Handle, handle: Handle, type: number): boolean {
  try {
    const [a] = p11.C_GetAttributeValue(session, handle, [{ type }]);
    const v = a?.value as Buffer | undefined;
    return !!v && v.length > 0 && v[0] !== 0;
  } catch {
    return false;
  }
}

/**
 * No serial given: the one certificate of the token that can sign now (an expired one beside it does
 * not count); with several, the user must choose. A lone certificate that cannot sign now is still
 * taken, so that the session says why.
 */
function onlySigningCertificate<C extends TokenCertificate>(certs: C[], tokenLabel: string, at: Date): C {
  const signing = certs.filter((c) => c.canSign);
  const usable = signing.filter((c) => signingProblem(c.der, at) === null);
  const candidates = usable.length > 0 ? usable : signing;
  if (candidates.length === 1) return candidates[0]!;
  const available = candidates.map((c) => `${c.info.serialNumber} (${c.info.subject.commonName ?? c.label})`);
  throw new SigningError(
    'certificate_not_found',
    candidates.length === 0
      ? `Token «${tokenLabel}» không có chứng thư số nào dùng để ký được.`
      : `Token «${tokenLabel}» có ${candidates.length} chứng thư số dùng để ký; hãy chọn một theo số sê-ri (lệnh truongso sign: --cert SÊ-RI): ${available.join('; ')}.`,
    { available },
  );
}

/**
 * Opens a session on the chosen token, finds the certificate and its key, checks the certificate can
 * sign now, logs in with the PIN and picks the mechanism. Close it (or use withTokenSession) when done.
 */
export async function openTokenSession(options: TokenSessionOptions): Promise<TokenSession> {
  const p11 = loadModule(options.module);
  const { slot, info } = matchToken(p11, options.module, options.token);
  const busyKey = `${options.module}\n${info.serial}\n${info.label}`;
  if (busy.has(busyKey)) {
    throw new SigningError(
      'token_busy',
      `Token «${info.label}» đang được dùng cho một lượt ký khác; hãy đợi lượt đó xong rồi thử lại.`,
    );
  }
  if (info.flags.pinLocked) throw new SigningError('pin_locked', MESSAGES.pin_locked!);
  if (info.flags.pinFinalTry && !options.allowFinalTry) {
    throw new SigningError(
      'pin_final_try',
      'Token báo chỉ còn một lần nhập mã PIN: nếu nhập sai, token sẽ bị khóa. Hãy xác nhận trước khi thử lại.',
      { pinStatus: info.pinStatus },
    );
  }
  let handle: Handle;
  try {
    handle = p11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
  } catch (e) {
    throw tokenError(e, 'mở phiên làm việc');
  }
  busy.add(busyKey);
  let loggedIn = false;
  try {
    const certs = readCertificates(p11, handle);
    const wanted = options.certificate === undefined ? null : normalizeSerial(options.certificate);
    const chosen =
      wanted === null
        ? onlySigningCertificate(certs, info.label, options.at ?? new Date())
        : certs.find((c) => normalizeSerial(c.info.serialNumber) === wanted);
    if (!chosen) {
      const available = certs.map((c) => `${c.info.serialNumber} (${c.info.subject.commonName ?? c.label})`);
      throw new SigningError(
        'certificate_not_found',
        `Không thấy chứng thư số có số sê-ri ${options.certificate} trên token «${info.label}».` +
          (available.length
            ? ` Các chứng thư trên token: ${available.join('; ')}.`
            : ' Token không có chứng thư số nào.'),
        { available },
      );
    }
    assertUsableForSigning(chosen.parsed, options.at ?? new Date());

    const pin = options.pin ?? null;
    if (pin === null && !info.flags.protectedAuthenticationPath) {
      throw new SigningError('pin_required', 'Hãy nhập mã PIN của token.');
    }
    try {
      if (pin === null) p11.C_Login(handle, pkcs11js.CKU_USER);
      else p11.C_Login(handle, pkcs11js.CKU_USER, pin);
      loggedIn = true;
    } catch (e) {
      if (ckrName(e) === 'CKR_USER_ALREADY_LOGGED_IN') {
        loggedIn = true;
      } else {
        let hint = '';
        try {
          hint = pinHint(tokenInfo(p11, options.module, slot).flags);
        } catch {
          // The token is gone; the error says what happened.
        }
        throw tokenError(e, 'đăng nhập', hint);
      }
    }

    const key = findKey(p11, handle, chosen.parsed, chosen.id);
    const mechanisms = new Set(p11.C_GetMechanismList(slot));
    const disabled = new Set(options.disableMechanisms ?? []);
    let mechanism: TokenMechanism;
    if (chosen.info.keyType === 'EC') {
      if (!mechanisms.has(pkcs11js.CKM_ECDSA) || disabled.has('CKM_ECDSA')) {
        throw new SigningError('mechanism_unsupported', 'Token không hỗ trợ ký ECDSA (CKM_ECDSA).');
      }
      mechanism = 'CKM_ECDSA';
    } else if (chosen.info.keyType === 'RSA') {
      if (mechanisms.has(pkcs11js.CKM_SHA256_RSA_PKCS) && !disabled.has('CKM_SHA256_RSA_PKCS')) {
        mechanism = 'CKM_SHA256_RSA_PKCS';
      } else if (mechanisms.has(pkcs11js.CKM_RSA_PKCS) && !disabled.has('CKM_RSA_PKCS')) {
        mechanism = 'CKM_RSA_PKCS';
      } else {
        throw new SigningError(
          'mechanism_unsupported',
          'Token không hỗ trợ ký RSA (thiếu cả CKM_SHA256_RSA_PKCS và CKM_RSA_PKCS).',
        );
      }
    } else {
      throw new SigningError(
        'certificate_invalid',
        'Chứng thư số dùng loại khóa không được hỗ trợ (chỉ RSA và ECDSA).',
      );
    }
    const alwaysAuthenticate = booleanAttribute(p11, handle, key, pkcs11js.CKA_ALWAYS_AUTHENTICATE);
    // The CA certificates on the token (many Vietnamese tokens carry them) complete the chain in the CMS.
    const chain = buildChain(
      chosen.parsed,
      certs.filter((c) => c.info.isCA).map((c) => c.parsed),
      [],
      options.at ?? new Date(),
    ).path.slice(1);
    return new TokenSession({
      p11,
      handle,
      key,
      busyKey,
      // Kept only while a key needs it for every signature; dropped when the session closes.
      signaturePin: alwaysAuthenticate ? (options.signaturePin ?? pin) : null,
      alwaysAuthenticate,
      token: info,
      cert: chosen.parsed,
      chain: chain.map((c) => c.der),
      mechanism,
    });
  } catch (e) {
    busy.delete(busyKey);
    if (loggedIn) {
      try {
        p11.C_Logout(handle);
      } catch {
        // Best effort.
      }
    }
    try {
      p11.C_CloseSession(handle);
    } catch {
      // Best effort.
    }
    throw e instanceof SigningError ? e : tokenError(e, 'chuẩn bị ký');
  }
}

/** Opens a session, runs `work` with it and always closes it (logging out). */
export async function withTokenSession<T>(
  options: TokenSessionOptions,
  work: (session: TokenSession) => Promise<T>,
): Promise<T> {
  const session = await openTokenSession(options);
  try {
    return await work(session);
  } finally {
    session.close();
  }
}
