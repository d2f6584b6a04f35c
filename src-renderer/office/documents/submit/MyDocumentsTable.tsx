/**
 * Văn bản tôi đã trình: one's own submissions, newest first, with their status (the register number
 * once signed, the reason once returned), their files, "Xem" (the document read in the app, as the
 * principal reads it) and "Rút lại" while still waiting.
 */
import { useState } from 'react';
import { App, Button, Flex, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DOCUMENT_STATUSES, type DocumentStatus, type DocumentView } from '../../../../src-shared/api/documents';
import type { ApiError } from '../../../../src-shared/api/envelope';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { DocumentFiles } from '../common/DocumentFiles';
import { useFileDownload } from '../common/useFileDownload';
import { STATUS_COLORS, dateOf, dateTimeOf, kindLabel, statusLabel } from '../labels';
import { WIDE_TABLE } from '../../layout/wideTable';
import { PreviewButton, PreviewDrawer, documentTargetOf, type PreviewTarget } from '../preview/PreviewDrawer';

export function DocumentStatusCell({ doc }: { doc: DocumentView }) {
  const t = useT();
  return (
    <Space orientation="vertical" size={2}>
      <Tag color={STATUS_COLORS[doc.status]}>{statusLabel(t, doc.status)}</Tag>
      {doc.status === 'signed' && doc.registerNumber && (
        <Typography.Text strong>{t('documentsUi.registerNumber', { number: doc.registerNumber })}</Typography.Text>
      )}
      {doc.status === 'signed' && doc.decidedAt && (
        <Typography.Text type="secondary">
          {t('documentsUi.signedBy', { date: dateOf(doc.decidedAt), name: doc.signerName || doc.decidedBy || '—' })}
        </Typography.Text>
      )}
      {doc.status === 'returned' && (
        <>
          <Typography.Text type="danger">{t('documentsUi.reason', { reason: doc.returnReason })}</Typography.Text>
          {doc.decidedAt && (
            <Typography.Text type="secondary">
              {t('documentsUi.returnedBy', { date: dateOf(doc.decidedAt), name: doc.decidedBy ?? '—' })}
            </Typography.Text>
          )}
        </>
      )}
    </Space>
  );
}

export function DocumentTitleCell({ doc }: { doc: DocumentView }) {
  const t = useT();
  return (
    // A long title wraps within the column, so the other columns stay in view at 1024 px.
    <Space orientation="vertical" size={2} style={{ minWidth: 200, maxWidth: 380 }}>
      <Typography.Text strong>{doc.title}</Typography.Text>
      <span>
        <Tag>{kindLabel(t, doc.kind)}</Tag>
        {doc.summary && <Typography.Text type="secondary">{doc.summary}</Typography.Text>}
      </span>
      {doc.note && <Typography.Text type="secondary">{t('documentsUi.note', { note: doc.note })}</Typography.Text>}
    </Space>
  );
}

export function MyDocumentsTable({
  rows,
  total,
  loading,
  error,
  status,
  onStatus,
  onChanged,
}: {
  rows: DocumentView[];
  total: number;
  loading: boolean;
  error: ApiError | null;
  status: DocumentStatus | undefined;
  onStatus(status: DocumentStatus | undefined): void;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const { modal, message } = App.useApp();
  const files = useFileDownload();
  const [previewing, setPreviewing] = useState<PreviewTarget | null>(null);

  const withdraw = (doc: DocumentView) => {
    modal.confirm({
      title: t('documentsUi.withdraw.confirm', { title: doc.title }),
      content: t('documentsUi.withdraw.confirmText'),
      okText: t('documentsUi.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await client.call('documents.withdraw', { id: doc.id, version: doc.version });
        if (result.ok) void message.success(t('documentsUi.withdraw.done', { title: doc.title }));
        else void message.error(result.error.message);
        onChanged();
      },
    });
  };

  const columns: TableColumnsType<DocumentView> = [
    {
      title: t('documentsUi.col.submittedAt'),
      key: 'submittedAt',
      width: 150,
      render: (_v, d) => dateTimeOf(d.submittedAt),
    },
    { title: t('documentsUi.col.document'), key: 'document', render: (_v, d) => <DocumentTitleCell doc={d} /> },
    {
      title: t('documentsUi.col.status'),
      key: 'status',
      width: 260,
      render: (_v, d) => <DocumentStatusCell doc={d} />,
    },
    { title: t('documentsUi.col.files'), key: 'files', render: (_v, d) => <DocumentFiles doc={d} files={files} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, d) => (
        <Space size={4} wrap>
          <PreviewButton title={d.title} onClick={() => setPreviewing(documentTargetOf(d))} />
          {d.status === 'submitted' && (
            <Button
              size="small"
              danger
              aria-label={t('documentsUi.withdraw.label', { title: d.title })}
              onClick={() => withdraw(d)}
            >
              {t('documentsUi.withdraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('documentsUi.mine.title')}
        </Typography.Title>
        <Space wrap>
          <Typography.Text aria-live="polite">{t('documentsUi.mine.total', { total })}</Typography.Text>
          <Select<DocumentStatus | 'all'>
            virtual={false}
            aria-label={t('documentsUi.mine.status')}
            value={status ?? 'all'}
            onChange={(v) => onStatus(v === 'all' ? undefined : v)}
            style={{ minWidth: 170 }}
            options={[
              { value: 'all', label: t('documentsUi.mine.allStatuses') },
              ...DOCUMENT_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) })),
            ]}
          />
        </Space>
      </Flex>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error.message}
        </Typography.Text>
      )}
      <Table<DocumentView>
        aria-label={t('documentsUi.mine.title')}
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        {...WIDE_TABLE}
        locale={{ emptyText: t('documentsUi.mine.empty') }}
      />
      <PreviewDrawer target={previewing} files={files} onClose={() => setPreviewing(null)} />
    </>
  );
}
