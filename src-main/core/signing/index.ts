/**
 * Digital signatures with USB tokens (issue 5, DESIGN §6): the library the procedures, the signing
 * workflow, the CLI and the office client's signer build on. No HTTP and no database here.
 *
 * Tokens (token/): `findModules` probes the known PKCS#11 module names of Vietnamese CAs plus a user's
 * path; `listTokens(module)` lists tokens (label, serial, PIN status) and their certificates;
 * `openTokenSession({ module, token: { label, serial }, certificate: serial, pin })` logs in once and
 * is a `Signer` for any number of documents (`withTokenSession` closes it). `releaseModule` unloads.
 *
 * PDF (pdf/), PAdES B-B (B-T with a timestamp server) in an incremental update, in three steps so the
 * token can be on another PC:
 *   1. server: `preparePdfSignature(pdf, certificateDer, options)` → `prepared` (keep it), whose
 *      `toBeSigned` (the CMS signed attributes: digests only) goes to the signer;
 *   2. signer: `session.sign(toBeSigned)` → signature value, returned to the server;
 *   3. server: `await finishPdfSignature(prepared, signature)` → the signed PDF.
 * `signPdf(pdf, signer, options)` does the three at once; `signPdfBatch` signs many with one session.
 * `verifyPdf(pdf, { trustAnchors })` checks every signature and gives a Vietnamese verdict.
 *
 * Timestamps (timestamp.ts), PAdES/CAdES B-T: with `options.timestamp = { url, timeoutMs? }` (an RFC 3161
 * server), step 3 asks the server for a token over the signature value and embeds it; when the server
 * cannot be reached, refuses, times out or the token does not fit, the signature is written B-B and the
 * outcome (`TimestampOutcome`: added / not_requested / unavailable with a Vietnamese reason) says why.
 * It is never a failure. The outcome comes from `finishPdfSignatureDetailed` / `signPdfDetailed`
 * (`{ pdf, timestamp }`), `finishDetachedSignatureDetailed` / `signDetachedDetailed` (`{ p7s, timestamp }`)
 * and each signed `BatchOutcome`; the plain functions return the file as before. Verification reports
 * `level` ('B-B' | 'B-T') and `timestamp` on each `SignatureCheck`; a valid timestamp's time is the
 * signing time the certificate is judged at. `requestTimestamp` and `checkTimestampToken` are the client
 * and the token check on their own.
 *
 * Other files: `prepareDetachedSignature`/`finishDetachedSignature`, `signDetached` and `verifyDetached`
 * make and check .p7s files. Errors are `SigningError` (`code` for the API envelope, `reason`, a
 * Vietnamese message).
 */
export { SigningError, isSigningError, type SigningErrorReason } from './errors';
export {
  describeCertificate,
  certificatesFromPem,
  normalizeSerial,
  canSign,
  signingProblem,
  type CertificateInfo,
  type DistinguishedName,
  type KeyUsage,
} from './certificates';
export { keySigner, type Signer } from './signer';
export { signedDataCertificates } from './cms';
export { buildSignedAttributes, buildSignedData, ecdsaRawToDer, verifyCms, type CmsVerification } from './cms';
export {
  findModules,
  loadModule,
  releaseModule,
  releaseAllModules,
  KNOWN_MODULES,
  type ModuleCandidate,
} from './token/modules';
export {
  listTokens,
  openTokenSession,
  withTokenSession,
  TokenSession,
  type TokenInfo,
  type TokenFlags,
  type PinStatus,
  type TokenCertificate,
  type TokenListing,
  type TokenSelector,
  type TokenSessionOptions,
  type TokenMechanism,
  type ListTokensOptions,
} from './token/tokens';
export { preparePdfSignature, pdfDate, type PdfSignOptions, type PreparedPdfSignature } from './pdf/prepare';
export { type VisibleSignatureOptions } from './pdf/appearance';
export {
  finishPdfSignature,
  finishPdfSignatureDetailed,
  signPdf,
  signPdfDetailed,
  signPdfBatch,
  type SignedPdf,
  type BatchDocument,
  type BatchOutcome,
  type BatchOptions,
} from './pdf/sign';
export {
  verifyPdf,
  parsePdfDate,
  type PdfVerification,
  type PdfVerificationStatus,
  type PdfSignatureReport,
} from './pdf/verify';
export {
  prepareDetachedSignature,
  finishDetachedSignature,
  finishDetachedSignatureDetailed,
  signDetached,
  signDetachedDetailed,
  verifyDetached,
  type PreparedDetachedSignature,
  type DetachedOptions,
  type SignedDetached,
} from './detached';
export { type SignatureCheck, type SignatureStatus, type SignatureTimestamp, type TrustOptions } from './assess';
export {
  requestTimestamp,
  stopAfterTimeout,
  checkTimestampToken,
  buildTimestampRequest,
  DEFAULT_TIMESTAMP_TIMEOUT_MS,
  type TimestampOptions,
  type TimestampOutcome,
  type TimestampResult,
  type TimestampFailure,
  type TimestampCheck,
  type Stamper,
} from './timestamp';
