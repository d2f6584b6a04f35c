/**
 * A pupil's health profile: a form for the nurse (BHYT card, blood group, conditions, allergies,
 * vaccinations), plain details for everyone else who may read it.
 */
import { useState } from 'react';
import { Alert, App, Button, Col, Descriptions, Form, Input, Row, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  BLOOD_GROUPS,
  INSURANCE_NUMBER_PATTERN,
  normalizeInsuranceNumber,
  type ProfileView,
} from '../../../../src-shared/api/health';
import { formatIsoDateVn, todayIso } from '../../../../src-shared/domain/dates';
import { applyFieldErrors } from '../../../lib/apiErrors';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { DateField } from '../../common/DateInput';
import { fromIso, toIsoOrNull } from '../../records/common/dates';
import { bloodGroupLabel } from '../labels';

interface ProfileValues {
  insuranceNumber: string;
  insuranceExpiry?: Dayjs | null;
  bloodGroup: '' | (typeof BLOOD_GROUPS)[number];
  chronicConditions: string;
  allergies: string;
  vaccinationNotes: string;
}

function ProfileDetails({ profile }: { profile: ProfileView }) {
  const t = useT();
  const orDash = (text: string) => text || '—';
  const expired = profile.insuranceExpiry !== null && profile.insuranceExpiry < todayIso();
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'card', label: t('health.field.insuranceNumber'), children: orDash(profile.insuranceNumber) },
        {
          key: 'expiry',
          label: t('health.field.insuranceExpiry'),
          children: profile.insuranceExpiry ? (
            <>
              {formatIsoDateVn(profile.insuranceExpiry)}{' '}
              {expired && <Tag color="red">{t('health.pupil.insuranceExpired')}</Tag>}
            </>
          ) : (
            '—'
          ),
        },
        { key: 'blood', label: t('health.field.bloodGroup'), children: bloodGroupLabel(t, profile.bloodGroup) },
        { key: 'chronic', label: t('health.field.chronicConditions'), children: orDash(profile.chronicConditions) },
        { key: 'allergies', label: t('health.field.allergies'), children: orDash(profile.allergies) },
        { key: 'vaccination', label: t('health.field.vaccinationNotes'), children: orDash(profile.vaccinationNotes) },
      ]}
    />
  );
}

function ProfileForm({ profile, onSaved }: { profile: ProfileView; onSaved(): void }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: ProfileValues) => {
    setBusy(true);
    setError(null);
    const result = await client.call('health.profile.update', {
      pupilId: profile.pupilId,
      version: profile.version,
      insuranceNumber: v.insuranceNumber ?? '',
      insuranceExpiry: toIsoOrNull(v.insuranceExpiry),
      bloodGroup: v.bloodGroup ?? '',
      chronicConditions: v.chronicConditions ?? '',
      allergies: v.allergies ?? '',
      vaccinationNotes: v.vaccinationNotes ?? '',
    });
    setBusy(false);
    if (result.ok) {
      void message.success(t('health.pupil.profileSaved'));
      onSaved();
      return;
    }
    if (applyFieldErrors(form, result.error).length === 0) setError(result.error.message);
  };

  const text = (name: keyof ProfileValues, label: string) => (
    <Col xs={24} md={8}>
      <Form.Item name={name} label={label}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
    </Col>
  );

  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      initialValues={{ ...profile, insuranceExpiry: fromIso(profile.insuranceExpiry) } as Partial<ProfileValues>}
      onFinish={(v) => void submit(v)}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="insuranceNumber"
            label={t('health.field.insuranceNumber')}
            rules={[
              {
                validator: async (_r, value: string | undefined) => {
                  const card = normalizeInsuranceNumber(value ?? '');
                  if (card !== '' && !INSURANCE_NUMBER_PATTERN.test(card))
                    throw new Error(t('health.validation.insuranceNumber'));
                },
              },
            ]}
          >
            <Input maxLength={30} autoComplete="off" placeholder="HS4010123456789" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <DateField name="insuranceExpiry" label={t('health.field.insuranceExpiry')} />
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="bloodGroup" label={t('health.field.bloodGroup')}>
            <Select
              virtual={false}
              options={[
                { value: '', label: t('health.pupil.notRecorded') },
                ...BLOOD_GROUPS.map((code) => ({ value: code, label: bloodGroupLabel(t, code) })),
              ]}
            />
          </Form.Item>
        </Col>
        {text('chronicConditions', t('health.field.chronicConditions'))}
        {text('allergies', t('health.field.allergies'))}
        {text('vaccinationNotes', t('health.field.vaccinationNotes'))}
      </Row>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

export function ProfileContent({
  profile,
  editable,
  onSaved,
}: {
  profile: ProfileView;
  editable: boolean;
  onSaved(): void;
}) {
  // Keyed by version: after a save the form starts again from what the server now holds.
  return editable ? (
    <ProfileForm key={profile.version} profile={profile} onSaved={onSaved} />
  ) : (
    <ProfileDetails profile={profile} />
  );
}
