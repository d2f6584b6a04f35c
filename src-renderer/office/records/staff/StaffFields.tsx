/** The staff member's details on the add/edit form, with the sector database's code lists. */
import { Card, Checkbox, Col, Form, Input, Row, Select, Space } from 'antd';
import { STAFF_GROUPS } from '../../../../src-shared/api/records';
import {
  CONTRACT_TYPES,
  QUALIFICATIONS,
  STAFF_POSITIONS,
  STAFF_STATUSES,
  TEACHING_SUBJECTS,
} from '../../../../src-shared/domain/codeLists';
import { useT } from '../../../i18n/LocaleContext';
import { codeOptions } from '../common/codeOptions';
import { CodeSelect } from '../common/CodeSelect';
import { options, staffGroupLabel } from '../common/labels';
import {
  BirthDateField,
  EthnicityField,
  FullNameField,
  PersonalIdField,
  SectorIdField,
  SexField,
} from '../common/PersonFields';

export function StaffFields({ sectorIdLocked }: { sectorIdLocked: boolean }) {
  const t = useT();
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Card title={t('staff.section.person')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <FullNameField label={t('staff.fullName')} />
          </Col>
          <Col xs={24} sm={12} md={6}>
            <SexField />
          </Col>
          <Col xs={24} sm={12} md={6}>
            <BirthDateField person="staff" />
          </Col>
          <Col xs={24} sm={12} md={6}>
            <EthnicityField />
          </Col>
          <Col xs={24} sm={12} md={9}>
            <SectorIdField locked={sectorIdLocked} />
          </Col>
          <Col xs={24} md={9}>
            <PersonalIdField />
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
              <CodeSelect list={STAFF_POSITIONS} optional />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('staff.mainSubject')} name="mainSubject">
              <CodeSelect list={TEACHING_SUBJECTS} optional />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('staff.qualification')} name="qualification">
              <CodeSelect list={QUALIFICATIONS} optional />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('staff.contractType')} name="contractType">
              <CodeSelect list={CONTRACT_TYPES} optional />
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
