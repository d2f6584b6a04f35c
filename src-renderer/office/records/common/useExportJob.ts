/**
 * An Excel export: the procedure starts a job, its progress shows in a message at the top of the
 * screen, and the finished file is downloaded (saved through the desktop dialog in the app).
 * One export at a time per page; `runningKey` tells which button started it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { App } from 'antd';
import type { Result } from '../../../../src-shared/api/envelope';
import type { ExportResult } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useJob } from '../../../lib/useJob';
import { jobActive } from '../../../../src-shared/api/jobs';
import { downloadFile } from '../../../lib/download';
import { useT } from '../../../i18n/LocaleContext';

export interface ExportJob {
  start(key: string, begin: () => Promise<Result<{ jobId: string }>>): Promise<void>;
  /** The key of the export under way, or null. */
  runningKey: string | null;
}

export function useExportJob(): ExportJob {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [running, setRunning] = useState<{ key: string; jobId: string | null } | null>(null);
  const { job, error } = useJob(running?.jobId ?? null);
  const messageKey = useRef(`export-${Math.random().toString(36).slice(2)}`).current;
  // Each finished job is downloaded once, however often the effect runs.
  const handled = useRef<string | null>(null);

  useEffect(() => {
    if (!running?.jobId) return;
    if (error) {
      void message.open({ key: messageKey, type: 'error', content: error.message });
      setRunning(null);
      return;
    }
    if (!job) return;
    if (jobActive(job.status)) {
      const percent = job.progress.total > 0 ? Math.round((job.progress.done / job.progress.total) * 100) : 0;
      void message.open({
        key: messageKey,
        type: 'loading',
        content: job.status === 'queued' ? t('common.jobQueued') : t('export.running', { percent }),
        duration: 0,
      });
      return;
    }
    if (handled.current === job.id) return;
    handled.current = job.id;
    setRunning(null);
    if (job.status !== 'done') {
      void message.open({ key: messageKey, type: 'error', content: job.error?.message ?? t('export.failed') });
      return;
    }
    const result = job.result as ExportResult;
    void downloadFile(client, result.fileId, result.name).then((saved) => {
      if (!saved.ok) void message.open({ key: messageKey, type: 'error', content: saved.error.message });
      else if (saved.value === 'cancelled') message.destroy(messageKey);
      else
        void message.open({
          key: messageKey,
          type: 'success',
          content: t('export.done', { name: result.name, rows: result.rows }),
        });
    });
  }, [job, error, running?.jobId, client, message, messageKey, t]);

  const start = useCallback(
    async (key: string, begin: () => Promise<Result<{ jobId: string }>>) => {
      setRunning({ key, jobId: null });
      void message.open({ key: messageKey, type: 'loading', content: t('export.starting'), duration: 0 });
      const started = await begin();
      if (started.ok) setRunning({ key, jobId: started.value.jobId });
      else {
        setRunning(null);
        void message.open({ key: messageKey, type: 'error', content: started.error.message });
      }
    },
    [message, messageKey, t],
  );

  return { start, runningKey: running?.key ?? null };
}
