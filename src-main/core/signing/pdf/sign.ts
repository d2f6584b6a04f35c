/**
 * Finishing a prepared PDF signature with the signer's signature value, and the one-call and batch
 * forms for when the signer is at hand (a token on this PC).
 */
import { parseCertificate } from '../certificates';
import { buildSignedData, checkSignatureValue } from '../cms';
import { SigningError, isSigningError } from '../errors';
import type { Signer } from '../signer';
import {
  requestTimestamp,
  stopAfterTimeout,
  timestampSignature,
  type Stamper,
  type TimestampOutcome,
} from '../timestamp';
import { preparePdfSignature, type PdfSignOptions, type PreparedPdfSignature } from './prepare';

/** A signed PDF and what became of its timestamp. */
export interface SignedPdf {
  readonly pdf: Buffer;
  readonly timestamp: TimestampOutcome;
}

async function finish(prepared: PreparedPdfSignature, signature: Uint8Array, stamp: Stamper): Promise<SignedPdf> {
  const cert = parseCertificate(prepared.certificate);
  if (!checkSignatureValue(cert, prepared.toBeSigned, signature)) {
    throw new SigningError(
      'signature_mismatch',
      'Chữ ký nhận được không khớp với chứng thư số của người ký; tài liệu không được ký.',
    );
  }
  const parts = { signedAttributes: prepared.toBeSigned, signature, certificate: cert, chain: prepared.chain };
  const plain = buildSignedData(parts);
  if (plain.length * 2 > prepared.contentsLength) {
    throw new SigningError(
      'placeholder_too_small',
      `Chữ ký (${plain.length} byte) lớn hơn chỗ dành sẵn trong tệp (${prepared.contentsLength / 2} byte); hãy ký lại với contentsSize lớn hơn.`,
    );
  }
  // Asked only once the B-B signature is known to fit: a token is no use to a file that cannot be written.
  const { token, ...asked } = await timestampSignature(signature, prepared.timestamp, stamp);
  let outcome = asked.outcome;
  let cms = plain;
  if (token) {
    const stamped = buildSignedData({ ...parts, timestampToken: token });
    if (stamped.length * 2 <= prepared.contentsLength) {
      cms = stamped;
    } else {
      outcome = {
        status: 'unavailable',
        reason: `Dấu thời gian (${token.length} byte) không vừa chỗ dành sẵn trong tệp (còn ${prepared.contentsLength / 2 - plain.length} byte); văn bản được ký không có dấu thời gian.`,
      };
    }
  }
  const out = Buffer.from(prepared.pdf);
  out.write(cms.toString('hex'), prepared.contentsOffset, 'latin1');
  return { pdf: out, timestamp: outcome };
}

/**
 * Builds the CMS around `signature` (made over `prepared.toBeSigned`) and writes it into /Contents, with
 * a signature timestamp when `prepared.timestamp` names a server (B-T) and the server answers; without
 * one otherwise (B-B, the outcome says why). Checks the signature against the certificate first, so a
 * wrong signature never reaches a file.
 */
export async function finishPdfSignatureDetailed(
  prepared: PreparedPdfSignature,
  signature: Uint8Array,
  /** Who asks the timestamp server: pass one `stopAfterTimeout()` to documents finished together. */
  stamp: Stamper = requestTimestamp,
): Promise<SignedPdf> {
  return finish(prepared, signature, stamp);
}

/** `finishPdfSignatureDetailed` for callers that want the file only. */
export async function finishPdfSignature(prepared: PreparedPdfSignature, signature: Uint8Array): Promise<Buffer> {
  return (await finish(prepared, signature, requestTimestamp)).pdf;
}

/** Prepares, signs with `signer` and finishes: the signed PDF and its timestamp outcome. */
export async function signPdfDetailed(
  pdf: Uint8Array,
  signer: Signer,
  options: PdfSignOptions = {},
): Promise<SignedPdf> {
  const prepared = await preparePdfSignature(pdf, signer.certificate, { chain: signer.chain, ...options });
  return finish(prepared, await signer.sign(prepared.toBeSigned), requestTimestamp);
}

/** Prepares, signs with `signer` and finishes: the signed PDF. */
export async function signPdf(pdf: Uint8Array, signer: Signer, options: PdfSignOptions = {}): Promise<Buffer> {
  return (await signPdfDetailed(pdf, signer, options)).pdf;
}

export interface BatchDocument {
  readonly id: string;
  readonly pdf: Uint8Array;
  /** Per-document options over the batch's. */
  readonly options?: PdfSignOptions;
}

