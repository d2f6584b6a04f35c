/**
 * RFC 3161 signature timestamps, what turns a B-B signature into B-T: a timestamp server (TSA) signs
 * "this signature value existed at this time", so the signing time no longer rests on the signer's
 * clock and the signer's certificate can be judged at a time nobody could back-date.
 *
 * `requestTimestamp` is the client: the request is built with node-forge's ASN.1 module and posted with
 * Node's fetch. A timestamp is an extra, never a reason not to sign (letsseal #6 in reference/signing.md):
 * every failure comes back as a result with a Vietnamese reason, and the signer then writes B-B.
 * `checkTimestampToken` is shared by that client (a token is only embedded when it checks) and by the
 * verifier (assess.ts), so a token is judged the same way when it is made and when it is read.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';
import {
  derOf,
  extendedKeyUsage,
  fromBinary,
  parseName,
  readDer,
  toBinary,
  type ParsedCertificate,
} from './certificates';
import { HASH_BY_OID, OID, parseSignedData, verifyCms } from './cms';

const asn1 = forge.asn1;
type Asn1 = forge.asn1.Asn1;
const { UNIVERSAL, CONTEXT_SPECIFIC } = asn1.Class;
const T = asn1.Type;

/** Where to ask for a timestamp. */
export interface TimestampOptions {
  /** The TSA's HTTP(S) address. */
  readonly url: string;
  /** How long to wait for the whole exchange. Default 10 000 ms. */
  readonly timeoutMs?: number;
}

/** What happened to the timestamp of one signature (the signature itself was made either way). */
export type TimestampOutcome =
  | {
      readonly status: 'added';
      /** ISO instant: the TSA's genTime. */
      readonly time: string;
      readonly authority: string;
    }
  | { readonly status: 'not_requested' }
  | { readonly status: 'unavailable'; /** Vietnamese. */ readonly reason: string };

export type TimestampFailure =
  /** The address is not an http(s) URL. */
  | 'bad_url'
  /** No connection: refused, unknown host, network down. */
  | 'unreachable'
  | 'timeout'
  /** An HTTP status other than 2xx. */
  | 'http_error'
  /** The TSA answered with a PKIStatus other than granted / grantedWithMods. */
  | 'rejected'
  /** Not a TimeStampResp, or too large. */
  | 'bad_reply'
  /** A token for another request: its nonce or message imprint differ (a stale or replayed answer). */
  | 'mismatch'
  /** A token that does not check: bad TSA signature, certificate without the timeStamping purpose, … */
  | 'invalid_token';

export type TimestampResult =
  | {
      readonly ok: true;
      /** DER TimeStampToken (a CMS ContentInfo), ready to embed. */
      readonly token: Buffer;
      readonly time: Date;
      readonly authority: string;
    }
  | { readonly ok: false; readonly failure: TimestampFailure; /** Vietnamese. */ readonly reason: string };

/** How a timestamp token reads against the data it should cover. */
export interface TimestampCheck {
  /** The TSA's genTime; null when the token could not be read that far. */
  readonly time: Date | null;
  /** The TSA certificate's common name (or its subject, or the TSTInfo's tsa name); '' when unknown. */
  readonly authority: string;
  /** Signed by a certificate with the timeStamping purpose, valid at genTime, over this data. */
  readonly valid: boolean;
  /** Vietnamese, one per fault; empty when valid. */
  readonly problems: readonly string[];
  readonly imprintOk: boolean;
  /** The TSTInfo nonce (big-endian, no leading zeros), for matching a reply to its request. */
  readonly nonce: Buffer | null;
  /** The TSA's certificate and the others the token carries, to chain it to the school's trust anchors. */
  readonly tsaCertificate: ParsedCertificate | null;
  readonly certificates: readonly ParsedCertificate[];
}

export const DEFAULT_TIMESTAMP_TIMEOUT_MS = 10_000;
/** A token with a certificate chain is a few KiB; anything near this is not a timestamp reply. */
const MAX_REPLY_BYTES = 1024 * 1024;
const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

