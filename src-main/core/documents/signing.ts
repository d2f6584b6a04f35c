/**
 * Signing the documents in the queue with the principal's token on this PC, listing the tokens, and
 * verifying signed files. The engine (PKCS#11, PAdES, CMS) is src-main/core/signing; this module ties it
 * to the file store, the register and the job runner.
 */
import type { AppContext, SessionUser } from '../context';
import type { Store } from '../../store/open';
import { AppError } from '../../errors';
import { t, type Locale } from '../../../src-shared/i18n';
import type { CertificateView, SignResult, TokenView } from '../../../src-shared/api/documents';
import {
  findModules,
  listTokens,
  signDetached,
  signPdfBatch,
  verifyDetached,
  verifyPdf,
  signingProblem,
  withTokenSession,
  type SignatureCheck,
  type TokenCertificate,
  type TokenListing,
} from '../signing';
import { readSetting } from '../../store/settings';
import { z } from 'zod';
import { getProfile } from '../school/service';
import { recordSigned } from './service';
import { canReadFile } from '../files/access';

const PDF_MIME = 'application/pdf';

function certificateView(c: TokenCertificate, now: Date): CertificateView | null {
  const info = c.info;
  if (info.keyType === 'other' || info.isCA) return null;
  return {
    serial: info.serialNumber,
    holder: info.subject.commonName ?? info.subject.text,
    organisation: info.subject.organization ?? '',
    issuer: info.issuer.commonName ?? info.issuer.text,
    validFrom: new Date(info.notBefore).toISOString(),
    validTo: new Date(info.notAfter).toISOString(),
    keyType: info.keyType,
    problem: signingProblem(c.der, now),
  };
}

function tokenView(listing: TokenListing, now: Date): TokenView {
  return {
    label: listing.label,
    serial: listing.serial,
    manufacturer: listing.manufacturer,
    model: listing.model,
    pinLow: listing.flags.pinCountLow,
    pinFinalTry: listing.flags.pinFinalTry,
    pinLocked: listing.flags.pinLocked,
    certificates: listing.certificates
      .map((c) => certificateView(c, now))
      .filter((c): c is CertificateView => c !== null),
  };
}

/** The modules to look in: the one the user names, else every known module found on this PC. */
function modulesFor(modulePath?: string): string[] {
  return modulePath ? [modulePath] : findModules().map((m) => m.path);
}

export function listTokenViews(modulePath?: string): { modules: string[]; tokens: TokenView[] } {
  const modules = modulesFor(modulePath);
  const now = new Date();
  const tokens = modules.flatMap((m) => {
    try {
      return listTokens(m).map((l) => tokenView(l, now));
    } catch (e) {
      // A broken vendor module among several must not hide the others; a named one says what is wrong.
      if (modulePath) throw e;
      return [];
    }
  });
  return { modules, tokens };
}

/** The module holding the chosen token. */
function moduleOf(choice: { modulePath?: string; tokenLabel: string; tokenSerial: string }): string {
  for (const m of modulesFor(choice.modulePath)) {
    try {
      if (
        listTokens(m, { certificates: false }).some(
          (tk) => tk.serial === choice.tokenSerial && tk.label === choice.tokenLabel,
        )
      ) {
        return m;
      }
    } catch {
      // Looked at the next module.
    }
  }
  throw new AppError('rule_violation', 'documents.tokenMissing', { label: choice.tokenLabel });
}

interface Pending {
  id: number;
  title: string;
  fileId: number;
}

export interface SignInput {
  ids: number[];
  modulePath?: string;
  tokenLabel: string;
  tokenSerial: string;
  certSerial: string;
  pin: string;
  visible: 'bottom-right' | 'bottom-left' | 'none';
  position: string;
}

