/** The school's details; editable with school.manage, read-only for everyone else. */
import { useEffect } from 'react';
import { Alert, Button, Card, Form, Typography } from 'antd';
import type { SchoolProfile } from '../../../../src-shared/api/school';
import { formatInstantVn } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';
import { useT } from '../../../i18n/LocaleContext';
import { useSession } from '../../session/SessionContext';
import { useFormSave } from '../../common/useFormSave';
import { SchoolProfileFields, SCHOOL_PROFILE_FIELDS } from './SchoolProfileFields';

type ProfileValues = Record<(typeof SCHOOL_PROFILE_FIELDS)[number], string>;

export function SchoolProfileCard({
  profile,
  canEdit,
  onChanged,
}: {
  profile: SchoolProfile;
  canEdit: boolean;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const { refresh } = useSession();
  const [form] = Form.useForm<ProfileValues>();
  const { busy, error, save } = useFormSave(form);
  useUnsavedChanges({ isDirty: () => canEdit && form.isFieldsTouched() });

  const submit = (values: ProfileValues) => {
    const input = Object.fromEntries(SCHOOL_PROFILE_FIELDS.map((f) => [f, (values[f] ?? '').trim()])) as ProfileValues;
    return save({
      send: () => client.call('school.profile.update', { ...input, version: profile.version }),
      savedText: () => t('common.saved'),
      onSaved: () => {
        onChanged();
        // The header shows the school's name.
        void refresh();
      },
      onConflict: onChanged,
    });
  };

  const initial = Object.fromEntries(SCHOOL_PROFILE_FIELDS.map((f) => [f, profile[f]])) as ProfileValues;

  // A new version from the server (ours after a save, someone else's after a conflict) replaces
  // whatever the fields hold.
  useEffect(() => {
    form.resetFields();
  }, [form, profile.version]);

  return (
    <Card title={t('school.profileTitle')} style={{ marginBottom: 24 }}>
      {!canEdit && <Alert type="info" showIcon title={t('school.readOnly')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<ProfileValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <SchoolProfileFields readOnly={!canEdit} />
        <Typography.Paragraph type="secondary">
          {t('school.updatedAt', { at: formatInstantVn(profile.updatedAt) })}
        </Typography.Paragraph>
        {canEdit && (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
