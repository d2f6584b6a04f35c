/**
 * What the two registers (sổ văn bản đi, đến) share: the year filter kept in the address (both number
 * from 1 each calendar year), defaulting to this year, with "all years" as a choice.
 */
import { useMemo } from 'react';
import { Select } from 'antd';
import { useT } from '../../../i18n/LocaleContext';

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
