/** The fields of a school year (name and the four term dates), for the setup wizard and the years page. */
import { Alert, Col, Form, Input, Row } from 'antd';
import { DateField } from '../../common/DateInput';
import { useT } from '../../../i18n/LocaleContext';
import { defaultSchoolYear, isSchoolYearName, SCHOOL_YEAR_NAME } from '../../../../src-shared/domain/schoolYear';
import { YEAR_DATE_FIELDS, yearFormDate, yearFormProblem, yearToForm, type YearFormValues } from './yearForm';

export function YearFields({ prefix = [], autoFocus = false }: { prefix?: string[]; autoFocus?: boolean }) {
  const t = useT();
  const form = Form.useFormInstance();
  const values = Form.useWatch(
    (all: Record<string, unknown>) =>
      prefix.reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], all) as
        Partial<YearFormValues> | undefined,
    form,
  );
  const problem = yearFormProblem(values);

  // A new year name whose calendar years the dates do not match brings that year's usual dates.
  const onNameChange = (text: string) => {
    const m = SCHOOL_YEAR_NAME.exec(text.trim());
    if (!m || !isSchoolYearName(text.trim())) return;
    const [start, end] = [yearFormDate(values?.startDate), yearFormDate(values?.endDate)];
    if (start && start.year() === Number(m[1]) && end?.year() === Number(m[2])) return;
    const usual = yearToForm(defaultSchoolYear(Number(m[1])));
    form.setFields(YEAR_DATE_FIELDS.map((field) => ({ name: name(field), value: usual[field], errors: [] })));
  };
  const name = (field: string) => [...prefix, field];

  return (
    <>
      <Form.Item
        label={t('year.name')}
        name={name('name')}
        extra={t('year.nameHint')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          {
            validator: (_r, value: unknown) =>
              typeof value !== 'string' || value.trim() === '' || isSchoolYearName(value.trim())
                ? Promise.resolve()
                : Promise.reject(new Error(t('validation.schoolYearName'))),
          },
        ]}
      >
        <Input
          autoFocus={autoFocus}
          placeholder="2025-2026"
          style={{ maxWidth: 200 }}
          onChange={(e) => onNameChange(e.target.value)}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <DateField label={t('year.startDate')} name={name('startDate')} required />
        </Col>
        <Col xs={24} sm={12}>
          <DateField label={t('year.term1End')} name={name('term1End')} required />
        </Col>
        <Col xs={24} sm={12}>
          <DateField label={t('year.term2Start')} name={name('term2Start')} required />
        </Col>
        <Col xs={24} sm={12}>
          <DateField label={t('year.endDate')} name={name('endDate')} required />
        </Col>
      </Row>
      {problem && <Alert type="warning" showIcon title={t(problem.key, { name: problem.name })} role="alert" />}
    </>
  );
}
