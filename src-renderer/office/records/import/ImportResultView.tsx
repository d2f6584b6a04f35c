/**
 * Step 4 of an import: what the check or the import found. With errors nothing was written (all or
 * nothing): the clerk sees each row's problem, can download the full report, fixes the file and
 * uploads it again.
 */
import { Alert, Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportResult, RowErrorView } from '../../../../src-shared/api/records';
import { useT } from '../../../i18n/LocaleContext';

export function ImportResultView({
  result,
  dataRows,
  downloading,
  onDownloadReport,
}: {
  result: ImportResult;
  /** The data rows the preview found: with errors, result.rows counts only the rows that read cleanly. */
  dataRows: number;
  downloading: boolean;
  onDownloadReport(fileId: number): void;
}) {
  const t = useT();

  if (result.errorCount === 0) {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={
          result.dryRun ? t('import.checkedOk', { rows: result.rows }) : t('import.importedOk', { rows: result.rows })
        }
        description={t(result.dryRun ? 'import.wouldWrite' : 'import.written', {
          created: result.created,
          updated: result.updated,
        })}
        style={{ marginBottom: 16 }}
      />
    );
  }

  const columns: TableColumnsType<RowErrorView> = [
    { title: t('import.err.row'), dataIndex: 'row', key: 'row', width: 80, align: 'right' },
    { title: t('import.err.column'), dataIndex: 'column', key: 'column', width: 220 },
    { title: t('import.err.message'), dataIndex: 'message', key: 'message' },
  ];
  return (
    <>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('import.hasErrors', { count: result.errorCount, rows: dataRows })}
        description={t('import.nothingWritten')}
        style={{ marginBottom: 16 }}
      />
      <Card
        title={t('import.errorsTitle')}
        extra={
          result.errorReportFileId !== null && (
            <Button
              icon={<DownloadOutlined />}
              loading={downloading}
              onClick={() => onDownloadReport(result.errorReportFileId!)}
            >
              {t('import.downloadReport')}
            </Button>
          )
        }
        style={{ marginBottom: 16 }}
      >
        {result.errors.length < result.errorCount && (
          <Typography.Paragraph type="secondary">
            {t('import.errorsShown', { shown: result.errors.length, count: result.errorCount })}
          </Typography.Paragraph>
        )}
        <Table<RowErrorView>
          rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
          columns={columns}
          dataSource={result.errors}
          size="small"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      </Card>
    </>
  );
}
