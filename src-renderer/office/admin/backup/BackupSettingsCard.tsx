/** The daily backup: on or off, at what time (school time zone), how many copies to keep. */
import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Switch, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { backupSettings, type BackupSettings } from '../../../../src-shared/api/backup';
import { formatInstantVn } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { applyFieldErrors } from '../../../lib/apiErrors';
import { useT } from '../../../i18n/LocaleContext';

const TIME_FORMAT = 'HH:mm';

interface SettingsValues {
  dailyEnabled: boolean;
  dailyTime: Dayjs;
  keep: number;
}

export function BackupSettingsCard({
  settings,
  lastDaily,
  onSaved,
}: {
  settings: BackupSettings;
  lastDaily: string | null;
  onSaved(): void;
}) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const [busy, setBusy] = useState(false);
  const enabled = Form.useWatch('dailyEnabled', form) ?? settings.dailyEnabled;

  const submit = async (values: SettingsValues) => {
    setBusy(true);
    const result = await client.call('backup.settings.update', {
      dailyEnabled: values.dailyEnabled,
      dailyTime: values.dailyTime.format(TIME_FORMAT),
      keep: values.keep,
    });
    setBusy(false);
    if (result.ok) {
      void message.success(t('common.saved'));
      onSaved();
    } else if (applyFieldErrors(form, result.error).length === 0) void message.error(result.error.message);
  };

  return (
    <Card title={t('backup.settings.title')}>
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        initialValues={{ ...settings, dailyTime: dayjs(settings.dailyTime, TIME_FORMAT) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t('backup.settings.enabled')} name="dailyEnabled" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          label={t('backup.settings.time')}
          name="dailyTime"
          extra={t('backup.settings.timeHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <TimePicker format={TIME_FORMAT} minuteStep={5} needConfirm={false} allowClear={false} disabled={!enabled} />
        </Form.Item>
        <Form.Item
          label={t('backup.settings.keep')}
          name="keep"
          extra={t('backup.settings.keepHint')}
          rules={[
            { required: true, message: t('validation.required') },
            {
              // The server's own rule; no min on the input, which would turn a typed 0 into 1 unasked.
              validator: (_rule, value: unknown) =>
                value === null || value === undefined || backupSettings.shape.keep.safeParse(value).success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.backupKeep'))),
            },
          ]}
        >
          <InputNumber precision={0} />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {lastDaily
            ? t('backup.settings.lastDaily', { at: formatInstantVn(lastDaily) })
            : t('backup.settings.noDailyYet')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
