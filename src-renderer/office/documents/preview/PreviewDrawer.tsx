/**
 * "Xem": a document read inside the app, in a drawer over the list it was opened from (the signing
 * queue, the register), so the principal keeps their place and ticked rows: what the document is and
 * who submitted it, then the file itself — a PDF drawn page by page, any other file with "Tải về"
 * (the one button that downloads). PreviewButton is the row's button; the page keeps which document is
 * open and renders one PreviewDrawer.
 */
import { Button, Drawer } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { DocumentView } from '../../../../src-shared/api/documents';
import { useT } from '../../../i18n/LocaleContext';
import type { FileDownload } from '../common/useFileDownload';
import { FilePreview } from './FilePreview';
import { DocumentDetails } from './DocumentDetails';
import { DownloadFileButton } from './PreviewParts';
import { isPdfFile, type PreviewFile } from './previewMath';

export interface PreviewTarget {
  /** The document's title, for the drawer's heading. */
  title: string;
  file: PreviewFile;
  /** The document, described above its file. */
  doc?: DocumentView;
}

/**
 * The file worth reading of a document: its signed PDF once there is one (what the register holds),
 * else the file as submitted (a detached .p7s signature says nothing to a reader).
 */
export function previewTargetOf(doc: Pick<DocumentView, 'title' | 'file' | 'signedFile'>): PreviewTarget {
  const signed = doc.signedFile;
  return { title: doc.title, file: signed && isPdfFile(signed) ? signed : doc.file };
}

/** The drawer's content for a whole document: its description, then its file. */
export function documentTargetOf(doc: DocumentView): PreviewTarget {
  return { ...previewTargetOf(doc), doc };
}

export function PreviewButton({ title, onClick }: { title: string; onClick(): void }) {
  const t = useT();
  return (
    <Button
      size="small"
      icon={<EyeOutlined aria-hidden="true" />}
      aria-label={t('previewUi.actionLabel', { title })}
      onClick={onClick}
    >
      {t('previewUi.action')}
    </Button>
  );
}

export function PreviewDrawer({
  target,
  files,
  onClose,
}: {
  target: PreviewTarget | null;
  files: FileDownload;
  onClose(): void;
}) {
  const t = useT();
  const file = target?.file;
  return (
    <Drawer
      open={target !== null}
      title={target ? t('previewUi.drawerTitle', { title: target.title }) : undefined}
      size="min(960px, 100vw)"
      onClose={onClose}
      // Closing unmounts the viewer, which stops pdf.js and frees the pages' canvases.
      destroyOnHidden
      styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
      extra={file && isPdfFile(file) && <DownloadFileButton file={file} files={files} />}
    >
      {target?.doc && <DocumentDetails doc={target.doc} />}
      {/* Keyed by file, so opening another document starts from a clean viewer. */}
      {target && <FilePreview key={target.file.id} file={target.file} files={files} />}
    </Drawer>
  );
}
