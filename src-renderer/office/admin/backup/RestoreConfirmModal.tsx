/**
 * The last stop before a restore, which replaces every record of the school: the user types a word
 * (KHÔI PHỤC) rather than clicking through. Accents are not required, for PCs without a Vietnamese
 * keyboard.
 */
import { useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import { foldForSearch } from '../../../../src-shared/domain/vnName';
import { useT } from '../../../i18n/LocaleContext';

const WORD_INPUT_ID = 'restore-confirm-word';

export interface RestoreConfirmModalProps {
  /** What will be restored, as the user knows it (a backup's or a file's name). */
  source: string;
  busy: boolean;
  error: string | null;
  onCancel(): void;
  onConfirm(): void;
}

export function RestoreConfirmModal({ source, busy, error, onCancel, onConfirm }: RestoreConfirmModalProps) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const word = t('backup.restore.word');
  const confirmed = foldForSearch(typed) === foldForSearch(word);

  return (
    <Modal
      open
      title={t('backup.restore.title')}
      okText={t('backup.restore.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: !confirmed, loading: busy }}
      cancelButtonProps={{ disabled: busy }}
      closable={!busy}
      mask={{ closable: false }}
      onCancel={onCancel}
      onOk={onConfirm}
      destroyOnHidden
      afterOpenChange={(visible) => visible && document.getElementById(WORD_INPUT_ID)?.focus()}
    >
      <Typography.Paragraph>
        {t('backup.restore.source')} <Typography.Text strong>{source}</Typography.Text>
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title={t('backup.restore.warning')}
        description={t('backup.restore.warningDetail')}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <label htmlFor={WORD_INPUT_ID}>{t('backup.restore.typeWord', { word })}</label>
      <Input
        id={WORD_INPUT_ID}
        autoComplete="off"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onPressEnter={() => confirmed && !busy && onConfirm()}
        style={{ marginTop: 8 }}
      />
    </Modal>
  );
}
