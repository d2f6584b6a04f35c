/**
 * The one date field of the office screens. People type dates as they write them — 1/1/2020, 01012020,
 * 1-1-2020, or 2020-01-01 pasted from elsewhere — and the field reads them when they leave it or press
 * Enter, then shows dd/MM/yyyy. Text that is no date, or a date that does not exist (31/02/2020), stays
 * as typed with a message under the field instead of vanishing; the calendar button picks a day.
 *
 * In a Form.Item, the value is a dayjs date, null when empty, or an UnreadDate while the text cannot
 * be read: `dateRules` (or DateField) turns the last into the field's error, so such a form is never
 * sent with the date it showed before.
 */
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Button, Calendar, Form, Input, Popover } from 'antd';
import type { Rule } from 'antd/es/form';
import type { NamePath } from 'antd/es/form/interface';
import { CalendarOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ISO_DATE, parseTypedDate, VN_DATE } from '../../../src-shared/domain/dates';
import { useT } from '../../i18n/LocaleContext';

/** Text in a date field that is no date: kept so that the message can quote it and the user fix it. */
export class UnreadDate {
  constructor(
    readonly text: string,
    readonly problem: 'format' | 'impossible',
  ) {}
}

export type DateValue = Dayjs | UnreadDate | null | undefined;

function shown(value: DateValue): string {
  if (value instanceof UnreadDate) return value.text;
  return value && value.isValid() ? value.format(VN_DATE) : '';
}

/** What typed text means: a date, nothing (empty), or text that could not be read. */
export function readDateText(text: string): Dayjs | UnreadDate | null {
  if (text.trim() === '') return null;
  const typed = parseTypedDate(text);
  return typed.ok ? dayjs(typed.iso, ISO_DATE) : new UnreadDate(text.trim(), typed.problem);
}

function sameValue(a: DateValue, b: DateValue): boolean {
  if (a instanceof UnreadDate || b instanceof UnreadDate) return a === b;
  if (!a || !b) return !a && !b;
  return a.isSame(b, 'day');
}

export interface DateInputProps {
  id?: string;
  value?: DateValue;
  onChange?(value: Dayjs | UnreadDate | null): void;
  disabled?: boolean;
  placeholder?: string;
  /** Days the calendar greys out; a typed date is checked by the form's rules instead. */
  disabledDate?(date: Dayjs): boolean;
  /** The month the calendar shows while the field is empty (a birth date's is years back); today by default. */
  calendarStart?(): Dayjs;
  'aria-label'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-required'?: boolean | 'true' | 'false';
}

export function DateInput({
  value,
  onChange,
  disabled,
  placeholder,
  disabledDate,
  calendarStart,
  ...inputProps
}: DateInputProps) {
  const t = useT();
  const [text, setText] = useState(() => shown(value));
  const [open, setOpen] = useState(false);
  // The month on show is the calendar's own, so that its month and year selectors can move it.
  const [panel, setPanel] = useState<Dayjs>(() => dayjs());

  // A value set from outside (a default date, a reset, the calendar) replaces what the field shows.
  useEffect(() => {
    setText((current) => (sameValue(readDateText(current), value) ? current : shown(value)));
  }, [value]);

  const commit = () => {
    const read = readDateText(text);
    if (read && !(read instanceof UnreadDate)) setText(read.format(VN_DATE));
    if (!sameValue(read, value)) onChange?.(read);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Read before the form sees Enter, so that a submit sends the date just typed.
    if (event.key === 'Enter') commit();
  };

  const openCalendar = (next: boolean) => {
    if (next) {
      const current = value && !(value instanceof UnreadDate) && value.isValid() ? value : undefined;
      setPanel(current ?? calendarStart?.() ?? dayjs());
    }
    setOpen(next);
  };

  const calendar = (
    <div style={{ width: 300 }}>
      <Calendar
        fullscreen={false}
        value={panel}
        onChange={setPanel}
        disabledDate={disabledDate}
        onSelect={(date, { source }) => {
          if (source !== 'date') return;
          setText(date.format(VN_DATE));
          onChange?.(date.startOf('day'));
          setOpen(false);
        }}
      />
    </div>
  );

  return (
    <Input
      {...inputProps}
      value={text}
      disabled={disabled}
      placeholder={placeholder ?? t('common.datePlaceholder')}
      autoComplete="off"
      inputMode="numeric"
      maxLength={20}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={onKeyDown}
      suffix={
        <Popover
          content={calendar}
          trigger="click"
          open={open && !disabled}
          onOpenChange={openCalendar}
          placement="bottomRight"
        >
          <Button
            type="text"
            size="small"
            icon={<CalendarOutlined />}
            aria-label={t('common.openCalendar')}
            disabled={disabled}
            tabIndex={-1}
          />
        </Popover>
      }
    />
  );
}

/**
 * The rules of a date field: unreadable text is an error that quotes it; `required` adds the message
 * for an empty field.
 */
export function useDateRules(required: boolean): Rule[] {
  const t = useT();
  return [
    ...(required ? [{ required: true, message: t('year.dateRequired') }] : []),
    {
      validator: (_: unknown, value: DateValue) => {
        if (!(value instanceof UnreadDate)) return Promise.resolve();
        return Promise.reject(
          new Error(
            value.problem === 'impossible'
              ? t('validation.dateImpossible', { date: value.text })
              : t('validation.dateFormat'),
          ),
        );
      },
    },
  ];
}

export interface DateFieldProps extends Omit<DateInputProps, 'id' | 'value' | 'onChange'> {
  label: ReactNode;
  name: NamePath;
  required?: boolean;
  extra?: ReactNode;
  /** More checks of a readable date (a birth date's range, a day inside the school year). */
  rules?: Rule[];
}

/** A form's date field: the label, the DateInput and its rules, as every date field of a form has them. */
export function DateField({ label, name, required = false, extra, rules = [], ...input }: DateFieldProps) {
  const dateRules = useDateRules(required);
  return (
    <Form.Item label={label} name={name} extra={extra} rules={[...dateRules, ...rules]}>
      <DateInput {...input} />
    </Form.Item>
  );
}
