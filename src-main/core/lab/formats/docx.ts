/**
 * A Word document (.docx, WordprocessingML) read into paragraphs and tables of formatted runs
 * (documentBlocks.ts), for the Word test reader. Direct run formatting is read (what a teacher applies
 * to mark an answer); formatting that comes from styles is not. Tracked deletions, the fallback copies of
 * drawings (mc:Fallback) and field codes are not text. Pictures become runs naming the package part that
 * holds them, so the caller can take the bytes it stores.
 *
 * The package is read with the import's zip reader (declared sizes budgeted before inflating) and its
 * strict XML reader (no DTD, so no external or expanding entities).
 */
import { readXml } from '../../records/xlsx/xml';
import type { ZipArchive } from '../../records/xlsx/zip';
import type { Block, Cell, Run } from './documentBlocks';
import { resolvePart } from './packagePaths';

export class NotWordDocumentError extends Error {}

interface Format {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
  highlight?: string;
  vertical?: 'superscript' | 'subscript';
}

const ON = (value: string | undefined) => value === undefined || !/^(0|false|off|none)$/i.test(value);

/** Relationship id → package part, from word/_rels/document.xml.rels. */
function readRelationships(xml: string | null): Map<string, string> {
  const map = new Map<string, string>();
  if (!xml) return map;
  let id = '';
  let target = '';
  let external = false;
  readXml(xml, {
    open() {
      id = '';
      target = '';
      external = false;
    },
    attribute(name, value) {
      if (name === 'Id') id = value;
      else if (name === 'Target') target = value;
      else if (name === 'TargetMode') external = value === 'External';
    },
    text() {},
    close(name) {
      // A linked (external) picture would make the reader fetch a URL: only parts inside the package.
      if (name === 'Relationship' && id && target && !external) {
        const part = resolvePart('word/document.xml', target);
        if (part) map.set(id, part);
      }
    },
  });
  return map;
}

export async function readDocxBlocks(zip: ZipArchive): Promise<Block[]> {
  const document = await zip.text('word/document.xml');
  if (document === null) throw new NotWordDocumentError('word/document.xml is missing');
  const relationships = readRelationships(await zip.text('word/_rels/document.xml.rels'));
  return documentBlocks(document, relationships);
}

