/** Chooses a class by its label ("Lớp 1A"), which can be typed to find it. */
import { Select, type SelectProps } from 'antd';
import type { ClassRow } from '../../../../src-shared/api/records';
import { useT } from '../../../i18n/LocaleContext';

export function ClassSelect({
  classes,
  ...props
}: { classes: readonly ClassRow[] } & Omit<SelectProps<number>, 'options'>) {
  const t = useT();
  return (
    <Select<number>
      virtual={false}
      showSearch={{ optionFilterProp: 'label' }}
      options={classes.map((c) => ({ value: c.id, label: t('class.label', { name: c.name }) }))}
      {...props}
    />
  );
}
