/** Add or change one computer: asset code, room, kind, purpose, working, Internet, year. */
import { Checkbox, Col, Form, Input, Row, Space } from 'antd';
import type { ComputerView, RoomView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { useFormSave } from '../../common/useFormSave';
import { NoteField } from '../common/NoteField';
import { ComputerKindField, ComputerPurposeField, RoomField, YearAcquiredField } from './FacilityFields';
import type { ComputerKind, Purpose } from './labels';

interface ComputerFormValues {
  code: string;
  roomId?: number | null;
  kind: ComputerKind;
  purpose: Purpose;
  working: boolean;
  hasInternet: boolean;
  yearAcquired?: number | null;
  notes?: string;
}

export function ComputerFormModal({
  computer,
  rooms,
  onClose,
  onChanged,
}: {
  computer: ComputerView | null;
  rooms: RoomView[];
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<ComputerFormValues>();
  const { busy, error, save } = useFormSave(form);

  const submit = (v: ComputerFormValues) => {
    const fields = {
      code: v.code.trim(),
      roomId: v.roomId ?? null,
      kind: v.kind,
      purpose: v.purpose,
      working: v.working,
      hasInternet: v.hasInternet,
      yearAcquired: v.yearAcquired ?? null,
      notes: v.notes?.trim() ?? '',
    };
    return save({
      send: () =>
        computer
          ? client.call('records.computers.update', { id: computer.id, version: computer.version, ...fields })
          : client.call('records.computers.create', fields),
      savedText: (saved) =>
        t(computer ? 'facilities.computers.saved' : 'facilities.computers.created', { code: saved.code }),
      onSaved: onChanged,
      // Changed by someone else meanwhile: say so and show the list as it is now.
      onConflict: computer ? onChanged : undefined,
    });
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<ComputerFormValues>
      open
      form={form}
      title={
        computer ? t('facilities.computers.editTitle', { code: computer.code }) : t('facilities.computers.createTitle')
      }
      okText={computer ? t('common.save') : t('facilities.computers.add')}
      busy={busy}
      error={error}
      initialValues={
        computer ?? { kind: 'desktop', purpose: 'teaching', working: true, hasInternet: true, roomId: null }
      }
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label={t('facilities.computer.code')} name="code" rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={30} autoComplete="off" placeholder="TH01-01" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <RoomField rooms={rooms} />
        </Col>
        <Col span={12}>
          <ComputerKindField />
        </Col>
        <Col span={12}>
          <ComputerPurposeField />
        </Col>
        <Col span={12}>
          <YearAcquiredField />
        </Col>
      </Row>
      <Space size="large" style={{ marginBottom: 16 }}>
        <Form.Item name="working" valuePropName="checked" noStyle>
          <Checkbox>{t('facilities.computer.isWorking')}</Checkbox>
        </Form.Item>
        <Form.Item name="hasInternet" valuePropName="checked" noStyle>
          <Checkbox>{t('facilities.computer.hasInternet')}</Checkbox>
        </Form.Item>
      </Space>
      <NoteField name="notes" label={t('facilities.notes')} />
    </FormModal>
  );
}
