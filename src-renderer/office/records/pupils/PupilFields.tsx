/** The pupil's own details on the add/edit form. */
import { Col, DatePicker, Form, Input, Radio, Row, Select } from 'antd';
import { DISABILITY_TYPES, ETHNICITIES, POLICY_GROUPS, RELIGIONS } from '../../../../src-shared/domain/codeLists';
import { useT } from '../../../i18n/LocaleContext';
import { codeOptions, filterByLabel } from '../common/codeOptions';
import { DATE_FORMAT } from '../common/dates';

export function PupilFields({ sectorIdLocked }: { sectorIdLocked: boolean }) {
  const t = useT();
  const required = { required: true, message: t('validation.required') };
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label={t('pupil.fullName')} name="fullName" rules={[{ ...required, whitespace: true }]}>
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
        <Form.Item
          label={t('pupil.birthDate')}
          name="birthDate"
          rules={[{ ...required, message: t('year.dateRequired') }]}
        >
          <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('pupil.birthPlace')} name="birthPlace">
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Form.Item label={t('pupil.ethnicity')} name="ethnicity" rules={[required]}>
          <Select virtual={false} showSearch={{ filterOption: filterByLabel }} options={codeOptions(ETHNICITIES)} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} md={6}>
        <Form.Item label={t('pupil.religion')} name="religion">
          <Select
            virtual={false}
            allowClear
            placeholder={t('common.notSet')}
            showSearch={{ filterOption: filterByLabel }}
            options={codeOptions(RELIGIONS)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8} md={4}>
        <Form.Item
          label={t('pupil.nationality')}
          name="nationality"
          normalize={(v: string) => v.toUpperCase()}
          rules={[required, { pattern: /^[A-Za-z]{2}$/, message: t('pupil.nationalityHint') }]}
          tooltip={t('pupil.nationalityHint')}
        >
          <Input maxLength={2} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={16} md={10}>
        <Form.Item
          label={t('pupil.sectorId')}
          name="sectorId"
          extra={sectorIdLocked ? t('pupil.sectorIdLocked') : undefined}
          rules={[{ pattern: /^[0-9A-Za-z]{4,20}$/, message: t('validation.sectorId') }]}
        >
          <Input maxLength={20} autoComplete="off" disabled={sectorIdLocked} />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item
          label={t('pupil.personalId')}
          name="personalId"
          rules={[{ pattern: /^\d{12}$/, message: t('validation.personalId') }]}
        >
          <Input maxLength={12} inputMode="numeric" autoComplete="off" />
        </Form.Item>
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
          <Select
            virtual={false}
            allowClear
            placeholder={t('pupil.noPolicyGroup')}
            showSearch={{ filterOption: filterByLabel }}
            options={codeOptions(POLICY_GROUPS)}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
