/**
 * Submitting documents for signature, following them, returning them, and the register of the signed
 * ones. Signing itself (the token, the PDF) is in src-main/core/signing; this module records its outcome.
 */
import type { Store } from '../../store/open';
import type { SessionUser } from '../context';
import { AppError } from '../../errors';
import { t, type Locale } from '../../../src-shared/i18n';
import { roleHas } from '../../../src-shared/domain/roles';
import { foldForSearch } from '../../../src-shared/domain/vnName';
import { todayIso } from '../../../src-shared/domain/dates';
import type { DocumentStatus, DocumentView, documentFilter, registerFilter } from '../../../src-shared/api/documents';
import type { z } from 'zod';
import { getProfile } from '../school/service';
import { defaultSymbol } from './symbols';

interface DocumentDb {
  id: number;
  title: string;
  kind: DocumentView['kind'];
  summary: string;
  note: string;
  status: DocumentStatus;
  fileId: number;
  fileName: string;
  fileSize: number;
  fileMime: string;
  signedFileId: number | null;
  signedName: string | null;
  signedSize: number | null;
  signedMime: string | null;
  submittedBy: number;
  submitterName: string;
  submittedAt: number;
  deciderName: string | null;
  decidedAt: number | null;
  returnReason: string;
  signerName: string;
  registerYear: number | null;
  registerNo: number | null;
  symbol: string;
  recipients: string;
  copies: number | null;
  registerNote: string;
  version: number;
}

const SELECT = `
  SELECT d.id, d.title, d.kind, d.summary, d.note, d.status, d.file_id AS fileId, f.name AS fileName,
         f.size AS fileSize, f.mime AS fileMime, d.signed_file_id AS signedFileId, sf.name AS signedName,
         sf.size AS signedSize, sf.mime AS signedMime, d.submitted_by AS submittedBy,
         su.full_name AS submitterName, d.submitted_at AS submittedAt, du.full_name AS deciderName,
         d.decided_at AS decidedAt, d.return_reason AS returnReason, d.signer_name AS signerName,
         d.register_year AS registerYear, d.register_no AS registerNo, d.symbol, d.recipients, d.copies,
         d.register_note AS registerNote, d.version
  FROM documents d
  JOIN files f ON f.id = d.file_id
  LEFT JOIN files sf ON sf.id = d.signed_file_id
  JOIN users su ON su.id = d.submitted_by
  LEFT JOIN users du ON du.id = d.decided_by`;

export function toView(r: DocumentDb): DocumentView {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    summary: r.summary,
    note: r.note,
    status: r.status,
    file: { id: r.fileId, name: r.fileName, size: r.fileSize, mime: r.fileMime },
    signedFile:
      r.signedFileId === null
        ? null
        : { id: r.signedFileId, name: r.signedName!, size: r.signedSize!, mime: r.signedMime! },
    submittedBy: { id: r.submittedBy, fullName: r.submitterName },
    submittedAt: new Date(r.submittedAt).toISOString(),
    decidedBy: r.deciderName,
    decidedAt: r.decidedAt === null ? null : new Date(r.decidedAt).toISOString(),
    returnReason: r.returnReason,
    signerName: r.signerName,
    registerNumber: r.registerNo === null ? null : `${r.registerNo}/${r.registerYear}`,
    symbol: r.symbol,
    recipients: r.recipients,
    copies: r.copies,
    registerNote: r.registerNote,
    version: r.version,
  };
}

/** Those who sign, and the clerk who keeps the register, see every document; others their own. */
function seesAll(user: SessionUser): boolean {
  return roleHas(user.role, 'documents.sign') || roleHas(user.role, 'documents.register');
}

export function row(store: Store, id: number): DocumentDb {
  const r = store.statement(`${SELECT} WHERE d.id = ?`).get(id) as DocumentDb | undefined;
  if (!r) throw new AppError('not_found', 'documents.notFound', {}, { field: 'id' });
  return r;
}

/** A document the user may see; one they may not is 'not_found', so its existence is not told either. */
function visibleRow(store: Store, user: SessionUser, id: number): DocumentDb {
  const r = row(store, id);
  if (!seesAll(user) && r.submittedBy !== user.id)
    throw new AppError('not_found', 'documents.notFound', {}, { field: 'id' });
  return r;
}

export function getDocument(store: Store, user: SessionUser, id: number): DocumentView {
  return toView(visibleRow(store, user, id));
}

