/**
 * Documents submitted for signature (trình ký): a teacher or the clerk submits a file with a note, the
 * principal signs it (or many at once) or returns it with a reason, and the signed ones make up the
 * document register (sổ văn bản).
 */
import { z } from 'zod';
import { procedure } from './procedure';
import { id, isoDateTime, jobStarted, optionalText, requiredText, textField, version } from './common';
import { msg, type MessageKey } from '../i18n';
import { isValidIsoDate } from '../domain/dates';

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
  /** The outgoing register's ký hiệu ("QĐ-THKĐ"), nơi nhận, số lượng bản and ghi chú. */
  symbol: z.string(),
  recipients: z.string(),
  copies: z.number().int().nullable(),
  registerNote: z.string(),
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

// ------------------------------------------------------------------- sổ văn bản đi / đến (NĐ 30/2020)

/** A text the register needs, whose message names the field when it is left empty or too long. */
function registerText(max: number, required: MessageKey | null, tooLong: MessageKey) {
  const text = textField().max(max, { error: msg(tooLong) });
  return required ? text.min(1, { error: msg(required) }) : text.default('');
}

/** The rest of a signed document's line in the outgoing register, kept by the clerk. */
export const outgoingFields = z.strictObject({
  id,
  version,
  symbol: registerText(50, null, 'documents.outgoing.symbolTooLong').refine((v) => !/[\s/]/.test(v), {
    error: msg('documents.outgoing.symbolForm'),
  }),
  recipients: registerText(1000, null, 'documents.outgoing.recipientsTooLong'),
  copies: z
    .number({ error: msg('documents.outgoing.copies') })
    .int({ error: msg('documents.outgoing.copies') })
    .min(1, { error: msg('documents.outgoing.copies') })
    .max(1000, { error: msg('documents.outgoing.copies') })
    .nullable()
    .default(null),
  registerNote: registerText(500, null, 'documents.outgoing.noteTooLong'),
});

/** Kinds an incoming document usually has; the clerk may write another. */
export const INCOMING_KIND_SUGGESTIONS = [
  'Công văn',
  'Quyết định',
  'Thông báo',
  'Kế hoạch',
  'Hướng dẫn',
  'Giấy mời',
  'Báo cáo',
  'Chỉ thị',
  'Tờ trình',
  'Thông tư',
] as const;

export const incomingFields = z.strictObject({
  /** Ngày đến, yyyy-MM-dd: not after today (the server checks, in the school's time zone). */
  receivedOn: z.string().refine(isValidIsoDate, { error: msg('documents.incoming.receivedOn') }),
  /** Tác giả: the authority that sent it ("Phòng Giáo dục và Đào tạo"). */
  sender: registerText(300, 'documents.incoming.senderRequired', 'documents.incoming.senderTooLong'),
  /** Số, ký hiệu as printed on it ("125/PGDĐT-TH"). */
  reference: registerText(100, null, 'documents.incoming.referenceTooLong'),
  documentDate: z
    .string()
    .refine(isValidIsoDate, { error: msg('documents.incoming.documentDate') })
    .nullable()
    .default(null),
  kind: registerText(100, 'documents.incoming.kindRequired', 'documents.incoming.kindTooLong'),
  summary: registerText(1000, 'documents.incoming.summaryRequired', 'documents.incoming.summaryTooLong'),
  /** Đơn vị hoặc người nhận: to whom the clerk passed it. */
  recipient: registerText(300, null, 'documents.incoming.recipientTooLong'),
  note: registerText(500, null, 'documents.incoming.noteTooLong'),
});

const fileRef = z.object({ id, name: z.string(), size: z.number().int(), mime: z.string() });

export const incomingView = z.object({
  id,
  year: z.number().int(),
  /** Số đến, from 1 in each calendar year of arrival. */
  number: z.number().int(),
  receivedOn: z.string(),
  sender: z.string(),
  reference: z.string(),
  documentDate: z.string().nullable(),
  kind: z.string(),
  summary: z.string(),
  recipient: z.string(),
  note: z.string(),
  file: fileRef.nullable(),
  /** The received file's signature check when it was registered; null: no file, or not a PDF. */
  signature: z.object({ verdict: z.string(), valid: z.boolean() }).nullable(),
  createdBy: z.string(),
  version,
});
export type IncomingView = z.infer<typeof incomingView>;

