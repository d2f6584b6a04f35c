/**
 * The fields a pupil's and a staff member's forms share: name, sex, birth date, ethnicity and the two
 * IDs, with the sector database's rules.
 */
import { Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { ETHNICITIES } from '../../../../src-shared/domain/codeLists';
import { pupilBirthDateProblem, staffBirthDateProblem } from '../../../../src-shared/domain/birthDates';
import { SECTOR_ID_PATTERN } from '../../../../src-shared/domain/sectorId';
import { useT } from '../../../i18n/LocaleContext';
import { DateField, type DateValue } from '../../common/DateInput';
import { CodeSelect } from './CodeSelect';
import { toIso } from './dates';

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
    <Form.Item label={t('pupil.sex')} name="sex" rules={[{ required: true, message: t('validation.sex') }]}>
      <Radio.Group
        options={[
          { value: 'male', label: t('sex.male') },
          { value: 'female', label: t('sex.female') },
        ]}
      />
    </Form.Item>
  );
}

/**
 * The birth date, checked on the form with the server's own rule (src-shared/domain/birthDates.ts) so
 * that a year typed wrong (2030) is caught before sending: a pupil's against the school year, staff's
 * against working age.
 */
export function BirthDateField({ person, required = false }: { person: 'pupil' | 'staff'; required?: boolean }) {
  const t = useT();
  const problemOf = person === 'pupil' ? pupilBirthDateProblem : staffBirthDateProblem;
  return (
    <DateField
      label={t('pupil.birthDate')}
      name="birthDate"
      required={required}
      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
      calendarStart={() => dayjs().subtract(person === 'pupil' ? 7 : 35, 'year')}
      rules={[
        {
          validator: (_, value: DateValue) => {
            if (!dayjs.isDayjs(value) || !value.isValid()) return Promise.resolve();
            const problem = problemOf(toIso(value));
            if (!problem) return Promise.resolve();
            const key =
              problem === 'future'
                ? 'validation.birthDateFuture'
                : person === 'pupil'
                  ? 'validation.pupilAge'
                  : 'validation.staffAge';
            return Promise.reject(new Error(t(key)));
          },
        },
      ]}
    />
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
      rules={[{ pattern: SECTOR_ID_PATTERN, message: t('validation.sectorId') }]}
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
