/**
 * The audit log's filters: changes only (the default) or also views of personal data, dates, user, action
 * (exact or a capability prefix), outcome, free text.
 */
import { useMemo } from 'react';
import { AutoComplete, Button, Col, Form, Input, Row, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { ISO_DATE } from '../../../../src-shared/domain/dates';
import { useT } from '../../../i18n/LocaleContext';
import { DateInput, useDateRules, type DateValue } from '../../common/DateInput';
import { actionLabel, capabilityLabel, knownActions } from './auditLabels';

export type Outcome = 'all' | 'ok' | 'failed';
export type View = 'changes' | 'all';

export interface AuditFilter {
  view: View;
  from?: string;
  to?: string;
  userId?: number;
  action?: string;
  outcome: Outcome;
  search?: string;
}

interface FilterValues {
  view: View;
  from?: DateValue;
  to?: DateValue;
  userId?: number;
  action?: string;
  outcome: Outcome;
  search?: string;
}

function toFilter(v: FilterValues): AuditFilter {
  // Only successful changes are shown in the default view: the outcome choice belongs to the full log.
  const view = v.view ?? 'changes';
  const filter: AuditFilter = { view, outcome: view === 'changes' ? 'all' : (v.outcome ?? 'all') };
  if (dayjs.isDayjs(v.from)) filter.from = v.from.format(ISO_DATE);
  if (dayjs.isDayjs(v.to)) filter.to = v.to.format(ISO_DATE);
  if (v.userId !== undefined && v.userId !== null) filter.userId = v.userId;
  if (v.action?.trim()) filter.action = v.action.trim();
  if (v.search?.trim()) filter.search = v.search.trim();
  return filter;
}

const INITIAL: FilterValues = { view: 'changes', outcome: 'all' };

export interface AuditActor {
  userId: number;
  username: string;
  fullName: string | null;
}

export function AuditFilters({
  actors,
  onChange,
}: {
  actors: AuditActor[] | null;
  onChange(filter: AuditFilter): void;
}) {
  const t = useT();
  const [form] = Form.useForm<FilterValues>();
  const dateRules = useDateRules(false);
  const action = Form.useWatch('action', form) ?? '';
  const view = Form.useWatch('view', form) ?? 'changes';

  const actionOptions = useMemo(() => {
    const { prefixes, actions } = knownActions();
    const typed = action.trim().toLowerCase();
    const all = [
      ...prefixes.map((p) => ({ value: p, label: `${capabilityLabel(t, p)} (${p}*)` })),
      ...actions.map((a) => {
        const label = actionLabel(t, a);
        return { value: a, label: label ? `${label} — ${a}` : a };
      }),
    ];
    return typed ? all.filter((o) => o.label.toLowerCase().includes(typed)) : all;
  }, [action, t]);

  return (
    <Form<FilterValues>
      form={form}
      layout="vertical"
      initialValues={INITIAL}
      onFinish={(v) => onChange(toFilter(v))}
      style={{ marginBottom: 8 }}
    >
      <Form.Item label={t('audit.view.label')} name="view" extra={view === 'all' ? t('audit.view.allHint') : undefined}>
        <Segmented<View>
          // A different view is a different log: it applies at once, with the other filters as they stand.
          onChange={() => form.submit()}
          options={[
            { value: 'changes', label: t('audit.view.changes') },
            { value: 'all', label: t('audit.view.all') },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        {/* Two fields rather than antd's range picker: typed dates (1/1/2020, 01012020) are read, and an
            impossible one is named, as in every other date field of the app. */}
        <Col xs={12} md={6} xl={4}>
          <Form.Item label={t('audit.filter.from')} name="from" rules={dateRules}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item
            label={t('audit.filter.to')}
            name="to"
            // A new "from" checks "to" again.
            dependencies={['from']}
            rules={[
              ...dateRules,
              ({ getFieldValue }) => ({
                validator: (_, to: DateValue) => {
                  const from = getFieldValue('from') as DateValue;
                  return dayjs.isDayjs(from) && dayjs.isDayjs(to) && to.isBefore(from, 'day')
                    ? Promise.reject(new Error(t('audit.filter.toBeforeFrom')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DateInput />
          </Form.Item>
        </Col>
        {actors && (
          <Col xs={24} md={12} xl={8}>
            <Form.Item label={t('audit.filter.user')} name="userId">
              <Select
                // Not virtual: every option then carries its ARIA role, for screen readers and tests.
                virtual={false}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('audit.filter.anyUser')}
                options={actors.map((a) => ({
                  value: a.userId,
                  label: a.fullName ? `${a.username} — ${a.fullName}` : a.username,
                }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12} xl={8}>
          <Form.Item label={t('audit.filter.action')} name="action">
            <AutoComplete
              virtual={false}
              options={actionOptions}
              allowClear
              placeholder={t('audit.filter.actionPlaceholder')}
            />
          </Form.Item>
        </Col>
        {/* The changes are the successful calls: the outcome matters only in the full log. */}
        {view === 'all' && (
          <Col xs={24} md={12} xl={8}>
            <Form.Item label={t('audit.filter.outcome')} name="outcome">
              <Select
                virtual={false}
                options={[
                  { value: 'all', label: t('audit.filter.outcomeAll') },
                  { value: 'ok', label: t('audit.filter.outcomeOk') },
                  { value: 'failed', label: t('audit.filter.outcomeFailed') },
                ]}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12} xl={8}>
          <Form.Item label={t('audit.filter.search')} name="search">
            <Input allowClear placeholder={t('audit.filter.searchPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('audit.filter.apply')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange(toFilter(INITIAL));
          }}
        >
          {t('audit.filter.reset')}
        </Button>
      </Space>
    </Form>
  );
}
