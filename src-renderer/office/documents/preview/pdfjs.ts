/// <reference types="vite/client" />
/**
 * Mozilla's pdf.js, set up for the app's Content-Security-Policy (src-main/server/http.ts). Only
 * PdfPreview imports this module, and lazily, so pdf.js lands in a chunk of its own that is fetched the
 * first time a PDF is previewed.
 *
 * - The legacy build: the modern one calls Map#getOrInsertComputed and other APIs newer than the
 *   Chromium of our Electron (39 = Chromium 142); the legacy build carries its polyfills.
 * - The worker is a same-origin module worker emitted by vite as a plain asset (`?url`), so the CSP
 *   needs only `worker-src 'self'`: no blob: worker, no CDN.
 * - `isEvalSupported: false`: pdf.js would otherwise compile PDF functions with `new Function`, which
 *   `script-src 'self'` refuses (and reports as a violation).
 * - `useWasm: false`: compiling WebAssembly would need 'wasm-unsafe-eval'. pdf.js falls back to
 *   JavaScript where it has a fallback; rare JBIG2/JPEG 2000 images in scans may then stay blank.
 * - Fonts: with system fonts allowed (the browser default), pdf.js asks for data only for the Symbol
 *   and ZapfDingbats fonts when a PDF uses them without embedding; those two files ship with the
 *   bundle, so nothing is fetched from outside and the preview works offline.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import symbolFontUrl from 'pdfjs-dist/standard_fonts/FoxitSymbol.pfb?url';
import dingbatsFontUrl from 'pdfjs-dist/standard_fonts/FoxitDingbats.pfb?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** The bundled standard font files by the name pdf.js asks for. */
const BUNDLED_FONTS: Readonly<Record<string, string>> = {
  'FoxitSymbol.pfb': symbolFontUrl,
  'FoxitDingbats.pfb': dingbatsFontUrl,
};

/**
 * Hands pdf.js the font files bundled by vite (their names are hashed, so pdf.js's own
 * "base URL + file name" scheme cannot find them). pdf.js calls `fetch` for cMaps, standard fonts and
 * wasm; only fonts are ever served.
 */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const url = kind === 'standardFontDataUrl' ? BUNDLED_FONTS[filename] : undefined;
    if (!url) throw new Error(`pdf.js asked for ${kind} ${filename}, which the app does not ship`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  /** Stops loading and frees the worker's copy of the document. */
  destroy(): Promise<void>;
}

/** Opens a PDF from its bytes; rejects with pdf.js's own exceptions (see previewMath's failureOf). */
export async function openPdf(data: Uint8Array): Promise<OpenedPdf> {
  const task = getDocument({
    // pdf.js transfers the buffer to its worker: give it a copy so the caller's bytes stay usable.
    data: data.slice(),
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    BinaryDataFactory: BundledDataFactory,
    // Nothing to fetch: the bytes are already here.
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    return { doc, destroy: () => task.destroy() };
  } catch (error) {
    void task.destroy();
    throw error;
  }
}
