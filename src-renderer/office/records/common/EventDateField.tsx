/**
 * The date of a pupil's move or departure, typed dd/MM/yyyy and never empty. The dialog fills it
 * with useEventDate.
 */
import { DatePicker, Form } from 'antd';
import { useT } from '../../../i18n/LocaleContext';
import { DATE_FORMAT } from './dates';

export function EventDateField({ label }: { label: string }) {
  const t = useT();
  return (
    <Form.Item label={label} name="date" rules={[{ required: true, message: t('year.dateRequired') }]}>
      <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
    </Form.Item>
  );
}
