/**
 * Reading a PDF back with poppler's tools (pdftotext, pdffonts, pdfinfo), the independent readers the
 * tests trust rather than the library that wrote the file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Runs a poppler tool on the bytes written to a temporary file, removed afterwards. */
function onFile(bytes: Uint8Array, tool: string, args: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-print-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, bytes);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the whole file, or of pages first..last; `layout` keeps the columns of a table on one line. */
export function pdfText(bytes: Uint8Array, options: { first?: number; last?: number; layout?: boolean } = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (options.layout) args.push('-layout');
  if (options.first) args.push('-f', String(options.first));
  if (options.last) args.push('-l', String(options.last));
  return onFile(bytes, 'pdftotext', args);
}

/** Whitespace (line ends, the gaps between table cells) folded to single spaces. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

export function pdfFonts(bytes: Uint8Array): PdfFont[] {
  const lines = onFile(bytes, 'pdffonts', []).trim().split('\n').slice(2);
  return lines.map((line) => {
    // name type… encoding emb sub uni object ID: the flags are the 5th to 3rd columns from the end.
    const cols = line.trim().split(/\s+/);
    return {
      name: cols[0]!,
      type: cols.slice(1, -6).join(' '),
      embedded: cols.at(-5) === 'yes',
      subset: cols.at(-4) === 'yes',
      unicode: cols.at(-3) === 'yes',
    };
  });
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = onFile(bytes, 'pdfinfo', ['-isodates']);
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!.trim()] = m[2]!.trim();
  }
  return info;
}

export function pageCount(bytes: Uint8Array): number {
  return Number(pdfInfo(bytes).Pages);
}
