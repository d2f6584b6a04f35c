/**
 * The bridge's `copyToFolder`: a backup leaves the server's disk for a folder or a removable drive the
 * user picks. The copy counts only once it has been read back from the drive and its SHA-256 matches
 * the one the server computed: a USB stick that lies about a write (or fills up) fails here, not on the
 * day the copy is needed. The renderer never names a folder; it hands over bytes and a file name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/api/envelope';
import { MESSAGES } from './messages';
import { fileToWriteFields } from './saveFile';
import { parseBridgeInput } from './validation';

export const copyToFolderRequestSchema = z.object({
  ...fileToWriteFields,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

function sha256Of(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A name not yet taken in the folder: an older copy on the drive is never overwritten. */
async function freeName(folder: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, n === 1 ? name : `${stem} (${n})${ext}`);
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
}

export async function copyToFolder(
  owner: BrowserWindow | null,
  raw: unknown,
): Promise<Result<{ path: string | null }>> {
  const parsed = parseBridgeInput(copyToFolderRequestSchema, raw);
  if (!parsed.ok) return parsed;
  const request = parsed.value;
  // What arrived must be what the server sent, before anything is written.
  if (sha256Of(request.data) !== request.sha256) return fail('rule_violation', MESSAGES.copyDamagedInTransit);
  const options: OpenDialogOptions = {
    title: MESSAGES.copyToFolderTitle,
    buttonLabel: MESSAGES.copyToFolderButton,
    properties: ['openDirectory', 'createDirectory'],
  };
  const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const folder = choice.filePaths[0];
  if (choice.canceled || !folder) return ok({ path: null });
  const target = await freeName(folder, request.suggestedName);
  const partial = `${target}.partial`;
  try {
    const handle = await fs.open(partial, 'wx');
    try {
      await handle.writeFile(request.data);
      // On a removable drive the bytes must reach the device before the user is told to unplug it.
      await handle.sync();
    } finally {
      await handle.close();
    }
    const written = await fs.readFile(partial);
    if (sha256Of(written) !== request.sha256) {
      return fail('internal', MESSAGES.copyNotVerified(target));
    }
    await fs.rename(partial, target);
  } catch (e) {
    return fail('internal', MESSAGES.cannotWriteFile(target, (e as Error).message));
  } finally {
    await fs.rm(partial, { force: true });
  }
  return ok({ path: target });
}
