/**
 * The two registers NĐ 30/2020 has a school's clerk keep (Phụ lục IV):
 * - sổ đăng ký văn bản đi: every document the principal signed, numbered when signed (service.ts
 *   `recordSigned`); the clerk completes its line with the ký hiệu, nơi nhận, số lượng bản and ghi chú;
 * - sổ đăng ký văn bản đến: what the school received, entered by the clerk, numbered (số đến) from 1 in
 *   each calendar year of arrival, with the received file if any — a PDF's signature is checked when it
 *   is registered, and the verdict kept on its line.
 */
import type { z } from 'zod';
import type { Store } from '../../store/open';
import type { AppContext, SessionUser } from '../context';
import { AppError } from '../../errors';
import { foldForSearch } from '../../../src-shared/domain/vnName';
import { formatIsoDateVn, todayIso } from '../../../src-shared/domain/dates';
import type {
  DocumentView,
  IncomingView,
  incomingFields,
  incomingFilter,
  outgoingFields,
} from '../../../src-shared/api/documents';
import { canReadFile } from '../files/access';
import { assertVersion, row, toView } from './service';
import { verifyFile } from './signing';

// ------------------------------------------------------------------------------------------ đi

export function updateOutgoing(store: Store, input: z.output<typeof outgoingFields>): DocumentView {
  const r = row(store, input.id);
  if (r.status !== 'signed' || r.registerNo === null) {
    throw new AppError('rule_violation', 'documents.outgoing.notSigned', { title: r.title }, { field: 'id' });
  }
  assertVersion(r, input.version);
  store
    .statement(
      `UPDATE documents SET symbol = ?, recipients = ?, copies = ?, register_note = ?, version = version + 1,
         updated_at = ? WHERE id = ?`,
    )
    .run(input.symbol, input.recipients, input.copies, input.registerNote, Date.now(), input.id);
  return toView(row(store, input.id));
}

// ------------------------------------------------------------------------------------------ đến

interface IncomingDb {
  id: number;
  year: number;
  number: number;
  receivedOn: string;
  sender: string;
  reference: string;
  documentDate: string | null;
  kind: string;
  summary: string;
  recipient: string;
  note: string;
  fileId: number | null;
  fileName: string | null;
  fileSize: number | null;
  fileMime: string | null;
  signatureVerdict: string | null;
  signatureValid: number | null;
  createdBy: string;
  version: number;
}

const INCOMING_SELECT = `
  SELECT i.id, i.year, i.number, i.received_on AS receivedOn, i.sender, i.reference,
         i.document_date AS documentDate, i.kind, i.summary, i.recipient, i.note, i.file_id AS fileId,
         f.name AS fileName, f.size AS fileSize, f.mime AS fileMime, i.signature_verdict AS signatureVerdict,
         i.signature_valid AS signatureValid, u.full_name AS createdBy, i.version
  FROM incoming_documents i
  LEFT JOIN files f ON f.id = i.file_id
  JOIN users u ON u.id = i.created_by`;

function incomingView(r: IncomingDb): IncomingView {
  return {
    id: r.id,
    year: r.year,
    number: r.number,
    receivedOn: r.receivedOn,
    sender: r.sender,
    reference: r.reference,
    documentDate: r.documentDate,
    kind: r.kind,
    summary: r.summary,
    recipient: r.recipient,
    note: r.note,
    file: r.fileId === null ? null : { id: r.fileId, name: r.fileName!, size: r.fileSize!, mime: r.fileMime! },
    signature: r.signatureVerdict === null ? null : { verdict: r.signatureVerdict, valid: r.signatureValid === 1 },
    createdBy: r.createdBy,
    version: r.version,
  };
}

function incomingRow(store: Store, id: number): IncomingDb {
  const r = store.statement(`${INCOMING_SELECT} WHERE i.id = ?`).get(id) as IncomingDb | undefined;
  if (!r) throw new AppError('not_found', 'documents.incoming.notFound', {}, { field: 'id' });
  return r;
}

