/** Add a class to a school year, or change its name, GVCN, room and sessions per day. */
import { Col, Form, Input, Radio, Row, Select } from 'antd';
import type { ClassRow } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { useFormSave } from '../../common/useFormSave';
import { filterByLabel } from '../common/codeOptions';

interface ClassFormValues {
  name: string;
  grade: number;
  homeroomStaffId?: number | null;
  roomId?: number | null;
  sessionsPerDay: 1 | 2;
}

const GRADES = [1, 2, 3, 4, 5];

export function ClassFormModal({
  schoolYearId,
  cls,
  onClose,
  onChanged,
}: {
  schoolYearId: number;
  /** null: a new class. */
  cls: ClassRow | null;
  onClose(): void;
  /** After a save, and after a conflict (the list must be reloaded either way). */
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<ClassFormValues>();
  const staff = useProcedure('records.staff.list', { status: 'working' });
  const rooms = useProcedure('records.rooms.list', {});
  const { busy, error, save } = useFormSave(form);

  const submit = (values: ClassFormValues) => {
    const fields = {
      name: values.name.trim().toUpperCase(),
      grade: values.grade,
      homeroomStaffId: values.homeroomStaffId ?? null,
      roomId: values.roomId ?? null,
      sessionsPerDay: values.sessionsPerDay,
    };
    return save({
      send: () =>
        cls
          ? client.call('records.classes.update', { id: cls.id, version: cls.version, ...fields })
          : client.call('records.classes.create', { schoolYearId, ...fields }),
      savedText: (saved) => t(cls ? 'classes.saved' : 'classes.created', { name: saved.name }),
      onSaved: onChanged,
      onConflict: cls ? onChanged : undefined,
    });
  };

  // The grade is the class name's first digit: typed once, filled in for the user.
  const onNameChange = (name: string) => {
    const grade = Number(name.trim()[0]);
    if (GRADES.includes(grade)) form.setFieldValue('grade', grade);
  };

  return (
    <FormModal<ClassFormValues>
      open
      form={form}
      title={cls ? t('classes.editTitle', { name: cls.name }) : t('classes.createTitle')}
      okText={cls ? t('common.save') : t('classes.create')}
      busy={busy}
      error={error}
      initialValues={
        cls
          ? {
              name: cls.name,
              grade: cls.grade,
              homeroomStaffId: cls.homeroomStaffId,
              roomId: cls.roomId,
              sessionsPerDay: cls.sessionsPerDay === 1 ? 1 : 2,
            }
          : { sessionsPerDay: 2 }
      }
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            label={t('class.name')}
            name="name"
            extra={t('class.nameHint')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { pattern: /^\s*[1-5][A-Za-z0-9.]{1,8}\s*$/, message: t('validation.className') },
            ]}
          >
            <Input maxLength={9} autoComplete="off" onChange={(e) => onNameChange(e.target.value)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            label={t('class.grade')}
            name="grade"
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              virtual={false}
              options={GRADES.map((g) => ({ value: g, label: t('class.gradeLabel', { grade: g }) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('class.homeroom')} name="homeroomStaffId">
        <Select
          virtual={false}
          allowClear
          placeholder={t('common.notSet')}
          loading={staff.loading}
          showSearch={{ filterOption: filterByLabel }}
          // Support staff do not run classes.
          options={(staff.data?.rows ?? [])
            .filter((s) => s.staffGroup !== 'support')
            .map((s) => ({ value: s.id, label: s.fullName }))}
        />
      </Form.Item>
      <Form.Item label={t('class.room')} name="roomId">
        <Select
          virtual={false}
          allowClear
          placeholder={t('common.notSet')}
          loading={rooms.loading}
          showSearch={{ filterOption: filterByLabel }}
          options={(rooms.data?.rows ?? []).map((r) => ({ value: r.id, label: `${r.code} — ${r.name}` }))}
        />
      </Form.Item>
      <Form.Item label={t('class.sessionsPerDay')} name="sessionsPerDay">
        <Radio.Group
          options={[
            { value: 1, label: t('class.sessions1') },
            { value: 2, label: t('class.sessions2') },
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}
