/**
 * Putting the server's error envelope onto forms. Field problems arrive in two shapes: validation
 * issues as `details.fields[]`, and a rule broken by one field (a taken username, a wrong current
 * password) as `details.field` beside the message.
 */
import type { FormInstance } from 'antd';
import type { ApiError, FieldIssue } from '../../src-shared/api/envelope';

export function fieldIssues(error: ApiError): FieldIssue[] {
  const details = error.details;
  if (!details) return [];
  if (Array.isArray(details.fields)) return details.fields.filter((f) => f.field !== '');
  if (typeof details.field === 'string' && details.field !== '')
    return [{ field: details.field, message: error.message }];
  return [];
}

export type FieldPath = (string | number)[];

/**
 * Shows each issue under its field; `toFormPath` maps a server path ('school.name') to the form's
 * name path, or null for a field the form does not have. Returns the issues the form could show.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: ApiError,
  toFormPath: (field: string) => FieldPath | null = (field) => field.split('.'),
): FieldIssue[] {
  const shown: FieldIssue[] = [];
  const fields: { name: FieldPath; errors: string[] }[] = [];
  for (const issue of fieldIssues(error)) {
    const name = toFormPath(issue.field);
    if (!name) continue;
    const existing = fields.find((f) => f.name.join('.') === name.join('.'));
    if (existing) existing.errors.push(issue.message);
    else fields.push({ name, errors: [issue.message] });
    shown.push(issue);
  }
  if (fields.length > 0) form.setFields(fields);
  return shown;
}
