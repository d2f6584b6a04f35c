/**
 * The figures the statistics form and the DX indicators ask for, as the server computes them from the
 * inventory: pupils per working teaching computer first, then computers, classrooms with a projector
 * and Internet, how the rooms are built, and what needs repair.
 */
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { CONSTRUCTIONS, type FacilitiesSummary } from '../../../../src-shared/api/records';
import { numberFormat } from '../../../lib/format';
import { useLocale } from '../../../i18n/LocaleContext';
import { ClassroomGauge, ConstructionBar } from '../common/RoomCharts';

export function FacilitiesSummaryPanel({ summary }: { summary: FacilitiesSummary }) {
  const { t, locale } = useLocale();
  const number = numberFormat(locale, { maximumFractionDigits: 1 });
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
    <ClassroomGauge
      label={label}
      percent={percent}
      format={() => `${number.format(percent)}%`}
      ariaLabel={t('facilities.summary.percentAria', { label, part, whole: classrooms.total })}
      caption={t('facilities.summary.ofClassrooms', { part, whole: classrooms.total })}
    />
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
              <ConstructionBar
                key={c}
                construction={c}
                percent={rooms.byConstructionPercent[c]}
                format={(p) => `${number.format(p ?? 0)}%`}
                count={t('facilities.summary.constructionCount', { count: rooms.byConstruction[c] })}
              />
            ))}
          </Card>
        </Col>
      </Row>
    </section>
  );
}
