/**
 * Documents submitted for signature (trình ký): a teacher or the clerk submits a file with a note, the
 * principal signs it (or many at once) or returns it with a reason, and the signed ones make up the
 * document register (sổ văn bản).
 */
import { z } from 'zod';
import { procedure } from './procedure';
import { id, isoDateTime, jobStarted, optionalText, requiredText, version } from './common';
import { msg } from '../i18n';

export const DOCUMENT_KINDS = ['hocba', 'report', 'decision', 'plan', 'letter', 'other'] as const;
export const DOCUMENT_STATUSES = ['submitted', 'signed', 'returned', 'withdrawn'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const documentView = z.object({
  id,
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  summary: z.string(),
  note: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  file: z.object({ id, name: z.string(), size: z.number().int(), mime: z.string() }),
  signedFile: z.object({ id, name: z.string(), size: z.number().int(), mime: z.string() }).nullable(),
  submittedBy: z.object({ id, fullName: z.string() }),
  submittedAt: isoDateTime,
  decidedBy: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  returnReason: z.string(),
  signerName: z.string(),
  /** "12/2026": the register number and year, once signed. */
  registerNumber: z.string().nullable(),
  version,
});
export type DocumentView = z.infer<typeof documentView>;

export const documentFilter = z.strictObject({
  /** 'queue': waiting for the principal; 'mine': what I submitted; 'all': everything I may see. */
  scope: z.enum(['queue', 'mine', 'all']).default('all'),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  search: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const registerFilter = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  search: z.string().max(100).optional(),
});

export const documentsApi = {
  'documents.submit': procedure({
    summary: 'Submit an uploaded or generated file to the principal for signature, with a note.',
    input: z.strictObject({
      fileId: id,
      title: requiredText(300),
      kind: z.enum(DOCUMENT_KINDS),
      summary: optionalText(1000),
      note: optionalText(1000),
    }),
    output: documentView,
    permission: 'documents.submit',
    audit: 'write',
  }),
  'documents.list': procedure({
    summary: 'Submitted documents: the principal’s queue, one’s own submissions with their status, or all.',
    input: documentFilter,
    output: z.object({ rows: z.array(documentView), total: z.number().int() }),
    permission: 'documents.submit',
    audit: 'none',
  }),
  'documents.get': procedure({
    summary: 'One submitted document.',
    input: z.strictObject({ id }),
    output: documentView,
    permission: 'documents.submit',
    audit: 'none',
  }),
  'documents.withdraw': procedure({
    summary: 'The submitter takes back a document not yet decided.',
    input: z.strictObject({ id, version }),
    output: documentView,
    permission: 'documents.submit',
    audit: 'write',
  }),
  'documents.return': procedure({
    summary: 'The principal returns a document unsigned, with the reason.',
    input: z.strictObject({
      id,
      version,
      reason: requiredText(1000).refine((v) => v.length >= 3, { error: msg('documents.returnReason') }),
    }),
    output: documentView,
    permission: 'documents.sign',
    audit: 'write',
  }),
  'documents.register': procedure({
    summary: 'The document register (sổ văn bản): signed documents with number, date, kind, summary, signer.',
    input: registerFilter,
    output: z.object({ rows: z.array(documentView) }),
    permission: 'documents.register',
    audit: 'none',
  }),
  'documents.register.export': procedure({
    summary: 'The document register as xlsx, as a job.',
    input: registerFilter,
    output: jobStarted,
    permission: 'documents.register',
    audit: 'write',
  }),
};
