/** A class's latest checks, read-only: what the principal and the homeroom teacher see. */
import { Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { ClassCheckRow } from '../../../../src-shared/api/health';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { useLocale } from '../../../i18n/LocaleContext';
import { BAND_COLORS, bandLabel, formatBmi, formatMeasure } from '../labels';
import { WIDE_TABLE } from '../../layout/wideTable';

export function ClassChecksTable({ className, rows }: { className: string; rows: ClassCheckRow[] }) {
  const { t, locale } = useLocale();
  const columns: TableColumnsType<ClassCheckRow> = [
    { title: t('common.no'), key: 'no', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('pupil.fullName'),
      key: 'name',
      render: (_v, r) => <Link to={`/health/pupils/${r.pupil.id}`}>{r.pupil.fullName}</Link>,
    },
    { title: t('pupil.birthDate'), key: 'birthDate', render: (_v, r) => formatIsoDateVn(r.pupil.birthDate) },
    {
      title: t('health.grid.latest'),
      key: 'date',
      render: (_v, r) => (r.latest ? formatIsoDateVn(r.latest.date) : <Tag>{t('health.grid.notChecked')}</Tag>),
    },
    { title: t('health.field.height'), key: 'h', render: (_v, r) => formatMeasure(r.latest?.heightCm ?? null, locale) },
    { title: t('health.field.weight'), key: 'w', render: (_v, r) => formatMeasure(r.latest?.weightKg ?? null, locale) },
    { title: t('health.field.bmi'), key: 'bmi', render: (_v, r) => formatBmi(r.latest?.bmi ?? null, locale) },
    {
      title: t('health.field.band'),
      key: 'band',
      render: (_v, r) =>
        r.latest?.bmiBand ? <Tag color={BAND_COLORS[r.latest.bmiBand]}>{bandLabel(t, r.latest.bmiBand)}</Tag> : null,
    },
    {
      title: t('health.field.vision'),
      key: 'vision',
      children: [
        { title: t('health.field.leftEye'), key: 'vl', render: (_v, r) => r.latest?.visionLeft ?? '' },
        { title: t('health.field.rightEye'), key: 'vr', render: (_v, r) => r.latest?.visionRight ?? '' },
      ],
    },
  ];
  return (
    <Table<ClassCheckRow>
      aria-label={t('health.grid.label', { name: className })}
      rowKey={(r) => r.pupil.id}
      columns={columns}
      dataSource={rows}
      pagination={false}
      size="small"
      locale={{ emptyText: t('health.grid.empty') }}
      {...WIDE_TABLE}
    />
  );
}
