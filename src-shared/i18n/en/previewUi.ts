import type { previewUi as vi } from '../vi/previewUi';

export const previewUi: Record<keyof typeof vi, string> = {
  'previewUi.action': 'View',
  'previewUi.actionLabel': 'View “{title}”',
  'previewUi.drawerTitle': 'View: {title}',

  // Loading.
  'previewUi.loadingFile': 'Loading the file…',
  'previewUi.loadingPdf': 'Opening the PDF…',
  'previewUi.loadingPage': 'Drawing page {page}…',

  // The PDF viewer.
  'previewUi.toolbar': 'Viewer tools',
  'previewUi.pageOf': 'Page {page}/{count}',
  'previewUi.page': 'Page {page}',
  'previewUi.pages': 'Pages of {name}',
  'previewUi.previousPage': 'Previous page (PageUp)',
  'previewUi.nextPage': 'Next page (PageDown)',
  'previewUi.fitWidth': 'Fit width',
  'previewUi.zoomIn': 'Zoom in',
  'previewUi.zoomOut': 'Zoom out',
  'previewUi.zoomLevel': 'Zoom {percent}%',

  // Errors.
  'previewUi.error.unreadable': 'Cannot read “{name}”: it is not a valid PDF or it is damaged.',
  'previewUi.error.password': '“{name}” is protected by a password, so it cannot be previewed in the app.',
  'previewUi.error.viewer': 'The PDF viewer could not be loaded. Reload the page (F5) and try again.',
  'previewUi.error.page': 'Page {page} could not be drawn.',
  'previewUi.error.hint': 'You can still download the file and open it with another program.',
  'previewUi.retry': 'Try again',

  // Files that are not PDFs.
  'previewUi.other.title': 'This file cannot be previewed in the app',
  'previewUi.other.hint':
    'Only PDF files can be previewed. Download the file and open it with a suitable program (Excel, for example).',
  'previewUi.other.file': '{name} ({size})',
  'previewUi.download': 'Download',
  'previewUi.downloadLabel': 'Download “{name}”',
};
