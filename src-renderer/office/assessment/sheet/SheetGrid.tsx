/**
 * A spreadsheet-like entry sheet: one row a pupil, one input a cell. The keyboard works as in Excel:
 * arrow keys move between cells (left/right inside a comment move the caret until its edge), Enter
 * moves down (Shift+Enter up), typing replaces the cell, Escape cancels what was typed, Delete clears
 * the cell, F2 edits it. A column (or a block) pasted from Excel fills down from the cell under the
 * caret, skipping the pupils who left. The sheet knows nothing of grades: it hands the text of each cell
 * to `onCommit` when the user leaves the cell, and shows the text and problem the owner keeps for it.
 * Rows are memoised: typing in a cell redraws that row only, which keeps a 35 × 15 sheet quick on the
 * schools' older PCs.
 */
import { memo, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ClipboardEvent, KeyboardEvent, MouseEvent } from 'react';
import { useT } from '../../../i18n/LocaleContext';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';
import { isBlock, parseClipboard } from './clipboard';
import './sheet.css';

export interface SheetRow {
  key: string | number;
  name: string;
  /** A pupil no longer in the class: greyed, not editable. */
  inactive: boolean;
}

export interface SheetColumn {
  key: string;
  title: ReactNode;
  /** When `title` is a short form ("TC-TH"): the full name, read out and shown as its tooltip. */
  fullTitle?: string;
  width: number;
  /** 'code': a short value (a level, a score): the arrows always move, Delete clears. 'text': free text. */
  kind: 'code' | 'text';
  /** The cell's accessible name: "Mức đạt được của Nguyễn Văn An". */
  label(row: SheetRow): string;
  maxLength?: number;
}

export interface SheetGroup {
  title: string;
  span: number;
}

export interface SheetChange {
  row: number;
  column: string;
  text: string;
}

export interface SheetGridProps {
  label: string;
  rows: readonly SheetRow[];
  columns: readonly SheetColumn[];
  /** A header row above the column titles (Phẩm chất chủ yếu, Năng lực chung...). */
  groups?: readonly SheetGroup[];
  readOnly: boolean;
  /** The cell's text as committed (the owner's normalised form once it is valid). */
  text(row: number, column: string): string;
  /** Why the committed text cannot be saved, shown in red with this as its tooltip. */
  problem(row: number, column: string): string | null;
  /** A tooltip for a valid value ("Hoàn thành tốt"). */
  hint?(row: number, column: string): string | undefined;
  onCommit(changes: SheetChange[]): void;
  statusTitle: string;
  /** The status column's width (px); 160 unless a sheet needs the room for its own columns. */
  statusWidth?: number;
  status(row: number): ReactNode;
  /** Changes whenever what `status` shows for the row changes: the row is redrawn only then. */
  statusKey(row: number): string;
  /** The tooltip of an inactive row's name. */
  inactiveNote: string;
  emptyText: string;
}

interface Editing {
  row: number;
  col: number;
  text: string;
}

interface CellView {
  text: string;
  problem: string | null;
  hint: string | undefined;
}

function allSelected(input: HTMLInputElement): boolean {
  return input.selectionStart === 0 && input.selectionEnd === input.value.length;
}

/** The handlers every cell shares; stable for the sheet's life. */
interface CellHandlers {
  register(row: number, col: number, el: HTMLInputElement | null): void;
  onChange(row: number, col: number, text: string): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, col: number): void;
  onPaste(event: ClipboardEvent<HTMLInputElement>, row: number, col: number): void;
  onBlur(row: number, col: number): void;
}

interface LineProps {
  index: number;
  row: SheetRow;
  columns: readonly SheetColumn[];
  cells: readonly CellView[];
  /** What is being typed in this row, if anything. */
  editing: Editing | null;
  readOnly: boolean;
  status: ReactNode;
  statusKey: string;
  inactiveNote: string;
  handlers: CellHandlers;
}

function sameLine(a: LineProps, b: LineProps): boolean {
  return (
    a.index === b.index &&
    a.row.key === b.row.key &&
    a.row.name === b.row.name &&
    a.row.inactive === b.row.inactive &&
    a.columns === b.columns &&
    a.readOnly === b.readOnly &&
    a.statusKey === b.statusKey &&
    a.inactiveNote === b.inactiveNote &&
    a.editing?.col === b.editing?.col &&
    a.editing?.text === b.editing?.text &&
    a.cells.length === b.cells.length &&
    a.cells.every((c, i) => {
      const d = b.cells[i]!;
      return c.text === d.text && c.problem === d.problem && c.hint === d.hint;
    })
  );
}

