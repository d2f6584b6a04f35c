/**
 * The school's signing settings (issue 5): the trusted root CA certificates that a received signature
 * must chain to, and the RFC 3161 timestamp server. The principal or the administrator imports the
 * certificate files Vietnamese CAs publish — a .cer/.crt in DER or PEM, a .pem with several, a .p7b
 * bundle (PKCS#7 certs-only) — and only CA certificates become anchors: trusting a person's own
 * certificate would make every signature it made look vouched for by a CA.
 *
 * Both settings live in the settings table; `trustAnchors` and `signingSettings` are their only readers.
 */
import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { z } from 'zod';
import type { Store } from '../../store/open';
import type { AppContext, SessionUser } from '../context';
import type { HandlersFor } from '../handlers';
import { currentUser } from '../context';
import { AppError } from '../../errors';
import { readSetting, writeSetting } from '../../store/settings';
import { canReadFile } from '../files/access';
import {
  certificatesFromPem,
  describeCertificate,
  findModules,
  signedDataCertificates,
  type CertificateInfo,
} from '../signing';
import {
  TIMESTAMP_TIMEOUT_DEFAULT_MS,
  TIMESTAMP_TIMEOUT_MAX_MS,
  TIMESTAMP_TIMEOUT_MIN_MS,
  type SigningSettingsView,
  type TokenModuleView,
  type TrustAnchorImportResult,
  type TrustAnchorView,
  type signingSettingsApi,
} from '../../../src-shared/api/signingSettings';

const ANCHORS_KEY = 'signing.trustAnchors';
const TIMESTAMP_KEY = 'signing.timestamp';

/** Root CA files are a few kilobytes, bundles a few dozen: anything bigger is not one. */
const MAX_CERTIFICATE_FILE_BYTES = 1024 * 1024;

// ------------------------------------------------------------------------------------ the readers

const anchorsSetting = z.array(z.string());

/** The setting as stored: PEM texts, each one or more certificates. */
function storedAnchorTexts(store: Store): string[] {
  return readSetting(store, ANCHORS_KEY, anchorsSetting, []);
}

/**
 * The CA certificates (DER) the school trusts, as the principal or the administrator set them; one
 * that no longer reads is left out, so a damaged entry never stops a verification.
 */
export function trustAnchors(store: Store): Buffer[] {
  return storedAnchors(store).map((a) => a.der);
}

const timestampSetting = z.object({
  timestampUrl: z.string().min(1).nullable(),
  timestampTimeoutMs: z.number().int().min(TIMESTAMP_TIMEOUT_MIN_MS).max(TIMESTAMP_TIMEOUT_MAX_MS),
});

/** The timestamp server for the signing job; null: signatures carry the signer's clock only. */
export function signingSettings(store: Store): { timestampUrl: string | null; timestampTimeoutMs: number } {
  return readSetting(store, TIMESTAMP_KEY, timestampSetting, {
    timestampUrl: null,
    timestampTimeoutMs: TIMESTAMP_TIMEOUT_DEFAULT_MS,
  });
}

export function setSigningSettings(
  store: Store,
  input: { timestampUrl: string; timestampTimeoutMs: number },
): SigningSettingsView {
  const value: SigningSettingsView = {
    timestampUrl: input.timestampUrl === '' ? null : input.timestampUrl,
    timestampTimeoutMs: input.timestampTimeoutMs,
  };
  writeSetting(store, TIMESTAMP_KEY, value);
  return value;
}

// ------------------------------------------------------------------------------- the certificates

interface Anchor {
  der: Buffer;
  info: CertificateInfo;
}

const toPem = (der: Buffer): string => new X509Certificate(der).toString();

export function anchorView(info: CertificateInfo, now: Date = new Date()): TrustAnchorView {
  return {
    fingerprint: info.sha256,
    commonName: info.subject.commonName ?? '',
    organization: info.subject.organization ?? '',
    subject: info.subject.text,
    issuer: info.issuer.commonName ?? info.issuer.text,
    serial: info.serialNumber,
    validFrom: new Date(info.notBefore).toISOString(),
    validTo: new Date(info.notAfter).toISOString(),
    isCA: info.isCA,
    selfSigned: info.selfIssued,
    expired: now.getTime() > new Date(info.notAfter).getTime(),
  };
}

