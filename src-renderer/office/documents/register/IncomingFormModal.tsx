/**
 * Vào sổ văn bản đến, or correcting a line: the fields of NĐ 30/2020's "Sổ đăng ký văn bản đến" — ngày
 * đến (today by default), tác giả, số và ký hiệu, ngày văn bản, loại, trích yếu, đơn vị hoặc người
 * nhận, ghi chú — and, when registering, the file received (a signed PDF has its signature checked by
 * the server). The số đến is the server's: the next of the year of arrival.
 */
import { useState } from 'react';
import { AutoComplete, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { INCOMING_KIND_SUGGESTIONS, type IncomingView } from '../../../../src-shared/api/documents';
import type { Result } from '../../../../src-shared/api/envelope';
import { ISO_DATE, todayIso } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { DateField } from '../../common/DateInput';
import { useFormSave } from '../../common/useFormSave';
import { FilePicker } from '../common/FilePicker';

interface Values {
  receivedOn: Dayjs | null;
  sender: string;
  reference: string;
  documentDate: Dayjs | null;
  kind: string;
  summary: string;
  recipient: string;
  note: string;
  file: File | null;
}

const FIELDS = ['receivedOn', 'sender', 'reference', 'documentDate', 'kind', 'summary', 'recipient', 'note'];

function isoOf(value: Dayjs | null | undefined): string | null {
  return value && dayjs.isDayjs(value) && value.isValid() ? value.format(ISO_DATE) : null;
}

export function IncomingFormModal({
  entry,
  onClose,
  onSaved,
}: {
  /** The line to correct; null registers a new document. */
  entry: IncomingView | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const { busy, error, save } = useFormSave(form, (field) =>
    field === 'fileId' ? ['file'] : FIELDS.includes(field) ? [field] : null,
  );
  const [uploading, setUploading] = useState(false);

  const send = async (values: Values): Promise<Result<IncomingView>> => {
    const fields = {
      receivedOn: isoOf(values.receivedOn) ?? '',
      sender: values.sender ?? '',
      reference: values.reference ?? '',
      documentDate: isoOf(values.documentDate),
      kind: values.kind ?? '',
      summary: values.summary ?? '',
      recipient: values.recipient ?? '',
      note: values.note ?? '',
    };
    if (entry) return client.call('documents.incoming.update', { ...fields, id: entry.id, version: entry.version });
    let fileId: number | undefined;
    if (values.file) {
      setUploading(true);
      const uploaded = await client
        .upload(values.file, values.file.name, 'document')
        .catch((): Result<never> => ({ ok: false, error: { code: 'internal', message: t('app.serverUnreachable') } }));
      setUploading(false);
      if (!uploaded.ok) return uploaded;
      fileId = uploaded.value.id;
    }
    return client.call('documents.incoming.add', { ...fields, ...(fileId ? { fileId } : {}) });
  };

  const initial: Partial<Values> = entry
    ? {
        receivedOn: dayjs(entry.receivedOn, ISO_DATE),
        sender: entry.sender,
        reference: entry.reference,
        documentDate: entry.documentDate ? dayjs(entry.documentDate, ISO_DATE) : null,
        kind: entry.kind,
        summary: entry.summary,
        recipient: entry.recipient,
        note: entry.note,
      }
    : { receivedOn: dayjs(todayIso(), ISO_DATE), documentDate: null, kind: 'Công văn', file: null };

  return (
    <FormModal<Values>
      open
      form={form}
      title={
        entry
          ? t('documentsUi.incoming.editTitle', { number: `${entry.number}/${entry.year}` })
          : t('documentsUi.incoming.addTitle')
      }
      okText={entry ? t('common.save') : t('documentsUi.incoming.save')}
      busy={busy || uploading}
      error={error}
      initialValues={initial}
      onCancel={onClose}
      onFinish={(values) =>
        void save({
          send: () => send(values),
          savedText: (v) =>
            t(entry ? 'documentsUi.incoming.saved' : 'documentsUi.incoming.added', { number: `${v.number}/${v.year}` }),
          onSaved,
          onConflict: onSaved,
        })
      }
    >
      <DateField name="receivedOn" label={t('documentsUi.incoming.receivedOn')} required />
      <Form.Item
        name="sender"
        label={t('documentsUi.incoming.sender')}
        rules={[{ required: true, whitespace: true, message: t('documents.incoming.senderRequired') }]}
      >
        <Input maxLength={300} placeholder={t('documentsUi.incoming.senderPlaceholder')} />
      </Form.Item>
      <Form.Item name="reference" label={t('documentsUi.incoming.reference')}>
        <Input maxLength={100} placeholder={t('documentsUi.incoming.referencePlaceholder')} style={{ maxWidth: 280 }} />
      </Form.Item>
      <DateField name="documentDate" label={t('documentsUi.incoming.documentDate')} />
      <Form.Item
        name="kind"
        label={t('documentsUi.incoming.kind')}
        rules={[{ required: true, whitespace: true, message: t('documents.incoming.kindRequired') }]}
      >
        <AutoComplete
          options={INCOMING_KIND_SUGGESTIONS.map((k) => ({ value: k }))}
          style={{ maxWidth: 280 }}
          maxLength={100}
        />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('documentsUi.incoming.summary')}
        rules={[{ required: true, whitespace: true, message: t('documents.incoming.summaryRequired') }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
      </Form.Item>
      <Form.Item name="recipient" label={t('documentsUi.incoming.recipient')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="note" label={t('documentsUi.incoming.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      {!entry && (
        <Form.Item name="file" label={t('documentsUi.incoming.file')}>
          <FilePicker
            label={t('documentsUi.incoming.file')}
            hint={t('documentsUi.incoming.fileHint')}
            disabled={busy}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
