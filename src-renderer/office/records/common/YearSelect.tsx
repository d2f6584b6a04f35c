/** Chooses the school year a page shows; the current year is marked. */
import { Select } from 'antd';
import type { SchoolYear } from '../../../../src-shared/api/school';
import { useT } from '../../../i18n/LocaleContext';

export function YearSelect({
  years,
  value,
  onChange,
}: {
  years: SchoolYear[];
  value: number | undefined;
  onChange(id: number): void;
}) {
  const t = useT();
  return (
    <Select<number>
      virtual={false}
      aria-label={t('year.name')}
      value={value}
      onChange={onChange}
      style={{ minWidth: 190 }}
      options={years.map((y) => ({
        value: y.id,
        label: y.isCurrent ? t('year.optionCurrent', { name: y.name }) : t('year.option', { name: y.name }),
      }))}
    />
  );
}
