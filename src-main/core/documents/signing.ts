/**
 * Signing the documents in the queue with the principal's token on the server PC, and verifying signed
 * files. The engine (PKCS#11, PAdES, CMS) is src-main/core/signing; this module ties it to the file
 * store, the register and the job runner. A token on an office PC signs through remoteSigning.ts.
 */
import type { AppContext, SessionUser } from '../context';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import { t, type Locale } from '../../../src-shared/i18n';
import type { SignResult } from '../../../src-shared/api/documents';
import {
  signDetachedDetailed,
  signPdfBatch,
  stopAfterTimeout,
  verifyDetached,
  verifyPdf,
  withTokenSession,
  type SignatureCheck,
  type TimestampOutcome,
} from '../signing';
import { canReadFile } from '../files/access';
import { configuredTokenModule, trustAnchors } from './signingSettings';
import { moduleOf } from './tokenViews';
import {
  errorText,
  isPdf,
  noteTimestamp,
  pendingDocuments,
  schoolSignOptions,
  storeSigned,
  type VisiblePlace,
} from './signedFiles';

export { listTokenViews } from './tokenViews';
// The anchors' one reader lives with the settings that manage them (signingSettings.ts).
export { trustAnchors };

export interface SignInput {
  ids: number[];
  modulePath?: string;
  tokenLabel: string;
  tokenSerial: string;
  certSerial: string;
  pin: string;
  confirmFinalTry: boolean;
  visible: VisiblePlace;
  position: string;
  imageFileId?: number;
}

/**
 * Signs the pending documents among `ids` in one token session (one PIN entry): PDFs get a PAdES
 * signature in an incremental update, other files a detached .p7s. A document that fails stays in the
 * queue with its reason; the others are signed and numbered in the register.
 */
export function startSigning(app: AppContext, user: SessionUser, locale: Locale, input: SignInput): { jobId: string } {
  const docs = pendingDocuments(app.store, input.ids);
  const module = moduleOf(input, configuredTokenModule(app.store));
  const options = schoolSignOptions(app, user, input);
  const job = app.jobs.start('documents.sign', user.id, async (handle): Promise<SignResult> => {
    const total = docs.length;
    handle.progress(0, total, t(locale, 'documents.signing', { done: 0, total }));
    const files = docs.map((d) => ({ doc: d, file: app.files.read(d.fileId) }));
    const result: SignResult = { signed: [], failed: [], timestampNote: null };
    await withTokenSession(
      {
        module,
        token: { label: input.tokenLabel, serial: input.tokenSerial },
        certificate: input.certSerial,
        pin: input.pin,
        allowFinalTry: input.confirmFinalTry,
      },
      async (session) => {
        const signer = session.certificateInfo;
        // One timestamp client for the whole job: a server that timed out is not waited for again.
        const stamp = stopAfterTimeout();
        /** Stores what was signed; a failure (withdrawn while the token signed) stays in the list. */
        const keep = (
          f: (typeof files)[number],
          signed: { bytes: Buffer; pdf: boolean; timestamp: TimestampOutcome },
        ) => {
          try {
            result.signed.push(
              storeSigned(app, user, locale, f.doc, { ...signed, originalName: f.file.record.name, signer }),
            );
            noteTimestamp(result, signed.timestamp);
          } catch (e) {
            result.failed.push({ id: f.doc.id, title: f.doc.title, message: errorText(e, locale) });
          }
        };
        const pdfs = files.filter((f) => isPdf(f.file.data));
        const outcomes = await signPdfBatch(
          pdfs.map((f) => ({ id: String(f.doc.id), pdf: f.file.data })),
          session,
          options,
          {
            signal: handle.signal,
            stamp,
            onProgress: (done) => handle.progress(done, total, t(locale, 'documents.signing', { done, total })),
          },
        );
        // The batch answers in the order it was given.
        for (const [i, o] of outcomes.entries()) {
          const f = pdfs[i]!;
          if (o.ok) keep(f, { bytes: o.pdf, pdf: true, timestamp: o.timestamp });
          else result.failed.push({ id: f.doc.id, title: f.doc.title, message: errorText(o.error, locale) });
        }
        let done = pdfs.length;
        for (const f of files.filter((x) => !isPdf(x.file.data))) {
          // Stopped between documents, as the PDF batch does: what is signed stays signed and listed.
          if (handle.signal.aborted) {
            result.failed.push({ id: f.doc.id, title: f.doc.title, message: t(locale, 'jobs.cancelled') });
            continue;
          }
          try {
            const signed = await signDetachedDetailed(f.file.data, session, { timestamp: options.timestamp }, stamp);
            keep(f, { bytes: signed.p7s, pdf: false, timestamp: signed.timestamp });
          } catch (e) {
            result.failed.push({ id: f.doc.id, title: f.doc.title, message: errorText(e, locale) });
          }
          handle.progress(++done, total, t(locale, 'documents.signing', { done, total }));
        }
      },
    );
    return result;
  });
  return { jobId: job.id };
}

function checkView(c: SignatureCheck, coversWholeDocument: boolean) {
  return {
    signer: c.signer?.subject.commonName ?? c.signer?.subject.text ?? '',
    organisation: c.signer?.subject.organization ?? '',
    signingTime: c.signingTime,
    intact: c.integrity.digestOk && c.integrity.signatureOk,
    coversWholeDocument,
    certificateValid: c.certificate.validAtSigningTime === true,
    trusted: c.chain.trusted,
    verdict: c.verdict,
    problems: [...c.problems],
    level: c.level,
    timestamp: c.timestamp ? { ...c.timestamp, problems: [...c.timestamp.problems] } : null,
  };
}

export async function verifyFile(
  store: Store,
  app: AppContext,
  user: SessionUser,
  fileId: number,
  signatureFileId?: number,
) {
  const readable = (id: number) => {
    const file = app.files.read(id);
    if (!canReadFile(store, user, file.record)) throw new AppError('not_found', 'files.not_found');
    return file;
  };
  const file = readable(fileId);
  const options = { trustAnchors: trustAnchors(store) };
  if (signatureFileId !== undefined) {
    const check = verifyDetached(file.data, readable(signatureFileId).data, options);
    return {
      signed: true,
      verdict: check.verdict,
      valid: check.status === 'valid' || check.status === 'valid_untrusted',
      signatures: [checkView(check, true)],
    };
  }
  const report = await verifyPdf(file.data, options);
  return {
    signed: report.status !== 'no_signatures',
    verdict: report.verdict,
    valid: report.status === 'valid' || report.status === 'valid_untrusted',
    signatures: report.signatures.map((s) => checkView(s, s.coversWholeDocument)),
  };
}
