/**
 * The date of a pupil's move or departure, typed dd/MM/yyyy and never empty. The dialog fills it
 * with useEventDate, unless the user must choose it.
 */
import { DateField } from '../../common/DateInput';

export function EventDateField({ label, placeholder }: { label: string; placeholder?: string }) {
  return <DateField label={label} name="date" required placeholder={placeholder} />;
}
