/**
 * Which addresses the desktop window may show and which may leave the app for the system browser or
 * mail client (DESIGN §5). Everything is decided on parsed URLs, never on string prefixes, so
 * "http://127.0.0.1:5175@evil.example" or "https://moet.gov.vn.evil.example" cannot slip through.
 */

/** Sites a link in the app may open in the user's browser: the Ministry and school/department sites. */
export const EXTERNAL_HOSTS: readonly string[] = ['moet.gov.vn', 'edu.vn', 'chinhphu.vn'];

const MAILTO_PARAMS = new Set(['subject', 'body', 'cc', 'bcc']);

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** The origin of an http(s) address; null for anything else (file:, data:, javascript:, …). */
export function httpOriginOf(raw: string): string | null {
  const url = parse(raw);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  return url.origin;
}

/** The window stays on the school server it was given: same scheme, host and port. */
export function isSameOriginNavigation(raw: string, trustedOrigin: string | null): boolean {
  if (trustedOrigin === null) return false;
  return httpOriginOf(raw) === trustedOrigin;
}

function hostAllowed(hostname: string): boolean {
  return EXTERNAL_HOSTS.some((allowed) => hostname === allowed || hostname.endsWith(`.${allowed}`));
}

/**
 * The normalised address to hand to `shell.openExternal`, or null when the link must be dropped.
 * Only https to an allowlisted host, or mailto without extras some mail clients honour (attach=…).
 */
export function externalUrlToOpen(raw: string): string | null {
  const url = parse(raw);
  if (!url) return null;
  if (url.protocol === 'https:') {
    if (url.username || url.password || url.port !== '') return null;
    return hostAllowed(url.hostname) ? url.href : null;
  }
  if (url.protocol === 'mailto:') {
    for (const key of url.searchParams.keys()) if (!MAILTO_PARAMS.has(key.toLowerCase())) return null;
    return url.pathname.includes('@') ? url.href : null;
  }
  return null;
}
