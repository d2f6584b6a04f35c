/** Chuyển đi: the pupil leaves for another school (in the province, outside it, or abroad). */
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PupilView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { DATE_FORMAT, toIso, today } from '../common/dates';
import { useEventDate } from '../common/useEventDate';
import { DESTINATIONS, destinationLabel, options, type Destination } from '../common/labels';
import { usePupilAction } from './usePupilAction';

interface TransferValues {
  date: Dayjs;
  destination: Destination;
  toSchool?: string;
  note?: string;
}

export function TransferOutModal({ pupil, onClose, onDone }: { pupil: PupilView; onClose(): void; onDone(): void }) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<TransferValues>();
  useEventDate(form, 'date');
  const action = usePupilAction(form, onDone, t('pupils.transferredOut', { name: pupil.fullName }));

  return (
    <FormModal<TransferValues>
      open
      form={form}
      title={t('pupils.transferOutTitle', { name: pupil.fullName })}
      okText={t('pupils.transferOut')}
      danger
      busy={action.busy}
      error={action.error}
      initialValues={{ date: today(), destination: '01' }}
      onCancel={onClose}
      onFinish={(v) =>
        void action.run(() =>
          client.call('records.pupils.transferOut', {
            id: pupil.id,
            version: pupil.version,
            date: toIso(v.date),
            destination: v.destination,
            toSchool: v.toSchool?.trim() ?? '',
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
      <Form.Item label={t('pupils.destination')} name="destination" rules={[{ required: true }]}>
        <Select virtual={false} options={options(DESTINATIONS, destinationLabel, t)} />
      </Form.Item>
      <Form.Item label={t('pupils.toSchool')} name="toSchool">
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('pupils.note')} name="note">
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
