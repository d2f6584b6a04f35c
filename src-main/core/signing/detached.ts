/**
 * Detached CMS signatures (.p7s) for files that are not PDFs (xlsx reports): CAdES-BES with
 * content-type, message-digest, signing-time and signing-certificate-v2, verifiable with
 * `openssl cms -verify -binary -content FILE`; with a timestamp server, CAdES-T (a signature timestamp
 * as unsigned attribute). Prepare/finish split as for PDFs, so the content never leaves the server: the
 * signer gets the signed attributes only.
 */
import crypto from 'node:crypto';
import { parseCertificate, assertUsableForSigning } from './certificates';
import { buildSignedAttributes, buildSignedData, checkSignatureValue, verifyCms } from './cms';
import { SigningError } from './errors';
import type { Signer } from './signer';
import {
  requestTimestamp,
  timestampSignature,
  type Stamper,
  type TimestampOptions,
  type TimestampOutcome,
} from './timestamp';
import { assessSignature, parseCertificateList, type SignatureCheck, type TrustOptions } from './assess';

export interface PreparedDetachedSignature {
  /** DER signed attributes: the bytes to be signed. */
  readonly toBeSigned: Buffer;
  readonly certificate: Buffer;
  readonly chain: readonly Buffer[];
  readonly contentDigest: Buffer;
  readonly signingTime: Date;
  /** From the options: where `finishDetachedSignature` asks for the timestamp. */
  readonly timestamp?: TimestampOptions;
}

export interface DetachedOptions {
  readonly chain?: readonly Uint8Array[];
  readonly signingTime?: Date;
  /** An RFC 3161 timestamp server; the .p7s is written without a timestamp when it does not answer. */
  readonly timestamp?: TimestampOptions;
}

/** A .p7s and what became of its timestamp. */
export interface SignedDetached {
  readonly p7s: Buffer;
  readonly timestamp: TimestampOutcome;
}

/** `content` is the file, or its SHA-256 when the file is elsewhere. */
export function prepareDetachedSignature(
  content: Uint8Array | { readonly sha256: Uint8Array },
  certificate: Uint8Array,
  options: DetachedOptions = {},
): PreparedDetachedSignature {
  const cert = parseCertificate(certificate);
  const signingTime = options.signingTime ?? new Date();
  assertUsableForSigning(cert, signingTime);
  const contentDigest =
    content instanceof Uint8Array ? crypto.createHash('sha256').update(content).digest() : Buffer.from(content.sha256);
  if (contentDigest.length !== 32) throw new SigningError('cms_invalid', 'Giá trị băm phải là SHA-256 (32 byte).');
  return {
    toBeSigned: buildSignedAttributes({ contentDigest, certificate: cert, signingTime }),
    certificate: cert.der,
    chain: (options.chain ?? []).map((c) => Buffer.from(c)),
    contentDigest,
    signingTime,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  };
}

/**
 * The .p7s (DER) from the prepared attributes and the signer's signature over them, with a signature
 * timestamp when `prepared.timestamp` names a server that answers.
 */
export async function finishDetachedSignatureDetailed(
  prepared: PreparedDetachedSignature,
  signature: Uint8Array,
  stamp: Stamper = requestTimestamp,
): Promise<SignedDetached> {
  const cert = parseCertificate(prepared.certificate);
  if (!checkSignatureValue(cert, prepared.toBeSigned, signature)) {
    throw new SigningError('signature_mismatch', 'Chữ ký nhận được không khớp với chứng thư số của người ký.');
  }
  const { outcome, token } = await timestampSignature(signature, prepared.timestamp, stamp);
  const p7s = buildSignedData({
    signedAttributes: prepared.toBeSigned,
    signature,
    certificate: cert,
    chain: prepared.chain,
    ...(token ? { timestampToken: token } : {}),
  });
  return { p7s, timestamp: outcome };
}

/** `finishDetachedSignatureDetailed` for callers that want the file only. */
export async function finishDetachedSignature(
  prepared: PreparedDetachedSignature,
  signature: Uint8Array,
): Promise<Buffer> {
  return (await finishDetachedSignatureDetailed(prepared, signature)).p7s;
}

export async function signDetachedDetailed(
  content: Uint8Array,
  signer: Signer,
  options: Omit<DetachedOptions, 'chain'> = {},
  stamp: Stamper = requestTimestamp,
): Promise<SignedDetached> {
  const prepared = prepareDetachedSignature(content, signer.certificate, { ...options, chain: signer.chain });
  return finishDetachedSignatureDetailed(prepared, await signer.sign(prepared.toBeSigned), stamp);
}

export async function signDetached(
  content: Uint8Array,
  signer: Signer,
  options: Omit<DetachedOptions, 'chain'> = {},
): Promise<Buffer> {
  return (await signDetachedDetailed(content, signer, options)).p7s;
}

/** A .p7s as DER, also accepting the PEM ("-----BEGIN PKCS7-----" or "CMS") that some tools write. */
export function cmsBytes(p7s: Uint8Array): Buffer {
  const text = Buffer.from(p7s.subarray(0, 64)).toString('latin1');
  if (!text.includes('-----BEGIN')) return Buffer.from(p7s);
  const body = Buffer.from(p7s)
    .toString('latin1')
    .replace(/-----[^-]+-----/g, '')
    .replace(/\s+/g, '');
  return Buffer.from(body, 'base64');
}

export function verifyDetached(content: Uint8Array, p7s: Uint8Array, options: TrustOptions = {}): SignatureCheck {
  const cms = verifyCms(cmsBytes(p7s), {
    digestContent: (hash) => crypto.createHash(hash).update(content).digest(),
  });
  return assessSignature({
    cms,
    anchors: parseCertificateList(options.trustAnchors),
    intermediates: parseCertificateList(options.intermediates),
  });
}