function pendingDocuments(store: Store, ids: readonly number[]): Pending[] {
  const rows = store
    .statement(
      `SELECT id, title, file_id AS fileId FROM documents
       WHERE status = 'submitted' AND id IN (SELECT value FROM json_each(?)) ORDER BY submitted_at, id`,
    )
    .all(JSON.stringify(ids)) as Pending[];
  if (rows.length === 0) throw new AppError('rule_violation', 'documents.nothingToSign');
  return rows;
}

function signedName(name: string, pdf: boolean): string {
  return pdf ? `${name.replace(/\.pdf$/i, '')}-da-ky.pdf` : `${name}.p7s`;
}

/**
 * Signs the pending documents among `ids` in one token session (one PIN entry): PDFs get a PAdES
 * signature in an incremental update, other files a detached .p7s. A document that fails stays in the
 * queue with its reason; the others are signed and numbered in the register.
 */
export function startSigning(app: AppContext, user: SessionUser, locale: Locale, input: SignInput): { jobId: string } {
  const docs = pendingDocuments(app.store, input.ids);
  const module = moduleOf(input);
  const school = getProfile(app.store);
  const job = app.jobs.start('documents.sign', user.id, async (handle): Promise<SignResult> => {
    const total = docs.length;
    handle.progress(0, total, t(locale, 'documents.signing', { done: 0, total }));
    const files = docs.map((d) => ({ doc: d, file: app.files.read(d.fileId) }));
    const isPdf = (data: Buffer) => data.subarray(0, 5).toString('latin1') === '%PDF-';
    const result: SignResult = { signed: [], failed: [] };
    await withTokenSession(
      {
        module,
        token: { label: input.tokenLabel, serial: input.tokenSerial },
        certificate: input.certSerial,
        pin: input.pin,
      },
      async (session) => {
        const signer = session.certificateInfo;
        const finish = (d: Pending, bytes: Buffer, pdf: boolean, originalName: string) => {
          const stored = app.files.put(bytes, {
            name: signedName(originalName, pdf),
            mime: pdf ? PDF_MIME : 'application/pkcs7-signature',
            createdBy: user.id,
          });
          const view = recordSigned(app.store, user, locale, d.id, {
            fileId: stored.id,
            signerName: signer.subject.commonName ?? signer.subject.text,
            signerSerial: signer.serialNumber,
          });
          result.signed.push({ id: d.id, title: d.title, registerNumber: view.registerNumber ?? '' });
        };
        const pdfs = files.filter((f) => isPdf(f.file.data));
        const outcomes = await signPdfBatch(
          pdfs.map((f) => ({ id: String(f.doc.id), pdf: f.file.data })),
          session,
          {
            reason: 'Phê duyệt',
            location: school.ward || school.province || undefined,
            visible:
              input.visible === 'none'
                ? undefined
                : { anchor: input.visible, position: input.position || undefined, organization: school.name },
          },
          {
            signal: handle.signal,
            onProgress: (done) => handle.progress(done, total, t(locale, 'documents.signing', { done, total })),
          },
        );
        for (const o of outcomes) {
          const f = pdfs.find((p) => String(p.doc.id) === o.id)!;
          if (o.ok) finish(f.doc, o.pdf, true, f.file.record.name);
          else result.failed.push({ id: f.doc.id, title: f.doc.title, message: o.error.message });
        }
        let done = pdfs.length;
        for (const f of files.filter((x) => !isPdf(x.file.data))) {
          try {
            finish(f.doc, await signDetached(f.file.data, session), false, f.file.record.name);
          } catch (e) {
            result.failed.push({
              id: f.doc.id,
              title: f.doc.title,
              message: e instanceof Error ? e.message : String(e),
            });
          }
          handle.progress(++done, total, t(locale, 'documents.signing', { done, total }));
        }
      },
    );
    return result;
  });
  return { jobId: job.id };
}

const trustSetting = z.array(z.string());

/** The root CA certificates (PEM) the school trusts, set by the principal. */
export function trustAnchors(store: Store): string[] {
  return readSetting(store, 'signing.trustAnchors', trustSetting, []);
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
