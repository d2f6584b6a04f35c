/** Fills a dialog's date field with defaultEventDate() once the current school year is known. */
import { useEffect } from 'react';
import type { FormInstance } from 'antd';
import { defaultEventDate } from './dates';
import { useSchoolYears } from './useSchoolYears';

export function useEventDate(form: FormInstance, field: string): void {
  const { current } = useSchoolYears();
  const start = current?.startDate;
  useEffect(() => {
    // The user's own choice is never overwritten.
    if (start && !form.isFieldTouched(field)) form.setFieldValue(field, defaultEventDate(start));
  }, [form, field, start]);
}
