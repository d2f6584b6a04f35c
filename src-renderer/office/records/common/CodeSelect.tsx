/**
 * Chooses from one of the sector database's code lists: people read the names and may type one
 * (without diacritics) or the code to find it. An optional code can be cleared back to "not set".
 */
import { Select, type SelectProps } from 'antd';
import type { Code } from '../../../../src-shared/domain/codeLists';
import { useT } from '../../../i18n/LocaleContext';
import { codeOptions, filterByLabel } from './codeOptions';

export function CodeSelect({
  list,
  optional = false,
  ...props
}: { list: readonly Code[]; optional?: boolean } & Omit<SelectProps<string>, 'options'>) {
  const t = useT();
  return (
    <Select<string>
      virtual={false}
      allowClear={optional}
      placeholder={optional ? t('common.notSet') : undefined}
      showSearch={{ filterOption: filterByLabel }}
      options={codeOptions(list)}
      {...props}
    />
  );
}
