/** Fields the facilities forms share: the room a thing stands in, the year it came, a computer's kind and purpose. */
import { Form, InputNumber, Select } from 'antd';
import {
  COMPUTER_KINDS,
  COMPUTER_PURPOSES,
  FIRST_ACQUISITION_YEAR,
  lastAcquisitionYear,
  type RoomView,
} from '../../../../src-shared/api/records';
import { useT } from '../../../i18n/LocaleContext';
import { options } from '../common/labels';
import { kindLabel, purposeLabel, roomOptions } from './labels';

/** The room it is in, or none. */
export function RoomField({ rooms }: { rooms: readonly RoomView[] }) {
  const t = useT();
  return (
    <Form.Item label={t('facilities.room')} name="roomId">
      <Select
        virtual={false}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('facilities.noRoom')}
        options={roomOptions(rooms)}
      />
    </Form.Item>
  );
}

export function YearAcquiredField() {
  const t = useT();
  return (
    <Form.Item label={t('facilities.year')} name="yearAcquired">
      <InputNumber min={FIRST_ACQUISITION_YEAR} max={lastAcquisitionYear()} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );
}

export function ComputerKindField() {
  const t = useT();
  return (
    <Form.Item
      label={t('facilities.computer.kind')}
      name="kind"
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <Select virtual={false} options={options(COMPUTER_KINDS, kindLabel, t)} />
    </Form.Item>
  );
}

export function ComputerPurposeField() {
  const t = useT();
  return (
    <Form.Item
      label={t('facilities.computer.purpose')}
      name="purpose"
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <Select virtual={false} options={options(COMPUTER_PURPOSES, purposeLabel, t)} />
    </Form.Item>
  );
}