const children = (node: Asn1 | undefined): Asn1[] => (node && Array.isArray(node.value) ? node.value : []);
const isUniversal = (node: Asn1 | undefined, type: number): boolean =>
  !!node && node.tagClass === UNIVERSAL && node.type === type;
const oidOf = (node: Asn1 | undefined) => (isUniversal(node, T.OID) ? asn1.derToOid(node!.value as string) : '');
const bytesOf = (node: Asn1 | undefined) => (node && typeof node.value === 'string' ? fromBinary(node.value) : null);
const stripZeros = (b: Buffer) => {
  let out = b;
  while (out.length > 1 && out[0] === 0) out = out.subarray(1);
  return out;
};

// ---------------------------------------------------------------------------------------------------
// The request

/**
 * TimeStampReq (RFC 3161 §2.4.1): version 1, the SHA-256 imprint, the nonce and certReq TRUE, so the
 * token carries the TSA certificate and can be checked without fetching anything.
 */
export function buildTimestampRequest(sha256: Uint8Array, nonce: Uint8Array): Buffer {
  // RFC 5754 allows the SHA-2 parameters absent or NULL and asks receivers to accept both.
  const hashAlgorithm = asn1.create(UNIVERSAL, T.SEQUENCE, true, [
    asn1.create(UNIVERSAL, T.OID, false, asn1.oidToDer(OID.sha256).getBytes()),
    asn1.create(UNIVERSAL, T.NULL, false, ''),
  ]);
  return derOf(
    asn1.create(UNIVERSAL, T.SEQUENCE, true, [
      asn1.create(UNIVERSAL, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
      asn1.create(UNIVERSAL, T.SEQUENCE, true, [
        hashAlgorithm,
        asn1.create(UNIVERSAL, T.OCTETSTRING, false, toBinary(sha256)),
      ]),
      asn1.create(UNIVERSAL, T.INTEGER, false, toBinary(nonce)),
      asn1.create(UNIVERSAL, T.BOOLEAN, false, String.fromCharCode(0xff)),
    ]),
  );
}

/** 64 random bits as a positive INTEGER body: top bit clear (not negative), first byte not zero (minimal DER). */
function newNonce(): Buffer {
  const nonce = crypto.randomBytes(8);
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  return nonce;
}

// ---------------------------------------------------------------------------------------------------
// Reading a token

interface TstInfo {
  readonly hash: string | null;
  readonly hashOid: string;
  readonly hashed: Buffer;
  readonly genTime: Date;
  readonly nonce: Buffer | null;
  readonly tsaName: string | null;
}

function generalNameText(node: Asn1 | undefined): string | null {
  // tsa [0] GeneralName: explicit, GeneralName being a CHOICE; directoryName [4] holds a Name.
  const name = children(node)[0];
  if (!name || name.tagClass !== CONTEXT_SPECIFIC) return null;
  if (name.type === 4) {
    const dn = children(name)[0];
    return dn ? parseName(dn).text : null;
  }
  return typeof name.value === 'string' ? fromBinary(name.value).toString('utf8') : null;
}

function readTstInfo(der: Buffer): TstInfo {
  const fields = children(readDer(der));
  const imprint = children(fields[2]);
  const hashOid = oidOf(children(imprint[0])[0]);
  const hashed = bytesOf(imprint[1]);
  const genTimeNode = fields[4];
  if (!isUniversal(fields[0], T.INTEGER) || !hashed || !isUniversal(genTimeNode, T.GENERALIZEDTIME)) {
    throw new Error('TSTInfo sai cấu trúc');
  }
  const genTime = asn1.generalizedTimeToDate(genTimeNode!.value as string);
  if (Number.isNaN(genTime.getTime())) throw new Error('thời gian trong TSTInfo không đọc được');
  let nonce: Buffer | null = null;
  let tsaName: string | null = null;
  // After genTime: accuracy (SEQUENCE), ordering (BOOLEAN), nonce (INTEGER), tsa [0], extensions [1].
  for (const f of fields.slice(5)) {
    if (isUniversal(f, T.INTEGER)) nonce = stripZeros(fromBinary(f.value as string));
    else if (f.tagClass === CONTEXT_SPECIFIC && f.type === 0) tsaName = generalNameText(f);
  }
  return { hash: HASH_BY_OID[hashOid] ?? null, hashOid, hashed, genTime, nonce, tsaName };
}

const TSA = 'máy chủ cấp dấu thời gian';

/**
 * Checks a TimeStampToken against the data it should cover (for a signature timestamp: the SignerInfo's
 * signature value): the TSA's CMS signature over the TSTInfo, the imprint, the TSA certificate's
 * timeStamping purpose and its validity at genTime. The TSA certificate's chain to a root is not
 * judged: the trust anchors a school configures are for its signers, not for timestamp servers.
 */
export function checkTimestampToken(token: Uint8Array, data: Uint8Array): TimestampCheck {
  const unreadable = (why: string): TimestampCheck => ({
    time: null,
    authority: '',
    valid: false,
    problems: [`Dấu thời gian không đọc được (${why}).`],
    imprintOk: false,
    nonce: null,
    tsaCertificate: null,
    certificates: [],
  });
  let tst: TstInfo;
  try {
    const sd = parseSignedData(token);
    if (sd.eContentType !== OID.tstInfo || !sd.eContent) return unreadable('không chứa TSTInfo');
    tst = readTstInfo(sd.eContent);
  } catch (e) {
    return unreadable((e as Error).message);
  }
  const problems: string[] = [];
  const imprintOk = !!tst.hash && crypto.createHash(tst.hash).update(data).digest().equals(tst.hashed);
  if (!tst.hash) problems.push(`Dấu thời gian dùng thuật toán băm không được hỗ trợ (${tst.hashOid}).`);
  else if (!imprintOk) problems.push('Dấu thời gian không phải cấp cho chữ ký này (giá trị băm không khớp).');

  const cms = verifyCms(token);
  const tsaCert = cms.signer;
  if (cms.error) {
    problems.push(`Không kiểm tra được chữ ký của ${TSA} trên dấu thời gian: ${cms.error}`);
  } else if (!cms.signatureOk || !cms.messageDigestOk || !cms.contentTypeOk) {
    problems.push(`Chữ ký của ${TSA} trên dấu thời gian không đúng (dấu thời gian đã bị sửa hoặc giả).`);
  }
  if (cms.signingCertificateOk === false) {
    problems.push(`Thuộc tính chứng thư ký trong dấu thời gian không khớp với chứng thư số của ${TSA}.`);
  }
  if (tsaCert) {
    const eku = extendedKeyUsage(tsaCert);
    if (!eku?.purposes.includes(ID_KP_TIME_STAMPING)) {
      problems.push(`Chứng thư số của ${TSA} không được phép dùng để cấp dấu thời gian (thiếu mục đích timeStamping).`);
    }
    if (tst.genTime < tsaCert.notBefore || tst.genTime > tsaCert.notAfter) {
      problems.push(`Chứng thư số của ${TSA} không còn hiệu lực tại thời điểm ghi trong dấu thời gian.`);
    }
  }
  const authority = tsaCert?.info.subject.commonName ?? tsaCert?.info.subject.text ?? tst.tsaName ?? '';
  return {
    time: tst.genTime,
    authority,
    valid: problems.length === 0,
    problems,
    imprintOk,
    nonce: tst.nonce,
    tsaCertificate: tsaCert ?? null,
    certificates: cms.certificates,
  };
}

// ---------------------------------------------------------------------------------------------------
// The exchange

/** PKIStatus values past granted(0) and grantedWithMods(1); rejection(2) needs no words of its own. */
const PKI_STATUS: Record<number, string> = {
  3: 'đang chờ xử lý',
  4: 'cảnh báo thu hồi chứng thư',
  5: 'chứng thư đã bị thu hồi',
};

const FAIL_INFO: Record<number, string> = {
  0: 'thuật toán băm không được hỗ trợ',
  2: 'yêu cầu sai định dạng',
  5: 'dữ liệu sai định dạng',
  14: 'máy chủ tạm thời không có nguồn thời gian',
  15: 'chính sách cấp dấu thời gian không được chấp nhận',
  16: 'phần mở rộng không được chấp nhận',
  17: 'thông tin bổ sung không có',
  25: 'lỗi hệ thống của máy chủ',
};

function failInfoText(node: Asn1 | undefined): string | null {
  const raw = bytesOf(node);
  if (!raw || raw.length < 2) return null;
  const bits = raw.subarray(1);
  for (let i = 0; i < bits.length * 8; i++) {
    if (bits[i >> 3]! & (0x80 >> (i & 7))) return FAIL_INFO[i] ?? `mã lỗi ${i}`;
  }
  return null;
}

function networkFailure(e: unknown, host: string, timeoutMs: number): TimestampResult {
  const error = e as { name?: string; message?: string; cause?: { code?: string; errors?: { code?: string }[] } };
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') {
    return {
      ok: false,
      failure: 'timeout',
      reason: `Không lấy được dấu thời gian: ${TSA} ${host} không trả lời sau ${String(Math.round(timeoutMs / 100) / 10).replace('.', ',')} giây.`,
    };
  }
  const code = error?.cause?.code ?? error?.cause?.errors?.find((x) => x.code)?.code;
  const why =
    code === 'ECONNREFUSED'
      ? `${TSA} ${host} từ chối kết nối`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `không tìm thấy ${TSA} ${host} (hãy kiểm tra kết nối Internet và địa chỉ máy chủ)`
        : `không kết nối được ${TSA} ${host} (${code ?? error?.message ?? String(e)})`;
  return { ok: false, failure: 'unreachable', reason: `Không lấy được dấu thời gian: ${why}.` };
}

