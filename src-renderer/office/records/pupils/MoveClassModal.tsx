/** Chuyển lớp: one or more pupils into another class of the current year, from a date. */
import { useState } from 'react';
import { App, DatePicker, Form, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { applyFieldErrors } from '../../../lib/apiErrors';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { DATE_FORMAT, toIso, today } from '../common/dates';
import { useEventDate } from '../common/useEventDate';

interface MoveValues {
  classId: number;
  date: Dayjs;
}

export function MoveClassModal({
  pupilIds,
  pupilName,
  fromClassId,
  onClose,
  onMoved,
}: {
  pupilIds: number[];
  /** For one pupil, their name in the dialog's text. */
  pupilName?: string;
  /** Left out of the choices: moving to the same class makes no sense. */
  fromClassId?: number | null;
  onClose(): void;
  onMoved(): void;
}) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<MoveValues>();
  useEventDate(form, 'date');
  const classes = useProcedure('records.classes.list', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ classId, date }: MoveValues) => {
    setBusy(true);
    setError(null);
    const result = await client.call('records.pupils.moveClass', { pupilIds, classId, date: toIso(date) });
    setBusy(false);
    if (result.ok) {
      const name = classes.data?.rows.find((c) => c.id === classId)?.name ?? '';
      void message.success(t('pupils.moved', { count: result.value.moved, name }));
      onMoved();
    } else if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
  };

  return (
    <FormModal<MoveValues>
      open
      form={form}
      title={t('pupils.moveClass')}
      okText={t('pupils.moveOk')}
      busy={busy}
      error={error}
      initialValues={{ date: today() }}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Typography.Paragraph>
        {pupilName ? t('pupils.moveOne', { name: pupilName }) : t('pupils.moveMany', { count: pupilIds.length })}
      </Typography.Paragraph>
      <Form.Item
        label={t('pupils.toClass')}
        name="classId"
        rules={[{ required: true, message: t('pupils.classRequired') }]}
      >
        <Select
          virtual={false}
          showSearch={{ optionFilterProp: 'label' }}
          loading={classes.loading}
          options={(classes.data?.rows ?? [])
            .filter((c) => c.id !== fromClassId)
            .map((c) => ({ value: c.id, label: t('class.label', { name: c.name }) }))}
        />
      </Form.Item>
      <Form.Item label={t('pupils.fromDate')} name="date" rules={[{ required: true, message: t('year.dateRequired') }]}>
        <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
