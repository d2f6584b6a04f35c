/**
 * Nhận lại / chuyển đến: a pupil who had left comes back into a class of the current year — from
 * another school (the school is named) or after a break (no school named).
 */
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { PupilView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { DATE_FORMAT, toIso, today } from '../common/dates';
import { useEventDate } from '../common/useEventDate';
import { usePupilAction } from './usePupilAction';

interface ReadmitValues {
  date: Dayjs;
  classId: number;
  fromSchool?: string;
  note?: string;
}

export function ReadmitModal({ pupil, onClose, onDone }: { pupil: PupilView; onClose(): void; onDone(): void }) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<ReadmitValues>();
  useEventDate(form, 'date');
  const classes = useProcedure('records.classes.list', {});
  const action = usePupilAction(form, onDone, t('pupils.readmitted', { name: pupil.fullName }));

  return (
    <FormModal<ReadmitValues>
      open
      form={form}
      title={t('pupils.readmitTitle', { name: pupil.fullName })}
      okText={t('pupils.readmit')}
      busy={action.busy}
      error={action.error}
      initialValues={{ date: today() }}
      onCancel={onClose}
      onFinish={(v) =>
        void action.run(() =>
          client.call('records.pupils.readmit', {
            id: pupil.id,
            version: pupil.version,
            date: toIso(v.date),
            classId: v.classId,
            fromSchool: v.fromSchool?.trim() ?? '',
            note: v.note?.trim() ?? '',
          }),
        )
      }
    >
      <Form.Item
        label={t('pupils.returnDate')}
        name="date"
        rules={[{ required: true, message: t('year.dateRequired') }]}
      >
        <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('pupil.class')}
        name="classId"
        rules={[{ required: true, message: t('pupils.classRequired') }]}
      >
        <Select
          virtual={false}
          showSearch={{ optionFilterProp: 'label' }}
          loading={classes.loading}
          options={(classes.data?.rows ?? []).map((c) => ({ value: c.id, label: t('class.label', { name: c.name }) }))}
        />
      </Form.Item>
      <Form.Item label={t('pupils.fromSchool')} name="fromSchool" extra={t('pupils.fromSchoolHint')}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('pupils.note')} name="note">
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