function onMouseDown(event: MouseEvent<HTMLInputElement>) {
  // The first click selects the cell, so typing replaces it; a second click places the caret.
  if (document.activeElement !== event.currentTarget) {
    event.preventDefault();
    event.currentTarget.focus();
  }
}

const SheetLine = memo(function SheetLine(props: LineProps) {
  const { index, row, columns, cells, editing, readOnly, handlers } = props;
  return (
    <tr className={row.inactive ? 'ts-sheet-inactive' : undefined}>
      <td className="ts-sheet-no">{index + 1}</td>
      <td className="ts-sheet-name" title={row.inactive ? props.inactiveNote : undefined}>
        {row.name}
      </td>
      {columns.map((column, col) => {
        const cell = cells[col]!;
        const classes = `${column.kind === 'code' ? 'ts-sheet-code' : ''} ${cell.problem ? 'ts-sheet-invalid' : ''}`;
        const title = cell.problem ?? cell.hint;
        if (readOnly || row.inactive) {
          return (
            <td key={column.key}>
              <div className={`ts-sheet-value ${classes}`} title={title}>
                {cell.text}
              </div>
            </td>
          );
        }
        return (
          <td key={column.key}>
            <input
              ref={(el) => handlers.register(index, col, el)}
              className={`ts-sheet-input ${classes}`}
              aria-label={column.label(row)}
              aria-invalid={cell.problem ? true : undefined}
              title={title}
              value={editing?.col === col ? editing.text : cell.text}
              maxLength={column.maxLength}
              autoComplete="off"
              spellCheck={column.kind === 'text'}
              onMouseDown={onMouseDown}
              onFocus={(ev) => ev.currentTarget.select()}
              onChange={(ev) => handlers.onChange(index, col, ev.currentTarget.value)}
              onKeyDown={(ev) => handlers.onKeyDown(ev, index, col)}
              onBlur={() => handlers.onBlur(index, col)}
              onPaste={(ev) => handlers.onPaste(ev, index, col)}
            />
          </td>
        );
      })}
      <td className="ts-sheet-status">{props.status}</td>
    </tr>
  );
}, sameLine);

