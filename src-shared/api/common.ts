/** Schemas shared by several capabilities. */
import { z } from 'zod';
import { msg } from '../i18n';
import { isValidIsoDate } from '../domain/dates';

export const empty = z.strictObject({});
export const id = z.number().int().positive();
export const version = z.number().int().nonnegative();

export const isoDate = z.string().refine(isValidIsoDate, { error: msg('validation.date') });
/** Instants travel as ISO 8601 strings in UTC. */
export const isoDateTime = z.iso.datetime({ offset: true });

/** Text arrives in NFC whatever the keyboard or the pasted source produced: normalised here, once. */
export const requiredText = (max: number) =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .min(1, { error: msg('validation.required') })
    .max(max);
export const optionalText = (max: number) => z.string().trim().normalize('NFC').max(max).default('');

export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, { error: msg('validation.username') });
export const newPassword = z
  .string()
  .min(8, { error: msg('validation.password') })
  .max(200);

export const email = z.union([z.literal(''), z.email({ error: msg('validation.email') })]).default('');
export const phone = z
  .string()
  .trim()
  .regex(/^(\+?[0-9 .]{8,20})?$/, { error: msg('validation.phone') })
  .default('');

export const jobStarted = z.strictObject({ jobId: z.string() });
