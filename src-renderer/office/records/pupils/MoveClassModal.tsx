/** Chuyển lớp: one or more pupils into another class of the current year, from a date. */
import { Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { useFormSave } from '../../common/useFormSave';
import { toIso, today } from '../common/dates';
import { ClassSelect } from '../common/ClassSelect';
import { EventDateField } from '../common/EventDateField';
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
  const [form] = Form.useForm<MoveValues>();
  useEventDate(form, 'date');
  const classes = useProcedure('records.classes.list', {});
  const { busy, error, save } = useFormSave(form);

  const submit = ({ classId, date }: MoveValues) =>
    save({
      send: () => client.call('records.pupils.moveClass', { pupilIds, classId, date: toIso(date) }),
      savedText: ({ moved }) =>
        t('pupils.moved', { count: moved, name: classes.data?.rows.find((c) => c.id === classId)?.name ?? '' }),
      onSaved: onMoved,
    });

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
        <ClassSelect
          classes={(classes.data?.rows ?? []).filter((c) => c.id !== fromClassId)}
          loading={classes.loading}
        />
      </Form.Item>
      <EventDateField label={t('pupils.fromDate')} />
    </FormModal>
  );
}
