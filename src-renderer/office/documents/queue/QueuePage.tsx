/**
 * Hàng chờ ký (/documents/queue, the principal): the documents waiting, the earliest submitted first.
 * Tick the rows to sign and press "Ký số" to sign them all with one PIN; or return one with a reason.
 * What failed to sign stays in the queue, still ticked, to try again.
 */
import { useMemo, useState } from 'react';
import { Button, Flex, Space, Table, Typography, type TableColumnsType } from 'antd';
import { RollbackOutlined, SignatureOutlined } from '@ant-design/icons';
import type { DocumentView } from '../../../../src-shared/api/documents';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { DocumentTitleCell } from '../submit/MyDocumentsTable';
import { DocumentFiles } from '../common/DocumentFiles';
import { useFileDownload } from '../common/useFileDownload';
import { dateTimeOf } from '../labels';
import { ReturnModal } from './ReturnModal';
import { SignDialog } from '../sign/SignDialog';
import { PreviewButton, PreviewDrawer, documentTargetOf, type PreviewTarget } from '../preview/PreviewDrawer';
import { WIDE_TABLE } from '../../layout/wideTable';

export function QueuePage() {
  const t = useT();
  const queue = useProcedure('documents.list', { scope: 'queue', limit: 500 });
  const files = useFileDownload();
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const [returning, setReturning] = useState<DocumentView | null>(null);
  const [signing, setSigning] = useState<DocumentView[] | null>(null);
  const [previewing, setPreviewing] = useState<PreviewTarget | null>(null);

  const rows = useMemo(() => queue.data?.rows ?? [], [queue.data]);
  // A ticked document that left the queue (signed, returned, withdrawn meanwhile) is no longer ticked.
  const selected = useMemo(() => rows.filter((d) => selectedIds.includes(d.id)), [rows, selectedIds]);

  const columns: TableColumnsType<DocumentView> = [
    {
      title: t('documentsUi.col.submittedAt'),
      key: 'submittedAt',
      width: 150,
      render: (_v, d) => dateTimeOf(d.submittedAt),
    },
    { title: t('documentsUi.col.document'), key: 'document', render: (_v, d) => <DocumentTitleCell doc={d} /> },
    {
      title: t('documentsUi.col.submitter'),
      key: 'submitter',
      render: (_v, d) => d.submittedBy.fullName,
    },
    { title: t('documentsUi.col.files'), key: 'files', render: (_v, d) => <DocumentFiles doc={d} files={files} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, d) => (
        <Space size={4} wrap>
          <PreviewButton title={d.title} onClick={() => setPreviewing(documentTargetOf(d))} />
          <Button
            size="small"
            danger
            icon={<RollbackOutlined aria-hidden="true" />}
            aria-label={t('documentsUi.queue.returnLabel', { title: d.title })}
            onClick={() => setReturning(d)}
          >
            {t('documentsUi.queue.return')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <LoadGate loaded={queue.data !== undefined} error={queue.error} retry={queue.reload}>
      <PageTitle
        title={t('documentsUi.queue.title')}
        extra={
          <Button
            type="primary"
            icon={<SignatureOutlined aria-hidden="true" />}
            disabled={selected.length === 0}
            title={selected.length === 0 ? t('documentsUi.queue.signHint') : undefined}
            onClick={() => setSigning(selected)}
          >
            {t('documentsUi.queue.sign', { count: selected.length })}
          </Button>
        }
      />
      <Flex justify="space-between" wrap gap="small" style={{ marginBottom: 8 }}>
        <Typography.Text aria-live="polite">
          {t('documentsUi.queue.count', { count: rows.length })}
          {selected.length > 0 && ` · ${t('documentsUi.queue.selected', { count: selected.length })}`}
        </Typography.Text>
        {queue.data && queue.error && (
          <Typography.Text type="danger" role="alert">
            {queue.error.message}
          </Typography.Text>
        )}
      </Flex>
      <Table<DocumentView>
        aria-label={t('documentsUi.queue.tableLabel')}
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={queue.loading}
        size="small"
        pagination={false}
        {...WIDE_TABLE}
        locale={{ emptyText: t('documentsUi.queue.empty') }}
        rowSelection={{
          selectedRowKeys: selected.map((d) => d.id),
          onChange: (keys) => setSelectedIds(keys.map(Number)),
          getCheckboxProps: (d) => ({ 'aria-label': d.title }),
          // antd names the header's box "Select all" whatever the language.
          getTitleCheckboxProps: () => ({ 'aria-label': t('documentsUi.queue.selectAll') }),
        }}
      />
      <ReturnModal
        doc={returning}
        onClose={() => {
          setReturning(null);
          queue.reload();
        }}
        onReturned={() => {
          setReturning(null);
          queue.reload();
        }}
      />
      <PreviewDrawer target={previewing} files={files} onClose={() => setPreviewing(null)} />
      {signing && (
        <SignDialog
          documents={signing}
          onFinished={queue.reload}
          onClose={() => {
            setSigning(null);
            queue.reload();
          }}
        />
      )}
    </LoadGate>
  );
}
