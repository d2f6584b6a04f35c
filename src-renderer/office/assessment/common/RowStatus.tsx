/** What a sheet row says about its saving: đang lưu, đã lưu, chưa lưu (a wrong cell), or the refusal. */
import { Space, Spin, Typography } from 'antd';
import { CheckCircleFilled, WarningOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/LocaleContext';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export function RowStatus({
  status,
  message,
  invalid,
}: {
  status: SaveState;
  /** The server's refusal. */
  message: string | null;
  /** A cell holds a value that cannot be saved. */
  invalid: boolean;
}) {
  const t = useT();
  if (status === 'saving') {
    return (
      <Space size="small">
        <Spin size="small" />
        {t('assessmentUi.status.saving')}
      </Space>
    );
  }
  if (status === 'error' && message) {
    return (
      <Typography.Text type="danger" role="alert" style={{ whiteSpace: 'normal', display: 'block', maxWidth: 320 }}>
        <WarningOutlined aria-hidden="true" /> {message}
      </Typography.Text>
    );
  }
  if (invalid) {
    return (
      <Typography.Text type="warning">
        <WarningOutlined aria-hidden="true" /> {t('assessmentUi.status.invalid')}
      </Typography.Text>
    );
  }
  if (status === 'saved') {
    return (
      <Typography.Text type="success">
        <CheckCircleFilled /> {t('assessmentUi.status.saved')}
      </Typography.Text>
    );
  }
  return null;
}

/** The sheet's own line: how many rows are being saved, or that all changes are saved. */
export function SheetSaveState({ saving, errors, saved }: { saving: number; errors: number; saved: number }) {
  const t = useT();
  if (saving > 0) {
    return (
      <Typography.Text type="secondary" aria-live="polite">
        <Spin size="small" /> {t('assessmentUi.status.savingCount', { count: saving })}
      </Typography.Text>
    );
  }
  if (errors > 0) {
    return (
      <Typography.Text type="danger" aria-live="polite">
        <WarningOutlined aria-hidden="true" /> {t('assessmentUi.status.errorCount', { count: errors })}
      </Typography.Text>
    );
  }
  if (saved > 0) {
    return (
      <Typography.Text type="success" aria-live="polite">
        <CheckCircleFilled /> {t('assessmentUi.status.allSaved')}
      </Typography.Text>
    );
  }
  return null;
}
