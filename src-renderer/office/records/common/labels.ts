/** Names for the records' fixed values (room types, staff groups, class history, events) in the screen language. */
import type { CONSTRUCTIONS, GUARDIAN_RELATIONS, ROOM_TYPES, STAFF_GROUPS } from '../../../../src-shared/api/records';
import type { Translate } from '../../../i18n/LocaleContext';
import { isMessageKey } from '../../admin/audit/auditLabels';

export type RoomType = (typeof ROOM_TYPES)[number];
export type Construction = (typeof CONSTRUCTIONS)[number];
export type StaffGroup = (typeof STAFF_GROUPS)[number];
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];
export type Sex = 'male' | 'female';

/** NoiChuyenDi of the sector database: where a pupil who leaves goes. */
export const DESTINATIONS = ['01', '02', '03'] as const;
export type Destination = (typeof DESTINATIONS)[number];

function labelOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

export const sexLabel = (t: Translate, sex: string) => labelOr(t, `sex.${sex}`, sex);
export const roomTypeLabel = (t: Translate, type: string) => labelOr(t, `room.type.${type}`, type);
export const constructionLabel = (t: Translate, c: string) => labelOr(t, `room.construction.${c}`, c);
export const staffGroupLabel = (t: Translate, g: string) => labelOr(t, `staff.group.${g}`, g);
export const relationLabel = (t: Translate, r: string) => labelOr(t, `guardian.relation.${r}`, r);
export const entryLabel = (t: Translate, e: string) => labelOr(t, `enrolment.entry.${e}`, e);
export const exitLabel = (t: Translate, e: string) => labelOr(t, `enrolment.exit.${e}`, e);
export const eventLabel = (t: Translate, kind: string) => labelOr(t, `pupilEvent.${kind}`, kind);
export const destinationLabel = (t: Translate, d: string) => labelOr(t, `destination.${d}`, d);

export function options<V extends string>(values: readonly V[], label: (t: Translate, v: V) => string, t: Translate) {
  return values.map((value) => ({ value, label: label(t, value) }));
}
