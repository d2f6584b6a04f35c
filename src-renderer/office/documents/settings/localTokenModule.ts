/**
 * The USB token library (PKCS#11) of THIS PC, for the desktop app signing with a token plugged in here:
 * set in the signing settings' advanced section by whoever installed the token, remembered by this PC
 * only (each office PC has its own vendor software), and used by the sign dialog without asking.
 */
const KEY = 'truongso.signing.localTokenModule';

export function localTokenModule(): string | undefined {
  try {
    return localStorage.getItem(KEY) || undefined;
  } catch {
    // Storage refused (a locked-down profile): the known modules are still looked in.
    return undefined;
  }
}

export function setLocalTokenModule(path: string): void {
  try {
    if (path) localStorage.setItem(KEY, path);
    else localStorage.removeItem(KEY);
  } catch {
    // As above: nothing to remember with.
  }
}
