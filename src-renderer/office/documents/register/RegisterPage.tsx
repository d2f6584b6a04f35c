/**
 * Sổ đăng ký văn bản đi (/documents/register, the principal and the clerk), as NĐ 30/2020 Phụ lục IV
 * keeps it: every signed document with its số and ký hiệu, date, kind and summary, signer, nơi nhận,
 * số lượng bản and ghi chú (the clerk completes those with "Sửa"), and the signed file. Filters by
 * year of signing, kind and a search (diacritics and case do not matter: the server folds them) live in
 * the address, so a filtered register can be reopened; "Xuất Excel" exports the register as filtered,
 * as a job with a progress bar.
 */
import { useState } from 'react';
import { Button, Flex, Select, Space, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, ExportOutlined } from '@ant-design/icons';
import { DOCUMENT_KINDS, type DocumentView } from '../../../../src-shared/api/documents';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { SearchBox } from '../../records/common/SearchBox';
import { FileJobList, useFileJobs } from '../../assessment/print/useFileJobs';
import { DocumentFiles } from '../common/DocumentFiles';
import { useFileDownload } from '../common/useFileDownload';
import { dateOf, kindLabel, kindOptions, type DocumentKind } from '../labels';
import { OutgoingEditModal } from './OutgoingEditModal';
import { RegisterTable, YearSelect, useRegisterFilters } from './registerFilters';
import { PreviewButton, PreviewDrawer, documentTargetOf, type PreviewTarget } from '../preview/PreviewDrawer';

function parseKind(value: string | null): DocumentKind | undefined {
  return (DOCUMENT_KINDS as readonly string[]).includes(value ?? '') ? (value as DocumentKind) : undefined;
}

export function RegisterPage() {
  const t = useT();
  const client = useClient();
  const files = useFileDownload();
  const jobs = useFileJobs();
  const [previewing, setPreviewing] = useState<PreviewTarget | null>(null);
  const [editing, setEditing] = useState<DocumentView | null>(null);
  const { params, thisYear, year, search, setParam } = useRegisterFilters();
  const kind = parseKind(params.get('kind'));
  const filter = { ...(year !== undefined ? { year } : {}), ...(kind ? { kind } : {}), ...(search ? { search } : {}) };
  const register = useProcedure('documents.register', filter);

  const exportRegister = () =>
    void jobs.start(
      year === undefined ? t('documentsUi.register.exportLabelAll') : t('documentsUi.register.exportLabel', { year }),
      () => client.call('documents.register.export', filter),
    );

  const columns: TableColumnsType<DocumentView> = [
    {
      title: t('documentsUi.col.numberSymbol'),
      key: 'number',
      width: 120,
      fixed: 'left',
      render: (_v, d) => outgoingNumber(d),
    },
    {
      title: t('documentsUi.col.date'),
      key: 'signedAt',
      width: 100,
      render: (_v, d) => (d.decidedAt ? dateOf(d.decidedAt) : ''),
    },
    {
      title: t('documentsUi.col.kindSummary'),
      key: 'summary',
      render: (_v, d) => (
        // A long title wraps within the column, so the signer and the recipients stay in view.
        <Space orientation="vertical" size={0} style={{ minWidth: 220, maxWidth: 380 }}>
          <Typography.Text>
            <Typography.Text type="secondary">{kindLabel(t, d.kind)}: </Typography.Text>
            <Typography.Text strong>{d.title}</Typography.Text>
          </Typography.Text>
          {d.summary && <Typography.Text type="secondary">{d.summary}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('documentsUi.col.signer'), key: 'signer', render: (_v, d) => d.signerName || d.decidedBy || '' },
    {
      title: t('documentsUi.col.recipients'),
      key: 'recipients',
      render: (_v, d) => <div style={{ whiteSpace: 'pre-line', maxWidth: 220 }}>{d.recipients}</div>,
    },
    { title: t('documentsUi.col.copies'), key: 'copies', width: 70, render: (_v, d) => d.copies ?? '' },
    {
      title: t('documentsUi.col.note'),
      key: 'note',
      render: (_v, d) => <div style={{ maxWidth: 200 }}>{d.registerNote}</div>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, d) => (
        <Space size={4} wrap style={{ maxWidth: 230 }}>
          <PreviewButton title={d.title} onClick={() => setPreviewing(documentTargetOf(d))} />
          <Button
            size="small"
            icon={<EditOutlined aria-hidden="true" />}
            aria-label={t('documentsUi.register.editLabel', { title: d.title })}
            onClick={() => setEditing(d)}
          >
            {t('documentsUi.register.edit')}
          </Button>
          <DocumentFiles doc={d} files={files} original={false} />
        </Space>
      ),
    },
  ];

  const rows = register.data?.rows ?? [];
  return (
    <LoadGate loaded={register.data !== undefined} error={register.error} retry={register.reload}>
      <PageTitle
        title={t('documentsUi.register.title')}
        extra={
          <Button icon={<ExportOutlined aria-hidden="true" />} onClick={exportRegister}>
            {t('export.excel')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('documentsUi.register.intro')}</Typography.Paragraph>
      <Flex wrap gap="small" align="center" style={{ marginBottom: 16 }}>
        <YearSelect year={year} thisYear={thisYear} onChange={(v) => setParam('year', v)} />
        <Select<DocumentKind | 'all'>
          virtual={false}
          aria-label={t('documentsUi.register.kind')}
          value={kind ?? 'all'}
          onChange={(v) => setParam('kind', v === 'all' ? null : v)}
          style={{ minWidth: 180 }}
          options={[{ value: 'all', label: t('documentsUi.register.allKinds') }, ...kindOptions(t)]}
        />
        <SearchBox
          applied={search}
          label={t('documentsUi.register.search')}
          placeholder={t('documentsUi.register.searchPlaceholder')}
          width={340}
          onSearch={(q) => setParam('q', q)}
        />
        <Typography.Text aria-live="polite">{t('documentsUi.register.count', { count: rows.length })}</Typography.Text>
      </Flex>
      <FileJobList jobs={jobs} />
      <RegisterTable<DocumentView>
        label={t('documentsUi.register.tableLabel')}
        emptyText={t('documentsUi.register.empty')}
        columns={columns}
        rows={rows}
        loading={register.loading}
        error={register.data && register.error ? register.error.message : null}
      />
      <PreviewDrawer target={previewing} files={files} onClose={() => setPreviewing(null)} />
      {editing && (
        <OutgoingEditModal
          doc={editing}
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

/** "12/QĐ-THKĐ": the number in its year, then the ký hiệu, as NĐ 30/2020 writes them. */
export function outgoingNumber(d: Pick<DocumentView, 'registerNumber' | 'symbol'>): string {
  const no = d.registerNumber?.split('/')[0] ?? '';
  return d.symbol ? `${no}/${d.symbol}` : no;
}
