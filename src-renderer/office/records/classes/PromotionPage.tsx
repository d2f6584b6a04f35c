/**
 * Lên lớp cuối năm: every pupil still at the school at the end of a year goes up a grade, repeats it,
 * or (grade 5) completes primary school. The clerk checks the proposal class by class, changes the
 * decisions that differ, and runs it once; next year's classes are created as needed.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import type { PromotionDecision, PromotionPreviewView } from '../../../../src-shared/api/records';
import type { SchoolYear } from '../../../../src-shared/api/school';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { YearSelect } from '../common/YearSelect';
import { useSchoolYears } from '../common/useSchoolYears';

type Outcome = { promoted: number; repeated: number; completed: number; classesCreated: string[] };

/** The year that starts after `year` ends, the natural target of its promotion. */
function followingYear(years: SchoolYear[], year: SchoolYear | undefined): SchoolYear | undefined {
  if (!year) return undefined;
  return years.filter((y) => y.startDate > year.endDate).sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
}

function defaults(preview: PromotionPreviewView): Map<number, PromotionDecision> {
  return new Map(preview.classes.flatMap((c) => c.pupils.map((p) => [p.pupilId, p.decision] as const)));
}

export function PromotionPage() {
  const t = useT();
  const client = useClient();
  const { modal, message } = App.useApp();
  const { can } = useSignedIn();
  const { years, current, loaded } = useSchoolYears();
  const [fromId, setFromId] = useState<number | undefined>();
  const from = years.find((y) => y.id === (fromId ?? current?.id));
  const to = followingYear(years, from);
  const preview = useProcedure(
    'records.promotion.preview',
    from && to ? { fromYearId: from.id, toYearId: to.id } : null,
  );
  const [decisions, setDecisions] = useState<Map<number, PromotionDecision>>(new Map());
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (preview.data) setDecisions(defaults(preview.data));
  }, [preview.data]);

  const totals = useMemo(() => {
    const count = { promote: 0, repeat: 0, complete: 0 };
    for (const d of decisions.values()) count[d]++;
    return count;
  }, [decisions]);

  const decide = (pupilIds: number[], decision: PromotionDecision) =>
    setDecisions((prev) => {
      const next = new Map(prev);
      for (const id of pupilIds) next.set(id, decision);
      return next;
    });

  const run = () => {
    if (!from || !to || !preview.data) return;
    modal.confirm({
      title: t('promotion.confirmTitle', { from: from.name, to: to.name }),
      content: t('promotion.confirmText', totals),
      okText: t('promotion.run'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setRunning(true);
        const result = await client.call('records.promotion.run', {
          fromYearId: from.id,
          toYearId: to.id,
          decisions: [...decisions].map(([pupilId, decision]) => ({ pupilId, decision })),
        });
        setRunning(false);
        if (!result.ok) {
          void message.error(result.error.message);
          return;
        }
        setOutcome(result.value);
      },
    });
  };

  const makeCurrent = async () => {
    if (!to) return;
    const result = await client.call('school.years.setCurrent', { id: to.id });
    if (result.ok) void message.success(t('promotion.nowCurrent', { name: to.name }));
    else void message.error(result.error.message);
  };

  if (outcome && to) {
    return (
      <Result
        status="success"
        title={t('promotion.doneTitle', { to: to.name })}
        subTitle={t('promotion.doneText', {
          promoted: outcome.promoted,
          repeated: outcome.repeated,
          completed: outcome.completed,
          classes: outcome.classesCreated.join(', ') || '—',
        })}
        extra={
          <Space wrap>
            {can('school.manage') && !to.isCurrent && (
              <Button type="primary" onClick={() => void makeCurrent()}>
                {t('promotion.makeCurrent', { name: to.name })}
              </Button>
            )}
            <Link to={`/records/classes?year=${to.id}`}>{t('promotion.seeClasses', { name: to.name })}</Link>
          </Space>
        }
      />
    );
  }

  const decisionOptions = (grade: number) =>
    (grade === 5 ? (['complete', 'repeat'] as const) : (['promote', 'repeat'] as const)).map((d) => ({
      value: d,
      label: t(`promotion.decision.${d}`),
    }));

  return (
    <LoadGate loaded={loaded} error={preview.error?.code === 'forbidden' ? preview.error : null} retry={preview.reload}>
      <PageTitle
        title={t('promotion.title')}
        extra={
          <Space wrap>
            <Typography.Text>{t('promotion.from')}</Typography.Text>
            <YearSelect years={years} value={from?.id} onChange={setFromId} />
            <Typography.Text>
              {t('promotion.to')} <strong>{to?.name ?? '—'}</strong>
            </Typography.Text>
          </Space>
        }
      />
      {!to && from && (
        <Alert
          type="warning"
          showIcon
          title={t('promotion.noNextYear', { from: from.name })}
          action={can('school.manage') ? <Link to="/school">{t('promotion.addYear')}</Link> : undefined}
        />
      )}
      {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
      {preview.data && (
        <>
          {preview.data.alreadyPlaced > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('promotion.alreadyPlaced', { count: preview.data.alreadyPlaced, to: preview.data.toYear.name })}
            />
          )}
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={8}>
              <Card>
                <Statistic title={t('promotion.decision.promote')} value={totals.promote} />
              </Card>
            </Col>
            <Col xs={8}>
              <Card>
                <Statistic title={t('promotion.decision.repeat')} value={totals.repeat} />
              </Card>
            </Col>
            <Col xs={8}>
              <Card>
                <Statistic title={t('promotion.decision.complete')} value={totals.complete} />
              </Card>
            </Col>
          </Row>
          <Collapse
            items={preview.data.classes.map((c) => ({
              key: c.classId,
              label: c.nextName
                ? t('promotion.classHeader', { name: c.name, next: c.nextName, count: c.pupils.length })
                : t('promotion.classHeaderLast', { name: c.name, count: c.pupils.length }),
              extra: (
                <Button
                  size="small"
                  onClick={(e) => {
                    e.stopPropagation();
                    decide(
                      c.pupils.map((p) => p.pupilId),
                      c.grade === 5 ? 'complete' : 'promote',
                    );
                  }}
                >
                  {t(c.grade === 5 ? 'promotion.allComplete' : 'promotion.allPromote')}
                </Button>
              ),
              children: (
                <Table
                  size="small"
                  scroll={{ x: 'max-content' }}
                  rowKey="pupilId"
                  pagination={false}
                  dataSource={c.pupils}
                  columns={[
                    { title: t('promotion.no'), key: 'no', width: 60, render: (_v, _p, i) => i + 1 },
                    { title: t('promotion.pupil'), dataIndex: 'fullName', key: 'name' },
                    {
                      title: t('promotion.result'),
                      key: 'decision',
                      width: 260,
                      render: (_v, p) => (
                        <Select
                          aria-label={t('promotion.decisionFor', { name: p.fullName })}
                          style={{ width: 240 }}
                          value={decisions.get(p.pupilId)}
                          options={decisionOptions(c.grade)}
                          onChange={(d: PromotionDecision) => decide([p.pupilId], d)}
                        />
                      ),
                    },
                  ]}
                />
              ),
            }))}
          />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" loading={running} disabled={decisions.size === 0} onClick={run}>
              {t('promotion.run')}
            </Button>
          </Space>
        </>
      )}
    </LoadGate>
  );
}
