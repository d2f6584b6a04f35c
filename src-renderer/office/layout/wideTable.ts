/**
 * The layout of a page's table that may be wider than the window (a list with many columns, a sheet of
 * subjects): it scrolls sideways on its own rather than the page, and its scrolling box is at most about
 * a window high (styles.css, `.ts-wide-table`), so that once the table is in view its sideways scrollbar
 * is on screen with it, where the eye is, not under the last of forty rows; its header row stays on top
 * as the rows scroll. Give the first column (the name) `fixed: 'left'`.
 *
 * Not antd's `sticky` nor `scroll.y`: both split the header into a table of its own, and a screen reader
 * (and a test) then finds two tables, the cells no longer under their column titles.
 */
import type { TableProps } from 'antd';

export const WIDE_TABLE = {
  scroll: { x: 'max-content' },
  className: 'ts-wide-table',
} as const satisfies Pick<TableProps<object>, 'scroll' | 'className'>;
