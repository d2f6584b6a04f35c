/**
 * The fields a pupil's and a staff member's forms share: name, sex, birth date, ethnicity and the two
 * IDs, with the sector database's rules.
 */
import { DatePicker, Form, Input, Radio } from 'antd';
import { ETHNICITIES } from '../../../../src-shared/domain/codeLists';
import { useT } from '../../../i18n/LocaleContext';
import { CodeSelect } from './CodeSelect';
import { DATE_FORMAT } from './dates';

export function FullNameField({ label }: { label: string }) {
  const t = useT();
  return (
    <Form.Item
      label={label}
      name="fullName"
      rules={[{ required: true, message: t('validation.required'), whitespace: true }]}
    >
      <Input maxLength={100} autoComplete="off" />
    </Form.Item>
  );
}

export function SexField() {
  const t = useT();
  return (
    <Form.Item label={t('pupil.sex')} name="sex" rules={[{ required: true, message: t('validation.required') }]}>
      <Radio.Group
        options={[
          { value: 'male', label: t('sex.male') },
          { value: 'female', label: t('sex.female') },
        ]}
      />
    </Form.Item>
  );
}

export function BirthDateField({ required = false }: { required?: boolean }) {
  const t = useT();
  return (
    <Form.Item
      label={t('pupil.birthDate')}
      name="birthDate"
      rules={required ? [{ required: true, message: t('year.dateRequired') }] : undefined}
    >
      <DatePicker format={DATE_FORMAT} placeholder={t('common.datePlaceholder')} style={{ width: '100%' }} />
    </Form.Item>
  );
}

export function EthnicityField() {
  const t = useT();
  return (
    <Form.Item
      label={t('pupil.ethnicity')}
      name="ethnicity"
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <CodeSelect list={ETHNICITIES} />
    </Form.Item>
  );
}

/** The sector database's ID: `locked` once the record has one, since the ministry issued it and it does not change. */
export function SectorIdField({ locked }: { locked: boolean }) {
  const t = useT();
  return (
    <Form.Item
      label={t('pupil.sectorId')}
      name="sectorId"
      extra={locked ? t('pupil.sectorIdLocked') : undefined}
      rules={[{ pattern: /^[0-9A-Za-z]{4,20}$/, message: t('validation.sectorId') }]}
    >
      <Input maxLength={20} autoComplete="off" disabled={locked} />
    </Form.Item>
  );
}

/** The 12-digit personal ID (số định danh cá nhân); the server checks it against sex and birth year. */
export function PersonalIdField() {
  const t = useT();
  return (
    <Form.Item
      label={t('pupil.personalId')}
      name="personalId"
      rules={[{ pattern: /^\d{12}$/, message: t('validation.personalId') }]}
    >
      <Input maxLength={12} inputMode="numeric" autoComplete="off" />
    </Form.Item>
  );
}
