/** Add a school year, or change one's dates. */
import { useState } from 'react';
import { App, Checkbox, Form } from 'antd';
import type { SchoolYear } from '../../../../src-shared/api/school';
import type { SchoolYearDates } from '../../../../src-shared/domain/schoolYear';
import { useClient } from '../../../lib/ClientContext';
import { applyFieldErrors } from '../../../lib/apiErrors';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { YearFields } from './YearFields';
import { formToYear, yearFormProblem, yearToForm, type YearFormValues } from './yearForm';

type Values = YearFormValues & { makeCurrent?: boolean };

export interface YearFormModalProps {
  /** null: a new year, prefilled with `suggested`. */
  year: SchoolYear | null;
  suggested: SchoolYearDates;
  onClose(): void;
  onChanged(): void;
}

export function YearFormModal({ year, suggested, onClose, onChanged }: YearFormModalProps) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    const dates = formToYear(values);
    if (!dates || yearFormProblem(values)) return;
    setBusy(true);
    setError(null);
    const result = year
      ? await client.call('school.years.update', { ...dates, id: year.id, version: year.version })
      : await client.call('school.years.create', { ...dates, makeCurrent: values.makeCurrent ?? false });
    setBusy(false);
    if (result.ok) {
      void message.success(t(year ? 'common.saved' : 'year.created', { name: result.value.name }));
      onChanged();
      return;
    }
    if (result.error.code === 'conflict' && year) {
      void message.error(result.error.message);
      onChanged();
      return;
    }
    if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
  };

  return (
    <FormModal<Values>
      open
      form={form}
      title={year ? t('year.editTitle', { name: year.name }) : t('year.createTitle')}
      okText={year ? t('common.save') : t('year.create')}
      busy={busy}
      error={error}
      initialValues={year ? yearToForm(year) : { ...yearToForm(suggested), makeCurrent: false }}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      <YearFields />
      {!year && (
        <Form.Item name="makeCurrent" valuePropName="checked" style={{ marginTop: 16 }}>
          <Checkbox>{t('year.makeCurrentOnCreate')}</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
