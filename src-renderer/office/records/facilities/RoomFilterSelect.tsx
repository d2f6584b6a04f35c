/** Which room's things to show: every room, one room, or what is in no room. */
import { Select } from 'antd';
import type { RoomView } from '../../../../src-shared/api/records';
import { useT } from '../../../i18n/LocaleContext';
import { roomOptions, type RoomFilter } from './labels';

const NONE = 'none';

export function RoomFilterSelect({
  rooms,
  value,
  onChange,
}: {
  rooms: RoomView[];
  value: RoomFilter;
  onChange(value: RoomFilter): void;
}) {
  const t = useT();
  return (
    <Select<number | typeof NONE>
      virtual={false}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={t('facilities.room')}
      placeholder={t('facilities.allRooms')}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      options={[{ value: NONE, label: t('facilities.noRoom') }, ...roomOptions(rooms)]}
      style={{ width: 260 }}
    />
  );
}
