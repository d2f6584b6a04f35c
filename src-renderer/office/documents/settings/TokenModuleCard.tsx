/**
 * Nâng cao: where the USB token's library (PKCS#11, a .dll on Windows, a .so on Linux) is, for a token
 * whose vendor software is not among the known ones of Vietnamese CAs. Set once here by whoever
 * installed the token — for the server PC (kept by the server, checked that the file is there) and, in
 * the desktop app, for this PC (remembered by this PC) — so the sign dialog never asks the principal
 * for a path. The libraries the server found by themselves are listed with their CA's name.
 */
import { useState } from 'react';
import { Alert, App, Button, Collapse, Form, Input, List, Space, Typography } from 'antd';
import type { TokenModuleView } from '../../../../src-shared/api/signingSettings';
import { useClient } from '../../../lib/ClientContext';
import { useFormSave } from '../../common/useFormSave';
import { useT } from '../../../i18n/LocaleContext';
import { desktopBridge } from '../../../lib/bridge';
import { localTokenModule, setLocalTokenModule } from './localTokenModule';

interface Values {
  path: string;
}

export function TokenModuleCard({ module, onChanged }: { module: TokenModuleView; onChanged(): void }) {
  const t = useT();
  return (
    <Collapse
      style={{ marginTop: 24 }}
      items={[
        {
          key: 'advanced',
          label: t('signingSettingsUi.advanced.title'),
          children: (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('signingSettingsUi.module.intro')}
              </Typography.Paragraph>
              <ServerModuleForm module={module} onChanged={onChanged} />
              {desktopBridge() && <LocalModuleForm />}
            </Space>
          ),
        },
      ]}
    />
  );
}

function ServerModuleForm({ module, onChanged }: { module: TokenModuleView; onChanged(): void }) {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, (field) => (field === 'path' ? ['path'] : null));
  return (
    <div>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ path: module.path ?? '' }}
        disabled={save.busy}
        onFinish={(values) =>
          void save.save({
            send: () => client.call('signing.tokenModule.set', { path: values.path.trim() }),
            savedText: (saved) =>
              saved.path ? t('signingSettingsUi.module.saved') : t('signingSettingsUi.module.cleared'),
            onSaved: (saved) => {
              form.setFieldsValue({ path: saved.path ?? '' });
              onChanged();
            },
          })
        }
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="path"
          label={t('signingSettingsUi.module.server')}
          extra={t('signingSettingsUi.module.serverHint')}
        >
          <Input placeholder={t('signingSettingsUi.module.placeholder')} allowClear maxLength={500} />
        </Form.Item>
        {save.error && <Alert type="error" showIcon role="alert" title={save.error} style={{ marginBottom: 16 }} />}
        <Button htmlType="submit" loading={save.busy}>
          {t('signingSettingsUi.module.save')}
        </Button>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('signingSettingsUi.module.found')}
      </Typography.Title>
      {module.found.length === 0 ? (
        <Typography.Text type="secondary">{t('signingSettingsUi.module.noneFound')}</Typography.Text>
      ) : (
        <List
          size="small"
          bordered
          dataSource={module.found}
          renderItem={(m) => (
            <List.Item>
              <Typography.Text strong>{m.vendor}</Typography.Text>
              <Typography.Text type="secondary" style={{ wordBreak: 'break-all', marginLeft: 8 }}>
                {m.path}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

function LocalModuleForm() {
  const t = useT();
  const { message } = App.useApp();
  const [path, setPath] = useState(() => localTokenModule() ?? '');
  return (
    <Form
      layout="vertical"
      onFinish={() => {
        setLocalTokenModule(path.trim());
        void message.success(path.trim() ? t('signingSettingsUi.module.saved') : t('signingSettingsUi.module.cleared'));
      }}
      style={{ maxWidth: 640 }}
    >
      <Form.Item label={t('signingSettingsUi.module.thisPc')} extra={t('signingSettingsUi.module.thisPcHint')}>
        <Input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder={t('signingSettingsUi.module.placeholder')}
          allowClear
          maxLength={500}
          aria-label={t('signingSettingsUi.module.thisPc')}
        />
      </Form.Item>
      <Button htmlType="submit">{t('signingSettingsUi.module.save')}</Button>
    </Form>
  );
}