/** The body, or null when it is larger than `max` (a TSA reply never is). */
async function readCapped(response: Response, max: number): Promise<Buffer | null> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  // A reader rather than `for await`: the DOM typings (the renderer's tests compile this too) lack it.
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * Asks the TSA at `options.url` for a timestamp over `data` (the signature value). Never throws: any
 * failure is `{ ok: false, failure, reason }`. A token is returned only when it answers this request
 * (nonce and imprint) and checks (`checkTimestampToken`), so what gets embedded is never broken.
 */
export async function requestTimestamp(data: Uint8Array, options: TimestampOptions): Promise<TimestampResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMESTAMP_TIMEOUT_MS;
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      failure: 'bad_url',
      reason: `Không lấy được dấu thời gian: địa chỉ ${TSA} «${options.url}» không hợp lệ (cần dạng http://… hoặc https://…).`,
    };
  }
  const host = url.host;
  const nonce = newNonce();
  const request = buildTimestampRequest(crypto.createHash('sha256').update(data).digest(), nonce);

  let reply: Buffer | null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: new Uint8Array(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return {
        ok: false,
        failure: 'http_error',
        reason: `Không lấy được dấu thời gian: ${TSA} ${host} báo lỗi HTTP ${response.status}${response.statusText ? ` (${response.statusText})` : ''}.`,
      };
    }
    reply = await readCapped(response, MAX_REPLY_BYTES);
  } catch (e) {
    return networkFailure(e, host, timeoutMs);
  }
  const badReply = (why: string): TimestampResult => ({
    ok: false,
    failure: 'bad_reply',
    reason: `Không lấy được dấu thời gian: ${TSA} ${host} trả về dữ liệu không phải dấu thời gian (${why}).`,
  });
  if (!reply) return badReply('dữ liệu quá lớn');

  let status: number;
  let statusNode: Asn1[];
  let tokenNode: Asn1 | undefined;
  try {
    const response = readDer(reply);
    if (!isUniversal(response, T.SEQUENCE)) return badReply('không đúng cấu trúc TimeStampResp');
    [, tokenNode] = children(response);
    statusNode = children(children(response)[0]);
    if (!isUniversal(statusNode[0], T.INTEGER)) return badReply('không có trạng thái');
    status = asn1.derToInteger(statusNode[0]!.value as string);
  } catch {
    return badReply('không đọc được');
  }
  if (status !== 0 && status !== 1) {
    const said = children(statusNode.find((n) => isUniversal(n, T.SEQUENCE)))
      .map((s) => (typeof s.value === 'string' ? fromBinary(s.value).toString('utf8') : ''))
      .filter(Boolean)
      .join('; ');
    const fail = failInfoText(statusNode.find((n) => isUniversal(n, T.BITSTRING)));
    const details = [status === 2 ? null : (PKI_STATUS[status] ?? `trạng thái ${status}`), fail, said]
      .filter(Boolean)
      .join('; ');
    return {
      ok: false,
      failure: 'rejected',
      reason: `Không lấy được dấu thời gian: ${TSA} ${host} từ chối cấp dấu thời gian${details ? ` (${details})` : ''}.`,
    };
  }
  if (!tokenNode) return badReply('thiếu dấu thời gian');
  // Re-encoded once here, so the bytes checked are exactly the bytes forge will embed in the CMS.
  const token = derOf(tokenNode);
  const check = checkTimestampToken(token, data);
  if (!check.nonce || !check.nonce.equals(stripZeros(nonce)) || !check.imprintOk) {
    if (check.time === null) return badReply(check.problems[0] ?? 'không đọc được');
    return {
      ok: false,
      failure: 'mismatch',
      reason: `Không lấy được dấu thời gian: ${TSA} ${host} trả về dấu thời gian không phải cho yêu cầu này (${!check.imprintOk ? 'giá trị băm' : 'mã yêu cầu (nonce)'} không khớp).`,
    };
  }
  if (!check.valid || !check.time) {
    return {
      ok: false,
      failure: 'invalid_token',
      reason: `Không lấy được dấu thời gian: dấu thời gian của ${TSA} ${host} không hợp lệ. ${check.problems.join(' ')}`,
    };
  }
  return { ok: true, token, time: check.time, authority: check.authority || host };
}