export type BatchOutcome =
  | {
      readonly id: string;
      readonly ok: true;
      readonly pdf: Buffer;
      readonly fieldName: string;
      readonly timestamp: TimestampOutcome;
    }
  | { readonly id: string; readonly ok: false; readonly error: SigningError; readonly attempted: boolean };

export interface BatchOptions {
  /** After each document, signed or not. */
  readonly onProgress?: (done: number, total: number, outcome: BatchOutcome) => void;
  readonly signal?: AbortSignal;
  /** Who asks the timestamp server; default a `stopAfterTimeout()` of this batch's own. */
  readonly stamp?: Stamper;
}

/** Token failures after which no later document can be signed in this session. */
const FATAL = new Set([
  'device_removed',
  'token_not_present',
  'device_error',
  'session_closed',
  'pin_locked',
  'pin_required',
  'cancelled',
  'signature_mismatch',
]);

/** Documents whose finishing (timestamp request, CMS, writing) may wait at once behind the token. */
const FINISHING_WINDOW = 4;

/**
 * Signs many documents with one signer (one PIN entry for a token session). A document that cannot be
 * signed (encrypted, damaged) fails alone; a token failure (removed, locked) stops the batch and marks
 * the rest as not attempted, so the caller can resume them in a new session. The next document is
 * prepared while the token signs the current one, and a few signed ones are finished meanwhile — their
 * timestamp requests wait on the network, not on the token. With a timestamp server, each signed
 * document says whether it got its timestamp; once the server has timed out, the rest of the batch does
 * not wait for it. Outcomes and progress come in the documents' order.
 */
export async function signPdfBatch(
  documents: readonly BatchDocument[],
  signer: Signer,
  common: PdfSignOptions = {},
  batch: BatchOptions = {},
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  const stamp = batch.stamp ?? stopAfterTimeout(requestTimestamp);
  const prepare = (d: BatchDocument) =>
    preparePdfSignature(d.pdf, signer.certificate, { chain: signer.chain, ...common, ...d.options }).then(
      (p) => ({ ok: true as const, p }),
      (e: unknown) => ({ ok: false as const, e }),
    );
  const finishing: Promise<BatchOutcome>[] = [];
  const settle = async () => {
    const outcome = await finishing.shift()!;
    outcomes.push(outcome);
    batch.onProgress?.(outcomes.length, documents.length, outcome);
  };
  let fatal: SigningError | null = null;
  let next = documents.length > 0 ? prepare(documents[0]!) : null;
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i]!;
    const current = await next!;
    next = i + 1 < documents.length && !fatal ? prepare(documents[i + 1]!) : null;
    let outcome: Promise<BatchOutcome>;
    if (fatal || batch.signal?.aborted) {
      const error = fatal ?? new SigningError('cancelled', 'Lượt ký đã bị hủy; văn bản này chưa được ký.');
      outcome = Promise.resolve({ id: doc.id, ok: false, error, attempted: false });
    } else if (!current.ok) {
      outcome = Promise.resolve({ id: doc.id, ok: false, error: asSigningError(current.e), attempted: true });
    } else {
      const prepared = current.p;
      try {
        const signature = await signer.sign(prepared.toBeSigned);
        outcome = finish(prepared, signature, stamp).then(
          (signed): BatchOutcome => ({
            id: doc.id,
            ok: true,
            pdf: signed.pdf,
            fieldName: prepared.fieldName,
            timestamp: signed.timestamp,
          }),
          (e: unknown): BatchOutcome => {
            const error = asSigningError(e);
            // A signature the certificate does not verify: the token signs with another key.
            if (FATAL.has(error.reason)) fatal ??= error;
            return { id: doc.id, ok: false, error, attempted: true };
          },
        );
      } catch (e) {
        const error = asSigningError(e);
        if (FATAL.has(error.reason)) fatal = error;
        outcome = Promise.resolve({ id: doc.id, ok: false, error, attempted: true });
      }
    }
    finishing.push(outcome);
    if (finishing.length >= FINISHING_WINDOW) await settle();
    if (!next && i + 1 < documents.length) next = Promise.resolve({ ok: false as const, e: fatal });
  }
  while (finishing.length > 0) await settle();
  return outcomes;
}

function asSigningError(e: unknown): SigningError {
  if (isSigningError(e)) return e;
  return new SigningError('pdf_damaged', `Không ký được văn bản: ${(e as Error)?.message ?? String(e)}`);
}
