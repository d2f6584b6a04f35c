/**
 * Sổ đăng ký văn bản đến (/documents/incoming, the clerk and the principal), as NĐ 30/2020 Phụ lục IV
 * keeps it: ngày đến, số đến (from 1 each year), tác giả, số và ký hiệu, ngày văn bản, loại và trích
 * yếu, đơn vị hoặc người nhận, ghi chú, and the received file with its signature check. The year and
 * the search live in the address; "Xuất Excel" exports the register as filtered.
 */
import { useState } from 'react';
import { Button, Flex, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, EditOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import type { IncomingView } from '../../../../src-shared/api/documents';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { SearchBox } from '../../records/common/SearchBox';
import { FileJobList, useFileJobs } from '../../assessment/print/useFileJobs';
import { useFileDownload } from '../common/useFileDownload';
import { PreviewButton, PreviewDrawer, type PreviewTarget } from '../preview/PreviewDrawer';
import { IncomingFormModal } from './IncomingFormModal';
import { RegisterTable, YearSelect, useRegisterFilters } from './registerFilters';

export function IncomingPage() {
  const t = useT();
  const client = useClient();
  const files = useFileDownload();
  const jobs = useFileJobs();
  const [editing, setEditing] = useState<IncomingView | 'new' | null>(null);
  const [previewing, setPreviewing] = useState<PreviewTarget | null>(null);
  const { thisYear, year, search, setParam } = useRegisterFilters();
  const filter = { ...(year !== undefined ? { year } : {}), ...(search ? { search } : {}) };
  const register = useProcedure('documents.incoming.list', filter);

  const exportRegister = () =>
    void jobs.start(
      year === undefined ? t('documentsUi.incoming.exportLabelAll') : t('documentsUi.incoming.exportLabel', { year }),
      () => client.call('documents.incoming.export', filter),
    );

  const columns: TableColumnsType<IncomingView> = [
    {
      title: t('documentsUi.incoming.col.receivedOn'),
      key: 'receivedOn',
      width: 100,
      render: (_v, r) => formatIsoDateVn(r.receivedOn),
    },
    {
      title: t('documentsUi.incoming.col.number'),
      key: 'number',
      width: 70,
      render: (_v, r) => <Typography.Text strong>{r.number}</Typography.Text>,
    },
    {
      title: t('documentsUi.incoming.col.sender'),
      key: 'sender',
      render: (_v, r) => <div style={{ minWidth: 120, maxWidth: 200 }}>{r.sender}</div>,
    },
    { title: t('documentsUi.incoming.col.reference'), key: 'reference', render: (_v, r) => r.reference },
    {
      title: t('documentsUi.incoming.col.documentDate'),
      key: 'documentDate',
      width: 100,
      render: (_v, r) => (r.documentDate ? formatIsoDateVn(r.documentDate) : ''),
    },
    {
      title: t('documentsUi.incoming.col.summary'),
      key: 'summary',
      render: (_v, r) => (
        // A long summary wraps within the column, so the recipient stays in view.
        <Typography.Text style={{ display: 'block', minWidth: 220, maxWidth: 380 }}>
          <Typography.Text type="secondary">{r.kind}: </Typography.Text>
          {r.summary}
        </Typography.Text>
      ),
    },
    {
      title: t('documentsUi.incoming.col.recipient'),
      key: 'recipient',
      render: (_v, r) => <div style={{ maxWidth: 180 }}>{r.recipient}</div>,
    },
    { title: t('documentsUi.col.note'), key: 'note', render: (_v, r) => <div style={{ maxWidth: 180 }}>{r.note}</div> },
    {
      title: t('documentsUi.incoming.col.file'),
      key: 'file',
      render: (_v, r) =>
        r.file && (
          <Space orientation="vertical" size={2}>
            <Space size={4} wrap>
              <PreviewButton
                title={`${r.number}/${r.year}`}
                onClick={() => r.file && setPreviewing({ title: `${r.number}/${r.year} — ${r.summary}`, file: r.file })}
              />
              <Button
                type="link"
                size="small"
                icon={<DownloadOutlined aria-hidden="true" />}
                loading={files.busyId === r.file.id}
                aria-label={t('documentsUi.incoming.fileLabel', { number: `${r.number}/${r.year}` })}
                title={r.file.name}
                onClick={() => r.file && void files.download(r.file.id, r.file.name)}
              >
                {t('previewUi.download')}
              </Button>
            </Space>
            {r.signature && (
              <Tag color={r.signature.valid ? 'green' : 'red'} title={r.signature.verdict}>
                {r.signature.valid
                  ? t('documentsUi.incoming.signatureValid')
                  : t('documentsUi.incoming.signatureInvalid')}
              </Tag>
            )}
          </Space>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, r) => (
        <Button
          size="small"
          icon={<EditOutlined aria-hidden="true" />}
          aria-label={t('documentsUi.incoming.editLabel', { number: `${r.number}/${r.year}` })}
          onClick={() => setEditing(r)}
        >
          {t('documentsUi.incoming.edit')}
        </Button>
      ),
    },
  ];

  const rows = register.data?.rows ?? [];
  return (
    <LoadGate loaded={register.data !== undefined} error={register.error} retry={register.reload}>
      <PageTitle
        title={t('documentsUi.incoming.title')}
        extra={
          <Space wrap>
            <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setEditing('new')}>
              {t('documentsUi.incoming.add')}
            </Button>
            <Button icon={<ExportOutlined aria-hidden="true" />} onClick={exportRegister}>
              {t('export.excel')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('documentsUi.incoming.intro')}</Typography.Paragraph>
      <Flex wrap gap="small" align="center" style={{ marginBottom: 16 }}>
        <YearSelect year={year} thisYear={thisYear} onChange={(v) => setParam('year', v)} />
        <SearchBox
          applied={search}
          label={t('documentsUi.incoming.search')}
          placeholder={t('documentsUi.incoming.searchPlaceholder')}
          width={340}
          onSearch={(q) => setParam('q', q)}
        />
        <Typography.Text aria-live="polite">{t('documentsUi.incoming.count', { count: rows.length })}</Typography.Text>
      </Flex>
      <FileJobList jobs={jobs} />
      <RegisterTable<IncomingView>
        label={t('documentsUi.incoming.tableLabel')}
        emptyText={t('documentsUi.incoming.empty')}
        columns={columns}
        rows={rows}
        loading={register.loading}
        error={register.data && register.error ? register.error.message : null}
      />
      <PreviewDrawer target={previewing} files={files} onClose={() => setPreviewing(null)} />
      {editing && (
        <IncomingFormModal
          entry={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            register.reload();
          }}
        />
      )}
    </LoadGate>
  );
}