/**
 * The anchors as stored, one per certificate. An entry may hold several certificates (the setting
 * predates this page and takes PEM bundles); one that no longer reads is left out rather than
 * hiding the others.
 */
function storedAnchors(store: Store): Anchor[] {
  const out = new Map<string, Anchor>();
  for (const entry of storedAnchorTexts(store)) {
    for (const der of certificatesFromPem(entry)) {
      try {
        const info = describeCertificate(der);
        // A certificate stored twice (by hand, before this page) is one anchor.
        if (!out.has(info.sha256)) out.set(info.sha256, { der, info });
      } catch {
        // Unreadable: not listed, and the next write of the setting drops it.
      }
    }
  }
  return [...out.values()];
}

function saveAnchors(store: Store, anchors: readonly Anchor[]): void {
  writeSetting(
    store,
    ANCHORS_KEY,
    anchors.map((a) => toPem(a.der)),
  );
}

/** The certificates of a PKCS#7 SignedData (a .p7b bundle), or null when `der` is not one. */
function pkcs7Certificates(der: Buffer): Buffer[] | null {
  try {
    return signedDataCertificates(der);
  } catch {
    return null;
  }
}

/**
 * Every certificate in a certificate file, as DER: PEM text with CERTIFICATE and PKCS7 blocks, a DER
 * PKCS#7 bundle, or one DER certificate. null: not a certificate file at all.
 */
function certificatesInFile(data: Buffer): Buffer[] | null {
  const text = data.toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const found = certificatesFromPem(text);
    let blocks: forge.pem.ObjectPEM[] = [];
    try {
      blocks = forge.pem.decode(text);
    } catch {
      // A damaged block among good ones: the certificates already found still count.
    }
    for (const block of blocks) {
      if (block.type !== 'PKCS7') continue;
      const inner = pkcs7Certificates(Buffer.from(block.body, 'binary'));
      if (inner === null) return null;
      found.push(...inner);
    }
    return found.length > 0 || blocks.some((b) => b.type === 'PKCS7') ? found : null;
  }
  // A DER structure starts with a SEQUENCE; text or anything else is no certificate file.
  if (data[0] !== 0x30) return null;
  return pkcs7Certificates(data) ?? [data];
}

const nameOf = (info: CertificateInfo) => info.subject.commonName ?? info.subject.text;

/**
 * Adds the CA certificates of an uploaded file to the trust anchors, skipping those already trusted.
 * A file with no CA certificate at all — a person's certificate, or not a certificate file — is
 * refused, naming the file; in a bundle that has CAs, other certificates are reported as skipped.
 */
export function importTrustAnchors(
  app: AppContext,
  user: SessionUser,
  fileId: number,
  now: Date = new Date(),
): TrustAnchorImportResult {
  const file = app.files.read(fileId);
  if (!canReadFile(app.store, user, file.record)) throw new AppError('not_found', 'files.not_found');
  const name = file.record.name;
  if (file.data.length > MAX_CERTIFICATE_FILE_BYTES) {
    throw new AppError('rule_violation', 'signingSettings.fileTooLarge', { name, max: '1 MB' });
  }
  const ders = certificatesInFile(file.data);
  if (ders === null) throw new AppError('rule_violation', 'signingSettings.notCertificate', { name });
  if (ders.length === 0) throw new AppError('rule_violation', 'signingSettings.noCertificates', { name });
  const found: Anchor[] = [];
  for (const der of ders) {
    try {
      found.push({ der, info: describeCertificate(der) });
    } catch {
      throw new AppError('rule_violation', 'signingSettings.notCertificate', { name });
    }
  }
  const cas = found.filter((c) => c.info.isCA);
  if (cas.length === 0) {
    throw new AppError('rule_violation', 'signingSettings.notCa', { name, subject: nameOf(found[0]!.info) });
  }

  const anchors = storedAnchors(app.store);
  const known = new Set(anchors.map((a) => a.info.sha256));
  const result: TrustAnchorImportResult = { fileName: name, added: [], skipped: [] };
  for (const c of found) {
    if (!c.info.isCA) {
      result.skipped.push({ anchor: anchorView(c.info, now), reason: 'not_ca' });
    } else if (known.has(c.info.sha256)) {
      // Already trusted, or twice in this bundle.
      result.skipped.push({ anchor: anchorView(c.info, now), reason: 'duplicate' });
    } else {
      known.add(c.info.sha256);
      anchors.push(c);
      result.added.push(anchorView(c.info, now));
    }
  }
  if (result.added.length > 0) saveAnchors(app.store, anchors);
  return result;
}

