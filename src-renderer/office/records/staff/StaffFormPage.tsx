/** Adding a staff member (/records/staff/new) and changing one (/records/staff/:id/edit). */
import { Card, Form } from 'antd';
import { useParams } from 'react-router';
import type { StaffView } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useUnsavedChanges } from '../../../lib/useUnsavedChanges';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { ForbiddenPage } from '../../common/ForbiddenPage';
import { NotFoundPage } from '../../common/NotFoundPage';
import { useFormSave } from '../../common/useFormSave';
import { FormPage, formPath } from '../common/FormPage';
import { useGoBack } from '../common/useGoBack';
import { StaffFields } from './StaffFields';
import { AccountField } from './AccountField';
import { formToStaff, newStaffValues, STAFF_FORM_FIELDS, staffToForm, type StaffFormValues } from './staffForm';

function StaffForm({ member, onConflict }: { member: StaffView | null; onConflict(): void }) {
  const t = useT();
  const client = useClient();
  const { can } = useSignedIn();
  const canChooseAccount = can('users.manage');
  const [form] = Form.useForm<StaffFormValues>();
  const { busy, error, save } = useFormSave(form, formPath(STAFF_FORM_FIELDS));
  const unsaved = useUnsavedChanges({ isDirty: () => form.isFieldsTouched() });
  const goBack = useGoBack('/records/staff');

  const submit = (values: StaffFormValues) => {
    const fields = formToStaff(values);
    // Without the right to list accounts the link is not on the form: it stays as it was.
    if (!canChooseAccount) fields.userId = member?.userId ?? null;
    return save({
      send: () =>
        member
          ? client.call('records.staff.update', { id: member.id, version: member.version, ...fields })
          : client.call('records.staff.create', fields),
      savedText: (saved) => t(member ? 'staff.saved' : 'staff.created', { name: saved.fullName }),
      onSaved: () => {
        unsaved.markSaved();
        goBack();
      },
      onConflict: member ? onConflict : undefined,
    });
  };

  return (
    <FormPage<StaffFormValues>
      title={member ? t('staff.editTitle', { name: member.fullName }) : t('staff.createTitle')}
      submitText={member ? t('common.save') : t('staff.create')}
      form={form}
      busy={busy}
      error={error}
      initialValues={member ? staffToForm(member) : newStaffValues()}
      onCancel={goBack}
      onFinish={(v) => void submit(v)}
    >
      <StaffFields sectorIdLocked={!!member?.sectorId} />
      <Card title={t('staff.section.account')} style={{ marginBottom: 16 }}>
        <AccountField canChoose={canChooseAccount} username={member?.username ?? null} />
      </Card>
    </FormPage>
  );
}

export function StaffCreatePage() {
  const { can } = useSignedIn();
  if (!can('records.manage')) return <ForbiddenPage />;
  return <StaffForm member={null} onConflict={() => {}} />;
}

/** staff.get does not exist: the member is found in the list, which holds every field. */
export function StaffEditPage() {
  const { can } = useSignedIn();
  const id = Number(useParams().id);
  const list = useProcedure('records.staff.list', { status: 'all' });
  if (!can('records.manage')) return <ForbiddenPage />;
  const member = list.data?.rows.find((s) => s.id === id);
  if (list.data && !member) return <NotFoundPage />;
  return (
    <LoadGate loaded={member !== undefined} error={list.error} retry={list.reload}>
      {member && <StaffForm key={member.version} member={member} onConflict={list.reload} />}
    </LoadGate>
  );
}
