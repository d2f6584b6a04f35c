/**
 * What Excel, LibreOffice and Google Sheets put on the clipboard as text/plain when cells are copied:
 * rows ended by a line break (\r\n on Windows), cells separated by tabs, a cell holding a line break or
 * a quote written in double quotes. The result is the block of cells, row by row.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const source = text.replace(/\r\n?/g, '\n');
  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
    i += 1;
  }
  // The copied block ends with a line break; what follows the last one is a row only if it holds text.
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether pasted text is more than one cell (a column or a block), which fills the grid. */
export function isBlock(cells: string[][]): boolean {
  return cells.length > 1 || (cells[0]?.length ?? 0) > 1;
}
