/**
 * Nhật ký hệ thống (audit.read): who did what, as a sentence, when, and whether it was allowed. By default
 * only the changes; views of personal data and refused calls are one click away.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { AuditRow } from '../../../../src-shared/api/audit';
import type { ApiError } from '../../../../src-shared/api/envelope';
import { formatInstantVn } from '../../../../src-shared/domain/dates';
import { describeAuditRow, type AuditSentence } from '../../../../src-shared/domain/auditSentences';
import { isRole } from '../../../../src-shared/domain/roles';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { AuditFilters, type AuditFilter } from './AuditFilters';
import { actionLabel, outcomeLabel } from './auditLabels';
import { AuditRowDetails, AuditRowSentence } from './AuditRowSentence';

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
  const [filter, setFilter] = useState<AuditFilter>({ view: 'changes', outcome: 'all' });
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

  const sentences = useMemo(() => {
    const label = (action: string) => actionLabel(t, action);
    return new Map<number, AuditSentence>((loaded?.rows ?? []).map((r) => [r.id, describeAuditRow(r, t, label)]));
  }, [loaded, t]);

  const columns: TableColumnsType<AuditRow> = [
    { title: t('audit.col.at'), key: 'at', render: (_v, r) => formatInstantVn(r.at), width: 150 },
    {
      title: t('audit.col.what'),
      key: 'what',
      render: (_v, r) => <AuditRowSentence described={sentences.get(r.id)!} />,
    },
    {
      title: t('audit.col.user'),
      key: 'user',
      width: 150,
      render: (_v, r) => (
        <span>
          {r.username ?? '—'}
          <br />
          <Typography.Text type="secondary">{isRole(r.role) ? t(`role.${r.role}`) : (r.role ?? '')}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('audit.col.outcome'),
      key: 'outcome',
      width: 130,
      render: (_v, r) => (
        <Tag color={r.outcome === 'ok' ? 'green' : r.outcome === 'forbidden' ? 'red' : 'orange'}>
          {outcomeLabel(t, r.outcome)}
        </Tag>
      ),
    },
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
        tableLayout="fixed"
        expandable={{ expandedRowRender: (r) => <AuditRowDetails row={r} /> }}
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