export const incomingFilter = z.strictObject({
  year: z.number().int().min(2000).max(2100).optional(),
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
    summary: 'The outgoing register (sổ đăng ký văn bản đi) as xlsx, as a job.',
    input: registerFilter,
    output: jobStarted,
    permission: 'documents.register',
    audit: 'write',
  }),
  'documents.outgoing.update': procedure({
    summary:
      'The clerk completes a signed document’s line in the outgoing register: ký hiệu, nơi nhận, số bản, ghi chú.',
    input: outgoingFields,
    output: documentView,
    permission: 'documents.register',
    audit: 'write',
  }),
  'documents.incoming.list': procedure({
    summary: 'The incoming register (sổ đăng ký văn bản đến), newest first.',
    input: incomingFilter,
    output: z.object({ rows: z.array(incomingView) }),
    permission: 'documents.register',
    audit: 'none',
  }),
  'documents.incoming.add': procedure({
    summary: 'Register a received document, with the next số đến of its year and the received file if any.',
    input: incomingFields.extend({ fileId: id.optional() }),
    output: incomingView,
    permission: 'documents.register',
    audit: 'write',
  }),
  'documents.incoming.update': procedure({
    summary: 'Correct a line of the incoming register (its số đến stays).',
    input: incomingFields.extend({ id, version }),
    output: incomingView,
    permission: 'documents.register',
    audit: 'write',
  }),
  'documents.incoming.export': procedure({
    summary: 'The incoming register as xlsx, as a job.',
    input: incomingFilter,
    output: jobStarted,
    permission: 'documents.register',
    audit: 'write',
  }),
};

// ------------------------------------------------------------------------------------------ signing

export const certificateView = z.object({
  serial: z.string(),
  /** The holder (CN) and organisation (O) as the certificate names them. */
  holder: z.string(),
  organisation: z.string(),
  issuer: z.string(),
  validFrom: isoDateTime,
  validTo: isoDateTime,
  keyType: z.enum(['RSA', 'EC']),
  /** Why this certificate cannot sign (expired, not yet valid, no digital-signature key usage); null if it can. */
  problem: z.string().nullable(),
});
export type CertificateView = z.infer<typeof certificateView>;

export const tokenView = z.object({
  /** The CA whose token it is, as principals know them ("VNPT-CA", "Viettel-CA", "BkavCA"…). */
  provider: z.string().default(''),
  label: z.string(),
  serial: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  /** The token reports a wrong PIN was typed: few tries are left. */
  pinLow: z.boolean(),
  /** One more wrong PIN locks the token. */
  pinFinalTry: z.boolean(),
  pinLocked: z.boolean(),
  certificates: z.array(certificateView),
});
export type TokenView = z.infer<typeof tokenView>;

export const tokenChoice = z.strictObject({
  /** The PKCS#11 library; absent: the known modules of Vietnamese CAs found on this machine. */
  modulePath: z.string().max(500).optional(),
  tokenLabel: z.string().max(100),
  tokenSerial: z.string().max(100),
  certSerial: z.string().max(100),
});

/** Documents per round when the token is on an office PC: progress shows, a lost link costs one round. */
export const REMOTE_SIGN_ROUND = 20;

/** Bytes carried as base64 text in JSON; `max` is the decoded size. */
function base64Bytes(max: number) {
  return z.base64().max(Math.ceil(max / 3) * 4);
}

export const signResult = z.object({
  signed: z.array(
    z.object({
      id,
      title: z.string(),
      registerNumber: z.string(),
      /** It carries a timestamp from the school's timestamp server (PAdES B-T). */
      timestamped: z.boolean().default(false),
    }),
  ),
  failed: z.array(z.object({ id, title: z.string(), message: z.string() })),
  /** A timestamp server is set but gave none: why, in Vietnamese (the documents are signed B-B). */
  timestampNote: z.string().nullable().default(null),
});
export type SignResult = z.infer<typeof signResult>;

export const signatureCheck = z.object({
  signer: z.string(),
  organisation: z.string(),
  signingTime: isoDateTime.nullable(),
  /** The signed bytes are unchanged. */
  intact: z.boolean(),
  /** This signature covers the file as it is (no later changes). */
  coversWholeDocument: z.boolean(),
  certificateValid: z.boolean(),
  trusted: z.boolean(),
  /** A Vietnamese verdict for this signature. */
  verdict: z.string(),
  problems: z.array(z.string()),
  /** B-T: a timestamp from a timestamp server proves when it was signed. */
  level: z.enum(['B-B', 'B-T']).default('B-B'),
  timestamp: z
    .object({
      time: isoDateTime,
      authority: z.string(),
      valid: z.boolean(),
      /** The timestamp server chains to one of the school's trusted root CAs. */
      trusted: z.boolean().default(false),
      problems: z.array(z.string()),
    })
    .nullable()
    .default(null),
});

