/**
 * The school's signing settings, kept by the principal (who signs) and the administrator (who sets the
 * PCs up and is often the one handed the CA's root files): the trusted root CA certificates a received
 * signature must chain to before it counts as of known origin (issue 5), and the RFC 3161 timestamp
 * server the signing job asks for a trusted signing time.
 */
import { z } from 'zod';
import { procedure } from './procedure';
import { empty, id, isoDateTime } from './common';
import { msg } from '../i18n';

/** The timeout bounds, in milliseconds: a TSA slower than a minute is down, not slow. */
export const TIMESTAMP_TIMEOUT_MIN_MS = 1_000;
export const TIMESTAMP_TIMEOUT_MAX_MS = 60_000;
export const TIMESTAMP_TIMEOUT_DEFAULT_MS = 10_000;

export const trustAnchorView = z.object({
  /** SHA-256 of the certificate's DER, lower-case hex: what identifies an anchor (and removes it). */
  fingerprint: z.string(),
  /** The subject's CN and O as the certificate names them ('' when absent), and the whole name. */
  commonName: z.string(),
  organization: z.string(),
  subject: z.string(),
  /** The issuer's CN, else its whole name: the same as the subject for a root CA. */
  issuer: z.string(),
  /** Upper-case hex, as CAs print it. */
  serial: z.string(),
  validFrom: isoDateTime,
  validTo: isoDateTime,
  /** A CA certificate (basicConstraints cA); only those are imported. */
  isCA: z.boolean(),
  /** Self-issued: a root rather than an intermediate CA. */
  selfSigned: z.boolean(),
  /** Past its validity now (it still vouches for signatures made while it was valid). */
  expired: z.boolean(),
});
export type TrustAnchorView = z.infer<typeof trustAnchorView>;

export const SKIP_REASONS = ['duplicate', 'not_ca'] as const;

export const importResult = z.object({
  /** The uploaded file's name, for the message. */
  fileName: z.string(),
  added: z.array(trustAnchorView),
  /** Certificates of the file not added: already trusted, or (in a bundle that has CAs) not a CA. */
  skipped: z.array(z.object({ anchor: trustAnchorView, reason: z.enum(SKIP_REASONS) })),
});
export type TrustAnchorImportResult = z.infer<typeof importResult>;

/** Colons, spaces and case as certificate viewers print fingerprints are accepted. */
export const fingerprint = z
  .string()
  .max(200)
  .transform((v) => v.replace(/[\s:]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, { error: msg('signingSettings.validation.fingerprint') }));

const httpUrl = z.url({ protocol: /^https?$/ });

export const signingSettingsView = z.object({
  /** The RFC 3161 timestamp server; null: signatures carry the signer's clock only. */
  timestampUrl: z.string().nullable(),
  timestampTimeoutMs: z.number().int(),
});
export type SigningSettingsView = z.infer<typeof signingSettingsView>;

export const signingSettingsInput = z.strictObject({
  /** '' turns the timestamp server off. */
  timestampUrl: z
    .string()
    .trim()
    .max(500)
    .refine((v) => v === '' || httpUrl.safeParse(v).success, {
      error: msg('signingSettings.validation.timestampUrl'),
    }),
  timestampTimeoutMs: z
    .number()
    .int({ error: msg('signingSettings.validation.timestampTimeout') })
    .min(TIMESTAMP_TIMEOUT_MIN_MS, { error: msg('signingSettings.validation.timestampTimeout') })
    .max(TIMESTAMP_TIMEOUT_MAX_MS, { error: msg('signingSettings.validation.timestampTimeout') }),
});

/** The token module set by hand, in the settings' advanced section, and the known ones found. */
export const tokenModuleView = z.object({
  /** The PKCS#11 library the server PC looks in first; null: only the known modules of Vietnamese CAs. */
  path: z.string().nullable(),
  found: z.array(z.object({ path: z.string(), vendor: z.string() })),
});
export type TokenModuleView = z.infer<typeof tokenModuleView>;

export const signingSettingsApi = {
  'signing.trustAnchors.list': procedure({
    summary: 'The root (and intermediate) CA certificates the school trusts when verifying signatures.',
    input: empty,
    output: z.object({ rows: z.array(trustAnchorView) }),
    permission: 'signing.manage',
    audit: 'none',
  }),
  'signing.trustAnchors.import': procedure({
    summary: 'Trust the CA certificates of an uploaded .cer/.crt/.pem/.p7b file (DER or PEM, one or many).',
    input: z.strictObject({ fileId: id }),
    output: importResult,
    permission: 'signing.manage',
    audit: 'write',
  }),
  'signing.trustAnchors.remove': procedure({
    summary: 'Stop trusting one CA certificate, named by its SHA-256 fingerprint.',
    input: z.strictObject({ fingerprint }),
    output: z.object({ removed: trustAnchorView }),
    permission: 'signing.manage',
    audit: 'write',
  }),
  'signing.settings.get': procedure({
    summary: 'The timestamp server (RFC 3161) and how long to wait for it.',
    input: empty,
    output: signingSettingsView,
    permission: 'signing.manage',
    audit: 'none',
  }),
  'signing.tokenModule.get': procedure({
    summary: 'The USB token library (PKCS#11) set for the server PC, and the known ones found on it.',
    input: empty,
    output: tokenModuleView,
    permission: 'signing.manage',
    audit: 'none',
  }),
  'signing.tokenModule.set': procedure({
    summary: 'Set (or, with an empty path, clear) the USB token library the server PC looks in first.',
    input: z.strictObject({
      path: z
        .string()
        .trim()
        .max(500, { error: msg('signingSettings.validation.modulePath') }),
    }),
    output: tokenModuleView,
    permission: 'signing.manage',
    audit: 'write',
  }),
  'signing.settings.set': procedure({
    summary: 'Set or clear the timestamp server and its timeout.',
    input: signingSettingsInput,
    output: signingSettingsView,
    permission: 'signing.manage',
    audit: 'write',
  }),
};
