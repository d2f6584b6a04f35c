/**
 * Choosing one file to send: click (or Enter/Space on the focused area) opens the file dialog, or a
 * file is dropped on it. The file stays on this PC until the form is sent; a file the server would
 * refuse (empty, over the upload limit, not of the kind asked for) is refused here with the reason.
 * Works as a form control: `value` and `onChange` come from the surrounding Form.Item.
 */
import { App, Button, Flex, Typography, Upload } from 'antd';
import { DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { useLocale } from '../../../i18n/LocaleContext';
import { formatBytes } from '../../../lib/format';

/** The server's upload limit (POST /files). */
export const UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;

export interface FilePickerProps {
  value?: File | null;
  onChange?: (file: File | null) => void;
  id?: string;
  /** The accessible name of the drop area. */
  label: string;
  hint?: string;
  accept?: string;
  /** A further check of the chosen file: the reason it is refused, or null. */
  refuse?: (file: File) => string | null;
  disabled?: boolean;
}

export function FilePicker({ value, onChange, id, label, hint, accept, refuse, disabled }: FilePickerProps) {
  const { t, locale } = useLocale();
  const { message } = App.useApp();

  const choose = (file: File) => {
    const problem =
      file.size === 0
        ? t('documentsUi.file.empty', { name: file.name })
        : file.size > UPLOAD_LIMIT_BYTES
          ? t('documentsUi.file.tooLarge', { name: file.name })
          : (refuse?.(file) ?? null);
    if (problem) void message.error(problem);
    else onChange?.(file);
  };

  return (
    <div id={id}>
      <Upload.Dragger
        accept={accept}
        multiple={false}
        showUploadList={false}
        fileList={[]}
        disabled={disabled}
        aria-label={label}
        beforeUpload={(file) => {
          choose(file);
          // The form sends the file itself, with the other fields.
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden="true" />
        </p>
        <p className="ant-upload-text">{t('documentsUi.file.drop')}</p>
        {hint && <p className="ant-upload-hint">{hint}</p>}
      </Upload.Dragger>
      {value && (
        <Flex align="center" gap="small" style={{ marginTop: 8 }}>
          <Typography.Text>
            {t('documentsUi.file.chosen', { name: value.name, size: formatBytes(value.size, locale) })}
          </Typography.Text>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined aria-hidden="true" />}
            disabled={disabled}
            aria-label={t('documentsUi.file.remove', { name: value.name })}
            onClick={() => onChange?.(null)}
          />
        </Flex>
      )}
    </div>
  );
}
