/** "Xuất Excel": starts an export job of the page's exporter; it spins while that export runs. */
import { Button } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import type { Result } from '../../../../src-shared/api/envelope';
import { useT } from '../../../i18n/LocaleContext';
import type { ExportJob } from './useExportJob';

export function ExportButton({
  exporter,
  exportKey,
  begin,
}: {
  exporter: ExportJob;
  /** Which export this button starts, among the page's. */
  exportKey: string;
  begin(): Promise<Result<{ jobId: string }>>;
}) {
  const t = useT();
  return (
    <Button
      icon={<ExportOutlined />}
      loading={exporter.runningKey === exportKey}
      onClick={() => void exporter.start(exportKey, begin)}
    >
      {t('export.excel')}
    </Button>
  );
}