export function listIncoming(store: Store, filter: z.output<typeof incomingFilter>): IncomingView[] {
  const rows = (
    filter.year === undefined
      ? store.statement(`${INCOMING_SELECT} ORDER BY i.year DESC, i.number DESC`).all()
      : store.statement(`${INCOMING_SELECT} WHERE i.year = ? ORDER BY i.number DESC`).all(filter.year)
  ) as IncomingDb[];
  const views = rows.map(incomingView);
  if (!filter.search) return views;
  const needle = foldForSearch(filter.search);
  return views.filter((v) =>
    foldForSearch(
      `${v.number}/${v.year} ${v.sender} ${v.reference} ${v.kind} ${v.summary} ${v.recipient} ${v.note}`,
    ).includes(needle),
  );
}

type IncomingInput = z.output<typeof incomingFields>;

/** Dates the schema cannot judge alone: nothing arrives tomorrow, nor is written after it arrived. */
function checkDates(input: IncomingInput): void {
  const today = todayIso();
  if (input.receivedOn > today) {
    throw new AppError(
      'invalid_input',
      'documents.incoming.receivedInFuture',
      { today: formatIsoDateVn(today) },
      { field: 'receivedOn' },
    );
  }
  if (input.documentDate !== null && input.documentDate > input.receivedOn) {
    throw new AppError('invalid_input', 'documents.incoming.documentAfterReceived', {}, { field: 'documentDate' });
  }
}

/** The received file's signature, checked before the register's transaction (verifying is async). */
export async function checkReceivedFile(
  app: AppContext,
  user: SessionUser,
  fileId: number,
): Promise<{ verdict: string; valid: boolean } | null> {
  const file = app.files.read(fileId);
  if (!canReadFile(app.store, user, file.record)) {
    throw new AppError('not_found', 'files.not_found', {}, { field: 'fileId' });
  }
  const pdf = file.record.mime === 'application/pdf' || /\.pdf$/i.test(file.record.name);
  if (!pdf) return null;
  try {
    const check = await verifyFile(app.store, app, user, fileId);
    return { verdict: check.verdict, valid: check.signed && check.valid };
  } catch (e) {
    // A damaged PDF is still what the school received: it is registered, with the reason it could not be checked.
    return { verdict: e instanceof Error ? e.message : String(e), valid: false };
  }
}

export function addIncoming(
  store: Store,
  user: SessionUser,
  input: IncomingInput & { fileId?: number | undefined },
  signature: { verdict: string; valid: boolean } | null,
): IncomingView {
  checkDates(input);
  // Số đến restarts at 1 each calendar year, by the year the document arrived.
  const year = Number(input.receivedOn.slice(0, 4));
  const next =
    ((store.statement('SELECT MAX(number) FROM incoming_documents WHERE year = ?').pluck().get(year) as
      number | null) ?? 0) + 1;
  const now = Date.now();
  const id = store
    .statement(
      `INSERT INTO incoming_documents (year, number, received_on, sender, reference, document_date, kind, summary,
         recipient, note, file_id, signature_verdict, signature_valid, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      year,
      next,
      input.receivedOn,
      input.sender,
      input.reference,
      input.documentDate,
      input.kind,
      input.summary,
      input.recipient,
      input.note,
      input.fileId ?? null,
      signature?.verdict ?? null,
      signature === null ? null : signature.valid ? 1 : 0,
      user.id,
      now,
      now,
    ).lastInsertRowid;
  return incomingView(incomingRow(store, Number(id)));
}

export function updateIncoming(store: Store, input: IncomingInput & { id: number; version: number }): IncomingView {
  const r = incomingRow(store, input.id);
  if (r.version !== input.version) {
    throw new AppError('conflict', 'documents.incoming.conflict', { number: `${r.number}/${r.year}` });
  }
  checkDates(input);
  // The số đến was given on arrival and stays; so does the year it counts in.
  if (Number(input.receivedOn.slice(0, 4)) !== r.year) {
    throw new AppError('invalid_input', 'documents.incoming.otherYear', { year: r.year }, { field: 'receivedOn' });
  }
  store
    .statement(
      `UPDATE incoming_documents SET received_on = ?, sender = ?, reference = ?, document_date = ?, kind = ?,
         summary = ?, recipient = ?, note = ?, version = version + 1, updated_at = ? WHERE id = ?`,
    )
    .run(
      input.receivedOn,
      input.sender,
      input.reference,
      input.documentDate,
      input.kind,
      input.summary,
      input.recipient,
      input.note,
      Date.now(),
      input.id,
    );
  return incomingView(incomingRow(store, input.id));
}
