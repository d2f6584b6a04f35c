/** Names of the facilities' fixed values in the screen language, and the room choices of the forms. */
import type {
  COMPUTER_KINDS,
  COMPUTER_PURPOSES,
  EQUIPMENT_CATEGORIES,
  EQUIPMENT_CONDITIONS,
  RoomView,
} from '../../../../src-shared/api/records';
import type { MessageKey } from '../../../../src-shared/i18n';
import type { Translate } from '../../../i18n/LocaleContext';

export type Category = (typeof EQUIPMENT_CATEGORIES)[number];
export type Condition = (typeof EQUIPMENT_CONDITIONS)[number];
export type ComputerKind = (typeof COMPUTER_KINDS)[number];
export type Purpose = (typeof COMPUTER_PURPOSES)[number];

export const categoryLabel = (t: Translate, c: Category) => t(`facilities.category.${c}` as MessageKey);
export const conditionLabel = (t: Translate, c: Condition) => t(`facilities.condition.${c}` as MessageKey);
export const kindLabel = (t: Translate, k: ComputerKind) => t(`facilities.kind.${k}` as MessageKey);
export const purposeLabel = (t: Translate, p: Purpose) => t(`facilities.purpose.${p}` as MessageKey);

export const CONDITION_COLORS: Record<Condition, string> = { good: 'green', needs_repair: 'gold', broken: 'red' };

/** "TH01 — Phòng Tin học": the code is what is painted on the door, the name what people say. */
export function roomLabel(code: string | null, name: string | null, t: Translate): string {
  return code === null ? t('facilities.noRoom') : `${code} — ${name ?? ''}`;
}

export function roomOptions(rooms: readonly RoomView[]) {
  return rooms.map((r) => ({ value: r.id, label: `${r.code} — ${r.name}` }));
}

/** A room filter's value: a room id, 'none' for what is in no room, or undefined for everything. */
export type RoomFilter = number | 'none' | undefined;

export function roomFilterInput(value: RoomFilter): { roomId?: number | null } {
  if (value === undefined) return {};
  return { roomId: value === 'none' ? null : value };
}
