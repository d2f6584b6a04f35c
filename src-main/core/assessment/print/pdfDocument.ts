/**
 * What the printed assessment documents share on top of pdfkit: the Nghị định 30/2020 page (A4, margins,
 * the serif of fonts.ts), the two header blocks, tables whose rows grow with their text and carry on over
 * page breaks with the header repeated, and the signature blocks. Every piece places its text at explicit
 * coordinates with a height, so pdfkit never breaks a page on its own.
 *
 * The output is ready for a PAdES signature: embedded subset fonts, no form fields, no annotations, and the
 * same bytes for the same input (the creation date comes from the document's own date).
 */
import PDFDocument from 'pdfkit';
import type { SchoolHeader } from './types';
import { officialSerifFaces, type SerifStyle } from './fonts';

/** PDF points per millimetre. */
export const MM = 72 / 25.4;

export type Align = 'left' | 'center' | 'right';

export interface Margins {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Nghị định 30/2020, Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const ND30_MARGINS: Margins = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

export interface TextStyle {
  readonly font?: SerifStyle;
  readonly size?: number;
  readonly align?: Align;
  readonly lineGap?: number;
}

/** Vietnamese typed on some keyboards or pasted from the web arrives decomposed; the PDF holds NFC text. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** 'yyyy-MM-dd' → dd/MM/yyyy; anything else as it is. */
export function vnDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * "Hà Nội, ngày 05 tháng 02 năm 2025". Nghị định 30 writes a leading zero only on days below 10 and on
 * months 1 and 2 (so "tháng 5", but "tháng 02").
 */
export function placeAndDate(place: string, iso: string): string {
  const where = place.trim() || '……………';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return `${where}, ngày …… tháng …… năm ……`;
  const month = Number(m[2]);
  return `${where}, ngày ${m[3]} tháng ${month <= 2 ? m[2] : String(month)} năm ${m[1]}`;
}

/**
 * A fixed creation date, so the same input gives the same bytes: the document's date at 08:00 in
 * Việt Nam, which is the same calendar day in UTC (pdfkit writes the date in UTC).
 */
export function creationDateOf(iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 1)) : new Date(0);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

export interface PdfOptions {
  readonly layout: 'portrait' | 'landscape';
  readonly margins: Margins;
  readonly title: string;
  readonly author: string;
  readonly subject?: string;
  /** 'yyyy-MM-dd'. */
  readonly date: string;
}

