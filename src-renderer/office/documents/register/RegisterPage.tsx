/**
 * Sổ văn bản (/documents/register, the principal and the clerk): every signed document with its number,
 * date, kind, summary, signer and submitter, and the signed file. Filters by year of signing, kind and a
 * search (diacritics and case do not matter: the server folds them) live in the address, so a filtered
 * register can be reopened; "Xuất Excel" exports the register as filtered, as a job with a progress bar.
 */
import { useMemo, useState } from 'react';
import { Button, Flex, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
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
import { currentYear, dateOf, kindLabel, kindOptions, type DocumentKind } from '../labels';
import { PreviewButton, PreviewDrawer, previewTargetOf, type PreviewTarget } from '../preview/PreviewDrawer';
import { WIDE_TABLE } from '../../layout/wideTable';

/** How many past years the year filter offers. */
const YEARS_BACK = 5;

function parseYear(value: string | null, fallback: number): number | undefined {
  if (value === 'all') return undefined;
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback;
}

function parseKind(value: string | null): DocumentKind | undefined {
  return (DOCUMENT_KINDS as readonly string[]).includes(value ?? '') ? (value as DocumentKind) : undefined;
}

export function RegisterPage() {
  const t = useT();
  const client = useClient();
  const files = useFileDownload();
  const jobs = useFileJobs();
  const [previewing, setPreviewing] = useState<PreviewTarget | null>(null);
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const year = parseYear(params.get('year'), thisYear);
  const kind = parseKind(params.get('kind'));
  const search = params.get('q')?.trim() ?? '';
  const filter = { ...(year !== undefined ? { year } : {}), ...(kind ? { kind } : {}), ...(search ? { search } : {}) };
  const register = useProcedure('documents.register', filter);

  const setParam = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  const years = useMemo(() => {
    const list = Array.from({ length: YEARS_BACK + 1 }, (_v, i) => thisYear - i);
    if (year !== undefined && !list.includes(year)) list.push(year);
    return list.sort((a, b) => b - a);
  }, [thisYear, year]);

  const exportRegister = () =>
    void jobs.start(
      year === undefined ? t('documentsUi.register.exportLabelAll') : t('documentsUi.register.exportLabel', { year }),
      () => client.call('documents.register.export', filter),
    );

  const columns: TableColumnsType<DocumentView> = [
    { title: t('documentsUi.col.number'), key: 'number', width: 90, render: (_v, d) => d.registerNumber ?? '' },
    {
      title: t('documentsUi.col.signedAt'),
      key: 'signedAt',
      width: 110,
      render: (_v, d) => (d.decidedAt ? dateOf(d.decidedAt) : ''),
    },
    { title: t('documentsUi.col.kind'), key: 'kind', render: (_v, d) => kindLabel(t, d.kind) },
    {
      title: t('documentsUi.col.summary'),
      key: 'summary',
      render: (_v, d) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{d.title}</Typography.Text>
          {d.summary && <Typography.Text type="secondary">{d.summary}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('documentsUi.col.signer'), key: 'signer', render: (_v, d) => d.signerName || d.decidedBy || '' },
    { title: t('documentsUi.col.submitter'), key: 'submitter', render: (_v, d) => d.submittedBy.fullName },
    {
      title: t('documentsUi.col.signedFile'),
      key: 'file',
      render: (_v, d) => (
        <Space size={4} wrap>
          <PreviewButton title={d.title} onClick={() => setPreviewing(previewTargetOf(d))} />
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
          <Button icon={<ExportOutlined />} onClick={exportRegister}>
            {t('export.excel')}
          </Button>
        }
      />
      <Flex wrap gap="small" align="center" style={{ marginBottom: 16 }}>
        <Select<number | 'all'>
          virtual={false}
          aria-label={t('documentsUi.register.year')}
          value={year ?? 'all'}
          onChange={(v) => setParam('year', String(v))}
          style={{ minWidth: 140 }}
          options={[
            { value: 'all', label: t('documentsUi.register.allYears') },
            ...years.map((y) => ({ value: y, label: t('documentsUi.register.yearOption', { year: y }) })),
          ]}
        />
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
      {register.data && register.error && (
        <Typography.Text type="danger" role="alert">
          {register.error.message}
        </Typography.Text>
      )}
      <Table<DocumentView>
        aria-label={t('documentsUi.register.tableLabel')}
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={register.loading}
        size="small"
        bordered
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        {...WIDE_TABLE}
        locale={{ emptyText: t('documentsUi.register.empty') }}
      />
      <PreviewDrawer target={previewing} files={files} onClose={() => setPreviewing(null)} />
    </LoadGate>
  );
}