// ---------------------------------------------------------------------------------------------------
// For the signers

export type Stamper = (data: Uint8Array, options: TimestampOptions) => Promise<TimestampResult>;

/**
 * For a batch: after a TSA has once not answered in time, the later documents do not each wait the
 * whole timeout again for the same address; they are signed B-B at once with a note saying why.
 */
export function stopAfterTimeout(stamp: Stamper = requestTimestamp): Stamper {
  const silent = new Map<string, string>();
  return async (data, options) => {
    const earlier = silent.get(options.url);
    if (earlier) {
      return {
        ok: false,
        failure: 'timeout',
        reason: `Không lấy được dấu thời gian: ${TSA} ${earlier} đã không trả lời ở văn bản trước trong lượt ký này, nên không chờ thêm.`,
      };
    }
    const result = await stamp(data, options);
    if (!result.ok && result.failure === 'timeout') {
      let host = options.url;
      try {
        host = new URL(options.url).host;
      } catch {
        // The URL as typed names the server well enough.
      }
      silent.set(options.url, host);
    }
    return result;
  };
}

/** The outcome and, when there is one, the token for `signature` (a SignerInfo's signature value). */
export async function timestampSignature(
  signature: Uint8Array,
  options: TimestampOptions | undefined,
  stamp: Stamper = requestTimestamp,
): Promise<{ readonly outcome: TimestampOutcome; readonly token: Buffer | null }> {
  if (!options) return { outcome: { status: 'not_requested' }, token: null };
  let result: TimestampResult;
  try {
    result = await stamp(signature, options);
  } catch (e) {
    // requestTimestamp does not throw; this keeps a surprise from costing the signature.
    result = { ok: false, failure: 'bad_reply', reason: `Không lấy được dấu thời gian: ${(e as Error).message}` };
  }
  if (!result.ok) return { outcome: { status: 'unavailable', reason: result.reason }, token: null };
  return {
    outcome: { status: 'added', time: result.time.toISOString(), authority: result.authority },
    token: result.token,
  };
}
