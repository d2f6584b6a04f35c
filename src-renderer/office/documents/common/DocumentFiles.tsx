/**
 * A document's files in a table row: the original as submitted and, once signed, the signed copy with
 * a link to check its signatures. Each button is named after its document for screen readers and tests.
 */
import { Button, Space } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { DocumentView } from '../../../../src-shared/api/documents';
import { useT } from '../../../i18n/LocaleContext';
import type { FileDownload } from './useFileDownload';

/**
 * The signature check of a signed document: a signed PDF is checked by itself; a detached signature
 * (.p7s, for a file that is not a PDF) is checked against the original.
 */
export function verifyPath(doc: Pick<DocumentView, 'title' | 'file' | 'signedFile'>): string | null {
  const signed = doc.signedFile;
  if (!signed) return null;
  const detached = /\.p7s$/i.test(signed.name) || signed.mime === 'application/pkcs7-signature';
  const params: Record<string, string> = detached
    ? { file: String(doc.file.id), sig: String(signed.id), title: doc.title }
    : { file: String(signed.id), title: doc.title };
  return `/documents/verify?${new URLSearchParams(params).toString()}`;
}

export function DocumentFiles({
  doc,
  files,
  original = true,
}: {
  doc: DocumentView;
  files: FileDownload;
  /** Show the original's button too (the register shows only the signed copy). */
  original?: boolean;
}) {
  const t = useT();
  const verify = verifyPath(doc);
  return (
    <Space size={0} wrap>
      {original && (
        <Button
          type="link"
          size="small"
          icon={<DownloadOutlined aria-hidden="true" />}
          loading={files.busyId === doc.file.id}
          aria-label={t('documentsUi.originalOf', { title: doc.title })}
          title={doc.file.name}
          onClick={() => void files.download(doc.file.id, doc.file.name)}
        >
          {t('documentsUi.original')}
        </Button>
      )}
      {doc.signedFile && (
        <Button
          type="link"
          size="small"
          icon={<DownloadOutlined aria-hidden="true" />}
          loading={files.busyId === doc.signedFile.id}
          aria-label={t('documentsUi.signedOf', { title: doc.title })}
          title={doc.signedFile.name}
          onClick={() => doc.signedFile && void files.download(doc.signedFile.id, doc.signedFile.name)}
        >
          {t('documentsUi.signed')}
        </Button>
      )}
      {verify && (
        <Link to={verify} aria-label={t('documentsUi.verifyOf', { title: doc.title })}>
          <SafetyCertificateOutlined aria-hidden="true" /> {t('documentsUi.verify')}
        </Link>
      )}
    </Space>
  );
}
