/** The periodic point picker every assessment page shows next to the year. */
import { Select } from 'antd';
import { PERIODIC_POINTS, type PeriodicPoint } from '../../../../src-shared/domain/tt27';
import { useT } from '../../../i18n/LocaleContext';
import { pointLabel } from '../labels';

export function PointSelect({ value, onChange }: { value: PeriodicPoint; onChange: (point: PeriodicPoint) => void }) {
  const t = useT();
  return (
    <Select<PeriodicPoint>
      virtual={false}
      aria-label={t('assessmentUi.filter.point')}
      value={value}
      onChange={onChange}
      style={{ minWidth: 170 }}
      options={PERIODIC_POINTS.map((p) => ({ value: p, label: pointLabel(t, p) }))}
    />
  );
}
