/** Add or change an equipment line: name, category, room, quantity, condition, year, notes. */
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import {
  EQUIPMENT_CATEGORIES,
  EQUIPMENT_CONDITIONS,
  type EquipmentView,
  type RoomView,
} from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { useFormSave } from '../../common/useFormSave';
import { options } from '../common/labels';
import { NoteField } from '../common/NoteField';
import { RoomField, YearAcquiredField } from './FacilityFields';
import { categoryLabel, conditionLabel, type Category, type Condition } from './labels';

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
  const [form] = Form.useForm<EquipmentFormValues>();
  const { busy, error, save } = useFormSave(form);

  const submit = (v: EquipmentFormValues) => {
    const fields = {
      name: v.name.trim(),
      category: v.category,
      roomId: v.roomId ?? null,
      quantity: v.quantity,
      condition: v.condition,
      yearAcquired: v.yearAcquired ?? null,
      notes: v.notes?.trim() ?? '',
    };
    return save({
      send: () =>
        item
          ? client.call('records.equipment.update', { id: item.id, version: item.version, ...fields })
          : client.call('records.equipment.create', fields),
      savedText: (saved) =>
        t(item ? 'facilities.equipment.saved' : 'facilities.equipment.created', { name: saved.name }),
      onSaved: onChanged,
      onConflict: item ? onChanged : undefined,
    });
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
          <RoomField rooms={rooms} />
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
          <YearAcquiredField />
        </Col>
      </Row>
      <NoteField name="notes" label={t('facilities.notes')} />
    </FormModal>
  );
}
