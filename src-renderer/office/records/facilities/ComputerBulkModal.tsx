/**
 * A delivered computer room: N identical machines added to one room at once, tagged <room>-01 … The
 * codes to be given are shown as the user types, so a clash with existing tags is no surprise.
 */
import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { RoomView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { useFormSave } from '../../common/useFormSave';
import { ComputerKindField, ComputerPurposeField, YearAcquiredField } from './FacilityFields';
import { roomOptions, type ComputerKind, type Purpose } from './labels';

interface BulkFormValues {
  roomId: number;
  count: number;
  prefix?: string;
  start?: number | null;
  kind: ComputerKind;
  purpose: Purpose;
  hasInternet: boolean;
  yearAcquired?: number | null;
}

/** The same numbering as the server: two digits at least, more when the series needs them. */
function codeAt(prefix: string, n: number, last: number): string {
  return `${prefix}-${String(n).padStart(Math.max(2, String(last).length), '0')}`;
}

export function ComputerBulkModal({
  rooms,
  onClose,
  onChanged,
}: {
  rooms: RoomView[];
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<BulkFormValues>();
  const { busy, error, save } = useFormSave(form);
  const roomId = Form.useWatch('roomId', form);
  const count = Form.useWatch('count', form);
  const prefixTyped = Form.useWatch('prefix', form);
  const start = Form.useWatch('start', form);
  const room = rooms.find((r) => r.id === roomId);
  const prefix = prefixTyped?.trim() || room?.code || '';

  let preview: string | null = null;
  if (prefix && count && count >= 1) {
    if (start) {
      const last = start + count - 1;
      preview = t('facilities.bulk.preview', { first: codeAt(prefix, start, last), last: codeAt(prefix, last, last) });
    } else preview = t('facilities.bulk.previewNext', { prefix });
  }

  const submit = (v: BulkFormValues) =>
    save({
      send: () =>
        client.call('records.computers.bulkCreate', {
          roomId: v.roomId,
          count: v.count,
          prefix: v.prefix?.trim() ?? '',
          ...(v.start ? { start: v.start } : {}),
          kind: v.kind,
          purpose: v.purpose,
          hasInternet: v.hasInternet,
          yearAcquired: v.yearAcquired ?? null,
        }),
      savedText: ({ rows }) =>
        t('facilities.bulk.created', { count: rows.length, first: rows[0]?.code ?? '', last: rows.at(-1)?.code ?? '' }),
      onSaved: onChanged,
    });

  const required = { required: true, message: t('validation.required') };
  const computerRoom = rooms.find((r) => r.type === 'computer_room');
  return (
    <FormModal<BulkFormValues>
      open
      form={form}
      title={t('facilities.bulk.title')}
      okText={t('facilities.bulk.ok')}
      busy={busy}
      error={error}
      initialValues={{
        roomId: computerRoom?.id,
        count: computerRoom?.seats ?? 1,
        kind: 'desktop',
        purpose: 'teaching',
        hasInternet: true,
        yearAcquired: new Date().getFullYear(),
      }}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label={t('facilities.bulk.room')} name="roomId" rules={[required]}>
            <Select virtual={false} showSearch={{ optionFilterProp: 'label' }} options={roomOptions(rooms)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('facilities.bulk.count')} name="count" rules={[required]}>
            <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('facilities.bulk.prefix')} name="prefix" extra={t('facilities.bulk.prefixHint')}>
            <Input maxLength={24} autoComplete="off" placeholder={room?.code} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('facilities.bulk.start')} name="start" extra={t('facilities.bulk.startHint')}>
            <InputNumber min={1} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <ComputerKindField />
        </Col>
        <Col span={8}>
          <ComputerPurposeField />
        </Col>
        <Col span={8}>
          <YearAcquiredField />
        </Col>
      </Row>
      <Form.Item name="hasInternet" valuePropName="checked">
        <Checkbox>{t('facilities.computer.hasInternet')}</Checkbox>
      </Form.Item>
      {preview && (
        <Typography.Paragraph type="secondary" role="status">
          {preview}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}
