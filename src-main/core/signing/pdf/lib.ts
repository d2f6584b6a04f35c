/**
 * pdf-lib, loaded on first use: it takes a few hundred milliseconds to load, which every `truongso`
 * command and the server's cold start would otherwise pay before anyone signs anything.
 */
import type * as PdfLibModule from 'pdf-lib';

export type PdfLib = typeof PdfLibModule;

let loading: Promise<PdfLib> | undefined;

export function loadPdfLib(): Promise<PdfLib> {
  loading ??= import('pdf-lib');
  return loading;
}
