/**
 * Thiết lập ban đầu: the first start of a new school. In the desktop app the PC's role comes first;
 * then the school's details, the current school year and the first administrator, all sent at once
 * to school.setup, which signs the administrator in.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Flex, Form, Input, Result, Steps, type FormInstance } from 'antd';
import { useNavigate } from 'react-router';
import type { ApiError, FieldIssue } from '../../../src-shared/api/envelope';
import type { RoleChoice } from '../../../src-shared/api/bridge';
import { defaultSchoolYear, schoolYearStartFor } from '../../../src-shared/domain/schoolYear';
import { todayIso } from '../../../src-shared/domain/dates';
import { useClient } from '../../lib/ClientContext';
import { desktopBridge } from '../../lib/bridge';
import { applyFieldErrors, fieldIssues } from '../../lib/apiErrors';
import { useT } from '../../i18n/LocaleContext';
import { useSession } from '../session/SessionContext';
import { useSchoolStatus } from '../start/SchoolStatusContext';
import { CenteredCard } from '../common/CenteredCard';
import { FullPageSpinner } from '../common/FullPageSpinner';
import { newPasswordRules } from '../common/passwordRules';
import { ConfirmPasswordField } from '../common/ConfirmPasswordField';
import { SchoolProfileFields, SCHOOL_PROFILE_FIELDS } from '../admin/school/SchoolProfileFields';
import { YearFields } from '../admin/school/YearFields';
import { formToYear, yearFormProblem, yearToForm, type YearFormValues } from '../admin/school/yearForm';
import { MachineRoleFields, type MachineValues } from './MachineRoleFields';

type StepKey = 'machine' | 'school' | 'year' | 'admin';

interface SetupValues {
  machine?: MachineValues;
  school: Record<(typeof SCHOOL_PROFILE_FIELDS)[number], string | undefined>;
  year: YearFormValues;
  admin: { fullName: string; username: string; password: string; passwordConfirm: string };
}

const STEP_OF_FIELD: Record<string, StepKey> = { school: 'school', year: 'year', admin: 'admin' };

function initialValues(): Partial<SetupValues> {
  return {
    machine: { role: 'server', lan: true, serverUrl: '' },
    year: yearToForm(defaultSchoolYear(schoolYearStartFor(todayIso()))),
    admin: { fullName: '', username: 'admin', password: '', passwordConfirm: '' },
  };
}

/** Whether to ask for the PC's role: only the desktop app, and only while it has none. */
function useMachineStepNeeded(): boolean | null {
  const [needed, setNeeded] = useState<boolean | null>(() => (desktopBridge() ? null : false));
  useEffect(() => {
    const bridge = desktopBridge();
    if (!bridge) return;
    let live = true;
    bridge.appInfo().then(
      (info) => live && setNeeded(info.role === null),
      () => live && setNeeded(true),
    );
    return () => {
      live = false;
    };
  }, []);
  return needed;
}

