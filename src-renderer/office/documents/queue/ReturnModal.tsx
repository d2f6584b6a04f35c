/** "Trả lại": the principal returns a pending document unsigned, with a reason the submitter sees. */
import { useState } from 'react';
import { Form, Input, Typography } from 'antd';
import type { DocumentView } from '../../../../src-shared/api/documents';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { useFormSave } from '../../common/useFormSave';

export const MIN_REASON = 3;

export function ReturnModal({
  doc,
  onClose,
  onReturned,
}: {
  /** The document being returned; null: the dialog is closed. */
  doc: DocumentView | null;
  onClose(): void;
  onReturned(doc: DocumentView): void;
}) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, error, save } = useFormSave(form);
  // The title stays while the dialog closes.
  const [shown, setShown] = useState<DocumentView | null>(doc);
  if (doc && doc !== shown) setShown(doc);

  return (
    <FormModal<{ reason: string }>
      open={doc !== null}
      title={t('documentsUi.return.title', { title: shown?.title ?? '' })}
      okText={t('documentsUi.queue.return')}
      form={form}
      busy={busy}
      error={error}
      danger
      onCancel={onClose}
      onFinish={({ reason }) => {
        if (!doc) return;
        void save({
          send: () => client.call('documents.return', { id: doc.id, version: doc.version, reason: reason.trim() }),
          savedText: (returned) => t('documentsUi.return.done', { title: returned.title }),
          onSaved: onReturned,
          // Someone acted on it meanwhile: the queue shows it as it is now.
          onConflict: onClose,
        });
      }}
    >
      <Typography.Paragraph>{t('documentsUi.return.text')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('documentsUi.return.reason')}
        rules={[
          {
            validator: (_rule, value: unknown) =>
              typeof value === 'string' && value.trim().length >= MIN_REASON
                ? Promise.resolve()
                : Promise.reject(new Error(t('documents.returnReason'))),
          },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
