/** The school's details, for the setup wizard and the school page. */
import { Col, Form, Input, Row } from 'antd';
import { useT } from '../../../i18n/LocaleContext';

const SCHOOL_CODE = /^[A-Za-z0-9]{1,20}$/;

export const SCHOOL_PROFILE_FIELDS = [
  'name',
  'code',
  'educationOffice',
  'educationDepartment',
  'province',
  'ward',
  'address',
  'principalName',
  'phone',
  'email',
] as const;

export function SchoolProfileFields({
  prefix = [],
  autoFocus = false,
  readOnly = false,
}: {
  prefix?: string[];
  autoFocus?: boolean;
  readOnly?: boolean;
}) {
  const t = useT();
  const name = (field: string) => [...prefix, field];
  const text = { readOnly };
  return (
    <Row gutter={16}>
      <Col xs={24} md={16}>
        <Form.Item
          label={t('school.field.name')}
          name={name('name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input autoFocus={autoFocus} placeholder={t('school.field.namePlaceholder')} maxLength={200} {...text} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label={t('school.field.code')}
          name={name('code')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { pattern: SCHOOL_CODE, message: t('validation.schoolCode') },
          ]}
        >
          <Input maxLength={20} {...text} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('school.field.educationOffice')} name={name('educationOffice')}>
          <Input placeholder={t('school.field.educationOfficePlaceholder')} maxLength={200} {...text} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('school.field.educationDepartment')} name={name('educationDepartment')}>
          <Input placeholder={t('school.field.educationDepartmentPlaceholder')} maxLength={200} {...text} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('school.field.province')} name={name('province')}>
          <Input maxLength={100} {...text} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('school.field.ward')} name={name('ward')}>
          <Input maxLength={100} {...text} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label={t('school.field.address')} name={name('address')}>
          <Input maxLength={300} {...text} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('school.field.principalName')} name={name('principalName')}>
          <Input maxLength={100} {...text} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('school.field.phone')} name={name('phone')}>
          <Input type="tel" maxLength={20} {...text} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('school.field.email')}
          name={name('email')}
          rules={[{ type: 'email', message: t('validation.email') }]}
        >
          <Input type="email" maxLength={200} {...text} />
        </Form.Item>
      </Col>
    </Row>
  );
}
