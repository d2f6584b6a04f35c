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
  'error.bad_request': 'The request is malformed',
  'error.bad_url': 'The request address is not valid',
  'error.url_too_long': 'The request address is too long',
  'error.request_head_too_large': 'The request address or headers are too long',
  'error.request_timeout': 'The request arrived too slowly and was cut off; please try again',
  'error.foreign_origin': 'This connection may only be opened from Trường Số’s own pages',

  'role.admin': 'Administrator',
  'role.principal': 'Principal',
  'role.clerk': 'Clerk',
  'role.teacher': 'Teacher',
  'role.medical': 'School nurse',

  'auth.bad_credentials': 'Wrong username or password',
  'auth.disabled': 'This account is disabled; contact the administrator',
  'auth.rate_limited.pair':
    'Too many wrong passwords for this account from this computer. Try again in {minutes} minutes or ask the administrator to reset the password',
  'auth.rate_limited.address':
    'Too many failed sign-ins from this network address (several computers of the school may share it). Every account signing in from it must wait {minutes} minutes',
  'auth.rate_limited.account':
    'Sign-in to this account is paused after too many wrong passwords from several computers. Try again in {minutes} minutes or tell the administrator',
  'auth.wrong_current_password': 'The current password is wrong',
  'auth.must_change_password': 'Change your temporary password before you continue.',
  'auth.not_initialized': 'The school is not set up yet. Finish the first-run setup',

  'validation.username':
    'A username has 3–32 characters: lowercase letters without accents, digits, dot, underscore or dash',
  'validation.password': 'A password needs at least 8 characters',
  'validation.required': 'Required',
  'validation.controlCharacters':
    'Contains characters that are not allowed (control characters such as NUL, or broken Unicode); type it again',
  'validation.nameLetter': 'A name must contain at least one letter',
  'validation.nameLoneMark': 'The name has an accent mark standing alone, not on a letter; type it again',
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

  'validation.code': 'Not a code of the list',
  'validation.backupKeep': 'Copies to keep must be 1 to 365 (keeping 0 would leave no backup at all)',
  'validation.sectorId': 'A sector (MOET) ID has 10–20 digits or unaccented letters',
  'validation.personalId': 'A personal ID has exactly 12 digits',
  'validation.sex': 'Choose the sex',
  'validation.birthDateFuture': 'A birth date cannot be after today',
  'validation.pupilAge': 'A pupil’s birth date must be 3 to 20 years before the school year starts',
  'validation.staffAge': 'Staff must be 16 to 80 years old',
  'validation.country': 'Choose the nationality from the list',
  'validation.dateImpossible': 'There is no date {date}',
  'validation.dateFormat': 'Type the date as day/month/year, e.g. 05/09/2020',
  'validation.className': 'A class name starts with its grade (1–5), e.g. 1A, 5B',

  'records.personal_id.format': 'Personal ID {id} must have exactly 12 digits',
  'records.personal_id.province': 'Personal ID {id}: the first 3 digits are not a province code',
  'records.personal_id.sex': 'Personal ID {id} does not match the sex (4th digit)',
  'records.personal_id.year': 'Personal ID {id} does not match the year of birth (4th to 6th digits)',
  'records.sector_id_taken': 'Sector ID {id} already belongs to {name}',
  'records.personal_id_taken': 'Personal ID {id} already belongs to {name}',
  'records.sector_id_immutable': 'A sector ID issued by the Ministry cannot be changed once set',
  'records.pupil_not_found': 'Pupil not found',
  'records.class_not_found': 'Class not found',
  'records.class_other_year': 'Class {name} is not in the current school year',
  'records.class_name_taken': 'This school year already has a class {name}',
  'records.class_grade_mismatch': 'Class name {name} does not match grade {grade}',
  'records.class_has_pupils':
    'Class {name} has {count} pupils. Deleting it removes them from the class; please confirm',
  'records.staff_not_found': 'Staff member not found',
  'records.staff_in_use':
    '{name} is homeroom teacher of {classes} classes and teaches {assignments} subjects. Deleting leaves them without a teacher; please confirm',
  'records.room_not_found': 'Room not found',
  'records.room_in_use':
    'Room {name} is used by class {classes}. Deleting leaves those classes without a room; please confirm',
  'records.room_code_taken': 'Room code {code} already exists',
  'records.no_current_year': 'No current school year; choose one under Administration › School & years',
  'records.not_present': '{name} is no longer at the school',
  'records.already_present': '{name} is at the school',
  'records.undo_no_leaving': 'The last change to {name} was not a transfer out or drop-out: there is nothing to undo',
  'records.undo_no_earlier_status':
    'The transfer out or drop-out of {name} was recorded before undo existed; use Readmit',
  'records.undo_other_day': 'It can be undone only on the day it was recorded ({date}); from the next day, use Readmit',
  'records.undo_changed_since':
    'The record of {name} changed after the transfer out or drop-out, so it cannot be undone; use Readmit',
  'records.date_outside_year': 'Date {date} is outside school year {year}',
  'records.date_before_enrolment': 'Date {date} is before the pupil joined the current class ({start})',
  'records.same_class': '{name} is already in class {className}',
  'records.subject_not_in_grade': 'Subject {subject} is not taught in grade {grade}',
  'records.user_linked': 'This account is already linked to {name}',
  'records.user_not_found': 'The account to link was not found',

  'records.import_file': '{detail}',
  'records.import_class_missing': 'No class given',
  'records.import_class_unknown': 'There is no class “{name}” in school year {year}',
  'records.import_grade_mismatch': 'Grade {grade} does not match class {name}',
  'records.import_reading': 'Reading the file',
  'records.import_checking': 'Checking {rows} rows',
  'records.import_writing': 'Writing {rows} rows',
  'records.export_writing': 'Writing the Excel file',
  'records.file_not_yours': 'The uploaded file was not found',

  'records.promotion_year_order': 'School year {to} must start after school year {from} ends',
  'records.promotion_missing': 'No decision for {name} (class {className})',
  'records.promotion_already_placed': '{name} already has a class in school year {year}',
  'records.promotion_promote_grade':
    '{name} of class {className} finished grade 5: choose “completes primary school” or “repeats”',
  'records.promotion_complete_grade':
    '{name} of class {className} is not in grade 5, so cannot complete primary school yet',

  'jobs.not_found': 'Job not found',
  'jobs.cancelled': 'The job was cancelled',
  'jobs.worker_out_of_memory': 'The file is too large or unusual to process',

  'backup.not_found': 'Backup “{name}” not found',
  'backup.not_sqlite': 'This file is not an SQLite database',
  'backup.not_truongso': 'This file is not a Trường Số database',
  'backup.newer_version': 'This file was written by a newer Trường Số; update the app before restoring it',
  'backup.integrity_failed': 'The backup is damaged (integrity check failed): {detail}',
  'backup.restore_failed': 'Restore failed; the current data is unchanged: {detail}',
  'backup.copy_mismatch': 'The copy of “{name}” does not match the backup on the server; copy it again',
  'backup.in_progress': 'Another backup or restore is running',

  'store.newer_version':
    'The database was written by a newer Trường Số ({dbVersion}); this version reads up to {appVersion}. Update the app.',
  'store.not_truongso': 'The file {file} is not a Trường Số database',

  'files.not_found': 'File not found',
  'files.too_large': 'The file is too large (limit {limit})',
  'files.too_large.import': 'The file is too large: an Excel list to import may be at most {limit}',
  'files.too_large.document': 'The file is too large: a document may be at most {limit}',
  'files.too_large.certificate': 'The file is too large: a certificate or signature file may be at most {limit}',
  'files.too_large.image': 'The file is too large: a signature image may be at most {limit}',
  'files.too_large.backup': 'The file is too large: a backup may be at most {limit}',
  'files.unknown_purpose': 'Unknown purpose of the upload (“{purpose}”); accepted: {purposes}',
  'files.not_octet_stream': 'The file must be sent as is (Content-Type: application/octet-stream)',
  'files.too_many_uploads':
    'You are uploading {max} files at once, the most allowed. Wait for them to finish and try again',
  'files.too_much_in_flight':
    'The files you are uploading at once would exceed {limit}. Wait for them to finish and try again',
};
