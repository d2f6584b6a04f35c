/** Add or change one computer: asset code, room, kind, purpose, working, Internet, year. */
import { useState } from 'react';
import { App, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import {
  COMPUTER_KINDS,
  COMPUTER_PURPOSES,
  FIRST_ACQUISITION_YEAR,
  lastAcquisitionYear,
  type ComputerView,
  type RoomView,
} from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { applyFieldErrors } from '../../../lib/apiErrors';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { options } from '../common/labels';
import { kindLabel, purposeLabel, roomOptions, type ComputerKind, type Purpose } from './labels';

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
  const { message } = App.useApp();
  const [form] = Form.useForm<ComputerFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: ComputerFormValues) => {
    setBusy(true);
    setError(null);
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
    const result = computer
      ? await client.call('records.computers.update', { id: computer.id, version: computer.version, ...fields })
      : await client.call('records.computers.create', fields);
    setBusy(false);
    if (result.ok) {
      void message.success(
        t(computer ? 'facilities.computers.saved' : 'facilities.computers.created', { code: result.value.code }),
      );
      onChanged();
      return;
    }
    // Changed by someone else meanwhile: say so and show the list as it is now.
    if (result.error.code === 'conflict' && computer && result.error.details?.field === undefined) {
      void message.error(result.error.message);
      onChanged();
      return;
    }
    if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
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
        <Col span={12}>
          <Form.Item label={t('facilities.computer.kind')} name="kind" rules={[required]}>
            <Select virtual={false} options={options(COMPUTER_KINDS, kindLabel, t)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('facilities.computer.purpose')} name="purpose" rules={[required]}>
            <Select virtual={false} options={options(COMPUTER_PURPOSES, purposeLabel, t)} />
          </Form.Item>
        </Col>
        <Col span={12}>
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
      <Space size="large" style={{ marginBottom: 16 }}>
        <Form.Item name="working" valuePropName="checked" noStyle>
          <Checkbox>{t('facilities.computer.isWorking')}</Checkbox>
        </Form.Item>
        <Form.Item name="hasInternet" valuePropName="checked" noStyle>
          <Checkbox>{t('facilities.computer.hasInternet')}</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item label={t('facilities.notes')} name="notes">
        <Input.TextArea maxLength={500} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
