/**
 * What every way of signing the queue shares, whether the token is on the server (signing.ts) or on an
 * office PC (remoteSigning.ts): which documents can still be signed, the options of the signature
 * (reason, place, the visible block), and storing a signed file and numbering it in the register.
 */
import type { AppContext, SessionUser } from '../context';
import type { Store } from '../../store/open';
import { AppError, isAppError } from '../../errors';
import { describeError } from '../dispatch';
import { t, type Locale, type MessageKey } from '../../../src-shared/i18n';
import type { SignResult } from '../../../src-shared/api/documents';
import type { CertificateInfo, PdfSignOptions, TimestampOptions, TimestampOutcome } from '../signing';
import { signingSettings } from './signingSettings';
import { getProfile } from '../school/service';
import { recordSigned } from './service';

export interface PendingDocument {
  id: number;
  title: string;
  fileId: number;
}

export type VisiblePlace = 'bottom-right' | 'bottom-left' | 'none';

/** The submitted documents among `ids`, oldest first. */
export function pendingAmong(store: Store, ids: readonly number[]): PendingDocument[] {
  return store
    .statement(
      `SELECT id, title, file_id AS fileId FROM documents
       WHERE status = 'submitted' AND id IN (SELECT value FROM json_each(?)) ORDER BY submitted_at, id`,
    )
    .all(JSON.stringify(ids)) as PendingDocument[];
}

/** As `pendingAmong`, refusing when none is left to sign. */
export function pendingDocuments(store: Store, ids: readonly number[]): PendingDocument[] {
  const rows = pendingAmong(store, ids);
  if (rows.length === 0) throw new AppError('rule_violation', 'documents.nothingToSign');
  return rows;
}

/** The documents among `ids` that are no longer waiting (withdrawn, returned, signed meanwhile), and why. */
export function notPending(
  store: Store,
  locale: Locale,
  ids: readonly number[],
  pending: readonly PendingDocument[],
): SignResult['failed'] {
  const waiting = new Set(pending.map((d) => d.id));
  const others = ids.filter((id) => !waiting.has(id));
  if (others.length === 0) return [];
  const rows = store
    .statement(`SELECT id, title, status FROM documents WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(others)) as { id: number; title: string; status: string }[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    message: t(locale, 'documents.notPending', {
      title: r.title,
      status: t(locale, `documents.status.${r.status}` as MessageKey),
    }),
  }));
}

/** PDFs are signed inside; any other file gets a detached .p7s beside it. */
export function isPdf(data: Uint8Array): boolean {
  return Buffer.from(data.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** The school's timestamp server, when the principal has set one. */
export function schoolTimestamp(store: Store): TimestampOptions | undefined {
  const settings = signingSettings(store);
  return settings.timestampUrl ? { url: settings.timestampUrl, timeoutMs: settings.timestampTimeoutMs } : undefined;
}

export interface BlockChoice {
  visible: VisiblePlace;
  position: string;
  /** The signer's uploaded signature or seal picture. */
  imageFileId?: number;
}

/**
 * The picture for the visible block: a PNG or JPEG the signer uploaded themself — the principal may read
 * every file, but signs only with their own signature or seal picture.
 */
function signatureImage(app: AppContext, user: SessionUser, fileId: number): Buffer {
  const file = app.files.read(fileId);
  if (file.record.createdBy !== user.id) throw new AppError('not_found', 'files.not_found');
  const head = file.data.subarray(0, 8);
  const png = head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
  if (!png && !jpeg) throw new AppError('invalid_input', 'documents.sign.badImage', { name: file.record.name });
  return file.data;
}

/** The school's reason, place, visible block and timestamp server for a signature on one of its documents. */
export function schoolSignOptions(app: AppContext, user: SessionUser, block: BlockChoice): PdfSignOptions {
  const school = getProfile(app.store);
  const image =
    block.visible !== 'none' && block.imageFileId !== undefined
      ? signatureImage(app, user, block.imageFileId)
      : undefined;
  return {
    timestamp: schoolTimestamp(app.store),
    reason: 'Phê duyệt',
    location: school.ward || school.province || undefined,
    visible:
      block.visible === 'none'
        ? undefined
        : { anchor: block.visible, position: block.position || undefined, organization: school.name, image },
  };
}

function signedName(name: string, pdf: boolean): string {
  return pdf ? `${name.replace(/\.pdf$/i, '')}-da-ky.pdf` : `${name}.p7s`;
}

/** Stores the signed PDF (or the .p7s of another file) and numbers the document in the register. */
export function storeSigned(
  app: AppContext,
  user: SessionUser,
  locale: Locale,
  doc: PendingDocument,
  signed: { bytes: Buffer; pdf: boolean; originalName: string; signer: CertificateInfo; timestamp: TimestampOutcome },
): SignResult['signed'][number] {
  // The file's record and the register number together: a document that can no longer be signed (withdrawn
  // meanwhile) leaves no stray file record behind.
  const view = app.store.transaction(() => {
    const stored = app.files.put(signed.bytes, {
      name: signedName(signed.originalName, signed.pdf),
      mime: signed.pdf ? 'application/pdf' : 'application/pkcs7-signature',
      createdBy: user.id,
    });
    return recordSigned(app.store, user, locale, doc.id, {
      fileId: stored.id,
      signerName: signed.signer.subject.commonName ?? signed.signer.subject.text,
      signerSerial: signed.signer.serialNumber,
    });
  });
  return {
    id: doc.id,
    title: doc.title,
    registerNumber: view.registerNumber ?? '',
    timestamped: signed.timestamp.status === 'added',
  };
}

/** The first reason a timestamp server gave none, for the note under the signed documents. */
export function noteTimestamp(result: SignResult, outcome: TimestampOutcome): void {
  if (outcome.status === 'unavailable' && result.timestampNote === null) result.timestampNote = outcome.reason;
}

/** Why one document could not be signed, in the user's language, for the list of failures. */
export function errorText(e: unknown, locale: Locale): string {
  const described = describeError(e, locale);
  // Anything unexpected is still worth its own words in a list of failures.
  return described.code === 'internal' && e instanceof Error && !isAppError(e) ? e.message : described.message;
}