export function SetupWizard() {
  const t = useT();
  const client = useClient();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const { reload } = useSchoolStatus();
  const [form] = Form.useForm<SetupValues>();
  const machineStepNeeded = useMachineStepNeeded();
  const steps = useMemo<StepKey[]>(
    () => (machineStepNeeded ? ['machine', 'school', 'year', 'admin'] : ['school', 'year', 'admin']),
    [machineStepNeeded],
  );
  const [index, setIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendingIssues, setPendingIssues] = useState<FieldIssue[]>([]);
  const [reloading, setReloading] = useState(false);
  const step = steps[Math.min(index, steps.length - 1)]!;

  // Server field errors are put on their fields once the step holding them is on screen.
  useEffect(() => {
    if (pendingIssues.length === 0) return;
    (form as FormInstance).setFields(pendingIssues.map((i) => ({ name: i.field.split('.'), errors: [i.message] })));
    setPendingIssues([]);
  }, [pendingIssues, form, index]);

  if (machineStepNeeded === null) return <FullPageSpinner />;
  if (reloading) {
    return (
      <CenteredCard title={t('setup.title')}>
        <Result status="info" title={t('setup.machine.connecting')} />
      </CenteredCard>
    );
  }

  const showServerError = (e: ApiError) => {
    const issues = fieldIssues(e).filter((i) => STEP_OF_FIELD[i.field.split('.')[0]!]);
    if (issues.length === 0) {
      setError(e.message);
      return;
    }
    setError(t('setup.fixFields'));
    const first = steps.indexOf(STEP_OF_FIELD[issues[0]!.field.split('.')[0]!]!);
    setIndex(first);
    setPendingIssues(issues);
  };

  const chooseMachineRole = async (machine: MachineValues): Promise<boolean> => {
    const bridge = desktopBridge();
    if (!bridge) return true;
    const choice: RoleChoice =
      machine.role === 'server'
        ? { role: 'server', lan: machine.lan }
        : { role: machine.role, serverUrl: machine.serverUrl.trim() };
    const result = await bridge.chooseRole(choice);
    if (!result.ok) {
      // The desktop shell names the choice's fields ('serverUrl'): show its message under the field.
      if (applyFieldErrors(form as FormInstance, result.error, (field) => ['machine', field]).length === 0) {
        setError(result.error.message);
      }
      return false;
    }
    // An office or lab PC now loads the school server's own page; this one is done.
    if (result.value.willReload) {
      setReloading(true);
      return false;
    }
    return true;
  };

  const submitSetup = async (values: SetupValues) => {
    const year = formToYear(values.year);
    if (!year) return;
    const school = Object.fromEntries(SCHOOL_PROFILE_FIELDS.map((f) => [f, (values.school[f] ?? '').trim()])) as Record<
      (typeof SCHOOL_PROFILE_FIELDS)[number],
      string
    >;
    const result = await client.call('school.setup', {
      school,
      admin: {
        fullName: values.admin.fullName.trim(),
        username: values.admin.username.trim(),
        password: values.admin.password,
      },
      year,
    });
    if (!result.ok) {
      showServerError(result.error);
      return;
    }
    const failure = await signIn(result.value.token);
    if (failure) {
      setError(failure.message);
      return;
    }
    await navigate('/', { replace: true });
    await reload();
  };

  const onFinish = async () => {
    setError(null);
    const values = form.getFieldsValue(true) as SetupValues;
    if (step === 'year' && yearFormProblem(values.year)) return;
    setBusy(true);
    try {
      if (step === 'machine' && !(await chooseMachineRole(values.machine!))) return;
      if (step === 'admin') await submitSetup(values);
      else setIndex(index + 1);
    } finally {
      setBusy(false);
    }
  };

  const stepTitles: Record<StepKey, string> = {
    machine: t('setup.step.machine'),
    school: t('setup.step.school'),
    year: t('setup.step.year'),
    admin: t('setup.step.admin'),
  };

  return (
    <CenteredCard title={t('setup.title')} subtitle={t('setup.intro')} width={760}>
      <Steps
        current={index}
        size="small"
        items={steps.map((s) => ({ key: s, title: stepTitles[s] }))}
        style={{ marginBottom: 24 }}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<SetupValues>
        form={form}
        layout="vertical"
        initialValues={initialValues()}
        onFinish={() => void onFinish()}
        // Every step's values stay in the form while other steps are on screen.
        preserve
      >
        {step === 'machine' && <MachineRoleFields />}
        {step === 'school' && <SchoolProfileFields prefix={['school']} autoFocus />}
        {step === 'year' && <YearFields prefix={['year']} autoFocus />}
        {step === 'admin' && (
          <>
            <Alert type="info" showIcon title={t('setup.admin.intro')} style={{ marginBottom: 16 }} />
            <Form.Item
              label={t('user.fullName')}
              name={['admin', 'fullName']}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input autoFocus autoComplete="name" maxLength={100} />
            </Form.Item>
            <Form.Item
              label={t('user.username')}
              name={['admin', 'username']}
              extra={t('validation.username')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input autoComplete="username" autoCapitalize="none" spellCheck={false} maxLength={32} />
            </Form.Item>
            <Form.Item label={t('password.password')} name={['admin', 'password']} rules={newPasswordRules(t)}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <ConfirmPasswordField name={['admin', 'passwordConfirm']} passwordField={['admin', 'password']} />
          </>
        )}
        <Flex justify="space-between" style={{ marginTop: 8 }}>
          <Button onClick={() => setIndex(index - 1)} disabled={index === 0 || busy}>
            {t('common.back')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {step === 'admin' ? t('setup.finish') : t('common.next')}
          </Button>
        </Flex>
      </Form>
    </CenteredCard>
  );
}
