/**
 * A modal holding one form, wrapped so that the OK button is the form's submit button: Enter in any
 * field submits, and antd runs the field rules first.
 */
import { useId, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useT } from '../../i18n/LocaleContext';
import { useUnsavedChanges } from '../../lib/useUnsavedChanges';

export interface FormModalProps<V> {
  open: boolean;
  title: string;
  okText: string;
  form: FormInstance<V>;
  busy?: boolean;
  /** A message that belongs to no single field. */
  error?: string | null;
  initialValues?: Partial<V>;
  danger?: boolean;
  /** OK stays off until the user has made the choices the change needs. */
  okDisabled?: boolean;
  onCancel(): void;
  onFinish(values: V): void;
  children: ReactNode;
}

export function FormModal<V extends object>({
  open,
  title,
  okText,
  form,
  busy = false,
  error,
  initialValues,
  danger = false,
  okDisabled = false,
  onCancel,
  onFinish,
  children,
}: FormModalProps<V>) {
  const t = useT();
  const formName = `form${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  // The dialog covers the menu, but the back button and closing the window still leave it.
  useUnsavedChanges({ isDirty: () => open && form.isFieldsTouched() });
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      okButtonProps={{ htmlType: 'submit', loading: busy, danger, disabled: okDisabled }}
      destroyOnHidden
      // The dialog takes the focus when it opens; the first field is where the user wants to type.
      afterOpenChange={(visible) => visible && focusFirstField(formName)}
      modalRender={(dom) => (
        <Form<V>
          form={form}
          name={formName}
          layout="vertical"
          initialValues={initialValues}
          clearOnDestroy
          onFinish={onFinish}
        >
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      {children}
    </Modal>
  );
}

function focusFirstField(formName: string): void {
  const field = document
    .getElementById(formName)
    ?.querySelector<HTMLElement>('input:not([disabled]):not([type="hidden"]), textarea:not([disabled])');
  field?.focus();
}
