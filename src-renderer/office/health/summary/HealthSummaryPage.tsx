/**
 * Tổng hợp: for a school year, how many pupils were checked and how the checked ones fall in the WHO
 * BMI-for-age bands, per grade and by sex — the numbers the school reports to the district.
 */
import { useState } from 'react';
import { Card, Col, Empty, Progress, Row, Table, Typography, type TableColumnsType } from 'antd';
import type { SummaryGroup } from '../../../../src-shared/api/health';
import { BMI_BANDS } from '../../../../src-shared/domain/growth';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { YearSelect } from '../../records/common/YearSelect';
import { useSchoolYears } from '../../records/common/useSchoolYears';
import { bandLabel } from '../labels';
import { BandBar, BandLegend } from './BandBar';
import { WIDE_TABLE } from '../../layout/wideTable';

type Line = SummaryGroup & { key: string; label: string };

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function HealthSummaryPage() {
  const t = useT();
  const { years, current } = useSchoolYears();
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const yearId = chosen ?? current?.id;
  const summary = useProcedure('health.summary', yearId === undefined ? {} : { schoolYearId: yearId });
  const data = summary.data;

  const lines: Line[] = data
    ? [
        ...data.grades.map((g) => ({ ...g, key: `g${g.grade}`, label: t('health.summary.grade', { grade: g.grade }) })),
        { ...data.total, key: 'total', label: t('health.summary.total') },
      ]
    : [];

  const columns: TableColumnsType<Line> = [
    { title: '', key: 'label', dataIndex: 'label', fixed: 'left' },
    { title: t('health.summary.pupils'), key: 'pupils', dataIndex: 'pupils', align: 'right' },
    {
      title: t('health.summary.checked'),
      key: 'checked',
      align: 'right',
      render: (_v, l) => `${l.checked} (${percent(l.checked, l.pupils)}%)`,
    },
    ...BMI_BANDS.map((band) => ({
      title: bandLabel(t, band),
      key: band,
      children: [
        {
          title: t('sex.male'),
          key: `${band}-m`,
          align: 'right' as const,
          render: (_v: unknown, l: Line) => l.bands.male[band],
        },
        {
          title: t('sex.female'),
          key: `${band}-f`,
          align: 'right' as const,
          render: (_v: unknown, l: Line) => l.bands.female[band],
        },
        {
          title: t('health.summary.all'),
          key: `${band}-all`,
          align: 'right' as const,
          render: (_v: unknown, l: Line) => <strong>{l.bands.male[band] + l.bands.female[band]}</strong>,
        },
      ],
    })),
    { title: t('health.band.none'), key: 'none', dataIndex: 'unclassified', align: 'right' },
  ];

  return (
    <>
      <PageTitle
        title={t('health.summary.title')}
        extra={<YearSelect years={years} value={yearId} onChange={setChosen} />}
      />
      <LoadGate loaded={data !== undefined} error={summary.error} retry={summary.reload}>
        {data && data.total.pupils === 0 && <Empty description={t('health.summary.empty')} />}
        {data && data.total.pupils > 0 && (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col xs={24} lg={8}>
                <Card title={t('health.summary.checkedShare')} style={{ height: '100%' }}>
                  <Progress
                    type="circle"
                    percent={percent(data.total.checked, data.total.pupils)}
                    format={(p) => `${p}%`}
                    aria-label={t('health.summary.checkedShare')}
                  />
                  <Typography.Paragraph style={{ marginTop: 12 }}>
                    {t('health.summary.checkedOf', { checked: data.total.checked, total: data.total.pupils })}
                  </Typography.Paragraph>
                  {data.grades.map((g) => (
                    <div key={g.grade}>
                      {t('health.summary.grade', { grade: g.grade })}
                      <Progress percent={percent(g.checked, g.pupils)} format={(p) => `${p}%`} size="small" />
                    </div>
                  ))}
                </Card>
              </Col>
              <Col xs={24} lg={16}>
                <Card title={t('health.summary.barsTitle')} style={{ height: '100%' }}>
                  {lines.map((l) => (
                    <BandBar key={l.key} label={l.label} group={l} />
                  ))}
                  <BandLegend />
                </Card>
              </Col>
            </Row>
            <Card title={t('health.summary.tableTitle')}>
              <Table<Line>
                rowKey="key"
                columns={columns}
                dataSource={lines}
                pagination={false}
                size="small"
                bordered
                {...WIDE_TABLE}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {t('health.summary.note')}
              </Typography.Paragraph>
            </Card>
          </>
        )}
      </LoadGate>
    </>
  );
}
