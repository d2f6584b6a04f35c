import type { core as viCore } from '../vi/core';

export const core: Record<keyof typeof viCore, string> = {
  'error.invalid_input': 'Invalid input',
  'error.invalid_input.field': 'Invalid input in field “{field}”: {message}',
  'error.invalid_json': 'The request body is not valid JSON',
  'error.body_too_large': 'The request body is too large (limit {limit})',
  'error.unsupported_media': 'The request body must be JSON (Content-Type: application/json)',
  'error.unauthenticated': 'You need to sign in',
  'error.session_expired': 'Your session has expired, please sign in again',
  'error.forbidden': 'You are not allowed to do this',
  'error.not_found': 'Not found',
  'error.procedure_not_found': 'There is no procedure “{name}”',
  'error.conflict': 'Someone else changed this data; please reload',
  'error.internal': 'Internal error; please try again or tell the administrator',

  'role.admin': 'Administrator',
  'role.principal': 'Principal',
  'role.clerk': 'Clerk',
  'role.teacher': 'Teacher',
  'role.medical': 'School nurse',

  'auth.bad_credentials': 'Wrong username or password',
  'auth.disabled': 'This account is disabled; contact the administrator',
  'auth.rate_limited': 'Too many failed sign-ins. Try again in {minutes} minutes',
  'auth.wrong_current_password': 'The current password is wrong',
  'auth.not_initialized': 'The school is not set up yet. Finish the first-run setup',

  'validation.username':
    'A username has 3–32 characters: lowercase letters without accents, digits, dot, underscore or dash',
  'validation.password': 'A password needs at least 8 characters',
  'validation.required': 'Required',
  'validation.schoolYearName': 'A school year looks like 2024-2025 (two consecutive years)',
  'validation.date': 'A date is written yyyy-MM-dd and must exist',
  'validation.schoolCode': 'A school code has only unaccented letters and digits (at most 20)',
  'validation.email': 'Invalid email address',
  'validation.phone': 'A phone number has 8–15 digits and may start with +',

  'users.username_taken': 'The username “{username}” is taken',
  'users.not_found': 'Account not found',
  'users.cannot_disable_self': 'You cannot disable your own account',
  'users.cannot_demote_self': 'You cannot change your own role',
  'users.last_admin': 'At least one active administrator must remain',

  'school.already_initialized': 'The school is already set up; first-run setup runs only once',
  'school.not_initialized': 'The school is not set up yet',
  'school.year_exists': 'School year {name} already exists',
  'school.year_not_found': 'School year not found',
  'school.year_dates_order': 'School-year dates must be in order: start ≤ term I < term II ≤ end',
  'school.year_dates_in_name': 'Start and end must fall within the two years of {name}',
  'school.year_in_use': 'The current school year cannot be deleted',

  'school.year_has_data': 'School year {name} already holds classes and data; it cannot be deleted',

  'jobs.not_found': 'Job not found',
  'jobs.cancelled': 'The job was cancelled',

  'backup.not_found': 'Backup “{name}” not found',
  'backup.not_sqlite': 'This file is not an SQLite database',
  'backup.not_truongso': 'This file is not a Trường Số database',
  'backup.newer_version': 'This file was written by a newer Trường Số; update the app before restoring it',
  'backup.integrity_failed': 'The backup is damaged (integrity check failed): {detail}',
  'backup.restore_failed': 'Restore failed; the current data is unchanged: {detail}',
  'backup.in_progress': 'Another backup or restore is running',

  'store.newer_version':
    'The database was written by a newer Trường Số ({dbVersion}); this version reads up to {appVersion}. Update the app.',
  'store.not_truongso': 'The file {file} is not a Trường Số database',

  'files.not_found': 'File not found',
  'files.too_large': 'The file is too large (limit {limit})',
};
