/**
 * Finishing a prepared PDF signature with the signer's signature value, and the one-call and batch
 * forms for when the signer is at hand (a token on this PC).
 */
import { parseCertificate } from '../certificates';
import { buildSignedData, checkSignatureValue } from '../cms';
import { SigningError, isSigningError } from '../errors';
import type { Signer } from '../signer';
import { preparePdfSignature, type PdfSignOptions, type PreparedPdfSignature } from './prepare';

/**
 * Builds the CMS around `signature` (made over `prepared.toBeSigned`) and writes it into /Contents.
 * Checks the signature against the certificate first, so a wrong signature never reaches a file.
 */
export function finishPdfSignature(prepared: PreparedPdfSignature, signature: Uint8Array): Buffer {
  const cert = parseCertificate(prepared.certificate);
  if (!checkSignatureValue(cert, prepared.toBeSigned, signature)) {
    throw new SigningError(
      'signature_mismatch',
      'Chữ ký nhận được không khớp với chứng thư số của người ký; tài liệu không được ký.',
    );
  }
  const cms = buildSignedData({
    signedAttributes: prepared.toBeSigned,
    signature,
    certificate: cert,
    chain: prepared.chain,
  });
  const hex = cms.toString('hex');
  if (hex.length > prepared.contentsLength) {
    throw new SigningError(
      'placeholder_too_small',
      `Chữ ký (${cms.length} byte) lớn hơn chỗ dành sẵn trong tệp (${prepared.contentsLength / 2} byte); hãy ký lại với contentsSize lớn hơn.`,
    );
  }
  const out = Buffer.from(prepared.pdf);
  out.write(hex, prepared.contentsOffset, 'latin1');
  return out;
}

/** Prepares, signs with `signer` and finishes: the signed PDF. */
export async function signPdf(pdf: Uint8Array, signer: Signer, options: PdfSignOptions = {}): Promise<Buffer> {
  const prepared = await preparePdfSignature(pdf, signer.certificate, { chain: signer.chain, ...options });
  return finishPdfSignature(prepared, await signer.sign(prepared.toBeSigned));
}

export interface BatchDocument {
  readonly id: string;
  readonly pdf: Uint8Array;
  /** Per-document options over the batch's. */
  readonly options?: PdfSignOptions;
}

export type BatchOutcome =
  | { readonly id: string; readonly ok: true; readonly pdf: Buffer; readonly fieldName: string }
  | { readonly id: string; readonly ok: false; readonly error: SigningError; readonly attempted: boolean };

export interface BatchOptions {
  /** After each document, signed or not. */
  readonly onProgress?: (done: number, total: number, outcome: BatchOutcome) => void;
  readonly signal?: AbortSignal;
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

/**
 * Signs many documents with one signer (one PIN entry for a token session). A document that cannot be
 * signed (encrypted, damaged) fails alone; a token failure (removed, locked) stops the batch and marks
 * the rest as not attempted, so the caller can resume them in a new session. The next document is
 * prepared while the token signs the current one.
 */
export async function signPdfBatch(
  documents: readonly BatchDocument[],
  signer: Signer,
  common: PdfSignOptions = {},
  batch: BatchOptions = {},
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  const prepare = (d: BatchDocument) =>
    preparePdfSignature(d.pdf, signer.certificate, { chain: signer.chain, ...common, ...d.options }).then(
      (p) => ({ ok: true as const, p }),
      (e: unknown) => ({ ok: false as const, e }),
    );
  let fatal: SigningError | null = null;
  let next = documents.length > 0 ? prepare(documents[0]!) : null;
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i]!;
    const current = await next!;
    next = i + 1 < documents.length && !fatal ? prepare(documents[i + 1]!) : null;
    let outcome: BatchOutcome;
    if (fatal || batch.signal?.aborted) {
      const error = fatal ?? new SigningError('cancelled', 'Lượt ký đã bị hủy; văn bản này chưa được ký.');
      outcome = { id: doc.id, ok: false, error, attempted: false };
    } else if (!current.ok) {
      outcome = { id: doc.id, ok: false, error: asSigningError(current.e), attempted: true };
    } else {
      try {
        const signature = await signer.sign(current.p.toBeSigned);
        outcome = {
          id: doc.id,
          ok: true,
          pdf: finishPdfSignature(current.p, signature),
          fieldName: current.p.fieldName,
        };
      } catch (e) {
        const error = asSigningError(e);
        if (FATAL.has(error.reason)) fatal = error;
        outcome = { id: doc.id, ok: false, error, attempted: true };
      }
    }
    outcomes.push(outcome);
    batch.onProgress?.(outcomes.length, documents.length, outcome);
    if (!next && i + 1 < documents.length) next = Promise.resolve({ ok: false as const, e: fatal });
  }
  return outcomes;
}

function asSigningError(e: unknown): SigningError {
  if (isSigningError(e)) return e;
  return new SigningError('pdf_damaged', `Không ký được văn bản: ${(e as Error)?.message ?? String(e)}`);
}
