/**
 * The clerk completes a signed document's line in the outgoing register (NĐ 30/2020): the ký hiệu
 * written after its number, where it was sent, how many copies, and a note. The number and the date
 * are the signature's and do not change.
 */
import { Form, Input, InputNumber } from 'antd';
import type { DocumentView } from '../../../../src-shared/api/documents';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { useFormSave } from '../../common/useFormSave';

interface Values {
  symbol: string;
  recipients: string;
  copies: number | null;
  registerNote: string;
}

const FIELDS = ['symbol', 'recipients', 'copies', 'registerNote'];

export function OutgoingEditModal({ doc, onClose, onSaved }: { doc: DocumentView; onClose(): void; onSaved(): void }) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const { busy, error, save } = useFormSave(form, (field) => (FIELDS.includes(field) ? [field] : null));
  const number = doc.registerNumber ?? '';
  return (
    <FormModal<Values>
      open
      form={form}
      title={t('documentsUi.outgoing.title', { number, title: doc.title })}
      okText={t('common.save')}
      busy={busy}
      error={error}
      initialValues={{
        symbol: doc.symbol,
        recipients: doc.recipients,
        copies: doc.copies,
        registerNote: doc.registerNote,
      }}
      onCancel={onClose}
      onFinish={(values) =>
        void save({
          send: () =>
            client.call('documents.outgoing.update', {
              id: doc.id,
              version: doc.version,
              symbol: values.symbol ?? '',
              recipients: values.recipients ?? '',
              copies: values.copies ?? null,
              registerNote: values.registerNote ?? '',
            }),
          savedText: () => t('documentsUi.outgoing.saved', { number }),
          onSaved,
          onConflict: onSaved,
        })
      }
    >
      <Form.Item name="symbol" label={t('documentsUi.outgoing.symbol')} extra={t('documentsUi.outgoing.symbolHint')}>
        <Input maxLength={50} style={{ maxWidth: 240 }} />
      </Form.Item>
      <Form.Item name="recipients" label={t('documentsUi.outgoing.recipients')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={1000}
          placeholder={t('documentsUi.outgoing.recipientsPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="copies" label={t('documentsUi.outgoing.copies')}>
        <InputNumber min={1} max={1000} precision={0} controls={false} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="registerNote" label={t('documentsUi.outgoing.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
