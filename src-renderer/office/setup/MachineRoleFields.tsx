/** Step (a) of the desktop app's first start: what this PC is (DESIGN §1). Not shown in a browser. */
import { Checkbox, Form, Input, Radio, Space, Typography } from 'antd';
import type { MachineRole } from '../../../src-shared/api/bridge';
import { useT } from '../../i18n/LocaleContext';

export interface MachineValues {
  role: MachineRole;
  lan: boolean;
  serverUrl: string;
}

export function MachineRoleFields() {
  const t = useT();
  const role = Form.useWatch<MachineRole | undefined>(['machine', 'role']);
  return (
    <>
      <Form.Item
        label={t('setup.machine.question')}
        name={['machine', 'role']}
        rules={[{ required: true, message: t('setup.machine.required') }]}
      >
        <Radio.Group>
          <Space orientation="vertical">
            <Radio value="server" autoFocus>
              <Typography.Text strong>{t('setup.machine.server')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('setup.machine.serverHint')}</Typography.Text>
            </Radio>
            <Radio value="office">
              <Typography.Text strong>{t('setup.machine.office')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('setup.machine.officeHint')}</Typography.Text>
            </Radio>
            <Radio value="lab">
              <Typography.Text strong>{t('setup.machine.lab')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('setup.machine.labHint')}</Typography.Text>
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      {role === 'server' && (
        <Form.Item name={['machine', 'lan']} valuePropName="checked">
          <Checkbox>{t('setup.machine.lan')}</Checkbox>
        </Form.Item>
      )}
      {(role === 'office' || role === 'lab') && (
        <Form.Item
          label={t('setup.machine.serverUrl')}
          name={['machine', 'serverUrl']}
          extra={t('setup.machine.serverUrlHint')}
          rules={[
            { required: true, whitespace: true, message: t('setup.machine.serverUrlRequired') },
            { pattern: /^https?:\/\/[^\s/]+(:\d+)?\/?$/i, message: t('setup.machine.serverUrlInvalid') },
          ]}
        >
          <Input placeholder="http://192.168.1.10:5175" autoComplete="url" />
        </Form.Item>
      )}
    </>
  );
}