/** The blocks of word/document.xml; `relationships` resolves picture ids to package parts. */
export function documentBlocks(xml: string, relationships: ReadonlyMap<string, string>): Block[] {
  const blocks: Block[] = [];
  // Tables nest; each level holds its rows, the current row its cells, the current cell its paragraphs.
  const tables: { rows: Cell[][]; row: Cell[] | null; cell: (readonly Run[])[] | null }[] = [];
  let paragraph: Run[] | null = null;
  let format: Format = {};
  let inRunProperties = false;
  let inText = false;
  let skipDepth = 0;
  const path: string[] = [];

  const pushRun = (run: Run) => {
    if (!paragraph) return;
    const last = paragraph[paragraph.length - 1];
    // Word splits runs at every spell-check or edit boundary: join runs formatted alike.
    if (last && !last.image && !run.image && sameFormat(last, run)) {
      paragraph[paragraph.length - 1] = { ...last, text: last.text + run.text };
    } else paragraph.push(run);
  };

  let attrs: Record<string, string> = {};
  let element = '';
  const openElement = (name: string) => {
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    switch (name) {
      case 'w:del':
      case 'w:delText':
      case 'mc:Fallback':
      case 'w:instrText':
      case 'w:footnoteReference':
      case 'w:pPr':
        // Paragraph properties carry the paragraph mark's run properties: not any text's formatting.
        skipDepth = 1;
        return;
      case 'w:tbl':
        tables.push({ rows: [], row: null, cell: null });
        return;
      case 'w:tr':
        if (tables.length) tables[tables.length - 1]!.row = [];
        return;
      case 'w:tc':
        if (tables.length) tables[tables.length - 1]!.cell = [];
        return;
      case 'w:p':
        paragraph = [];
        return;
      case 'w:r':
        format = {};
        return;
      case 'w:rPr':
        inRunProperties = true;
        return;
      case 'w:t':
        inText = true;
        return;
    }
  };

  const applyElement = (name: string) => {
    if (skipDepth > 0) return;
    if (inRunProperties) {
      const val = attrs['w:val'];
      switch (name) {
        case 'w:b':
          format.bold = ON(val);
          break;
        case 'w:i':
          format.italic = ON(val);
          break;
        case 'w:u':
          format.underline = val !== undefined && val !== 'none';
          break;
        case 'w:color':
          if (val && /^[0-9A-Fa-f]{6}$/.test(val)) format.color = val.toUpperCase();
          break;
        case 'w:highlight':
          if (val && val !== 'none') format.highlight = val;
          break;
        case 'w:vertAlign':
          if (val === 'superscript' || val === 'subscript') format.vertical = val;
          break;
        case 'w:position': {
          // LibreOffice writes raised and lowered text as a position in half-points.
          const n = Number(val);
          if (n > 0) format.vertical = 'superscript';
          else if (n < 0) format.vertical = 'subscript';
          break;
        }
      }
      return;
    }
    switch (name) {
      case 'w:tab':
        pushRun({ ...format, text: '\t' });
        break;
      case 'w:br':
      case 'w:cr':
        pushRun({ ...format, text: ' ' });
        break;
      case 'a:blip': {
        const part = relationships.get(attrs['r:embed'] ?? '');
        if (part) pushRun({ text: '', image: part });
        break;
      }
      case 'v:imagedata': {
        // Pictures in older documents (VML), still written by Word for some pasted images.
        const part = relationships.get(attrs['r:id'] ?? '');
        if (part) pushRun({ text: '', image: part });
        break;
      }
    }
  };

  // An element's attributes are all known once anything inside it starts, or when it closes: its
  // formatting (<w:b/>, <w:u w:val="single"/>) or picture (<a:blip r:embed> with children) applies then.
  let pending = false;
  const applyPending = () => {
    if (pending && skipDepth === 0) applyElement(element);
    pending = false;
  };

  readXml(xml, {
    open(name) {
      applyPending();
      element = name;
      attrs = {};
      path.push(name);
      openElement(name);
      pending = skipDepth === 0;
    },
    attribute(name, value) {
      attrs[name] = value;
    },
    text(text) {
      if (skipDepth === 0 && inText && path[path.length - 1] === 'w:t') pushRun({ ...format, text });
    },
    close(name) {
      applyPending();
      path.pop();
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      switch (name) {
        case 'w:rPr':
          inRunProperties = false;
          break;
        case 'w:t':
          inText = false;
          break;
        case 'w:p': {
          const done = paragraph ?? [];
          paragraph = null;
          const table = tables[tables.length - 1];
          if (table?.cell) table.cell.push(done);
          else blocks.push({ kind: 'paragraph', runs: done });
          break;
        }
        case 'w:tc': {
          const table = tables[tables.length - 1];
          if (table?.cell && table.row) table.row.push(table.cell);
          if (table) table.cell = null;
          break;
        }
        case 'w:tr': {
          const table = tables[tables.length - 1];
          if (table?.row) table.rows.push(table.row);
          if (table) table.row = null;
          break;
        }
        case 'w:tbl': {
          const table = tables.pop()!;
          const outer = tables[tables.length - 1];
          if (outer?.cell) {
            // A table inside a cell: its paragraphs become the cell's, row by row.
            for (const row of table.rows) for (const cell of row) outer.cell.push(...cell);
          } else blocks.push({ kind: 'table', rows: table.rows });
          break;
        }
      }
    },
  });
  return blocks;
}

function sameFormat(a: Run, b: Run): boolean {
  return (
    Boolean(a.bold) === Boolean(b.bold) &&
    Boolean(a.italic) === Boolean(b.italic) &&
    Boolean(a.underline) === Boolean(b.underline) &&
    a.color === b.color &&
    a.highlight === b.highlight &&
    a.vertical === b.vertical
  );
}
