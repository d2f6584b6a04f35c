/**
 * A word-processor document as the test readers see it: paragraphs of formatted runs and tables of
 * plain cells. The .docx reader produces it from WordprocessingML; the formatting kept is what carries
 * meaning in a Vietnamese test (underline or red marks the right answer, bold/italic/sub/sup are the
 * question's own formatting, images are part of the question).
 */

export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  /** The run's colour as six hex digits, upper case ("FF0000"); absent for automatic. */
  readonly color?: string;
  /** Highlighter colour name as Word stores it ("yellow"). */
  readonly highlight?: string;
  readonly vertical?: 'superscript' | 'subscript';
  /** An inline picture: the key of the media file the reader extracted. */
  readonly image?: string;
}

/** A table cell's paragraphs. */
export type Cell = readonly (readonly Run[])[];

export type Block =
  | { readonly kind: 'paragraph'; readonly runs: readonly Run[] }
  | { readonly kind: 'table'; readonly rows: readonly (readonly Cell[])[] };

export function paragraphText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

export function cellText(cell: Cell): string {
  return cell.map(paragraphText).join('\n');
}

/**
 * Red as teachers mark answers: pure red, Word's dark red and the reds of its palette, not orange or pink.
 * Hue within ±15° of red, saturated, not too light.
 */
export function isRed(color: string | undefined): boolean {
  if (!color || !/^[0-9A-F]{6}$/i.test(color)) return false;
  const r = parseInt(color.slice(0, 2), 16) / 255;
  const g = parseInt(color.slice(2, 4), 16) / 255;
  const b = parseInt(color.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max !== r || max < 0.5 || max - min < 0.45) return false;
  const hue = (60 * (g - b)) / (max - min);
  return hue > -15 && hue < 15;
}
