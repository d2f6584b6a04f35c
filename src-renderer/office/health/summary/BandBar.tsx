/** One stacked bar: how a group's checked pupils split over the WHO bands, boys and girls together. */
import { Flex, Tooltip } from 'antd';
import type { SummaryGroup } from '../../../../src-shared/api/health';
import { BMI_BANDS } from '../../../../src-shared/domain/growth';
import { useT } from '../../../i18n/LocaleContext';
import { BAND_FILLS, bandLabel } from '../labels';

export function bandTotals(group: SummaryGroup) {
  return BMI_BANDS.map((band) => ({ band, count: group.bands.male[band] + group.bands.female[band] }));
}

export function BandBar({ label, group }: { label: string; group: SummaryGroup }) {
  const t = useT();
  const totals = bandTotals(group).filter((b) => b.count > 0);
  const sum = totals.reduce((s, b) => s + b.count, 0);
  return (
    <Flex align="center" gap="small" style={{ marginBottom: 8 }}>
      <div style={{ width: 110, flex: 'none' }}>{label}</div>
      <div
        role="list"
        aria-label={label}
        style={{ display: 'flex', flex: 1, height: 22, borderRadius: 4, overflow: 'hidden', background: '#f0f0f0' }}
      >
        {totals.map(({ band, count }) => {
          const text = t('health.summary.barAria', { label: bandLabel(t, band), count });
          return (
            <Tooltip key={band} title={text}>
              <div
                role="listitem"
                aria-label={text}
                style={{ width: `${(count / sum) * 100}%`, background: BAND_FILLS[band] }}
              />
            </Tooltip>
          );
        })}
      </div>
    </Flex>
  );
}

export function BandLegend() {
  const t = useT();
  return (
    <Flex wrap gap="middle" style={{ marginTop: 8 }}>
      {BMI_BANDS.map((band) => (
        <Flex key={band} align="center" gap={6}>
          <span
            style={{ width: 12, height: 12, borderRadius: 2, background: BAND_FILLS[band], display: 'inline-block' }}
          />
          {bandLabel(t, band)}
        </Flex>
      ))}
    </Flex>
  );
}
