/**
 * The school's choices on what TT27 leaves open: the lowest test score (0 or 1) and whether the
 * electives take the end-of-term tests. The principal changes them; others see them.
 */
import { useEffect } from 'react';
import { Button, Card, Form, Radio, Switch, Typography } from 'antd';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useFormSave } from '../../common/useFormSave';

interface RulesForm {
  minScore: 0 | 1;
  electivesTested: boolean;
}

export function RulesCard({ canChange }: { canChange: boolean }) {
  const t = useT();
  const client = useClient();
  const rules = useProcedure('assessment.rules.get', {});
  const [form] = Form.useForm<RulesForm>();
  const saving = useFormSave(form);

  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  return (
    <Card title={t('assessmentUi.rules.title')} loading={rules.data === undefined && !rules.error}>
      {rules.error && (
        <Typography.Text type="danger" role="alert">
          {rules.error.message}
        </Typography.Text>
      )}
      <Form<RulesForm>
        form={form}
        layout="vertical"
        disabled={!canChange}
        initialValues={rules.data}
        onFinish={(values) =>
          void saving.save({
            send: () => client.call('assessment.rules.update', values),
            savedText: () => t('assessmentUi.rules.saved'),
            onSaved: () => rules.reload(),
          })
        }
      >
        <Form.Item
          name="minScore"
          label={t('assessmentUi.rules.minScore')}
          extra={t('assessmentUi.rules.minScoreHint')}
        >
          <Radio.Group
            options={[
              { value: 1, label: t('assessmentUi.rules.minScore1') },
              { value: 0, label: t('assessmentUi.rules.minScore0') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="electivesTested"
          label={t('assessmentUi.rules.electivesTested')}
          extra={t('assessmentUi.rules.electivesTestedHint')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        {saving.error && (
          <Typography.Paragraph type="danger" role="alert">
            {saving.error}
          </Typography.Paragraph>
        )}
        {canChange && (
          <Button type="primary" htmlType="submit" loading={saving.busy}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
