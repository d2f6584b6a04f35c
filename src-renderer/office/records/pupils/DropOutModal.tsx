/** Thôi học: the pupil leaves school, with the reason the sector database asks for. */
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PupilView } from '../../../../src-shared/api/records';
import { DROPOUT_REASONS } from '../../../../src-shared/domain/codeLists';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { DATE_FORMAT, toIso, today } from '../common/dates';
import { useEventDate } from '../common/useEventDate';
import { codeOptions } from '../common/codeOptions';
import { usePupilAction } from './usePupilAction';

interface DropOutValues {
  date: Dayjs;
  reason: string;
  note?: string;
}

export function DropOutModal({ pupil, onClose, onDone }: { pupil: PupilView; onClose(): void; onDone(): void }) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<DropOutValues>();
  useEventDate(form, 'date');
  const action = usePupilAction(form, onDone, t('pupils.droppedOut', { name: pupil.fullName }));

  return (
    <FormModal<DropOutValues>
      open
      form={form}
      title={t('pupils.dropOutTitle', { name: pupil.fullName })}
      okText={t('pupils.dropOut')}
      danger
      busy={action.busy}
      error={action.error}
      initialValues={{ date: today() }}
      onCancel={onClose}
      onFinish={(v) =>
        void action.run(() =>
          client.call('records.pupils.dropOut', {
            id: pupil.id,
            version: pupil.version,
            date: toIso(v.date),
            reason: v.reason,
            note: v.note?.trim() ?? '',
          }),
        )
      }
    >
      <Form.Item
        label={t('pupils.leaveDate')}
        name="date"
        rules={[{ required: true, message: t('year.dateRequired') }]}
      >
        <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('pupils.dropOutReason')}
        name="reason"
        rules={[{ required: true, message: t('pupils.reasonRequired') }]}
      >
        <Select virtual={false} options={codeOptions(DROPOUT_REASONS)} />
      </Form.Item>
      <Form.Item label={t('pupils.note')} name="note">
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
