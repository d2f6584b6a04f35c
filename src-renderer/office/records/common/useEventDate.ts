/**
 * Fills a dialog's date field with defaultEventDate() once the current school year is known; a dialog
 * whose date the user must choose passes no field.
 */
import { useEffect } from 'react';
import type { FormInstance } from 'antd';
import { defaultEventDate } from './dates';
import { useSchoolYears } from './useSchoolYears';

export function useEventDate(form: FormInstance, field: string | null): void {
  const { current } = useSchoolYears();
  const start = current?.startDate;
  useEffect(() => {
    // The user's own choice is never overwritten.
    if (field && start && !form.isFieldTouched(field)) form.setFieldValue(field, defaultEventDate(start));
  }, [form, field, start]);
}
