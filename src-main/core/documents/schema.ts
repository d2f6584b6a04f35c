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
