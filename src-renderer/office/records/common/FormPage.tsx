/**
 * A record's form as a page of its own, for forms too long for a dialog (a pupil with guardians, a
 * staff member). As in FormModal: the first field has the focus, Enter submits, antd checks the rules
 * first, and the server's field errors land under their fields.
 */
import { useEffect, useId, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Space, type FormInstance } from 'antd';
import { useT } from '../../../i18n/LocaleContext';
import { PageTitle } from '../../common/PageTitle';

export interface FormPageProps<V> {
  title: string;
  submitText: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  busy?: boolean;
  /** A message that belongs to no single field. */
  error?: string | null;
  onCancel(): void;
  onFinish(values: V): void;
  children: ReactNode;
}

export function FormPage<V extends object>({
  title,
  submitText,
  form,
  initialValues,
  busy = false,
  error,
  onCancel,
  onFinish,
  children,
}: FormPageProps<V>) {
  const t = useT();
  const formName = `form${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  useEffect(() => {
    document
      .getElementById(formName)
      ?.querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), textarea:not([disabled])')
      ?.focus();
  }, [formName]);

  return (
    <>
      <PageTitle title={title} />
      <Form<V>
        form={form}
        name={formName}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        scrollToFirstError
      >
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        {children}
        <Card>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {submitText}
            </Button>
            <Button onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </Space>
        </Card>
      </Form>
    </>
  );
}

/** Server field paths ('guardians.0.phone') as form name paths, for the fields the form has. */
export function formPath(known: readonly string[]) {
  return (field: string): (string | number)[] | null => {
    const parts = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    return known.includes(String(parts[0])) ? parts : null;
  };
}
