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

/** Zero-width space, non-joiner, joiner, word joiner and BOM: invisible, left behind by copy and paste. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/gu;
const EDGE_SPACE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/gu;
/**
 * Control characters a keyboard never types (NUL and the like), and halves of a broken UTF-16 pair.
 * Tab and line breaks are allowed only where the value may span lines.
 */
function hasForbiddenCharacter(value: string, lines: 'multi' | 'single'): boolean {
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    const lineBreakOrTab = c === 0x09 || c === 0x0a || c === 0x0d;
    if (c < 0x20 && !(lines === 'multi' && lineBreakOrTab)) return true;
    if ((c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/**
 * Text arrives in NFC whatever the keyboard or the pasted source produced: normalised here, once, with
 * the white space and zero-width characters around it removed. Tab and line breaks may stay (notes are
 * written in text areas); other control characters and broken Unicode are refused.
 */
export const textField = () =>
  z
    .string()
    .overwrite((v) => v.replace(EDGE_SPACE, ''))
    .normalize('NFC')
    .refine((v) => !hasForbiddenCharacter(v, 'multi'), { error: msg('validation.controlCharacters') });
export const requiredText = (max: number) =>
  textField()
    .min(1, { error: msg('validation.required') })
    .max(max);
export const optionalText = (max: number) => textField().max(max).default('');

/** A person's name: one line, zero-width characters removed, with a letter, and no accent standing alone. */
const personNameText = (max: number) =>
  z
    .string()
    .overwrite((v) => v.replace(ZERO_WIDTH, '').trim())
    .normalize('NFC')
    .max(max)
    .refine((v) => !hasForbiddenCharacter(v, 'single'), { error: msg('validation.controlCharacters'), abort: true })
    .refine((v) => v === '' || /\p{L}/u.test(v), { error: msg('validation.nameLetter'), abort: true })
    // A combining mark after a space or at the start has no letter to sit on: what is left of a name
    // whose letters were lost.
    .refine((v) => !/(^|\s)\p{M}/u.test(v), { error: msg('validation.nameLoneMark') });
export const personName = (max = 100) =>
  personNameText(max).refine((v) => v !== '', { error: msg('validation.required') });
export const optionalPersonName = (max = 100) => personNameText(max).default('');

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