/** One official PDF being laid out: a cursor (y) moving down the current page. */
export class OfficialPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly margins: Margins;
  readonly pageWidth: number;
  readonly pageHeight: number;
  y = 0;
  pages = 0;
  readonly #chunks: Buffer[] = [];
  readonly #done: Promise<Buffer>;

  constructor(options: PdfOptions) {
    const faces = officialSerifFaces();
    this.margins = options.margins;
    this.doc = new PDFDocument({
      size: 'A4',
      layout: options.layout,
      autoFirstPage: false,
      // No default font: pdfkit would load Helvetica's metrics from files that the worker bundle lacks.
      font: null as unknown as string,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      pdfVersion: '1.7',
      lang: 'vi-VN',
      displayTitle: true,
      info: {
        Title: nfc(options.title),
        Author: nfc(options.author),
        Subject: options.subject ? nfc(options.subject) : undefined,
        Creator: 'Trường Số',
        Producer: 'Trường Số',
        CreationDate: creationDateOf(options.date),
      },
    });
    if (!options.subject) delete this.doc.info.Subject;
    // pdfkit takes a parsed fontkit font as a source too (its typings list only bytes and paths).
    this.doc.registerFont('regular', faces.regular as unknown as Buffer);
    this.doc.registerFont('bold', faces.bold as unknown as Buffer);
    this.doc.registerFont('italic', faces.italic as unknown as Buffer);
    this.doc.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    this.#done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.#chunks)));
      this.doc.on('error', reject);
    });
    const [w, h] = options.layout === 'portrait' ? [595.28, 841.89] : [841.89, 595.28];
    this.pageWidth = w;
    this.pageHeight = h;
  }

  get left(): number {
    return this.margins.left;
  }
  get right(): number {
    return this.pageWidth - this.margins.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  get top(): number {
    return this.margins.top;
  }
  get bottom(): number {
    return this.pageHeight - this.margins.bottom;
  }
  get room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: this.pageWidth > this.pageHeight ? 'landscape' : 'portrait', margin: 0 });
    this.pages++;
    this.y = this.top;
  }

  /** A new page unless `height` fits below the cursor; true when it started one. */
  ensure(height: number): boolean {
    if (this.pages > 0 && this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  #use(style: TextStyle): void {
    this.doc.font(style.font ?? 'regular').fontSize(style.size ?? 13);
  }

  heightOf(text: string, width: number, style: TextStyle = {}): number {
    if (!text) {
      this.#use(style);
      return this.doc.currentLineHeight(true) + (style.lineGap ?? 0);
    }
    this.#use(style);
    return this.doc.heightOfString(nfc(text), { width, lineGap: style.lineGap ?? 0 });
  }

  widthOf(text: string, style: TextStyle = {}): number {
    this.#use(style);
    return this.doc.widthOfString(nfc(text));
  }

  /** Text wrapped in a box at (x, y); returns its height. Never starts a page. */
  text(text: string, x: number, y: number, width: number, style: TextStyle = {}): number {
    const height = this.heightOf(text, width, style);
    if (text) {
      this.#use(style);
      this.doc.text(nfc(text), x, y, {
        width,
        height: height + 1,
        align: style.align ?? 'left',
        lineGap: style.lineGap ?? 0,
      });
    }
    return height;
  }

  /** A paragraph across the text width at the cursor, moving the cursor below it (a new page if needed). */
  paragraph(text: string, style: TextStyle = {}, after = 0): void {
    const height = this.heightOf(text, this.width, style);
    this.ensure(height);
    this.text(text, this.left, this.y, this.width, style);
    this.y += height + after;
  }

  #fieldParts(label: string, width: number, labelStyle: TextStyle): { labelText: string; labelWidth: number } {
    const labelText = `${label} `;
    return { labelText, labelWidth: Math.min(this.widthOf(labelText, labelStyle), width * 0.6) };
  }

  fieldHeight(
    label: string,
    value: string,
    width: number,
    labelStyle: TextStyle = {},
    valueStyle: TextStyle = {},
  ): number {
    const { labelText, labelWidth } = this.#fieldParts(label, width, labelStyle);
    const labelHeight = this.heightOf(labelText, labelWidth + 1, labelStyle);
    return Math.max(labelHeight, value ? this.heightOf(value, width - labelWidth, valueStyle) : 0);
  }

  /**
   * "Label: value" where the value may wrap under itself; the label in `labelStyle`, the value in
   * `valueStyle`. Returns the height.
   */
  field(
    label: string,
    value: string,
    x: number,
    y: number,
    width: number,
    labelStyle: TextStyle = {},
    valueStyle: TextStyle = {},
  ): number {
    const { labelText, labelWidth } = this.#fieldParts(label, width, labelStyle);
    const labelHeight = this.text(labelText, x, y, labelWidth + 1, labelStyle);
    const valueHeight = value ? this.text(value, x + labelWidth, y, width - labelWidth, valueStyle) : 0;
    return Math.max(labelHeight, valueHeight);
  }

  /** Cuts `text` at a word boundary where the part before fits `height` in `width`. */
  fitPrefix(text: string, width: number, height: number, style: TextStyle = {}): [string, string] {
    const words = text.split(/(\s+)/);
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const head = words.slice(0, mid).join('').trimEnd();
      if (this.heightOf(head, width, style) <= height) lo = mid;
      else hi = mid - 1;
    }
    if (lo === 0) lo = 1; // a single word longer than the room: pdfkit breaks it inside the box
    return [words.slice(0, lo).join('').trimEnd(), words.slice(lo).join('').trimStart()];
  }

  /** Text of any length across the text width from the cursor, carried on over as many pages as it needs. */
  flow(text: string, style: TextStyle = {}, after = 0): void {
    let rest = text;
    for (;;) {
      const height = this.heightOf(rest, this.width, style);
      const line = this.heightOf('X', this.width, style);
      if (this.pages === 0 || this.room < line) this.newPage();
      if (height <= this.room) {
        this.text(rest, this.left, this.y, this.width, style);
        this.y += height + after;
        return;
      }
      const [now, later] = this.fitPrefix(rest, this.width, this.room, style);
      this.text(now, this.left, this.y, this.width, style);
      this.newPage();
      if (!later) return;
      rest = later;
    }
  }

  line(x1: number, y1: number, x2: number, y2: number, width = 0.6): void {
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor('black').stroke();
  }

  rect(x: number, y: number, w: number, h: number, fill?: string): void {
    if (fill) this.doc.rect(x, y, w, h).fillColor(fill).fill().fillColor('black');
    this.doc.rect(x, y, w, h).lineWidth(0.6).strokeColor('black').stroke();
  }

  /**
   * The two header blocks of Nghị định 30: the superior body and the school top left (the school bold,
   * a short rule under it), the national title and motto top right (the motto underlined by a rule as
   * long as itself). Moves the cursor below both.
   */
  nationalHeader(school: SchoolHeader, leftShare = 0.42): void {
    const gap = 6;
    const leftWidth = this.width * leftShare - gap;
    const rightX = this.left + this.width * leftShare;
    const rightWidth = this.right - rightX;
    const size = 12.5;
    let ly = this.y;
    if (school.educationOffice.trim()) {
      ly += this.text(school.educationOffice.toLocaleUpperCase('vi'), this.left, ly, leftWidth, {
        size,
        align: 'center',
      });
    }
    const schoolName = school.name.toLocaleUpperCase('vi');
    ly += this.text(schoolName, this.left, ly, leftWidth, { size, font: 'bold', align: 'center' });
    const rule = Math.min(this.widthOf(schoolName, { size, font: 'bold' }), leftWidth) / 2.5;
    const leftMid = this.left + leftWidth / 2;
    this.line(leftMid - rule / 2, ly + 3, leftMid + rule / 2, ly + 3);
    ly += 4;

    let ry = this.y;
    const nation = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    const nationSize = Math.min(size, (size * rightWidth) / Math.max(1, this.widthOf(nation, { size, font: 'bold' })));
    ry += this.text(nation, rightX, ry, rightWidth, { size: nationSize, font: 'bold', align: 'center' });
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    const mottoSize = size + 0.5;
    ry += this.text(motto, rightX, ry, rightWidth, { size: mottoSize, font: 'bold', align: 'center' });
    const mottoWidth = this.widthOf(motto, { size: mottoSize, font: 'bold' });
    const rightMid = rightX + rightWidth / 2;
    this.line(rightMid - mottoWidth / 2, ry + 2, rightMid + mottoWidth / 2, ry + 2);
    ry += 4;
    this.y = Math.max(ly, ry);
  }

  /**
   * The date line and the two signature blocks: GVCN left, the principal right, each with its title,
   * the hint, `gap` of empty space for the handwritten or visible digital signature, then the name.
   * Kept on one page. Returns where the empty spaces are (PDF user space, origin top-left of the page).
   */
  signatures(
    place: string,
    date: string,
    blocks: readonly { title: string; hint: string; name: string }[],
    gap = 25 * MM,
  ): SignatureBox[] {
    const size = 13;
    const blockWidth = Math.min(this.width / blocks.length, 260);
    const dateLine = placeAndDate(place, date);
    const lineH = this.heightOf('X', blockWidth, { size });
    const height = lineH * 4 + gap + 8;
    this.ensure(height);
    const xs = blocks.map((_, i) =>
      blocks.length === 1 ? this.right - blockWidth : this.left + (i * (this.width - blockWidth)) / (blocks.length - 1),
    );
    const lastX = xs[xs.length - 1]!;
    this.y += this.text(dateLine, lastX - 30, this.y, blockWidth + 30, { size, font: 'italic', align: 'center' });
    this.y += 2;
    const boxes: SignatureBox[] = [];
    let bottom = this.y;
    blocks.forEach((block, i) => {
      const x = xs[i]!;
      let y = this.y;
      y += this.text(block.title.toLocaleUpperCase('vi'), x, y, blockWidth, { size, font: 'bold', align: 'center' });
      y += this.text(block.hint, x, y, blockWidth, { size: 12, font: 'italic', align: 'center' });
      boxes.push({ page: this.pages, x, y, width: blockWidth, height: gap });
      y += gap;
      if (block.name) y += this.text(block.name, x, y, blockWidth, { size, font: 'bold', align: 'center' });
      bottom = Math.max(bottom, y);
    });
    this.y = bottom + 6;
    return boxes;
  }

  finish(): Promise<Buffer> {
    this.doc.end();
    return this.#done;
  }
}

