/**
 * Step 1 of an import: the clerk drops or picks an .xlsx or .xls file. Other files are refused here already,
 * with the reason, before anything is sent (the server checks the content again).
 */
import { App, Spin, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/LocaleContext';
import { formatBytes } from '../../../lib/format';

export const XLSX_ACCEPT =
  '.xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel';

/** An Excel workbook by its name: .xlsx, or .xls (Excel 97–2003), which the server reads as well. */
export function isXlsxName(name: string): boolean {
  return /\.xlsx?$/i.test(name.trim());
}

export function FileStep({
  busy,
  busyText,
  file,
  onFile,
}: {
  busy: boolean;
  /** What is happening while busy (uploading, reading). */
  busyText: string;
  file: File | null;
  onFile(file: File): void;
}) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();
  const refuse = (name: string) => void message.error(t('import.notXlsx', { name }));
  return (
    <Spin spinning={busy} description={busyText}>
      <Upload.Dragger
        accept={XLSX_ACCEPT}
        multiple={false}
        showUploadList={false}
        fileList={[]}
        disabled={busy}
        beforeUpload={(chosen) => {
          if (isXlsxName(chosen.name)) onFile(chosen);
          else refuse(chosen.name);
          // Dropped files reach this check too (a single-file dragger does not filter them by `accept`).
          // The file is sent by the wizard, not by the Upload component.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint')}</p>
        {file && (
          <Typography.Text type="secondary">
            {t('import.chosenFile', { name: file.name, size: formatBytes(file.size, locale) })}
          </Typography.Text>
        )}
      </Upload.Dragger>
    </Spin>
  );
}
