/**
 * BMI-for-age z-score over a pupil's checks, drawn in plain SVG over the WHO bands: a glance shows
 * whether a child is drifting towards thinness or overweight, which single numbers do not.
 */
import { Typography } from 'antd';
import type { CheckView } from '../../../../src-shared/api/health';
import { BMI_BANDS, type BmiBand } from '../../../../src-shared/domain/growth';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { useLocale } from '../../../i18n/LocaleContext';
import { BAND_FILLS, bandLabel, formatBmi, formatZ } from '../labels';

const WIDTH = 640;
const HEIGHT = 240;
const M = { left: 40, right: 16, top: 12, bottom: 30 };
const Z_RANGE = 4;
/** The z range of each band, clipped to the chart. */
const BAND_RANGES: Record<BmiBand, [number, number]> = {
  severe_thinness: [-Infinity, -3],
  thinness: [-3, -2],
  normal: [-2, 1],
  overweight: [1, 2],
  obesity: [2, Infinity],
};
const CUT_OFFS = [-3, -2, 1, 2];

export function GrowthChart({ name, checks }: { name: string; checks: CheckView[] }) {
  const { t, locale } = useLocale();
  const points = checks.filter((c) => c.bmiZ !== null).sort((a, b) => a.date.localeCompare(b.date));
  if (points.length === 0) return <Typography.Text type="secondary">{t('health.pupil.growthEmpty')}</Typography.Text>;

  const zMax = Math.max(Z_RANGE, ...points.map((p) => Math.min(Math.ceil(Math.abs(p.bmiZ!)), 6)));
  const plotW = WIDTH - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const y = (z: number) => M.top + ((zMax - Math.max(-zMax, Math.min(zMax, z))) / (2 * zMax)) * plotH;
  const ages = points.map((p) => p.ageMonths);
  const [first, last] = [Math.min(...ages) - 1, Math.max(...ages) + 1];
  const x = (age: number) => M.left + ((age - first) / (last - first)) * plotW;
  const labelled = points.length <= 8 ? points : [points[0]!, points[points.length - 1]!];

  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('health.pupil.growthAria', { name })}
        style={{ width: '100%', maxWidth: WIDTH, height: 'auto' }}
      >
        {BMI_BANDS.map((band) => {
          const [lo, hi] = BAND_RANGES[band];
          return (
            <rect
              key={band}
              x={M.left}
              width={plotW}
              y={y(hi)}
              height={y(lo) - y(hi)}
              fill={BAND_FILLS[band]}
              opacity={band === 'normal' ? 0.08 : 0.16}
            />
          );
        })}
        <line x1={M.left} x2={M.left + plotW} y1={y(0)} y2={y(0)} stroke="#bfbfbf" />
        {CUT_OFFS.map((z) => (
          <g key={z}>
            <line x1={M.left} x2={M.left + plotW} y1={y(z)} y2={y(z)} stroke="#8c8c8c" strokeDasharray="4 3" />
            <text x={M.left - 6} y={y(z) + 4} textAnchor="end" fontSize={11} fill="#595959">
              {z > 0 ? `+${z}` : `−${-z}`}
            </text>
          </g>
        ))}
        <polyline
          points={points.map((p) => `${x(p.ageMonths)},${y(p.bmiZ!)}`).join(' ')}
          fill="none"
          stroke="#1565c0"
          strokeWidth={2}
        />
        {points.map((p) => (
          <circle key={p.id} cx={x(p.ageMonths)} cy={y(p.bmiZ!)} r={4.5} fill="#1565c0">
            <title>
              {t('health.pupil.growthPoint', {
                date: formatIsoDateVn(p.date),
                bmi: formatBmi(p.bmi, locale),
                z: formatZ(p.bmiZ, locale),
                band: bandLabel(t, p.bmiBand),
              })}
            </title>
          </circle>
        ))}
        {labelled.map((p) => (
          <text key={p.id} x={x(p.ageMonths)} y={HEIGHT - 10} textAnchor="middle" fontSize={11} fill="#595959">
            {formatIsoDateVn(p.date).slice(3)}
          </text>
        ))}
      </svg>
      <figcaption>
        <Typography.Text type="secondary">{t('health.pupil.growthNote')}</Typography.Text>
      </figcaption>
    </figure>
  );
}