/** The empty space left for a signature, for the signing capability's visible signature. */
export interface SignatureBox {
  /** 1-based page number in the file. */
  readonly page: number;
  /** Left, top, width and height in points, from the top-left corner of the page. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

// ------------------------------------------------------------------------------------------ tables

export interface Column {
  readonly width: number;
  readonly align?: Align;
}

export interface Cell {
  readonly text: string;
  readonly font?: SerifStyle;
  readonly align?: Align;
  /** Columns this cell covers (1 when absent). */
  readonly span?: number;
  readonly fill?: string;
  /** Font size when not the table's. */
  readonly size?: number;
}

export interface TableStyle {
  readonly size: number;
  readonly padX: number;
  readonly padY: number;
  readonly minRowHeight: number;
}

/**
 * A table laid row by row at the cursor. The header is drawn by the caller's function (tables differ:
 * two- or three-level headers, rotated labels), again at the top of each new page. A row is never split
 * unless it alone is taller than a page: then its longest cells carry on over pages, the text broken
 * between lines.
 */
export class Table {
  readonly #pdf: OfficialPdf;
  readonly #columns: readonly Column[];
  readonly #style: TableStyle;
  readonly #header: (y: number) => number;
  readonly #x: number;

  constructor(
    pdf: OfficialPdf,
    columns: readonly Column[],
    style: TableStyle,
    header: (y: number) => number,
    x = pdf.left,
  ) {
    this.#pdf = pdf;
    this.#columns = columns;
    this.#style = style;
    this.#header = header;
    this.#x = x;
  }

