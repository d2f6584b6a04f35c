/** A pupil's checks, newest first, with the nurse's edit and delete buttons. */
import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { CheckView } from '../../../../src-shared/api/health';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { useLocale } from '../../../i18n/LocaleContext';
import { ageLabel, BAND_COLORS, bandLabel, formatBmi, formatMeasure, formatZ } from '../labels';
import { WIDE_TABLE } from '../../layout/wideTable';

export function ChecksTable({
  checks,
  onEdit,
  onDelete,
}: {
  checks: CheckView[];
  /** Absent: no edit controls (a reader without health.manage). */
  onEdit?: (check: CheckView) => void;
  onDelete?: (check: CheckView) => void;
}) {
  const { t, locale } = useLocale();
  const columns: TableColumnsType<CheckView> = [
    { title: t('health.field.date'), key: 'date', render: (_v, c) => formatIsoDateVn(c.date) },
    { title: t('health.field.age'), key: 'age', render: (_v, c) => ageLabel(t, c.ageMonths) },
    { title: t('health.field.height'), key: 'h', render: (_v, c) => formatMeasure(c.heightCm, locale) },
    { title: t('health.field.weight'), key: 'w', render: (_v, c) => formatMeasure(c.weightKg, locale) },
    { title: t('health.field.bmi'), key: 'bmi', render: (_v, c) => formatBmi(c.bmi, locale) },
    { title: t('health.field.bmiZ'), key: 'z', render: (_v, c) => formatZ(c.bmiZ, locale) },
    {
      title: t('health.field.band'),
      key: 'band',
      render: (_v, c) => (c.bmiBand ? <Tag color={BAND_COLORS[c.bmiBand]}>{bandLabel(t, c.bmiBand)}</Tag> : null),
    },
    {
      title: t('health.field.vision'),
      key: 'vision',
      children: [
        { title: t('health.field.leftEye'), key: 'vl', dataIndex: 'visionLeft' },
        { title: t('health.field.rightEye'), key: 'vr', dataIndex: 'visionRight' },
      ],
    },
    { title: t('health.field.notes'), key: 'notes', dataIndex: 'notes' },
    { title: t('health.field.createdBy'), key: 'by', render: (_v, c) => c.createdBy ?? '' },
  ];
  if (onEdit && onDelete) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_v, c) => {
        const date = formatIsoDateVn(c.date);
        return (
          <Space>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t('health.pupil.editAria', { date })}
              onClick={() => onEdit(c)}
            />
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('health.pupil.deleteAria', { date })}
              onClick={() => onDelete(c)}
            />
          </Space>
        );
      },
    });
  }
  return (
    <Table<CheckView>
      rowKey="id"
      columns={columns}
      dataSource={checks}
      pagination={false}
      size="small"
      locale={{ emptyText: t('health.pupil.noChecks') }}
      {...WIDE_TABLE}
    />
  );
}
