/**
 * The rooms at a glance, for the principal and the statistics forms: how many classrooms have a
 * projector and Internet, and how the rooms are built (kiên cố / bán kiên cố / tạm).
 */
import { Card, Col, Flex, Row, Statistic } from 'antd';
import { CONSTRUCTIONS, type RoomView } from '../../../../src-shared/api/records';
import { useProcedure } from '../../../lib/useProcedure';
import { numberFormat } from '../../../lib/format';
import { useLocale } from '../../../i18n/LocaleContext';
import { ClassroomGauge, ConstructionBar } from '../common/RoomCharts';

const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

export function RoomSummary({ rooms }: { rooms: RoomView[] }) {
  const { t, locale } = useLocale();
  const number = numberFormat(locale, { maximumFractionDigits: 1 });
  const classrooms = rooms.filter((r) => r.type === 'classroom');
  // The facilities summary also counts a working projector or TV found in a classroom, so both pages
  // agree; the room records alone are the fallback while it loads.
  const facilities = useProcedure('records.facilities.summary', {});
  const withProjector = facilities.data?.classrooms.withProjector ?? classrooms.filter((r) => r.hasProjector).length;
  const withInternet = facilities.data?.classrooms.withInternet ?? classrooms.filter((r) => r.hasInternet).length;
  const seats = rooms.reduce((sum, r) => sum + (r.seats ?? 0), 0);
  const area = rooms.reduce((sum, r) => sum + (r.areaM2 ?? 0), 0);

  const gauge = (label: string, part: number) => (
    <ClassroomGauge
      label={label}
      percent={percentOf(part, classrooms.length)}
      ariaLabel={t('rooms.summary.percentAria', { label, part, whole: classrooms.length })}
      caption={t('rooms.summary.ofClassrooms', { part, whole: classrooms.length })}
    />
  );

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={8}>
        <Card title={t('rooms.summary.title')} style={{ height: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col span={12}>
              <Statistic title={t('rooms.summary.rooms')} value={rooms.length} />
            </Col>
            <Col span={12}>
              <Statistic title={t('rooms.summary.classrooms')} value={classrooms.length} />
            </Col>
            <Col span={12}>
              <Statistic title={t('rooms.summary.seats')} value={seats} formatter={(v) => number.format(Number(v))} />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('rooms.summary.area')}
                value={area}
                suffix="m²"
                formatter={(v) => number.format(Number(v))}
              />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title={t('rooms.summary.equipment')} style={{ height: '100%' }}>
          <Flex justify="space-around" wrap gap="middle">
            {gauge(t('room.projector'), withProjector)}
            {gauge(t('room.internet'), withInternet)}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card title={t('rooms.summary.construction')} style={{ height: '100%' }}>
          {CONSTRUCTIONS.map((c) => {
            const count = rooms.filter((r) => r.construction === c).length;
            return (
              <ConstructionBar
                key={c}
                construction={c}
                percent={percentOf(count, rooms.length)}
                count={t('rooms.summary.count', { count })}
              />
            );
          })}
        </Card>
      </Col>
    </Row>
  );
}
