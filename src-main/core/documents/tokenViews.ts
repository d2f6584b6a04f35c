/**
 * The USB tokens a PC can see, as the sign dialog shows them: used by the server for its own tokens
 * and by the desktop app's main process for a token plugged into an office PC (DESIGN §6), so both
 * lists look and choose alike. Certificates that cannot sign stay listed, with the reason.
 */
import { AppError } from '../../errors';
import { KNOWN_MODULES } from '../signing';
import type { CertificateView, TokenView } from '../../../src-shared/api/documents';
import { findModules, listTokens, signingProblem, type TokenCertificate, type TokenListing } from '../signing';

/**
 * The CA behind a token, as principals know them: read from its certificates' issuer first (a VNPT
 * token bought years ago may run another vendor's module), else from whose module found it.
 */
const CA_BY_ISSUER: readonly [RegExp, string][] = [
  [/vnpt/i, 'VNPT-CA'],
  [/viettel/i, 'Viettel-CA'],
  [/bkav/i, 'BkavCA'],
  [/fpt/i, 'FPT-CA'],
  [/misa/i, 'MISA-CA'],
  [/nacencomm|\bca2\b/i, 'CA2 (Nacencomm)'],
  [/smart\s*sign|vnpt.?smart/i, 'SmartSign'],
  [/easy\s*ca|\bsafe.?ca\b/i, 'SafeCA'],
  [/newtel/i, 'NewTel-CA'],
  [/efy/i, 'EFY-CA'],
  [/trust\s*ca|\btrustca\b/i, 'TrustCA'],
  [/cyber\s*lotus|lotus/i, 'CyberLotus-CA'],
  [/vgca|ban c[ơo] y[ếe]u|government|ch[íi]nh ph[ủu]/i, 'VGCA (Ban Cơ yếu Chính phủ)'],
];

export function caNameOf(issuers: readonly string[], moduleVendor: string): string {
  for (const issuer of issuers) {
    for (const [pattern, name] of CA_BY_ISSUER) if (pattern.test(issuer)) return name;
  }
  return moduleVendor;
}

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

function tokenView(listing: TokenListing, now: Date, vendor: string): TokenView {
  const certificates = listing.certificates
    .map((c) => certificateView(c, now))
    .filter((c): c is CertificateView => c !== null);
  return {
    provider: caNameOf(
      certificates.map((c) => c.issuer),
      vendor,
    ),
    label: listing.label,
    serial: listing.serial,
    manufacturer: listing.manufacturer,
    model: listing.model,
    pinLow: listing.flags.pinCountLow,
    pinFinalTry: listing.flags.pinFinalTry,
    pinLocked: listing.flags.pinLocked,
    certificates,
  };
}

/**
 * The modules to look in, with whose they are: the one the caller names; else the one set in the
 * signing settings' advanced section (`configured`) first, then every known module found on this PC.
 */
function modulesFor(modulePath?: string, configured?: string | null): { path: string; vendor: string }[] {
  if (modulePath) return [{ path: modulePath, vendor: vendorOfPath(modulePath) }];
  return findModules(configured ? [configured] : []).map((m) => ({
    path: m.path,
    vendor: m.path === configured ? vendorOfPath(m.path) : m.vendor,
  }));
}

/** A module set by hand is named after the known vendor whose file name it has, if any. */
function vendorOfPath(file: string): string {
  const name = file.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  const known = findModuleVendor(name);
  return known ?? name;
}

function findModuleVendor(fileName: string): string | null {
  for (const k of KNOWN_MODULES) {
    if ([...k.windows, ...k.unix].some((n) => n.toLowerCase() === fileName)) return k.vendor;
  }
  return null;
}

export function listTokenViews(
  modulePath?: string,
  configured?: string | null,
): { modules: string[]; providers: string[]; tokens: TokenView[] } {
  const modules = modulesFor(modulePath, configured);
  const now = new Date();
  const tokens = modules.flatMap((m) => {
    try {
      return listTokens(m.path).map((l) => tokenView(l, now, m.vendor));
    } catch (e) {
      // A broken vendor module among several must not hide the others; a named one says what is wrong.
      if (modulePath) throw e;
      return [];
    }
  });
  return {
    modules: modules.map((m) => m.path),
    providers: [...new Set(modules.map((m) => m.vendor))],
    tokens,
  };
}

/** The module holding the chosen token. */
export function moduleOf(
  choice: { modulePath?: string; tokenLabel: string; tokenSerial: string },
  configured?: string | null,
): string {
  for (const { path: m } of modulesFor(choice.modulePath, configured)) {
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
