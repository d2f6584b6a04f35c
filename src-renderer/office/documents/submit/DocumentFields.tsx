/**
 * The fields that describe a document submitted for signature — title, kind, summary, note for the
 * signer — shared by the Trình ký form (an uploaded file) and the dialog that submits a file the app
 * made (a học bạ, a summary sheet).
 */
import { Form, Input, Select } from 'antd';
import { useT } from '../../../i18n/LocaleContext';
import { kindOptions, type DocumentKind } from '../labels';

export interface DocumentFieldValues {
  title: string;
  kind: DocumentKind;
  summary?: string;
  note?: string;
}

export function DocumentFields() {
  const t = useT();
  return (
    <>
      <Form.Item
        name="title"
        label={t('documentsUi.submit.titleField')}
        rules={[{ required: true, whitespace: true, message: t('documentsUi.submit.titleRequired') }]}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="kind" label={t('documentsUi.submit.kind')} rules={[{ required: true }]}>
        <Select<DocumentKind> virtual={false} options={kindOptions(t)} style={{ maxWidth: 280 }} />
      </Form.Item>
      <Form.Item name="summary" label={t('documentsUi.submit.summary')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
      </Form.Item>
      <Form.Item name="note" label={t('documentsUi.submit.note')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
      </Form.Item>
    </>
  );
}
