/**
 * Adding a pupil (/records/pupils/new, into a class of the current year) and changing one
 * (/records/pupils/:id/edit). The server checks the IDs in full (số định danh against sex and year of
 * birth, uniqueness); its answers are shown under the fields.
 */
import { Card, Col, Form, Radio, Row } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { ClassRow, PupilView } from '../../../../src-shared/api/records';
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
import { ClassSelect } from '../common/ClassSelect';
import { toIsoOrNull } from '../common/dates';
import { DateField } from '../../common/DateInput';
import { useGoBack } from '../common/useGoBack';
import { PupilFields } from './PupilFields';
import { GuardianFields } from './GuardianFields';
import { formToPupilFields, newPupilValues, pupilToForm, PUPIL_FORM_FIELDS, type PupilFormValues } from './pupilForm';

function PupilForm({
  pupil,
  classes,
  defaultClassId,
  onConflict,
}: {
  pupil: PupilView | null;
  classes: ClassRow[];
  defaultClassId?: number;
  onConflict(): void;
}) {
  const t = useT();
  const client = useClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<PupilFormValues>();
  const { busy, error, save } = useFormSave(form, formPath(PUPIL_FORM_FIELDS));
  const unsaved = useUnsavedChanges({ isDirty: () => form.isFieldsTouched() });
  const goBack = useGoBack(pupil ? `/records/pupils/${pupil.id}` : '/records/pupils');

  const submit = (values: PupilFormValues) => {
    const fields = formToPupilFields(values);
    const startDate = toIsoOrNull(values.startDate);
    return save({
      send: () =>
        pupil
          ? client.call('records.pupils.update', { id: pupil.id, version: pupil.version, ...fields })
          : client.call('records.pupils.create', {
              ...fields,
              classId: values.classId!,
              entry: values.entry ?? 'new',
              ...(startDate ? { startDate } : {}),
            }),
      savedText: (saved) => t(pupil ? 'pupils.saved' : 'pupils.created', { name: saved.fullName }),
      // A new pupil's profile takes the form's place; a changed one is back where the user came from.
      onSaved: (saved) => {
        unsaved.markSaved();
        if (pupil) goBack();
        else void navigate(`/records/pupils/${saved.id}`, { replace: true });
      },
      // Someone else saved this pupil meanwhile: say so and show their version.
      onConflict: pupil ? onConflict : undefined,
    });
  };

  return (
    <FormPage<PupilFormValues>
      title={pupil ? t('pupils.editTitle', { name: pupil.fullName }) : t('pupils.createTitle')}
      submitText={pupil ? t('common.save') : t('pupils.create')}
      form={form}
      busy={busy}
      error={error}
      initialValues={pupil ? pupilToForm(pupil) : newPupilValues(defaultClassId)}
      onCancel={goBack}
      onFinish={(v) => void submit(v)}
    >
      <Card title={t('pupils.section.pupil')} style={{ marginBottom: 16 }}>
        <PupilFields sectorIdLocked={!!pupil?.sectorId} />
      </Card>
      {!pupil && (
        <Card title={t('pupils.section.class')} style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('pupil.class')}
                name="classId"
                rules={[{ required: true, message: t('pupils.classRequired') }]}
              >
                <ClassSelect classes={classes} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('pupils.entry')} name="entry">
                <Radio.Group
                  options={[
                    { value: 'new', label: t('enrolment.entry.new') },
                    { value: 'transfer_in', label: t('enrolment.entry.transfer_in') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <DateField label={t('pupils.startDate')} name="startDate" extra={t('pupils.startDateHint')} />
            </Col>
          </Row>
        </Card>
      )}
      <Card title={t('pupils.section.family')} style={{ marginBottom: 16 }}>
        <GuardianFields />
      </Card>
    </FormPage>
  );
}

function positiveInt(value: string | null | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function PupilCreatePage() {
  const { can } = useSignedIn();
  const [params] = useSearchParams();
  // The current year's classes: a new pupil joins the school through one of them.
  const classes = useProcedure('records.classes.list', {});
  if (!can('records.manage')) return <ForbiddenPage />;
  return (
    <LoadGate loaded={classes.data !== undefined} error={classes.error} retry={classes.reload}>
      <PupilForm
        pupil={null}
        classes={classes.data?.rows ?? []}
        defaultClassId={positiveInt(params.get('class'))}
        onConflict={() => {}}
      />
    </LoadGate>
  );
}

export function PupilEditPage() {
  const { can } = useSignedIn();
  const id = positiveInt(useParams().id);
  const pupil = useProcedure('records.pupils.get', id === undefined ? null : { id });
  if (!can('records.manage')) return <ForbiddenPage />;
  if (id === undefined) return <NotFoundPage />;
  return (
    <LoadGate loaded={pupil.data !== undefined} error={pupil.error} retry={pupil.reload}>
      {pupil.data && <PupilForm key={pupil.data.version} pupil={pupil.data} classes={[]} onConflict={pupil.reload} />}
    </LoadGate>
  );
}
