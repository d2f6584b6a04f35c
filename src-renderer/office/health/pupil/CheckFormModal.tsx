/** Add a check for one pupil, or correct one: date, measurements, vision, notes; BMI shown as typed. */
import { useState } from 'react';
import { App, Col, Form, Input, Row, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { normalizeVision, VISION_PATTERN, type CheckView, type HealthPupil } from '../../../../src-shared/api/health';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { growthOf, heightProblem, parseMeasurement, weightProblem } from '../../../../src-shared/domain/growth';
import type { MessageKey } from '../../../../src-shared/i18n';
import { applyFieldErrors } from '../../../lib/apiErrors';
import { useClient } from '../../../lib/ClientContext';
import { useLocale } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { DateField } from '../../common/DateInput';
import { fromIso, toIso, today } from '../../records/common/dates';
import { BAND_COLORS, bandLabel, formatBmi, measureDraft } from '../labels';

interface CheckValues {
  date: Dayjs;
  heightCm?: string;
  weightKg?: string;
  visionLeft?: string;
  visionRight?: string;
  notes?: string;
}

/** A plausible number or nothing; NaN when it is not a number. */
function readMeasure(text: string | undefined): number | null {
  return parseMeasurement(text ?? '');
}

export function CheckFormModal({
  pupil,
  check,
  onClose,
  onSaved,
}: {
  pupil: HealthPupil;
  check: CheckView | null;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, locale } = useLocale();
  const client = useClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CheckValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const date = Form.useWatch('date', form);
  const height = readMeasure(Form.useWatch('heightCm', form));
  const weight = readMeasure(Form.useWatch('weightKg', form));
  const growth =
    // A date still being typed (or unreadable) is no date yet.
    dayjs.isDayjs(date) &&
    date.isValid() &&
    height !== null &&
    weight !== null &&
    !heightProblem(height) &&
    !weightProblem(weight)
      ? growthOf(pupil, toIso(date), height, weight)
      : null;

  const measureRule = (problem: (v: number) => MessageKey | null, name: MessageKey) => ({
    validator: async (_r: unknown, text: string | undefined) => {
      const value = readMeasure(text);
      if (value === null) return;
      if (Number.isNaN(value)) throw new Error(t('health.grid.notNumber', { field: t(name) }));
      const key = problem(value);
      if (key) throw new Error(t(key));
    },
  });
  const visionRule = {
    validator: async (_r: unknown, text: string | undefined) => {
      const value = normalizeVision(text ?? '');
      if (value !== '' && !VISION_PATTERN.test(value)) throw new Error(t('health.validation.vision'));
    },
  };

  const submit = async (v: CheckValues) => {
    setBusy(true);
    setError(null);
    const fields = {
      date: toIso(v.date),
      heightCm: readMeasure(v.heightCm),
      weightKg: readMeasure(v.weightKg),
      visionLeft: v.visionLeft ?? '',
      visionRight: v.visionRight ?? '',
      notes: v.notes ?? '',
    };
    const result = check
      ? await client.call('health.checks.update', { id: check.id, version: check.version, ...fields })
      : await client.call('health.checks.record', { pupilId: pupil.id, ...fields });
    setBusy(false);
    if (result.ok) {
      void message.success(t('health.pupil.checkSaved', { date: formatIsoDateVn(result.value.date) }));
      onSaved();
      return;
    }
    if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
  };

  return (
    <FormModal<CheckValues>
      open
      form={form}
      title={
        check
          ? t('health.pupil.editCheckTitle', { date: formatIsoDateVn(check.date) })
          : t('health.pupil.newCheckTitle', { name: pupil.fullName })
      }
      okText={t('common.save')}
      busy={busy}
      error={error}
      initialValues={
        check
          ? {
              date: fromIso(check.date),
              heightCm: measureDraft(check.heightCm, locale),
              weightKg: measureDraft(check.weightKg, locale),
              visionLeft: check.visionLeft,
              visionRight: check.visionRight,
              notes: check.notes,
            }
          : { date: today() }
      }
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Row gutter={16}>
        <Col span={24}>
          <DateField
            name="date"
            label={t('health.field.date')}
            required
            disabledDate={(d) => d.isAfter(today(), 'day')}
          />
        </Col>
        <Col span={12}>
          <Form.Item
            name="heightCm"
            label={t('health.field.height')}
            rules={[measureRule(heightProblem, 'health.grid.height')]}
          >
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="weightKg"
            label={t('health.field.weight')}
            rules={[measureRule(weightProblem, 'health.grid.weight')]}
          >
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="visionLeft" label={t('health.field.visionLeft')} rules={[visionRule]}>
            <Input autoComplete="off" placeholder={t('health.field.visionPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="visionRight" label={t('health.field.visionRight')} rules={[visionRule]}>
            <Input autoComplete="off" placeholder={t('health.field.visionPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('health.field.notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      {growth && (
        <Typography.Paragraph>
          {t('health.field.bmi')}: {formatBmi(growth.bmi, locale)}{' '}
          {growth.bmiBand && <Tag color={BAND_COLORS[growth.bmiBand]}>{bandLabel(t, growth.bmiBand)}</Tag>}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}
