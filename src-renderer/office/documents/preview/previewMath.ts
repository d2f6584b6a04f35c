/**
 * The small decisions of the preview, kept free of React and pdf.js so they can be read (and tested)
 * on their own: which files are PDFs, zoom steps, the canvas resolution, which page is "current".
 */

/** What the preview needs to know about a stored file (DocumentView's `file` and `signedFile`). */
export interface PreviewFile {
  id: number;
  name: string;
  size: number;
  mime: string;
}

/** A file the preview should try to open as a PDF: by its type, or by its name when the type was lost. */
export function isPdfFile(file: Pick<PreviewFile, 'name' | 'mime'>): boolean {
  return file.mime.toLowerCase() === 'application/pdf' || /\.pdf$/i.test(file.name);
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
/** Readers accept junk before the header (some scanners write it); pdf.js looks this far. */
const HEADER_WINDOW = 1024;

/**
 * Whether the bytes start like a PDF. Checked before pdf.js is even loaded, so a renamed .xlsx or an
 * HTML error page saved as .pdf gets its message at once.
 */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, HEADER_WINDOW) - PDF_MAGIC.length;
  for (let i = 0; i <= end; i++) {
    let match = true;
    for (let j = 0; j < PDF_MAGIC.length; j++) {
      if (bytes[i + j] !== PDF_MAGIC[j]) {
        match = false;
        break;
      }
    }
    if (match) return true;
  }
  return false;
}

/** `viewer`: pdf.js itself could not be loaded (the server went away, the app was updated meanwhile). */
export type PdfFailure = 'password' | 'unreadable' | 'viewer';

/**
 * Why pdf.js could not open a PDF, as the preview tells it. pdf.js does not export its
 * PasswordException class, but names its exceptions.
 */
export function failureOf(error: unknown): PdfFailure {
  return error instanceof Error && error.name === 'PasswordException' ? 'password' : 'unreadable';
}

/** The zoom the user chose: follow the drawer's width, or a fixed scale (1 = 100%, 72 pt per inch). */
export type Zoom = { mode: 'fit' } | { mode: 'scale'; scale: number };

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;
export const ZOOM_STEPS: readonly number[] = [0.25, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The scale at which a page `pageWidth` points wide fills `availableWidth` CSS pixels. */
export function fitWidthScale(availableWidth: number, pageWidth: number): number {
  if (!(availableWidth > 0) || !(pageWidth > 0)) return 1;
  return clampScale(availableWidth / pageWidth);
}

/** The next step up from `scale` (fit-width scales are rarely on a step). */
export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((s) => s > scale + 0.001) ?? MAX_SCALE;
}

/** The next step down from `scale`. */
export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.001) ?? MIN_SCALE;
}

/**
 * Large canvases cost memory (4 bytes a pixel, per page) and browsers refuse very large ones, so a page
 * is drawn at the screen's pixel density only up to this many pixels; beyond it, a little blurrier.
 */
export const MAX_CANVAS_PIXELS = 4096 * 4096;

/** The device pixels per CSS pixel to draw a page of `width` x `height` CSS pixels with. */
export function outputScale(width: number, height: number, devicePixelRatio: number): number {
  const wanted = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const area = width * height * wanted * wanted;
  if (area <= MAX_CANVAS_PIXELS) return wanted;
  return Math.sqrt(MAX_CANVAS_PIXELS / (width * height));
}

/**
 * The page being read: the last one whose top has scrolled above the upper quarter of the view.
 * `tops` are the pages' offsets from the top of the scrolled content, in order; returns 1-based.
 */
export function currentPageAt(tops: readonly number[], scrollTop: number, viewHeight: number): number {
  const line = scrollTop + viewHeight / 4;
  let current = 1;
  for (let i = 0; i < tops.length; i++) {
    if (tops[i]! <= line) current = i + 1;
    else break;
  }
  return current;
}
