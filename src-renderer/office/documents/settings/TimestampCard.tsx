/**
 * The RFC 3161 timestamp server: its address (empty: none) and how long the signing job waits for it.
 * The address is checked here with the server's own rule, so a mistyped one is said before sending.
 */
import { Alert, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import {
  signingSettingsInput,
  TIMESTAMP_TIMEOUT_MAX_MS,
  TIMESTAMP_TIMEOUT_MIN_MS,
  type SigningSettingsView,
} from '../../../../src-shared/api/signingSettings';
import { useClient } from '../../../lib/ClientContext';
import { useFormSave } from '../../common/useFormSave';
import { useT } from '../../../i18n/LocaleContext';

interface Values {
  timestampUrl: string;
  /** The form speaks seconds; the setting is kept in milliseconds. */
  timeoutSeconds: number | null;
}

const MIN_SECONDS = TIMESTAMP_TIMEOUT_MIN_MS / 1000;
const MAX_SECONDS = TIMESTAMP_TIMEOUT_MAX_MS / 1000;

const validUrl = (value: string) => signingSettingsInput.shape.timestampUrl.safeParse(value).success;

export function TimestampCard({ settings }: { settings: SigningSettingsView }) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, (field) =>
    field === 'timestampUrl' ? ['timestampUrl'] : field === 'timestampTimeoutMs' ? ['timeoutSeconds'] : null,
  );

  const submit = (values: Values) =>
    void save.save({
      send: () =>
        client.call('signing.settings.set', {
          timestampUrl: values.timestampUrl.trim(),
          timestampTimeoutMs: Math.round((values.timeoutSeconds ?? 0) * 1000),
        }),
      savedText: (saved) =>
        saved.timestampUrl
          ? t('signingSettingsUi.tsa.saved', { url: saved.timestampUrl })
          : t('signingSettingsUi.tsa.savedNone'),
      onSaved: (saved) =>
        form.setFieldsValue({
          timestampUrl: saved.timestampUrl ?? '',
          timeoutSeconds: saved.timestampTimeoutMs / 1000,
        }),
    });

  return (
    <Card title={t('signingSettingsUi.tsa.title')}>
      <Typography.Paragraph type="secondary">{t('signingSettingsUi.tsa.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          timestampUrl: settings.timestampUrl ?? '',
          timeoutSeconds: settings.timestampTimeoutMs / 1000,
        }}
        disabled={save.busy}
        onFinish={submit}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="timestampUrl"
          label={t('signingSettingsUi.tsa.url')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                validUrl(value ?? '')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('signingSettingsUi.tsa.urlInvalid'))),
            },
          ]}
        >
          <Input placeholder={t('signingSettingsUi.tsa.urlPlaceholder')} allowClear inputMode="url" />
        </Form.Item>
        <Form.Item
          name="timeoutSeconds"
          label={t('signingSettingsUi.tsa.timeout')}
          rules={[
            {
              validator: (_rule, value: number | null | undefined) =>
                typeof value === 'number' && Number.isInteger(value) && value >= MIN_SECONDS && value <= MAX_SECONDS
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('signingSettingsUi.tsa.timeoutInvalid'))),
            },
          ]}
        >
          <InputNumber controls={false} style={{ width: 120 }} />
        </Form.Item>
        {save.error && <Alert type="error" showIcon role="alert" title={save.error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={save.busy}>
          {t('signingSettingsUi.tsa.save')}
        </Button>
      </Form>
    </Card>
  );
}