export function SheetGrid(props: SheetGridProps) {
  const { label, rows, columns, groups, readOnly, text, problem, hint, statusTitle } = props;
  const t = useT();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const pendingSelect = useRef<{ row: number; col: number } | null>(null);
  // The handlers below are made once and read the latest props from here.
  const latest = useRef(props);
  latest.current = props;

  useLayoutEffect(() => {
    const pending = pendingSelect.current;
    if (!pending) return;
    pendingSelect.current = null;
    const el = inputs.current.get(`${pending.row}:${pending.col}`);
    if (el && document.activeElement === el) el.select();
  });

  const [handlers] = useState<CellHandlers>(() => {
    const setEditing = (value: Editing | null) => {
      editingRef.current = value;
      setEditingState(value);
    };
    const commit = (row: number, col: number) => {
      const e = editingRef.current;
      if (!e || e.row !== row || e.col !== col) return;
      setEditing(null);
      const { columns: cols, text: textOf, onCommit } = latest.current;
      const column = cols[col]!;
      if (e.text !== textOf(row, column.key)) onCommit([{ row, column: column.key, text: e.text }]);
    };
    /** Focuses the nearest editable cell from `row` going by `step`; false when there is none. */
    const focusCell = (row: number, col: number, step: number): boolean => {
      for (let r = row; r >= 0 && r < latest.current.rows.length; r += step) {
        const el = inputs.current.get(`${r}:${col}`);
        if (el?.isConnected) {
          el.focus();
          el.select();
          return true;
        }
      }
      return false;
    };
    return {
      register(row, col, el) {
        if (el) inputs.current.set(`${row}:${col}`, el);
        else if (inputs.current.get(`${row}:${col}`)?.isConnected === false) inputs.current.delete(`${row}:${col}`);
      },
      onChange(row, col, value) {
        setEditing({ row, col, text: value });
      },
      onBlur(row, col) {
        commit(row, col);
      },
      onKeyDown(event, row, col) {
        const input = event.currentTarget;
        const { columns: cols, text: textOf, onCommit } = latest.current;
        const column = cols[col]!;
        const code = column.kind === 'code';
        const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
        const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
        const move = (r: number, c: number, step: number) => {
          commit(row, col);
          if (!focusCell(r, c, step)) pendingSelect.current = { row, col };
        };
        switch (event.key) {
          case 'Enter':
            event.preventDefault();
            move(event.shiftKey ? row - 1 : row + 1, col, event.shiftKey ? -1 : 1);
            break;
          case 'ArrowDown':
            event.preventDefault();
            move(row + 1, col, 1);
            break;
          case 'ArrowUp':
            event.preventDefault();
            move(row - 1, col, -1);
            break;
          case 'ArrowRight':
            if ((code || atEnd || allSelected(input)) && col < cols.length - 1) {
              event.preventDefault();
              move(row, col + 1, 1);
            }
            break;
          case 'ArrowLeft':
            if ((code || atStart || allSelected(input)) && col > 0) {
              event.preventDefault();
              move(row, col - 1, 1);
            }
            break;
          case 'Escape':
            event.preventDefault();
            setEditing(null);
            pendingSelect.current = { row, col };
            break;
          case 'Delete':
            if (code || allSelected(input)) {
              event.preventDefault();
              setEditing(null);
              if (textOf(row, column.key) !== '') onCommit([{ row, column: column.key, text: '' }]);
              pendingSelect.current = { row, col };
            }
            break;
          case 'F2':
            event.preventDefault();
            input.setSelectionRange(input.value.length, input.value.length);
            break;
          case 'Tab':
            commit(row, col);
            break;
        }
      },
      onPaste(event, row, col) {
        const cells = parseClipboard(event.clipboardData.getData('text/plain'));
        const { columns: cols, rows: all, onCommit } = latest.current;
        const column = cols[col]!;
        if (!isBlock(cells)) {
          // One value: into a comment it goes where the caret is, as usual; a code replaces the cell.
          if (column.kind === 'text') return;
          event.preventDefault();
          setEditing(null);
          onCommit([{ row, column: column.key, text: cells[0]?.[0] ?? '' }]);
          pendingSelect.current = { row, col };
          return;
        }
        event.preventDefault();
        setEditing(null);
        const changes: SheetChange[] = [];
        let r = row;
        for (const line of cells) {
          while (r < all.length && all[r]!.inactive) r++;
          if (r >= all.length) break;
          line.forEach((value, k) => {
            const target = cols[col + k];
            if (target) changes.push({ row: r, column: target.key, text: value });
          });
          r++;
        }
        onCommit(changes);
        pendingSelect.current = { row, col };
      },
    };
  });

  // A cell still being typed in when the user leaves without leaving it (the back button, closing the
  // window) is handed to the owner as if they had left it.
  useUnsavedChanges({
    isDirty: () => {
      const e = editingRef.current;
      const column = e ? latest.current.columns[e.col] : undefined;
      return e !== null && column !== undefined && e.text !== latest.current.text(e.row, column.key);
    },
    flush: async () => {
      const e = editingRef.current;
      if (e) handlers.onBlur(e.row, e.col);
    },
  });

  const hasGroups = groups !== undefined && groups.length > 0;
  const fixedHeader = (title: string, width?: number) => (
    <th scope="col" rowSpan={hasGroups ? 2 : 1} style={width ? { width } : undefined}>
      {title}
    </th>
  );
  const titles = columns.map((c) => (
    <th
      key={c.key}
      scope="col"
      className={c.fullTitle ? 'ts-sheet-short' : undefined}
      aria-label={c.fullTitle}
      style={{ width: c.width, minWidth: c.width }}
    >
      {c.fullTitle ? <abbr title={c.fullTitle}>{c.title}</abbr> : c.title}
    </th>
  ));

  return (
    <div className="ts-sheet-wrap">
      <table className="ts-sheet" aria-label={label}>
        <thead>
          <tr>
            {fixedHeader(t('common.no'), 48)}
            {fixedHeader(t('pupil.fullName'))}
            {hasGroups
              ? groups.map((g) => (
                  <th key={g.title} scope="colgroup" colSpan={g.span} className="ts-sheet-group">
                    {g.title}
                  </th>
                ))
              : titles}
            {fixedHeader(statusTitle, props.statusWidth ?? 160)}
          </tr>
          {hasGroups && <tr>{titles}</tr>}
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length + 3} style={{ textAlign: 'center', padding: 16 }}>
                {props.emptyText}
              </td>
            </tr>
          )}
          {rows.map((r, i) => (
            <SheetLine
              key={r.key}
              index={i}
              row={r}
              columns={columns}
              cells={columns.map((c) => ({
                text: text(i, c.key),
                problem: problem(i, c.key),
                hint: hint?.(i, c.key),
              }))}
              editing={editing?.row === i ? editing : null}
              readOnly={readOnly}
              status={props.status(i)}
              statusKey={props.statusKey(i)}
              inactiveNote={props.inactiveNote}
              handlers={handlers}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
