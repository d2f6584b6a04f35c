/**
 * "Xem": what the principal needs before signing — who submitted what, when, why — and the file to
 * download; "Xem trước" beside it shows the file inside the app (preview/).
 */
import { Button, Descriptions, Modal, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { DocumentView } from '../../../../src-shared/api/documents';
import { useLocale } from '../../../i18n/LocaleContext';
import { formatBytes } from '../../../lib/format';
import type { FileDownload } from '../common/useFileDownload';
import { dateTimeOf, kindLabel } from '../labels';

export function DocumentDetailsModal({
  doc,
  files,
  onClose,
}: {
  doc: DocumentView | null;
  files: FileDownload;
  onClose(): void;
}) {
  const { t, locale } = useLocale();
  return (
    <Modal
      open={doc !== null}
      title={doc?.title}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('documentsUi.sign.close')}
        </Button>,
        doc && (
          <Button
            key="download"
            type="primary"
            icon={<DownloadOutlined />}
            loading={files.busyId === doc.file.id}
            onClick={() => void files.download(doc.file.id, doc.file.name)}
          >
            {t('documentsUi.details.download')}
          </Button>
        ),
      ]}
    >
      {doc && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'kind', label: t('documentsUi.col.kind'), children: kindLabel(t, doc.kind) },
              { key: 'summary', label: t('documentsUi.col.summary'), children: doc.summary || '—' },
              { key: 'note', label: t('documentsUi.col.note'), children: doc.note || '—' },
              { key: 'by', label: t('documentsUi.details.submittedBy'), children: doc.submittedBy.fullName },
              { key: 'at', label: t('documentsUi.details.submittedAt'), children: dateTimeOf(doc.submittedAt) },
              {
                key: 'file',
                label: t('documentsUi.details.file'),
                children: `${doc.file.name} (${formatBytes(doc.file.size, locale)})`,
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('documentsUi.details.downloadHint')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
