/** Saving a document's file on this PC (lib/download), with the button spinning while it comes. */
import { useCallback, useState } from 'react';
import { App } from 'antd';
import { useClient } from '../../../lib/ClientContext';
import { downloadFile } from '../../../lib/download';

export interface FileDownload {
  /** The id of the file on its way, or null. */
  busyId: number | null;
  download(fileId: number, name: string): Promise<void>;
}

export function useFileDownload(): FileDownload {
  const client = useClient();
  const { message } = App.useApp();
  const [busyId, setBusyId] = useState<number | null>(null);
  const download = useCallback(
    async (fileId: number, name: string) => {
      setBusyId(fileId);
      const saved = await downloadFile(client, fileId, name);
      setBusyId(null);
      if (!saved.ok) void message.error(saved.error.message);
    },
    [client, message],
  );
  return { busyId, download };
}
