/**
 * Trình văn bản mới: the file (uploaded when the form is sent), title, kind, summary and a note for
 * the signer. The title is filled from the file's name (read back as a sentence, documentTitle.ts) when
 * left empty, and stays editable. Enter in a one-line field
 * sends the form; the server's field errors land under their fields.
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { DocumentView } from '../../../../src-shared/api/documents';
import type { Result } from '../../../../src-shared/api/envelope';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { useFormSave } from '../../common/useFormSave';
import { FilePicker } from '../common/FilePicker';
import { DocumentFields, type DocumentFieldValues } from './DocumentFields';
import { titleFromFileName } from './documentTitle';

interface Values extends DocumentFieldValues {
  file: File | null;
}

export function SubmitForm({ onSubmitted }: { onSubmitted(doc: DocumentView): void }) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const { busy, error, save } = useFormSave(form, (field) =>
    field === 'fileId' ? ['file'] : ['title', 'kind', 'summary', 'note'].includes(field) ? [field] : null,
  );
  const [uploading, setUploading] = useState(false);

  const send = async (values: Values): Promise<Result<DocumentView>> => {
    const file = values.file!;
    setUploading(true);
    const uploaded = await client
      .upload(file, file.name, 'document')
      .catch((): Result<never> => ({ ok: false, error: { code: 'internal', message: t('app.serverUnreachable') } }));
    setUploading(false);
    if (!uploaded.ok) return uploaded;
    return client.call('documents.submit', {
      fileId: uploaded.value.id,
      title: values.title,
      kind: values.kind,
      summary: values.summary ?? '',
      note: values.note ?? '',
    });
  };

  return (
    <Card title={t('documentsUi.submit.formTitle')} style={{ marginBottom: 24 }}>
      <Typography.Paragraph type="secondary">{t('documentsUi.submit.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ file: null, title: '', kind: 'report', summary: '', note: '' }}
        disabled={busy}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.file && !String(form.getFieldValue('title') ?? '').trim()) {
            form.setFieldValue('title', titleFromFileName(changed.file.name));
          }
        }}
        onFinish={(values) =>
          void save({
            send: () => send(values),
            savedText: (doc) => t('documentsUi.submit.done', { title: doc.title }),
            onSaved: (doc) => {
              form.resetFields();
              onSubmitted(doc);
            },
          })
        }
        style={{ maxWidth: 720 }}
      >
        <Form.Item
          name="file"
          label={t('documentsUi.submit.file')}
          rules={[{ required: true, message: t('documentsUi.submit.fileRequired') }]}
        >
          <FilePicker label={t('documentsUi.submit.file')} hint={t('documentsUi.submit.fileHint')} disabled={busy} />
        </Form.Item>
        <DocumentFields />
        <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden="true" />} loading={busy}>
          {uploading ? t('documentsUi.submit.uploading') : t('documentsUi.submit.send')}
        </Button>
      </Form>
    </Card>
  );
}
