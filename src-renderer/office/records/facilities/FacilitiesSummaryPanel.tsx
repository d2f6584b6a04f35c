/**
 * The figures the statistics form and the DX indicators ask for, as the server computes them from the
 * inventory: pupils per working teaching computer first, then computers, classrooms with a projector
 * and Internet, how the rooms are built, and what needs repair.
 */
import { Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { CONSTRUCTIONS, type FacilitiesSummary } from '../../../../src-shared/api/records';
import { useLocale } from '../../../i18n/LocaleContext';
import { constructionLabel } from '../common/labels';

const CONSTRUCTION_COLORS: Record<(typeof CONSTRUCTIONS)[number], string> = {
  permanent: '#389e0d',
  semi_permanent: '#d48806',
  temporary: '#cf1322',
};

export function FacilitiesSummaryPanel({ summary }: { summary: FacilitiesSummary }) {
  const { t, locale } = useLocale();
  const number = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 });
  const { computers, classrooms, rooms, equipment } = summary;
  const ratio = summary.pupilsPerTeachingComputer;

  /** A count, with the thousands separator of the screen language (1.234 in Vietnamese). */
  const figure = (title: string, value: number, of?: number) => (
    <Statistic
      title={title}
      value={value}
      formatter={(v) => number.format(Number(v))}
      suffix={of === undefined ? undefined : t('facilities.summary.ofTotal', { total: number.format(of) })}
    />
  );

  const gauge = (label: string, part: number, percent: number) => (
    <Flex vertical align="center" gap={8}>
      <Progress
        type="circle"
        size={96}
        percent={percent}
        format={() => `${number.format(percent)}%`}
        aria-label={t('facilities.summary.percentAria', { label, part, whole: classrooms.total })}
      />
      <Typography.Text>{label}</Typography.Text>
      <Typography.Text type="secondary">
        {t('facilities.summary.ofClassrooms', { part, whole: classrooms.total })}
      </Typography.Text>
    </Flex>
  );

  return (
    <section aria-label={t('facilities.summary.title')}>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card style={{ height: '100%' }}>
            <Statistic
              title={t('facilities.summary.pupilsPerComputer')}
              value={ratio ?? '—'}
              formatter={(v) => (typeof v === 'number' ? number.format(v) : v)}
              styles={{ content: { fontSize: 44, fontWeight: 600, color: '#0958d9' } }}
            />
            <Typography.Text type="secondary">
              {ratio === null
                ? t('facilities.summary.noTeachingComputer')
                : t('facilities.summary.pupilsPerComputerHint', {
                    pupils: summary.pupils,
                    computers: computers.teachingWorking,
                  })}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card title={t('facilities.summary.title')} style={{ height: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={12} lg={6}>
                {figure(t('facilities.summary.pupils'), summary.pupils)}
              </Col>
              <Col xs={12} lg={6}>
                {figure(t('facilities.summary.computers'), computers.working, computers.total)}
              </Col>
              <Col xs={12} lg={6}>
                {figure(t('facilities.summary.teaching'), computers.teachingWorking, computers.teaching)}
              </Col>
              <Col xs={12} lg={6}>
                {figure(t('facilities.summary.office'), computers.officeWorking, computers.office)}
              </Col>
              <Col xs={12} lg={6}>
                {figure(t('facilities.summary.computerRooms'), rooms.computerRooms)}
              </Col>
              <Col xs={12} lg={6}>
                {figure(t('facilities.summary.brokenComputers'), computers.broken)}
              </Col>
              <Col xs={12} lg={6}>
                {figure(t('facilities.summary.equipmentRepair'), equipment.needsRepair)}
              </Col>
              <Col xs={12} lg={6}>
                {figure(t('facilities.summary.equipmentBroken'), equipment.broken)}
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('facilities.summary.classroomsEquipped')} style={{ height: '100%' }}>
            <Flex justify="space-around" wrap gap="middle">
              {gauge(t('facilities.summary.projector'), classrooms.withProjector, classrooms.withProjectorPercent)}
              {gauge(t('facilities.summary.internet'), classrooms.withInternet, classrooms.withInternetPercent)}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('facilities.summary.construction')} style={{ height: '100%' }}>
            {CONSTRUCTIONS.map((c) => (
              <div key={c} style={{ marginBottom: 8 }}>
                <Flex justify="space-between">
                  <Typography.Text>{constructionLabel(t, c)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('facilities.summary.constructionCount', { count: rooms.byConstruction[c] })}
                  </Typography.Text>
                </Flex>
                <Progress
                  percent={rooms.byConstructionPercent[c]}
                  format={(p) => `${number.format(p ?? 0)}%`}
                  strokeColor={CONSTRUCTION_COLORS[c]}
                  aria-label={constructionLabel(t, c)}
                />
              </div>
            ))}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