export const signingApi = {
  'signing.tokens': procedure({
    summary: 'The USB tokens plugged into the server PC and the certificates on them.',
    input: z.strictObject({ modulePath: z.string().max(500).optional() }),
    output: z.object({
      modules: z.array(z.string()),
      /** Whose modules were looked in ("VNPT-CA", "Viettel-CA"…), for the dialog; the paths are for settings. */
      providers: z.array(z.string()).default([]),
      tokens: z.array(tokenView),
    }),
    permission: 'documents.sign',
    audit: 'none',
  }),
  'documents.sign': procedure({
    summary: 'Sign pending documents with one PIN entry, as a job: a failure on one keeps the others.',
    input: tokenChoice.extend({
      ids: z.array(id).min(1).max(500),
      pin: z.string().min(4).max(64),
      /** The token says one more wrong PIN locks it, and the user has agreed to try. */
      confirmFinalTry: z.boolean().default(false),
      /** Where the visible signature block goes on the last page; 'none': an invisible signature. */
      visible: z.enum(['bottom-right', 'bottom-left', 'none']).default('bottom-right'),
      position: optionalText(100),
      /** An uploaded PNG or JPEG (the handwritten signature or the seal) drawn in the visible block. */
      imageFileId: id.optional(),
    }),
    output: jobStarted,
    permission: 'documents.sign',
    audit: 'write',
  }),
  'documents.remoteSign.prepare': procedure({
    summary:
      'Token on an office PC, step 1: prepare the signatures of pending documents with the certificate read from the token; only the bytes to be signed go back.',
    input: z.strictObject({
      ids: z.array(id).min(1).max(REMOTE_SIGN_ROUND),
      /** The signer's certificate (DER, base64) as the office PC read it from its token. */
      certificate: base64Bytes(16_384),
      /** Intermediate CA certificates (DER, base64) the token holds. */
      chain: z.array(base64Bytes(16_384)).max(8).default([]),
      visible: z.enum(['bottom-right', 'bottom-left', 'none']).default('bottom-right'),
      position: optionalText(100),
      imageFileId: id.optional(),
    }),
    output: z.object({
      batchId: z.string(),
      expiresAt: isoDateTime,
      /** `toBeSigned` (base64): the CMS signed attributes, to be signed by the token's key. */
      items: z.array(z.object({ id, title: z.string(), toBeSigned: z.string() })),
      /** Documents that cannot be signed at all (damaged, encrypted PDF), with the reason. */
      failed: signResult.shape.failed,
    }),
    permission: 'documents.sign',
    audit: 'none',
  }),
  'documents.remoteSign.finish': procedure({
    summary:
      'Token on an office PC, step 2: the signature values come back; the server assembles, stores and registers the signed files.',
    input: z.strictObject({
      batchId: z.string().max(100),
      signatures: z.array(z.strictObject({ id, signature: base64Bytes(1024) })).max(REMOTE_SIGN_ROUND),
      failed: z
        .array(z.strictObject({ id, message: z.string().max(500) }))
        .max(REMOTE_SIGN_ROUND)
        .default([]),
    }),
    output: signResult,
    permission: 'documents.sign',
    audit: 'write',
  }),
  'documents.remoteSign.cancel': procedure({
    summary: 'Token on an office PC: give up a prepared round (PIN refused, token removed).',
    input: z.strictObject({ batchId: z.string().max(100) }),
    output: z.null(),
    permission: 'documents.sign',
    audit: 'none',
  }),
  'signing.verify': procedure({
    summary: 'Check the signatures of a PDF (or a file with its .p7s) that was uploaded or generated.',
    input: z.strictObject({ fileId: id, signatureFileId: id.optional() }),
    output: z.object({
      signed: z.boolean(),
      /** The overall verdict in Vietnamese. */
      verdict: z.string(),
      valid: z.boolean(),
      signatures: z.array(signatureCheck),
    }),
    permission: 'documents.submit',
    audit: 'none',
  }),
};