  get width(): number {
    return this.#columns.reduce((sum, c) => sum + c.width, 0);
  }

  /** The header at the cursor, on a new page when it and `firstRowHeight` do not fit. */
  start(firstRowHeight = 0): void {
    const probe = this.#header(Number.NaN);
    this.#pdf.ensure(probe + firstRowHeight);
    this.#pdf.y += this.#header(this.#pdf.y);
  }

  #placed(cells: readonly Cell[]): { cell: Cell; x: number; width: number; align: Align }[] {
    const out: { cell: Cell; x: number; width: number; align: Align }[] = [];
    let col = 0;
    let x = this.#x;
    for (const cell of cells) {
      const span = cell.span ?? 1;
      const width = this.#columns.slice(col, col + span).reduce((sum, c) => sum + c.width, 0);
      out.push({ cell, x, width, align: cell.align ?? this.#columns[col]?.align ?? 'left' });
      x += width;
      col += span;
    }
    return out;
  }

  #cellHeight(cell: Cell, width: number): number {
    const { padX, padY } = this.#style;
    const size = cell.size ?? this.#style.size;
    return this.#pdf.heightOf(cell.text, width - 2 * padX, { size, font: cell.font }) + 2 * padY;
  }

  rowHeight(cells: readonly Cell[]): number {
    const heights = this.#placed(cells).map((p) => this.#cellHeight(p.cell, p.width));
    return Math.max(this.#style.minRowHeight, ...heights);
  }

  #draw(cells: readonly Cell[], height: number): void {
    const pdf = this.#pdf;
    const { padX, padY } = this.#style;
    for (const { cell, x, width, align } of this.#placed(cells)) {
      pdf.rect(x, pdf.y, width, height, cell.fill);
      if (!cell.text) continue;
      const size = cell.size ?? this.#style.size;
      const textHeight = pdf.heightOf(cell.text, width - 2 * padX, { size, font: cell.font });
      // One-line cells sit in the middle of a taller row; wrapped text starts at the top.
      const top = textHeight + 2 * padY < height - 1 && textHeight < size * 1.6 ? (height - textHeight) / 2 : padY;
      pdf.text(cell.text, x + padX, pdf.y + top, width - 2 * padX, { size, font: cell.font, align });
    }
    pdf.y += height;
  }

