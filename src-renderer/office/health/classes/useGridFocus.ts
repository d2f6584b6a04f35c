/**
 * Moving around the entry grid from the keyboard, as in a spreadsheet: Enter and the up/down arrows
 * change row in the same column, left/right change cell when the caret is at the edge of the text.
 * It also tells the grid when the focus leaves a row, which is when that row is saved.
 */
import { useCallback, useRef, type FocusEvent, type KeyboardEvent } from 'react';

export interface GridFocus {
  /** Ref callback for the input at (row, col). */
  register(row: number, col: number): (el: HTMLInputElement | null) => void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>, row: number, col: number): void;
  onFocus(row: number): void;
  /** For the grid's container: the focus went somewhere outside the grid. */
  onBlurGrid(event: FocusEvent<HTMLElement>): void;
}

export function useGridFocus(
  columns: number,
  handlers: { onEnter(row: number): void; onLeaveRow(row: number): void },
): GridFocus {
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const current = useRef<number | null>(null);
  const { onEnter, onLeaveRow } = handlers;

  const focusCell = useCallback((row: number, col: number): boolean => {
    const el = inputs.current.get(`${row}:${col}`);
    if (!el) return false;
    el.focus();
    el.select();
    return true;
  }, []);

  const register = useCallback(
    (row: number, col: number) => (el: HTMLInputElement | null) => {
      if (el) inputs.current.set(`${row}:${col}`, el);
      else inputs.current.delete(`${row}:${col}`);
    },
    [],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
      const input = event.currentTarget;
      const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
      const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
      switch (event.key) {
        case 'Enter':
          event.preventDefault();
          onEnter(row);
          focusCell(row + 1, col);
          break;
        case 'ArrowDown':
          if (focusCell(row + 1, col)) event.preventDefault();
          break;
        case 'ArrowUp':
          if (focusCell(row - 1, col)) event.preventDefault();
          break;
        case 'ArrowRight':
          if (atEnd && col < columns - 1 && focusCell(row, col + 1)) event.preventDefault();
          break;
        case 'ArrowLeft':
          if (atStart && col > 0 && focusCell(row, col - 1)) event.preventDefault();
          break;
      }
    },
    [columns, focusCell, onEnter],
  );

  const onFocus = useCallback(
    (row: number) => {
      const previous = current.current;
      current.current = row;
      if (previous !== null && previous !== row) onLeaveRow(previous);
    },
    [onLeaveRow],
  );

  const onBlurGrid = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const next = event.relatedTarget as Node | null;
      if (next && event.currentTarget.contains(next)) return;
      const previous = current.current;
      current.current = null;
      if (previous !== null) onLeaveRow(previous);
    },
    [onLeaveRow],
  );

  return { register, onKeyDown, onFocus, onBlurGrid };
}
