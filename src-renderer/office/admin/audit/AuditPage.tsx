/** Nhật ký hệ thống (audit.read): who did what, when, from where, and whether it was allowed. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { AuditRow } from '../../../../src-shared/api/audit';
import type { ApiError } from '../../../../src-shared/api/envelope';
import { formatInstantVn } from '../../../../src-shared/domain/dates';
import { isRole } from '../../../../src-shared/domain/roles';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { actionLabel, outcomeLabel } from './auditLabels';

const PAGE_SIZE = 50;

interface Loaded {
  rows: AuditRow[];
  total: number;
  nextBefore: number | null;
}

export function AuditPage() {
  const t = useT();
  const client = useClient();
  // Everyone who appears in the log, readable with audit.read alone (the principal has no users.list).
  const actors = useProcedure('audit.actors', {});
  const [filter, setFilter] = useState<AuditFilter>({ outcome: 'all' });
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  // Only the latest request may fill the table: filters can change while a page is on its way.
  const requestId = useRef(0);

  const load = useCallback(
    async (f: AuditFilter, before?: number) => {
      const id = ++requestId.current;
      setLoading(true);
      const result = await client.call('audit.list', { ...f, limit: PAGE_SIZE, ...(before ? { before } : {}) });
      if (id !== requestId.current) return;
      setLoading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      const { rows, total, nextBefore } = result.value;
      setLoaded((prev) =>
        before && prev ? { rows: [...prev.rows, ...rows], total, nextBefore } : { rows, total, nextBefore },
      );
    },
    [client],
  );

  useEffect(() => {
    void load(filter);
  }, [load, filter]);

  const columns: TableColumnsType<AuditRow> = [
    { title: t('audit.col.at'), key: 'at', render: (_v, r) => formatInstantVn(r.at), width: 170 },
    { title: t('audit.col.user'), key: 'user', render: (_v, r) => r.username ?? '—' },
    {
      title: t('audit.col.role'),
      key: 'role',
      render: (_v, r) => (isRole(r.role) ? t(`role.${r.role}`) : (r.role ?? '—')),
    },
    {
      title: t('audit.col.action'),
      key: 'action',
      render: (_v, r) => {
        const label = actionLabel(t, r.action);
        return label ? (
          <span>
            {label}
            <br />
            <Typography.Text type="secondary" code>
              {r.action}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text code>{r.action}</Typography.Text>
        );
      },
    },
    { title: t('audit.col.target'), key: 'target', render: (_v, r) => r.target ?? '—' },
    {
      title: t('audit.col.outcome'),
      key: 'outcome',
      render: (_v, r) => (
        <Tag color={r.outcome === 'ok' ? 'green' : r.outcome === 'forbidden' ? 'red' : 'orange'}>
          {outcomeLabel(t, r.outcome)}
        </Tag>
      ),
    },
    { title: t('audit.col.ip'), key: 'ip', render: (_v, r) => r.ip ?? '—' },
  ];

  return (
    <LoadGate loaded={loaded !== null} error={error} retry={() => void load(filter)}>
      <PageTitle title={t('nav.audit')} />
      <AuditFilters actors={actors.data?.actors ?? null} onChange={setFilter} />
      <Flex justify="space-between" align="center" style={{ margin: '16px 0 8px' }}>
        <Typography.Text aria-live="polite">
          {loaded && t('audit.total', { shown: loaded.rows.length, total: loaded.total })}
        </Typography.Text>
      </Flex>
      {error && loaded && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<AuditRow>
        rowKey="id"
        columns={columns}
        dataSource={loaded?.rows ?? []}
        loading={loading}
        pagination={false}
        size="small"
        expandable={{
          rowExpandable: (r) => r.details !== null,
          expandedRowRender: (r) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {JSON.stringify(r.details, null, 2)}
            </pre>
          ),
        }}
      />
      {loaded?.nextBefore && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void load(filter, loaded.nextBefore ?? undefined)} loading={loading}>
            {t('audit.more')}
          </Button>
        </Flex>
      )}
    </LoadGate>
  );
}
