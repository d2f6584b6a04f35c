/** The staff member's details on the add/edit form, with the sector database's code lists. */
import { Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Space } from 'antd';
import { STAFF_GROUPS } from '../../../../src-shared/api/records';
import {
  CONTRACT_TYPES,
  ETHNICITIES,
  QUALIFICATIONS,
  STAFF_POSITIONS,
  STAFF_STATUSES,
  TEACHING_SUBJECTS,
} from '../../../../src-shared/domain/codeLists';
import { useT } from '../../../i18n/LocaleContext';
import { codeOptions, filterByLabel } from '../common/codeOptions';
import { DATE_FORMAT } from '../common/dates';
import { options, staffGroupLabel } from '../common/labels';

export function StaffFields({ sectorIdLocked }: { sectorIdLocked: boolean }) {
  const t = useT();
  const required = { required: true, message: t('validation.required') };
  const codeSelect = (list: Parameters<typeof codeOptions>[0]) => (
    <Select
      virtual={false}
      allowClear
      placeholder={t('common.notSet')}
      showSearch={{ filterOption: filterByLabel }}
      options={codeOptions(list)}
    />
  );
  return (
    <>
      <Card title={t('staff.section.person')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('staff.fullName')} name="fullName" rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item label={t('pupil.sex')} name="sex" rules={[required]}>
              <Radio.Group
                options={[
                  { value: 'male', label: t('sex.male') },
                  { value: 'female', label: t('sex.female') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item label={t('pupil.birthDate')} name="birthDate">
              <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item label={t('pupil.ethnicity')} name="ethnicity" rules={[required]}>
              <Select virtual={false} showSearch={{ filterOption: filterByLabel }} options={codeOptions(ETHNICITIES)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={9}>
            <Form.Item
              label={t('pupil.sectorId')}
              name="sectorId"
              extra={sectorIdLocked ? t('pupil.sectorIdLocked') : undefined}
              rules={[{ pattern: /^[0-9A-Za-z]{4,20}$/, message: t('validation.sectorId') }]}
            >
              <Input maxLength={20} autoComplete="off" disabled={sectorIdLocked} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item
              label={t('pupil.personalId')}
              name="personalId"
              rules={[{ pattern: /^\d{12}$/, message: t('validation.personalId') }]}
            >
              <Input maxLength={12} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('staff.phone')} name="phone">
              <Input inputMode="tel" maxLength={16} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('staff.email')}
              name="email"
              rules={[{ type: 'email', message: t('validation.email') }]}
            >
              <Input type="email" maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('staff.section.work')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('staff.group')} name="staffGroup" rules={[required]}>
              <Select virtual={false} options={options(STAFF_GROUPS, staffGroupLabel, t)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('staff.position')} name="position">
              {codeSelect(STAFF_POSITIONS)}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('staff.mainSubject')} name="mainSubject">
              {codeSelect(TEACHING_SUBJECTS)}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('staff.qualification')} name="qualification">
              {codeSelect(QUALIFICATIONS)}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('staff.contractType')} name="contractType">
              {codeSelect(CONTRACT_TYPES)}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('staff.status')} name="status" rules={[required]}>
              <Select virtual={false} options={codeOptions(STAFF_STATUSES)} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Space wrap size="large">
              <Form.Item name="partyMember" valuePropName="checked" noStyle>
                <Checkbox>{t('staff.partyMember')}</Checkbox>
              </Form.Item>
              <Form.Item name="unionMember" valuePropName="checked" noStyle>
                <Checkbox>{t('staff.unionMember')}</Checkbox>
              </Form.Item>
              <Form.Item name="hasSignatureCert" valuePropName="checked" noStyle>
                <Checkbox>{t('staff.hasSignatureCert')}</Checkbox>
              </Form.Item>
            </Space>
          </Col>
        </Row>
      </Card>
    </>
  );
}
