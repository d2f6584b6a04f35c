/**
 * Taking a backup off the server's disk: in the desktop app into a folder or USB drive the user picks
 * (written, read back and checked there by the app), in a browser as a download. The server records the
 * copy, and the warning below (also for the home page) says when there has been none for too long.
 */
import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import type { OffDiskStatus } from '../../../../src-shared/api/backup';
import { formatInstantVn } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { desktopBridge } from '../../../lib/bridge';
import { saveInBrowser } from '../../../lib/download';
import { useT } from '../../../i18n/LocaleContext';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The warning when no backup has left the server's disk for `warnAfterDays`; nothing otherwise. */
export function OffDiskWarning({ status, now = new Date() }: { status: OffDiskStatus; now?: Date }) {
  const t = useT();
  if (!status.overdue) return null;
  const title = status.lastCopyAt
    ? t('backup.offDisk.old', {
        days: Math.floor((now.getTime() - new Date(status.lastCopyAt).getTime()) / DAY_MS),
        at: formatInstantVn(status.lastCopyAt),
      })
    : t('backup.offDisk.never');
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={title}
      description={t('backup.offDisk.why', { limit: status.warnAfterDays })}
      style={{ marginBottom: 16 }}
    />
  );
}

/** "Sao chép ra…" beside one backup. */
export function CopyOffDiskButton({ name, onCopied }: { name: string; onCopied(): void }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const bridge = desktopBridge();

  const copy = async () => {
    setBusy(true);
    try {
      const prepared = await client.call('backup.copy.prepare', { name });
      if (!prepared.ok) {
        void message.error(prepared.error.message);
        return;
      }
      const { sha256, size } = prepared.value;
      // Fetched straight from the server's backups folder: nothing is copied into its file store.
      const file = await client.fetchBackup(name);
      if (!file.ok) {
        void message.error(file.error.message);
        return;
      }
      // A browser download has no checksum to meet: at least a cut-short one is not counted as a copy.
      if (file.value.size !== size) {
        void message.error(t('backup.copy_mismatch', { name }));
        return;
      }
      let to: 'folder' | 'download';
      let done: string;
      if (bridge) {
        const copied = await bridge.copyToFolder({
          suggestedName: name,
          data: new Uint8Array(await file.value.arrayBuffer()),
          sha256,
        });
        if (!copied.ok) {
          void message.error(copied.error.message);
          return;
        }
        if (copied.value.path === null) return;
        to = 'folder';
        done = t('backup.copy.doneFolder', { path: copied.value.path });
      } else {
        saveInBrowser(file.value, name);
        to = 'download';
        done = t('backup.copy.doneDownload', { name });
      }
      const recorded = await client.call('backup.copy.record', { name, sha256, to });
      if (!recorded.ok) {
        void message.error(recorded.error.message);
        return;
      }
      void message.success(done);
      onCopied();
    } catch {
      void message.error(t('app.serverUnreachable'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size="small"
      icon={bridge ? <ExportOutlined /> : <DownloadOutlined />}
      loading={busy}
      aria-label={t('backup.copy.aria', { name })}
      onClick={() => void copy()}
    >
      {busy ? t('backup.copy.running') : bridge ? t('backup.copy.button') : t('backup.copy.download')}
    </Button>
  );
}
