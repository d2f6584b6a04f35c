/** The pupil's own details on the add/edit form. */
import { Col, Form, Input, Row, Select } from 'antd';
import { DISABILITY_TYPES, POLICY_GROUPS, RELIGIONS } from '../../../../src-shared/domain/codeLists';
import { COUNTRIES } from '../../../../src-shared/domain/countries';
import { useT } from '../../../i18n/LocaleContext';
import { codeOptions } from '../common/codeOptions';
import { CodeSelect } from '../common/CodeSelect';
import {
  BirthDateField,
  EthnicityField,
  FullNameField,
  PersonalIdField,
  SectorIdField,
  SexField,
} from '../common/PersonFields';

export function PupilFields({ sectorIdLocked }: { sectorIdLocked: boolean }) {
  const t = useT();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <FullNameField label={t('pupil.fullName')} />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <SexField />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <BirthDateField person="pupil" required />
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('pupil.birthPlace')} name="birthPlace">
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} md={6}>
        <EthnicityField />
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Form.Item label={t('pupil.religion')} name="religion">
          <CodeSelect list={RELIGIONS} optional />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Form.Item
          label={t('pupil.nationality')}
          name="nationality"
          rules={[{ required: true, message: t('validation.country') }]}
        >
          <CodeSelect list={COUNTRIES} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} md={9}>
        <SectorIdField locked={sectorIdLocked} />
      </Col>
      <Col xs={24} sm={12} md={9}>
        <PersonalIdField />
      </Col>
      <Col xs={24}>
        <Form.Item label={t('pupil.address')} name="address">
          <Input maxLength={300} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('pupil.disability')} name="disabilityType">
          <Select
            virtual={false}
            allowClear
            placeholder={t('pupil.noDisability')}
            options={codeOptions(DISABILITY_TYPES)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('pupil.policyGroup')} name="policyGroup">
          <CodeSelect list={POLICY_GROUPS} optional placeholder={t('pupil.noPolicyGroup')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
