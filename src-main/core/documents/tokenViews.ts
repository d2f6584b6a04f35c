/**
 * The USB tokens a PC can see, as the sign dialog shows them: used by the server for its own tokens
 * and by the desktop app's main process for a token plugged into an office PC (DESIGN §6), so both
 * lists look and choose alike. Certificates that cannot sign stay listed, with the reason.
 */
import { AppError } from '../../errors';
import type { CertificateView, TokenView } from '../../../src-shared/api/documents';
import { findModules, listTokens, signingProblem, type TokenCertificate, type TokenListing } from '../signing';

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

function tokenView(listing: TokenListing, now: Date): TokenView {
  return {
    label: listing.label,
    serial: listing.serial,
    manufacturer: listing.manufacturer,
    model: listing.model,
    pinLow: listing.flags.pinCountLow,
    pinFinalTry: listing.flags.pinFinalTry,
    pinLocked: listing.flags.pinLocked,
    certificates: listing.certificates
      .map((c) => certificateView(c, now))
      .filter((c): c is CertificateView => c !== null),
  };
}

/** The modules to look in: the one the user names, else every known module found on this PC. */
function modulesFor(modulePath?: string): string[] {
  return modulePath ? [modulePath] : findModules().map((m) => m.path);
}

export function listTokenViews(modulePath?: string): { modules: string[]; tokens: TokenView[] } {
  const modules = modulesFor(modulePath);
  const now = new Date();
  const tokens = modules.flatMap((m) => {
    try {
      return listTokens(m).map((l) => tokenView(l, now));
    } catch (e) {
      // A broken vendor module among several must not hide the others; a named one says what is wrong.
      if (modulePath) throw e;
      return [];
    }
  });
  return { modules, tokens };
}

/** The module holding the chosen token. */
export function moduleOf(choice: { modulePath?: string; tokenLabel: string; tokenSerial: string }): string {
  for (const m of modulesFor(choice.modulePath)) {
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
