/**
 * Paths inside a package (a .docx, a QTI content package): a reference is resolved against the part that
 * makes it, and one that climbs out of the package or names a URL is no part at all, so nothing outside
 * the upload is ever read (zip path traversal).
 */

/** "word/../media/x.png" → "media/x.png"; null when the path leaves the package. */
export function normalisePart(path: string): string | null {
  const out: string[] = [];
  for (const piece of path.split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(piece);
  }
  return out.length > 0 ? out.join('/') : null;
}

/**
 * The part `reference` names, as written in part `from` (relative to its folder, or from the package's
 * root when it starts with "/"). URLs (http:, file:, data: …) and backslash paths are not parts.
 */
export function resolvePart(from: string, reference: string): string | null {
  let ref: string;
  try {
    ref = decodeURIComponent(reference.trim());
  } catch {
    return null;
  }
  if (ref === '' || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref) || ref.includes('\\') || ref.includes('\0')) return null;
  if (ref.startsWith('/')) return normalisePart(ref);
  const folder = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  return normalisePart(folder + ref);
}