  row(cells: readonly Cell[]): void {
    const pdf = this.#pdf;
    const { padX, padY, minRowHeight } = this.#style;
    let pending = cells;
    let fresh = false;
    for (;;) {
      const height = this.rowHeight(pending);
      if (pdf.y + height <= pdf.bottom) {
        this.#draw(pending, height);
        return;
      }
      const fullPage = pdf.bottom - pdf.top - this.#header(Number.NaN);
      if (!fresh && (height <= fullPage || pdf.room < minRowHeight * 3)) {
        pdf.newPage();
        pdf.y += this.#header(pdf.y);
        fresh = true;
        continue;
      }
      // Taller than any page: what fits here, the rest continues below the header on the next page.
      const room = pdf.room - 2 * padY;
      const head: Cell[] = [];
      const tail: Cell[] = [];
      for (const p of this.#placed(pending)) {
        const size = p.cell.size ?? this.#style.size;
        const [now, later] = pdf.fitPrefix(p.cell.text, p.width - 2 * padX, room, { size, font: p.cell.font });
        head.push({ ...p.cell, text: now });
        tail.push({ ...p.cell, text: later });
      }
      this.#draw(head, pdf.room);
      pdf.newPage();
      pdf.y += this.#header(pdf.y);
      fresh = true;
      pending = tail;
    }
  }
}

/**
 * Header cells placed on a grid of the table's columns and header rows: each covers columns
 * [col, col + span) and rows [row, row + rowSpan). `rotate` writes the label bottom to top, for the narrow
 * columns of the class summary.
 */
export interface HeaderCell {
  readonly text: string;
  readonly col: number;
  readonly span?: number;
  readonly row: number;
  readonly rowSpan?: number;
  readonly rotate?: boolean;
  readonly size?: number;
}

/**
 * Draws a grid header at y and returns its height; with y NaN only measures. Rotated labels get smaller
 * until they fit their cell.
 */
export function drawGridHeader(
  pdf: OfficialPdf,
  x0: number,
  y: number,
  columns: readonly Column[],
  rowHeights: readonly number[],
  cells: readonly HeaderCell[],
  fill = '#e8e8e8',
): number {
  const total = rowHeights.reduce((a, b) => a + b, 0);
  if (Number.isNaN(y)) return total;
  const colX = [x0];
  for (const c of columns) colX.push(colX[colX.length - 1]! + c.width);
  const rowY = [y];
  for (const h of rowHeights) rowY.push(rowY[rowY.length - 1]! + h);
  const pad = 2;
  for (const cell of cells) {
    const span = cell.span ?? 1;
    const rowSpan = cell.rowSpan ?? 1;
    const x = colX[cell.col]!;
    const w = colX[cell.col + span]! - x;
    const top = rowY[cell.row]!;
    const h = rowY[cell.row + rowSpan]! - top;
    pdf.rect(x, top, w, h, fill);
    let size = cell.size ?? 9;
    if (cell.rotate) {
      // Writing bottom to top: the box is h wide and w tall once turned.
      while (size > 5 && pdf.heightOf(cell.text, h - 2 * pad, { size, font: 'bold' }) > w - 1) size -= 0.5;
      const textHeight = pdf.heightOf(cell.text, h - 2 * pad, { size, font: 'bold' });
      pdf.doc.save();
      pdf.doc.translate(x + w / 2, top + h / 2).rotate(-90);
      pdf.text(cell.text, -h / 2 + pad, -textHeight / 2, h - 2 * pad, { size, font: 'bold', align: 'center' });
      pdf.doc.restore();
    } else {
      while (size > 5 && pdf.heightOf(cell.text, w - 2 * pad, { size, font: 'bold' }) > h - 1) size -= 0.5;
      const textHeight = pdf.heightOf(cell.text, w - 2 * pad, { size, font: 'bold' });
      pdf.text(cell.text, x + pad, top + (h - textHeight) / 2, w - 2 * pad, { size, font: 'bold', align: 'center' });
    }
  }
  return total;
}
