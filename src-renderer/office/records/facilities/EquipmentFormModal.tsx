/** Add or change an equipment line: name, category, room, quantity, condition, year, notes. */
import { useState } from 'react';
import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import {
  EQUIPMENT_CATEGORIES,
  EQUIPMENT_CONDITIONS,
  FIRST_ACQUISITION_YEAR,
  lastAcquisitionYear,
  type EquipmentView,
  type RoomView,
} from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { applyFieldErrors } from '../../../lib/apiErrors';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { options } from '../common/labels';
import { categoryLabel, conditionLabel, roomOptions, type Category, type Condition } from './labels';

interface EquipmentFormValues {
  name: string;
  category: Category;
  roomId?: number | null;
  quantity: number;
  condition: Condition;
  yearAcquired?: number | null;
  notes?: string;
}

export function EquipmentFormModal({
  item,
  rooms,
  onClose,
  onChanged,
}: {
  item: EquipmentView | null;
  rooms: RoomView[];
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<EquipmentFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: EquipmentFormValues) => {
    setBusy(true);
    setError(null);
    const fields = {
      name: v.name.trim(),
      category: v.category,
      roomId: v.roomId ?? null,
      quantity: v.quantity,
      condition: v.condition,
      yearAcquired: v.yearAcquired ?? null,
      notes: v.notes?.trim() ?? '',
    };
    const result = item
      ? await client.call('records.equipment.update', { id: item.id, version: item.version, ...fields })
      : await client.call('records.equipment.create', fields);
    setBusy(false);
    if (result.ok) {
      void message.success(
        t(item ? 'facilities.equipment.saved' : 'facilities.equipment.created', { name: result.value.name }),
      );
      onChanged();
      return;
    }
    if (result.error.code === 'conflict' && item && result.error.details?.field === undefined) {
      void message.error(result.error.message);
      onChanged();
      return;
    }
    if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<EquipmentFormValues>
      open
      form={form}
      title={item ? t('facilities.equipment.editTitle', { name: item.name }) : t('facilities.equipment.createTitle')}
      okText={item ? t('common.save') : t('facilities.equipment.add')}
      busy={busy}
      error={error}
      initialValues={item ?? { category: 'teaching_kit', condition: 'good', quantity: 1, roomId: null }}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item label={t('facilities.equipment.name')} name="name" rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={150} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label={t('facilities.equipment.category')} name="category" rules={[required]}>
            <Select virtual={false} options={options(EQUIPMENT_CATEGORIES, categoryLabel, t)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('facilities.room')} name="roomId">
            <Select
              virtual={false}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('facilities.noRoom')}
              options={roomOptions(rooms)}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('facilities.equipment.quantity')} name="quantity" rules={[required]}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('facilities.equipment.condition')} name="condition" rules={[required]}>
            <Select virtual={false} options={options(EQUIPMENT_CONDITIONS, conditionLabel, t)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('facilities.year')} name="yearAcquired">
            <InputNumber
              min={FIRST_ACQUISITION_YEAR}
              max={lastAcquisitionYear()}
              precision={0}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('facilities.notes')} name="notes">
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
