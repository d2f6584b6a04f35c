/**
 * The nurse's entry grid for a check day: one row a pupil with chiều cao, cân nặng and thị lực; BMI and
 * band appear as the numbers are typed; each row is saved when the nurse presses Enter or leaves it,
 * and says so (đã lưu, đang lưu, or what is wrong).
 */
import { Button, Flex, Input, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckCircleFilled, WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ClassCheckRow } from '../../../../src-shared/api/health';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { isImplausibleZ } from '../../../../src-shared/domain/growth';
import { useLocale } from '../../../i18n/LocaleContext';
import { BAND_COLORS, bandLabel, formatBmi } from '../labels';
import { GRID_COLUMNS, previewGrowth, previousValue, type EntryRow, type GridColumn } from './entryRows';
import { useEntryRows } from './useEntryRows';
import { useGridFocus } from './useGridFocus';
import { WIDE_TABLE } from '../../layout/wideTable';

const LABELS = {
  heightCm: 'health.grid.heightOf',
  weightKg: 'health.grid.weightOf',
  visionLeft: 'health.grid.visionLeftOf',
  visionRight: 'health.grid.visionRightOf',
} as const;

const TITLES = {
  heightCm: 'health.field.height',
  weightKg: 'health.field.weight',
  visionLeft: 'health.field.visionLeft',
  visionRight: 'health.field.visionRight',
} as const;

function RowStatusCell({ row }: { row: EntryRow }) {
  const { t } = useLocale();
  switch (row.status) {
    case 'saving':
      return (
        <Space size="small">
          <Spin size="small" />
          {t('health.grid.saving')}
        </Space>
      );
    case 'saved':
      return (
        <Typography.Text type="success">
          <CheckCircleFilled /> {t('health.grid.saved')}
        </Typography.Text>
      );
    case 'dirty':
      return <Typography.Text type="secondary">{t('health.grid.unsaved')}</Typography.Text>;
    case 'error':
      return (
        <Typography.Text type="danger" role="alert">
          <WarningOutlined /> {row.error?.message}
        </Typography.Text>
      );
    default:
      return null;
  }
}

function GrowthCells({ row, date }: { row: EntryRow; date: string }) {
  const { t, locale } = useLocale();
  const growth = previewGrowth(row, date);
  if (!growth) return null;
  return (
    <Space size={4} wrap>
      <span>{formatBmi(growth.bmi, locale)}</span>
      {growth.bmiBand && <Tag color={BAND_COLORS[growth.bmiBand]}>{bandLabel(t, growth.bmiBand)}</Tag>}
      {growth.bmiZ !== null && isImplausibleZ(growth.bmiZ) && (
        <Typography.Text type="warning">
          <WarningOutlined /> {t('health.grid.implausible')}
        </Typography.Text>
      )}
    </Space>
  );
}

export interface EntryGridProps {
  className: string;
  yearName: string;
  source: ClassCheckRow[];
  /** The check day, yyyy-MM-dd. */
  date: string;
}

export function EntryGrid({ className, yearName, source, date }: EntryGridProps) {
  const { t, locale } = useLocale();
  const { rows, edit, save, saveAll } = useEntryRows(source, date);
  const focus = useGridFocus(GRID_COLUMNS.length, {
    onEnter: (i) => void save(i),
    onLeaveRow: (i) => void save(i),
  });
  const pending = rows.filter((r) => r.status === 'dirty' || r.status === 'error').length;
  const checked = rows.filter((r) => r.check !== null || r.previous !== null).length;

  const cell = (column: GridColumn, col: number) => ({
    title: t(TITLES[column]),
    key: column,
    width: column.startsWith('vision') ? 110 : 120,
    render: (_v: unknown, row: EntryRow, index: number) => {
      const hint = previousValue(row.previous, column, locale);
      return (
        <Input
          ref={(el) => focus.register(index, col)(el?.input ?? null)}
          aria-label={t(LABELS[column], { name: row.pupil.fullName })}
          value={row.draft[column]}
          inputMode={column.startsWith('vision') ? 'text' : 'decimal'}
          autoComplete="off"
          placeholder={hint || undefined}
          title={hint ? t('health.grid.previous', { value: hint }) : undefined}
          status={row.status === 'error' && row.error?.field === column ? 'error' : undefined}
          onChange={(e) => edit(index, column, e.target.value)}
          onKeyDown={(e) => focus.onKeyDown(e, index, col)}
          onFocus={(e) => {
            e.target.select();
            focus.onFocus(index);
          }}
        />
      );
    },
  });

  const columns: TableColumnsType<EntryRow> = [
    { title: t('common.no'), key: 'no', width: 56, align: 'right', render: (_v, _r, i) => i + 1 },
    {
      title: t('pupil.fullName'),
      key: 'name',
      render: (_v, r) => <Link to={`/health/pupils/${r.pupil.id}`}>{r.pupil.fullName}</Link>,
    },
    {
      title: t('pupil.birthDate'),
      key: 'birthDate',
      width: 110,
      render: (_v, r) => formatIsoDateVn(r.pupil.birthDate),
    },
    cell('heightCm', 0),
    cell('weightKg', 1),
    { title: t('health.grid.bmiBand'), key: 'growth', render: (_v, r) => <GrowthCells row={r} date={date} /> },
    cell('visionLeft', 2),
    cell('visionRight', 3),
    { title: t('health.grid.status'), key: 'status', width: 200, render: (_v, r) => <RowStatusCell row={r} /> },
  ];

  return (
    <div onBlur={focus.onBlurGrid}>
      <Typography.Paragraph>
        {t('health.classes.checked', { checked, total: rows.length, year: yearName })}
      </Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('health.classes.hint')}</Typography.Text>
        {pending > 0 && (
          <Button type="primary" onClick={() => void saveAll()}>
            {t('health.grid.saveAll', { count: pending })}
          </Button>
        )}
      </Flex>
      <Table<EntryRow>
        aria-label={t('health.grid.label', { name: className })}
        rowKey={(r) => r.pupil.id}
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        locale={{ emptyText: t('health.grid.empty') }}
        {...WIDE_TABLE}
      />
    </div>
  );
}
