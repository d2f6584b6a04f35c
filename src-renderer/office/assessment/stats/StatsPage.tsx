/**
 * Thống kê: at a periodic point, for the whole school or one grade, how many pupils reached each level
 * in each subject (per subject, with its classes below), the score distribution where there was a
 * test, and a chart of T/H/C per subject.
 */
import { useEffect, useState } from 'react';
import { Card, Empty, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import type { StatsView } from '../../../../src-shared/api/assessment';
import { SUBJECTS } from '../../../../src-shared/domain/subjects';
import { isPeriodicPoint, type PeriodicPoint } from '../../../../src-shared/domain/tt27';
import { todayIso } from '../../../../src-shared/domain/dates';
import { useProcedure } from '../../../lib/useProcedure';
import { useT, type Translate } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { YearSelect } from '../../records/common/YearSelect';
import { useSchoolYears } from '../../records/common/useSchoolYears';
import { likelyPoint, openingPoint, pointLabel } from '../labels';
import { LevelChart, type ChartLine } from './LevelChart';
import { PointSelect } from '../common/PointSelect';
import { WIDE_TABLE } from '../../layout/wideTable';

interface Line {
  key: string;
  label: string;
  T: number;
  H: number;
  C: number;
  missing: number;
  scores: number[];
  children?: Line[];
}

function addScores(a: number[], b: number[]): number[] {
  const out = [...a];
  b.forEach((n, i) => (out[i] = (out[i] ?? 0) + n));
  return out;
}

export function subjectLines(view: StatsView, t: Translate): Line[] {
  const order = (key: string) => {
    const i = SUBJECTS.findIndex((s) => s.key === key);
    return i < 0 ? SUBJECTS.length : i;
  };
  const bySubject = new Map<string, Line>();
  for (const r of [...view.rows].sort(
    (a, b) => order(a.subject) - order(b.subject) || a.className.localeCompare(b.className, 'vi'),
  )) {
    let line = bySubject.get(r.subject);
    if (!line) {
      line = { key: r.subject, label: r.subjectName, T: 0, H: 0, C: 0, missing: 0, scores: [], children: [] };
      bySubject.set(r.subject, line);
    }
    line.T += r.T;
    line.H += r.H;
    line.C += r.C;
    line.missing += r.missing;
    line.scores = addScores(line.scores, r.scores);
    line.children!.push({
      key: `${r.subject}:${r.classId}`,
      label: t('class.label', { name: r.className }),
      T: r.T,
      H: r.H,
      C: r.C,
      missing: r.missing,
      scores: r.scores,
    });
  }
  return [...bySubject.values()];
}

/** "10: 5 · 9: 8 · …", the highest scores first; empty where there was no test. */
function scoreText(scores: number[]): string {
  return scores
    .map((n, score) => ({ n, score }))
    .filter((s) => s.n > 0)
    .reverse()
    .map((s) => `${s.score}: ${s.n}`)
    .join(' · ');
}

const percent = (part: number, whole: number) => (whole === 0 ? '' : ` (${Math.round((part / whole) * 100)}%)`);

export function StatsPage() {
  const t = useT();
  const { role } = useSignedIn().user;
  const [params, setParams] = useSearchParams();
  const { years, current } = useSchoolYears();
  const yearId = Number(params.get('year')) || current?.id;
  const year = years.find((y) => y.id === yearId);
  const requested = params.get('point');
  const point: PeriodicPoint = isPeriodicPoint(requested) ? requested : likelyPoint(year, todayIso());
  const [grade, setGrade] = useState<number | undefined>(undefined);
  const stats = useProcedure(
    'assessment.stats',
    yearId === undefined ? null : { schoolYearId: yearId, point, ...(grade ? { grade } : {}) },
  );
  const shown = stats.data?.point === point ? stats.data : undefined;
  const lines = shown ? subjectLines(shown, t) : [];
  const anyResult = lines.some((l) => l.T + l.H + l.C > 0);

  const choose = (key: 'year' | 'point', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  // Opened without a point: the likely one may have nothing yet (a term just begun); then the latest
  // point with results, rather than a chart of zeros.
  const opening = shown && !isPeriodicPoint(requested) ? openingPoint(point, shown.withResults) : point;
  useEffect(() => {
    if (opening === point) return;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (!next.has('point')) next.set('point', opening);
        return next;
      },
      { replace: true },
    );
  }, [opening, point, setParams]);

  const count = (level: 'T' | 'H' | 'C') => ({
    title: t(`assessmentUi.level.${level}`),
    key: level,
    align: 'right' as const,
    render: (_v: unknown, l: Line) => `${l[level]}${percent(l[level], l.T + l.H + l.C)}`,
  });
  const columns: TableColumnsType<Line> = [
    { title: t('assessmentUi.stats.subject'), key: 'label', dataIndex: 'label' },
    count('T'),
    count('H'),
    count('C'),
    { title: t('assessmentUi.stats.missing'), key: 'missing', dataIndex: 'missing', align: 'right' },
    { title: t('assessmentUi.stats.scores'), key: 'scores', render: (_v, l) => scoreText(l.scores) },
  ];
  const chart: ChartLine[] = lines.map((l) => ({ key: l.key, label: l.label, counts: { T: l.T, H: l.H, C: l.C } }));
  // A teacher's statistics count only the classes they teach (the server's scope): say so.
  const whole = role === 'teacher' ? t('assessmentUi.stats.myClasses') : t('assessmentUi.stats.allGrades');
  const scope = grade ? t('assessmentUi.stats.gradeN', { grade }) : whole;

  return (
    <>
      <PageTitle title={t('assessmentUi.stats.title')} />
      <Flex wrap gap="middle" align="center" style={{ marginBottom: 16 }}>
        <YearSelect years={years} value={yearId} onChange={(id) => choose('year', String(id))} />
        <PointSelect value={point} onChange={(p) => choose('point', p)} />
        <Select<number>
          virtual={false}
          aria-label={t('assessmentUi.stats.grade')}
          value={grade ?? 0}
          onChange={(g) => setGrade(g === 0 ? undefined : g)}
          style={{ minWidth: 140 }}
          options={[
            { value: 0, label: whole },
            ...[1, 2, 3, 4, 5].map((g) => ({ value: g, label: t('assessmentUi.stats.gradeN', { grade: g }) })),
          ]}
        />
      </Flex>
      <LoadGate loaded={shown !== undefined && opening === point} error={stats.error} retry={stats.reload}>
        {!anyResult ? (
          <Empty description={t('assessmentUi.stats.empty')} />
        ) : (
          <>
            <Card
              title={t('assessmentUi.stats.chartTitle', { point: pointLabel(t, point), scope })}
              style={{ marginBottom: 16 }}
            >
              <LevelChart
                title={t('assessmentUi.stats.chartAria', { point: pointLabel(t, point), scope })}
                lines={chart}
              />
            </Card>
            <Card title={t('assessmentUi.stats.tableTitle', { point: pointLabel(t, point), scope })}>
              <Table<Line>
                aria-label={t('assessmentUi.stats.tableTitle', { point: pointLabel(t, point), scope })}
                rowKey="key"
                columns={columns}
                dataSource={lines}
                pagination={false}
                size="small"
                bordered
                {...WIDE_TABLE}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('assessmentUi.stats.note')}
              </Typography.Paragraph>
            </Card>
          </>
        )}
      </LoadGate>
    </>
  );
}