export function submitDocument(
  store: Store,
  user: SessionUser,
  input: { fileId: number; title: string; kind: DocumentView['kind']; summary: string; note: string },
): DocumentView {
  const file = store.statement('SELECT created_by AS createdBy FROM files WHERE id = ?').get(input.fileId) as
    { createdBy: number | null } | undefined;
  if (!file) throw new AppError('not_found', 'documents.fileNotFound', {}, { field: 'fileId' });
  if (file.createdBy !== user.id) throw new AppError('forbidden', 'documents.notYourFile', {}, { field: 'fileId' });
  const now = Date.now();
  const id = store
    .statement(
      `INSERT INTO documents (title, kind, summary, note, file_id, submitted_by, submitted_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.title, input.kind, input.summary, input.note, input.fileId, user.id, now, now, now).lastInsertRowid;
  return toView(row(store, Number(id)));
}

export function listDocuments(
  store: Store,
  user: SessionUser,
  filter: z.output<typeof documentFilter>,
): { rows: DocumentView[]; total: number } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.scope === 'mine' || !seesAll(user)) {
    where.push('d.submitted_by = ?');
    params.push(user.id);
  }
  if (filter.scope === 'queue') where.push(`d.status = 'submitted'`);
  if (filter.status) {
    where.push('d.status = ?');
    params.push(filter.status);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  // The queue is worked oldest first; the other lists show the newest first.
  const order = filter.scope === 'queue' ? 'd.submitted_at ASC, d.id ASC' : 'd.submitted_at DESC, d.id DESC';
  let rows = (store.statement(`${SELECT}${clause} ORDER BY ${order}`).all(...params) as DocumentDb[]).map(toView);
  if (filter.search) rows = rows.filter(matches(filter.search));
  return { rows: rows.slice(0, filter.limit), total: rows.length };
}

/** Diacritic- and case-insensitive search over title, summary, submitter and register number. */
function matches(search: string): (d: DocumentView) => boolean {
  const needle = foldForSearch(search);
  return (d) =>
    foldForSearch(
      `${d.title} ${d.summary} ${d.submittedBy.fullName} ${d.registerNumber ?? ''} ${d.symbol} ${d.recipients}`,
    ).includes(needle);
}

function assertPending(locale: Locale, r: DocumentDb): void {
  if (r.status !== 'submitted') {
    throw new AppError('rule_violation', 'documents.notPending', {
      title: r.title,
      status: t(locale, `documents.status.${r.status}`),
    });
  }
}

export function assertVersion(r: DocumentDb, version: number): void {
  if (r.version !== version) throw new AppError('conflict', 'documents.conflict', { title: r.title });
}

export function withdrawDocument(
  store: Store,
  user: SessionUser,
  locale: Locale,
  id: number,
  version: number,
): DocumentView {
  return store.transaction(() => {
    const r = visibleRow(store, user, id);
    if (r.submittedBy !== user.id) throw new AppError('forbidden', 'documents.notSubmitter');
    assertVersion(r, version);
    assertPending(locale, r);
    store
      .statement(`UPDATE documents SET status = 'withdrawn', version = version + 1, updated_at = ? WHERE id = ?`)
      .run(Date.now(), id);
    return toView(row(store, id));
  });
}

export function returnDocument(
  store: Store,
  user: SessionUser,
  locale: Locale,
  id: number,
  version: number,
  reason: string,
): DocumentView {
  return store.transaction(() => {
    const r = row(store, id);
    assertVersion(r, version);
    assertPending(locale, r);
    const now = Date.now();
    store
      .statement(
        `UPDATE documents SET status = 'returned', return_reason = ?, decided_by = ?, decided_at = ?,
           version = version + 1, updated_at = ? WHERE id = ?`,
      )
      .run(reason, user.id, now, now, id);
    return toView(row(store, id));
  });
}

/**
 * Records a signature: the signed revision, who signed, and the next number of the register in the
 * year of signing. Called by the signing job for each document it signed.
 */
export function recordSigned(
  store: Store,
  user: SessionUser,
  locale: Locale,
  id: number,
  signed: { fileId: number; signerName: string; signerSerial: string; at?: Date },
): DocumentView {
  return store.transaction(() => {
    const r = row(store, id);
    assertPending(locale, r);
    const at = signed.at ?? new Date();
    const year = Number(todayIso(at).slice(0, 4));
    const next =
      ((store.statement('SELECT MAX(register_no) FROM documents WHERE register_year = ?').pluck().get(year) as
        number | null) ?? 0) + 1;
    store
      .statement(
        `UPDATE documents SET status = 'signed', signed_file_id = ?, signer_name = ?, signer_serial = ?, decided_by = ?,
           decided_at = ?, register_year = ?, register_no = ?, symbol = ?, version = version + 1, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        signed.fileId,
        signed.signerName,
        signed.signerSerial,
        user.id,
        at.getTime(),
        year,
        next,
        defaultSymbol(r.kind, schoolName(store)),
        Date.now(),
        id,
      );
    return toView(row(store, id));
  });
}

function schoolName(store: Store): string {
  try {
    return getProfile(store).name;
  } catch {
    // A school not set up yet signs nothing through the app; a test store may have no profile.
    return '';
  }
}

export function registerRows(store: Store, filter: z.output<typeof registerFilter>): DocumentView[] {
  const where = [`d.status = 'signed'`];
  const params: unknown[] = [];
  if (filter.year !== undefined) {
    where.push('d.register_year = ?');
    params.push(filter.year);
  }
  if (filter.kind) {
    where.push('d.kind = ?');
    params.push(filter.kind);
  }
  const rows = (
    store
      .statement(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.register_year DESC, d.register_no DESC`)
      .all(...params) as DocumentDb[]
  ).map(toView);
  return filter.search ? rows.filter(matches(filter.search)) : rows;
}

/**
 * May the user download this file because of a document: its submitter, or one who sees every document;
 * a file received with an incoming document, whoever keeps the register.
 */
export function documentFileVisible(store: Store, user: SessionUser, fileId: number): boolean {
  const submitters = store
    .statement('SELECT submitted_by FROM documents WHERE file_id = ? OR signed_file_id = ?')
    .pluck()
    .all(fileId, fileId) as number[];
  if (submitters.length > 0 && (seesAll(user) || submitters.includes(user.id))) return true;
  return (
    roleHas(user.role, 'documents.register') &&
    store.statement('SELECT 1 FROM incoming_documents WHERE file_id = ?').pluck().get(fileId) !== undefined
  );
}
