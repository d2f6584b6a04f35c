/**
 * "Trình ký" for a file the app made — a class's học bạ, a summary sheet — straight from where it was
 * made, so the GVCN or the clerk does not download it only to upload it again on the Trình ký page.
 * The title starts as the one the app gave the file (not its slug name) and stays editable.
 */
import { Alert, Form, Modal, Typography } from 'antd';
import type { DocumentView } from '../../../../src-shared/api/documents';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { useFormSave } from '../../common/useFormSave';
import type { DocumentKind } from '../labels';
import { DocumentFields, type DocumentFieldValues } from './DocumentFields';
import { generatedTitle } from './documentTitle';

export function SubmitFileModal({
  file,
  title,
  kind,
  onClose,
  onSubmitted,
}: {
  file: { fileId: number; name: string };
  title: string;
  kind: DocumentKind;
  onClose(): void;
  onSubmitted(doc: DocumentView): void;
}) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<DocumentFieldValues>();
  const { busy, error, save } = useFormSave(form, (field) =>
    ['title', 'kind', 'summary', 'note'].includes(field) ? [field] : null,
  );
  const submit = (values: DocumentFieldValues) =>
    void save({
      send: () =>
        client.call('documents.submit', {
          fileId: file.fileId,
          title: values.title,
          kind: values.kind,
          summary: values.summary ?? '',
          note: values.note ?? '',
        }),
      savedText: (doc) => t('documentsUi.submit.done', { title: doc.title }),
      onSaved: onSubmitted,
    });

  return (
    <Modal
      open
      title={t('documentsUi.submitFile.title', { name: file.name })}
      okText={t('documentsUi.submit.send')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('documentsUi.submitFile.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<DocumentFieldValues>
        form={form}
        layout="vertical"
        initialValues={{ title: generatedTitle(file.name) ?? title, kind, summary: '', note: '' }}
        disabled={busy}
        onFinish={submit}
      >
        <DocumentFields />
      </Form>
    </Modal>
  );
}
