/**
 * The dialog of one of a pupil's status changes (chuyển đi, thôi học, nhận lại): its date, its own
 * fields, a note. Field errors go under the fields; a stale version closes the dialog and reloads
 * the profile with the news. A leaving is the user's own decision: its dialog opens empty and its red
 * button stays off until the date and the other choices are made (`userChooses`).
 */
import type { ReactNode } from 'react';
import { Alert, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Result } from '../../../../src-shared/api/envelope';
import type { PupilView } from '../../../../src-shared/api/records';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { useFormSave } from '../../common/useFormSave';
import { toIso, today } from '../common/dates';
import { EventDateField } from '../common/EventDateField';
import { NoteField } from '../common/NoteField';
import { useEventDate } from '../common/useEventDate';

export interface PupilEventValues {
  date: Dayjs;
  note?: string;
}

/** What every status change sends: the pupil and the version it was made on, its date and note. */
export interface PupilEvent {
  id: number;
  version: number;
  date: string;
  note: string;
}

export function PupilEventModal<V extends PupilEventValues>({
  pupil,
  title,
  okText,
  danger,
  dateLabel,
  doneText,
  initialValues,
  userChooses,
  hint,
  send,
  onClose,
  onDone,
  children,
}: {
  pupil: PupilView;
  title: string;
  okText: string;
  danger?: boolean;
  dateLabel: string;
  /** The message once the change is recorded. */
  doneText: string;
  /** The first values of the change's own fields (the date's is today, then useEventDate's). */
  initialValues?: Partial<V>;
  /** Fields that open empty and must be filled before OK works; with 'date', the date is not filled in. */
  userChooses?: readonly (keyof V & string)[];
  /** A line above the fields saying what the user must choose. */
  hint?: string;
  send(event: PupilEvent, values: V): Promise<Result<unknown>>;
  onClose(): void;
  onDone(): void;
  /** The change's own fields, shown between the date and the note. */
  children: ReactNode;
}) {
  const t = useT();
  const [form] = Form.useForm<V>();
  const datePicked = userChooses?.includes('date') ?? false;
  useEventDate(form, datePicked ? null : 'date');
  const chosen = Form.useWatch(
    (values: Partial<V>) => (userChooses ?? []).every((field) => hasValue(values[field])),
    form,
  );
  const { busy, error, save } = useFormSave(form);

  const submit = (values: V) =>
    save({
      send: () =>
        send(
          { id: pupil.id, version: pupil.version, date: toIso(values.date), note: values.note?.trim() ?? '' },
          values,
        ),
      savedText: () => doneText,
      onSaved: onDone,
      onConflict: onDone,
    });

  return (
    <FormModal<V>
      open
      form={form}
      title={title}
      okText={okText}
      danger={danger}
      okDisabled={!chosen}
      busy={busy}
      error={error}
      initialValues={{ ...(datePicked ? {} : { date: today() }), ...initialValues } as Partial<V>}
      onCancel={onClose}
      onFinish={(v) => void submit(v)}
    >
      {hint && <Alert type="info" showIcon title={hint} style={{ marginBottom: 16 }} />}
      <EventDateField label={dateLabel} placeholder={datePicked ? t('pupils.chooseDate') : undefined} />
      {children}
      <NoteField name="note" label={t('pupils.note')} />
    </FormModal>
  );
}

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}
