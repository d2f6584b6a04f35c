/**
 * Documents submitted for signature (trình ký) and, once signed, the document register (sổ văn bản):
 * who submitted what to whom, the decision, and the signed revision. The file store keeps every
 * revision; a document points at the one submitted and at the signed one.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/schema';
import { files } from '../files/schema';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../../src-shared/api/documents';

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    summary: text('summary').notNull().default(''),
    /** The submitter's note to the signer. */
    note: text('note').notNull().default(''),
    fileId: integer('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    /** The signed PDF, or the detached .p7s of a non-PDF file. */
    signedFileId: integer('signed_file_id').references(() => files.id, { onDelete: 'restrict' }),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull().default('submitted'),
    submittedBy: integer('submitted_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    submittedAt: integer('submitted_at').notNull(),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: integer('decided_at'),
    returnReason: text('return_reason').notNull().default(''),
    /** The certificate's holder and serial, as the signature carries them. */
    signerName: text('signer_name').notNull().default(''),
    signerSerial: text('signer_serial').notNull().default(''),
    /** Số văn bản: numbered from 1 in each calendar year when signed. */
    registerYear: integer('register_year'),
    registerNo: integer('register_no'),
    /**
     * The rest of the outgoing register's line (sổ đăng ký văn bản đi, NĐ 30/2020 Phụ lục IV): the
     * ký hiệu after the number ("QĐ-THKĐ"), nơi nhận, số lượng bản and ghi chú, kept by the clerk.
     */
    symbol: text('symbol').notNull().default(''),
    recipients: text('recipients').notNull().default(''),
    copies: integer('copies'),
    registerNote: text('register_note').notNull().default(''),
    version: integer('version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('documents_status_idx').on(t.status, t.submittedAt),
    index('documents_submitter_idx').on(t.submittedBy),
    uniqueIndex('documents_register_idx')
      .on(t.registerYear, t.registerNo)
      .where(sql`register_no IS NOT NULL`),
  ],
);

/**
 * Sổ đăng ký văn bản đến (NĐ 30/2020 Phụ lục IV): what the school received, entered by the clerk, with
 * its số đến numbered from 1 in each calendar year of arrival, and the received file if there is one
 * (its signature checked when it was registered).
 */
export const incomingDocuments = sqliteTable(
  'incoming_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** Ngày đến, yyyy-MM-dd. */
    receivedOn: text('received_on').notNull(),
    /** Tác giả: the authority that sent it. */
    sender: text('sender').notNull(),
    /** Số, ký hiệu as the document carries it ("125/SGDĐT-GDTH"). */
    reference: text('reference').notNull().default(''),
    /** Ngày tháng of the document itself, yyyy-MM-dd. */
    documentDate: text('document_date'),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    /** Đơn vị hoặc người nhận (to whom the clerk passed it). */
    recipient: text('recipient').notNull().default(''),
    note: text('note').notNull().default(''),
    fileId: integer('file_id').references(() => files.id, { onDelete: 'restrict' }),
    /** The received file's signature check when registered: the verdict, and whether it held. */
    signatureVerdict: text('signature_verdict'),
    signatureValid: integer('signature_valid', { mode: 'boolean' }),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('incoming_documents_number_idx').on(t.year, t.number),
    index('incoming_documents_received_idx').on(t.receivedOn),
  ],
);
