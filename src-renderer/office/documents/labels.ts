/** How the documents screens name and colour statuses and kinds, and show instants and dates. */
import dayjs from 'dayjs';
import { DOCUMENT_KINDS, type DocumentStatus, type DocumentView } from '../../../src-shared/api/documents';
import { SCHOOL_TIME_ZONE, VN_DATE } from '../../../src-shared/domain/dates';
import type { Translate } from '../../i18n/LocaleContext';

export type DocumentKind = DocumentView['kind'];

export const STATUS_COLORS: Record<DocumentStatus, string> = {
  submitted: 'blue',
  signed: 'green',
  returned: 'red',
  withdrawn: 'default',
};

export function statusLabel(t: Translate, status: DocumentStatus): string {
  return t(`documents.status.${status}`);
}

export function kindLabel(t: Translate, kind: DocumentKind): string {
  return t(`documents.kind.${kind}`);
}

export function kindOptions(t: Translate): { value: DocumentKind; label: string }[] {
  return DOCUMENT_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }));
}

/** An instant as dd/MM/yyyy in the school's time zone. */
export function dateOf(instant: string): string {
  return dayjs(instant).tz(SCHOOL_TIME_ZONE).format(VN_DATE);
}

/** An instant as dd/MM/yyyy HH:mm in the school's time zone. */
export function dateTimeOf(instant: string): string {
  return dayjs(instant).tz(SCHOOL_TIME_ZONE).format(`${VN_DATE} HH:mm`);
}

/** The calendar year of today in the school's time zone (the register numbers by year of signing). */
export function currentYear(now: Date = new Date()): number {
  return Number(dayjs(now).tz(SCHOOL_TIME_ZONE).format('YYYY'));
}