export function listTrustAnchors(store: Store, now: Date = new Date()): TrustAnchorView[] {
  return storedAnchors(store).map((a) => anchorView(a.info, now));
}

export function removeTrustAnchor(store: Store, fingerprint: string, now: Date = new Date()): TrustAnchorView {
  const anchors = storedAnchors(store);
  const gone = anchors.find((a) => a.info.sha256 === fingerprint);
  if (!gone) throw new AppError('not_found', 'signingSettings.anchorNotFound', { fingerprint });
  saveAnchors(
    store,
    anchors.filter((a) => a.info.sha256 !== fingerprint),
  );
  return anchorView(gone.info, now);
}

// ------------------------------------------------------------------------------- the token module

const MODULE_KEY = 'signing.tokenModule';
const moduleSetting = z.object({ path: z.string().min(1).nullable() });

/**
 * The PKCS#11 library of a token whose module is not among the known names, set once in the settings'
 * advanced section by whoever installed the token, so the principal's sign dialog never asks for a path.
 */
export function configuredTokenModule(store: Store): string | null {
  return readSetting(store, MODULE_KEY, moduleSetting, { path: null }).path;
}

function tokenModuleView(store: Store): TokenModuleView {
  const path = configuredTokenModule(store);
  return { path, found: findModules(path ? [path] : []).map((m) => ({ path: m.path, vendor: m.vendor })) };
}

export function setTokenModule(store: Store, path: string): TokenModuleView {
  if (path !== '' && !(fs.existsSync(path) && fs.statSync(path).isFile())) {
    throw new AppError('invalid_input', 'signingSettings.moduleMissing', { path }, { field: 'path' });
  }
  writeSetting(store, MODULE_KEY, { path: path === '' ? null : path });
  return tokenModuleView(store);
}

// ------------------------------------------------------------------------------------ procedures

export const signingSettingsHandlers: HandlersFor<typeof signingSettingsApi> = {
  'signing.trustAnchors.list': (ctx) => ({ rows: listTrustAnchors(ctx.app.store) }),

  'signing.trustAnchors.import': (ctx, { fileId }) => {
    ctx.audit.target = `file:${fileId}`;
    const brief = (a: TrustAnchorView) => ({ name: a.commonName || a.subject, fingerprint: a.fingerprint });
    // The audit row commits with the anchors, so it says what was added before the commit.
    return ctx.app.store.transaction(() => {
      const result = importTrustAnchors(ctx.app, currentUser(ctx), fileId);
      ctx.audit.details = {
        file: result.fileName,
        added: result.added.map(brief),
        skipped: result.skipped.map((s) => ({ ...brief(s.anchor), reason: s.reason })),
      };
      return result;
    });
  },

  'signing.trustAnchors.remove': (ctx, { fingerprint }) => {
    ctx.audit.target = `trustAnchor:${fingerprint}`;
    return ctx.app.store.transaction(() => {
      const removed = removeTrustAnchor(ctx.app.store, fingerprint);
      ctx.audit.details = { name: removed.commonName || removed.subject, organization: removed.organization };
      return { removed };
    });
  },

  'signing.settings.get': (ctx) => signingSettings(ctx.app.store),

  'signing.settings.set': (ctx, input) => setSigningSettings(ctx.app.store, input),

  'signing.tokenModule.get': (ctx) => tokenModuleView(ctx.app.store),

  'signing.tokenModule.set': (ctx, { path }) => {
    ctx.audit.target = 'signing:tokenModule';
    return ctx.app.store.transaction(() => setTokenModule(ctx.app.store, path));
  },
};
