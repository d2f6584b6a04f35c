/**
 * Saving a file of the server's file store (an export, an import's error report) on this PC.
 * The bytes are fetched through the client, then handed to the desktop's save dialog when there is one,
 * else to the browser as a download.
 */
import type { ProcedureClient } from '../api/client';
import type { Result } from '../../src-shared/api/envelope';
import { desktopBridge } from './bridge';

export type DownloadOutcome = 'saved' | 'cancelled';

const EXTENSION_FILTERS: Record<string, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

/** Downloads a stored file under `name`; in the desktop app the user picks where to save it. */
export async function downloadFile(
  client: ProcedureClient,
  fileId: number,
  name: string,
): Promise<Result<DownloadOutcome>> {
  const file = await client.fetchFile(fileId);
  if (!file.ok) return file;
  const bridge = desktopBridge();
  if (bridge) {
    const extension = name.split('.').pop()?.toLowerCase() ?? '';
    const filter = EXTENSION_FILTERS[extension];
    const saved = await bridge.saveFile({
      suggestedName: name,
      data: new Uint8Array(await file.value.arrayBuffer()),
      ...(filter ? { filters: [filter] } : {}),
    });
    if (!saved.ok) return saved;
    return { ok: true, value: saved.value.path === null ? 'cancelled' : 'saved' };
  }
  saveInBrowser(file.value, name);
  return { ok: true, value: 'saved' };
}

/** Hands bytes already fetched to the browser as a download named `name`. */
export function saveInBrowser(data: Blob, name: string): void {
  const url = URL.createObjectURL(data);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click starts the download synchronously; the object URL can go once the event loop moves on.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
