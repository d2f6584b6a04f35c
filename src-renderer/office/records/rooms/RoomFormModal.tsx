/** Add or change a room: code, name, type, construction, area, seats, projector, Internet. */
import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { CONSTRUCTIONS, ROOM_TYPES, type RoomView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { useFormSave } from '../../common/useFormSave';
import { constructionLabel, options, roomTypeLabel, type Construction, type RoomType } from '../common/labels';
import { NoteField } from '../common/NoteField';

interface RoomFormValues {
  code: string;
  name: string;
  type: RoomType;
  construction: Construction;
  areaM2?: number | null;
  seats?: number | null;
  hasProjector: boolean;
  hasInternet: boolean;
  notes?: string;
}

export function RoomFormModal({
  room,
  onClose,
  onChanged,
}: {
  room: RoomView | null;
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<RoomFormValues>();
  const { busy, error, save } = useFormSave(form);

  const submit = (v: RoomFormValues) => {
    const fields = {
      code: v.code.trim(),
      name: v.name.trim(),
      type: v.type,
      construction: v.construction,
      areaM2: v.areaM2 ?? null,
      seats: v.seats ?? null,
      hasProjector: v.hasProjector,
      hasInternet: v.hasInternet,
      notes: v.notes?.trim() ?? '',
    };
    return save({
      send: () =>
        room
          ? client.call('records.rooms.update', { id: room.id, version: room.version, ...fields })
          : client.call('records.rooms.create', fields),
      savedText: (saved) => t(room ? 'rooms.saved' : 'rooms.created', { name: saved.name }),
      onSaved: onChanged,
      onConflict: room ? onChanged : undefined,
    });
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<RoomFormValues>
      open
      form={form}
      title={room ? t('rooms.editTitle', { name: room.name }) : t('rooms.createTitle')}
      okText={room ? t('common.save') : t('rooms.create')}
      busy={busy}
      error={error}
      initialValues={
        room ? room : { type: 'classroom', construction: 'permanent', hasProjector: false, hasInternet: false }
      }
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={t('room.code')} name="code" rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('room.name')} name="name" rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('room.type')} name="type" rules={[required]}>
            <Select virtual={false} options={options(ROOM_TYPES, roomTypeLabel, t)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('room.construction')} name="construction" rules={[required]}>
            <Select virtual={false} options={options(CONSTRUCTIONS, constructionLabel, t)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('room.area')} name="areaM2">
            <InputNumber min={0.1} max={10000} step={1} style={{ width: '100%' }} suffix="m²" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('room.seats')} name="seats">
            <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Space size="large" style={{ marginBottom: 16 }}>
        <Form.Item name="hasProjector" valuePropName="checked" noStyle>
          <Checkbox>{t('room.projector')}</Checkbox>
        </Form.Item>
        <Form.Item name="hasInternet" valuePropName="checked" noStyle>
          <Checkbox>{t('room.internet')}</Checkbox>
        </Form.Item>
      </Space>
      <NoteField name="notes" label={t('room.notes')} />
    </FormModal>
  );
}
