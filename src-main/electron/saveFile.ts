/**
 * The bridge's `saveFile`: the renderer hands over bytes it already has (an export, a report) and
 * the user picks where they go. The renderer never names a path itself; it only suggests a file name.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/api/envelope';
import { MESSAGES } from './messages';
import { parseBridgeInput } from './validation';

/** The same ceiling as an upload to the file store. */
export const MAX_SAVE_BYTES = 200 * 1024 * 1024;

// Characters Windows refuses in file names, and control characters anywhere.
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** A bare file name: no folders, no characters Windows refuses, never "." or "..". */
export function safeFileName(suggested: string): string | null {
  const base = suggested.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(UNSAFE_NAME_CHARS, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (cleaned === '' || /^\.+$/.test(cleaned)) return null;
  return cleaned.slice(0, 200);
}

/** A file the renderer hands over to be written on this PC: its safe name and its bytes. */
export const fileToWriteFields = {
  suggestedName: z
    .string()
    .max(1000)
    .transform((value, ctx) => {
      const name = safeFileName(value);
      if (name === null) {
        ctx.addIssue({ code: 'custom', message: MESSAGES.badFileName });
        return z.NEVER;
      }
      return name;
    }),
  data: z
    .instanceof(Uint8Array)
    .refine((data) => data.byteLength <= MAX_SAVE_BYTES, { message: MESSAGES.fileTooLarge }),
};

export const saveFileRequestSchema = z.object({
  ...fileToWriteFields,
  filters: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        extensions: z
          .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/))
          .min(1)
          .max(20),
      }),
    )
    .max(20)
    .optional(),
});

export type ValidSaveFileRequest = z.output<typeof saveFileRequestSchema>;

function defaultFolder(): string | null {
  try {
    return app.getPath('documents');
  } catch {
    // Some Linux desktops have no Documents folder; the dialog then starts where it likes.
    return null;
  }
}

export async function saveFile(owner: BrowserWindow | null, raw: unknown): Promise<Result<{ path: string | null }>> {
  const parsed = parseBridgeInput(saveFileRequestSchema, raw);
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  const folder = defaultFolder();
  const options: SaveDialogOptions = {
    defaultPath: folder ? path.join(folder, request.suggestedName) : request.suggestedName,
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
  if (request.filters) options.filters = request.filters;
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return ok({ path: null });
  try {
    await fs.writeFile(choice.filePath, request.data);
  } catch (e) {
    return fail('internal', MESSAGES.cannotWriteFile(choice.filePath, (e as Error).message));
  }
  return ok({ path: choice.filePath });
}
