/**
 * What the two registers (sổ văn bản đi, đến) share: their filters kept in the address (the year, as
 * both number from 1 each calendar year, defaulting to this year with "all years" as a choice; the
 * search), and the table with its load error.
 */
import { useMemo } from 'react';
import { Select, Table, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../../i18n/LocaleContext';
import { WIDE_TABLE } from '../../layout/wideTable';
import { currentYear } from '../labels';

/** How many past years the year filter offers. */
const YEARS_BACK = 5;

export function parseYear(value: string | null, fallback: number): number | undefined {
  if (value === 'all') return undefined;
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : fallback;
}

export function YearSelect({
  year,
  thisYear,
  onChange,
}: {
  year: number | undefined;
  thisYear: number;
  onChange(value: string): void;
}) {
  const t = useT();
  const years = useMemo(() => {
    const list = Array.from({ length: YEARS_BACK + 1 }, (_v, i) => thisYear - i);
    if (year !== undefined && !list.includes(year)) list.push(year);
    return list.sort((a, b) => b - a);
  }, [thisYear, year]);
  return (
    <Select<number | 'all'>
      virtual={false}
      aria-label={t('documentsUi.register.year')}
      value={year ?? 'all'}
      onChange={(v) => onChange(String(v))}
      style={{ minWidth: 140 }}
      options={[
        { value: 'all', label: t('documentsUi.register.allYears') },
        ...years.map((y) => ({ value: y, label: t('documentsUi.register.yearOption', { year: y }) })),
      ]}
    />
  );
}

/** The register's filters from the address, and the setter that keeps them there. */
export function useRegisterFilters() {
  const [params, setParams] = useSearchParams();
  const thisYear = currentYear();
  const year = parseYear(params.get('year'), thisYear);
  const search = params.get('q')?.trim() ?? '';
  const setParam = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  return { params, thisYear, year, search, setParam };
}

/** A register's lines: 50 a page, scrolling inside its box, a failed reload said above the old lines. */
export function RegisterTable<T extends { id: number }>({
  label,
  emptyText,
  columns,
  rows,
  loading,
  error,
}: {
  label: string;
  emptyText: string;
  columns: TableColumnsType<T>;
  rows: readonly T[];
  loading: boolean;
  /** A reload's failure while earlier lines are still shown. */
  error: string | null;
}) {
  return (
    <>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      <Table<T>
        aria-label={label}
        rowKey="id"
        columns={columns}
        dataSource={[...rows]}
        loading={loading}
        size="small"
        bordered
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        {...WIDE_TABLE}
        locale={{ emptyText }}
      />
    </>
  );
}
