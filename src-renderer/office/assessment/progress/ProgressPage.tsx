/**
 * Tiến độ & khóa sổ: the principal sees, for a periodic point, which classes and subjects still miss
 * entries, locks the points that are complete (and unlocks one with a reason), and sets the school's
 * assessment rules.
 */
import { Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { isPeriodicPoint, type PeriodicPoint } from '../../../../src-shared/domain/tt27';
import { todayIso } from '../../../../src-shared/domain/dates';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { YearSelect } from '../../records/common/YearSelect';
import { useSchoolYears } from '../../records/common/useSchoolYears';
import { likelyPoint, pointLabel } from '../labels';
import { ProgressBoard } from './ProgressBoard';
import { LocksCard } from './LocksCard';
import { RulesCard } from './RulesCard';
import { PointSelect } from '../common/PointSelect';

function positive(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function ProgressPage() {
  const t = useT();
  const { can } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const { years, current } = useSchoolYears();
  const yearId = positive(params.get('year')) ?? current?.id;
  const year = years.find((y) => y.id === yearId);
  const requested = params.get('point');
  const point: PeriodicPoint = isPeriodicPoint(requested) ? requested : likelyPoint(year, todayIso());
  const progress = useProcedure('assessment.progress', yearId === undefined ? null : { schoolYearId: yearId, point });
  const shown = progress.data?.point === point ? progress.data : undefined;

  const choose = (key: 'year' | 'point', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  const totals = shown?.classes.flatMap((c) => c.subjects) ?? [];
  const complete = totals.filter((s) => s.expected > 0 && s.done >= s.expected).length;

  return (
    <>
      <PageTitle title={t('assessmentUi.progress.title')} />
      <Flex wrap gap="middle" align="center" style={{ marginBottom: 16 }}>
        <YearSelect years={years} value={yearId} onChange={(id) => choose('year', String(id))} />
        <PointSelect value={point} onChange={(p) => choose('point', p)} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <LoadGate loaded={shown !== undefined} error={progress.error} retry={progress.reload}>
            {shown && (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Typography.Text>
                    {t('assessmentUi.progress.summary', {
                      complete,
                      total: totals.length,
                      point: pointLabel(t, point),
                    })}
                  </Typography.Text>
                  {shown.locked && <Tag color="gold">{t('assessmentUi.locks.locked')}</Tag>}
                </Space>
                <ProgressBoard view={shown} />
                <Flex gap="middle" wrap style={{ marginTop: 8 }}>
                  <Tag color="success">{t('assessmentUi.progress.legendComplete')}</Tag>
                  <Tag color="warning">{t('assessmentUi.progress.legendPartial')}</Tag>
                  <Tag color="error">{t('assessmentUi.progress.legendNone')}</Tag>
                </Flex>
              </>
            )}
          </LoadGate>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {yearId !== undefined && (
              <LocksCard
                schoolYearId={yearId}
                yearName={year?.name ?? ''}
                canLock={can('assessment.lock')}
                onChanged={progress.reload}
              />
            )}
            <RulesCard canChange={can('assessment.lock')} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
