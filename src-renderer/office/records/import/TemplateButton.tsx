/** "Tải file mẫu": the import's Excel template, made by a job and saved like an export. */
import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { useExportJob } from '../common/useExportJob';
import type { ImportKind } from './ImportPage';

export function TemplateButton({ kind }: { kind: ImportKind }) {
  const t = useT();
  const client = useClient();
  const exporter = useExportJob();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={exporter.runningKey === 'template'}
      onClick={() => void exporter.start('template', () => client.call('records.import.template', { kind }))}
    >
      {t('import.template')}
    </Button>
  );
}
