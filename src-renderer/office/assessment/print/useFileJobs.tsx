/**
 * The files the assessment pages make on the server (the class summary sheet, the học bạ): each is a
 * job; while it runs a progress bar shows how far it is (and it can be cancelled), and once done a link
 * downloads the file (saved through the desktop dialog in the app, downloaded in a browser), as the
 * records exports do with lib/download. A file meant for signing (the học bạ, a summary sheet) can be
 * submitted for signature (trình ký) from here.
 */
import { useCallback, useMemo, useState } from 'react';
import { App, Button, Flex, Progress, Typography } from 'antd';
import { CloseOutlined, DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { fileResult } from '../../../../src-shared/api/assessment';
import type { Result } from '../../../../src-shared/api/envelope';
import { useClient } from '../../../lib/ClientContext';
import { useJob } from '../../../lib/useJob';
import { jobActive } from '../../../../src-shared/api/jobs';
import { downloadFile } from '../../../lib/download';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { SubmitFileModal } from '../../documents/submit/SubmitFileModal';
import type { DocumentKind } from '../../documents/labels';

export interface FileJob {
  /** Our own id, set before the server answered. */
  key: string;
  label: string;
  jobId: string | null;
  error: string | null;
  /** The kind its files are submitted for signature as; absent: not a file to sign. */
  submitAs?: DocumentKind;
}

export interface FileJobs {
  jobs: FileJob[];
  start(
    label: string,
    begin: () => Promise<Result<{ jobId: string }>>,
    options?: { submitAs?: DocumentKind },
  ): Promise<void>;
  remove(key: string): void;
}

let counter = 0;

export function useFileJobs(): FileJobs {
  const [jobs, setJobs] = useState<FileJob[]>([]);

  const start = useCallback<FileJobs['start']>(async (label, begin, options = {}) => {
    counter += 1;
    const key = `job${counter}`;
    setJobs((all) => [{ key, label, jobId: null, error: null, ...options }, ...all]);
    const started = await begin();
    setJobs((all) =>
      all.map((j) =>
        j.key === key
          ? started.ok
            ? { ...j, jobId: started.value.jobId }
            : { ...j, error: started.error.message }
          : j,
      ),
    );
  }, []);

  const remove = useCallback((key: string) => setJobs((all) => all.filter((j) => j.key !== key)), []);
  return useMemo(() => ({ jobs, start, remove }), [jobs, start, remove]);
}

/**
 * The files a finished job offers: its result when it is one file ({ fileId, name }), or the files it
 * lists (a batch of học bạ: one file per class).
 */
const batchResult = z.object({
  combined: fileResult.optional(),
  file: fileResult.optional(),
  files: z.array(fileResult).optional(),
});

export function filesOf(result: unknown): z.infer<typeof fileResult>[] {
  const single = fileResult.safeParse(result);
  if (single.success) return [single.data];
  const batch = batchResult.safeParse(result);
  if (!batch.success) return [];
  const { combined, file, files } = batch.data;
  return [combined, file, ...(files ?? [])].filter((f) => f !== undefined);
}

function FileJobLine({ job, onRemove }: { job: FileJob; onRemove(): void }) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const { job: view, error } = useJob(job.jobId);
  const [downloading, setDownloading] = useState(false);
  const { can } = useSignedIn();
  const [submitting, setSubmitting] = useState<z.infer<typeof fileResult> | null>(null);
  const [submitted, setSubmitted] = useState<number[]>([]);
  const canSubmit = job.submitAs !== undefined && can('documents.submit');

  const problem = job.error ?? error?.message ?? (view && view.status === 'failed' ? view.error?.message : null);
  const running = !problem && (view === null || jobActive(view.status));
  const percent = !running
    ? 100
    : view && view.progress.total > 0
      ? Math.round((view.progress.done / view.progress.total) * 100)
      : 0;
  const files = view?.status === 'done' ? filesOf(view.result) : [];

  const download = async (fileId: number, name: string) => {
    setDownloading(true);
    const saved = await downloadFile(client, fileId, name);
    setDownloading(false);
    if (!saved.ok) void message.error(saved.error.message);
  };

  const cancel = async () => {
    if (job.jobId) await client.call('jobs.cancel', { id: job.jobId });
  };

  return (
    <div role="group" aria-label={job.label} style={{ marginBottom: 8 }}>
      <Flex align="center" gap="small" wrap>
        <Typography.Text strong>{job.label}</Typography.Text>
        {view?.status === 'queued' && <Typography.Text type="secondary">{t('common.jobQueued')}</Typography.Text>}
        {view?.progress.message && running && (
          <Typography.Text type="secondary">{view.progress.message}</Typography.Text>
        )}
        {problem && (
          <Typography.Text type="danger" role="alert">
            {problem}
          </Typography.Text>
        )}
        {view?.status === 'cancelled' && (
          <Typography.Text type="secondary">{t('assessmentUi.print.cancelled')}</Typography.Text>
        )}
        {files.map((f) => (
          <Button
            key={f.fileId}
            type="link"
            icon={<DownloadOutlined aria-hidden="true" />}
            loading={downloading}
            aria-label={t('assessmentUi.print.download', { name: f.name })}
            onClick={() => void download(f.fileId, f.name)}
          >
            {t('assessmentUi.print.download', { name: f.name })}
          </Button>
        ))}
        {canSubmit &&
          files.map((f) =>
            submitted.includes(f.fileId) ? (
              <Typography.Text key={`sent-${f.fileId}`} type="success">
                {t('assessmentUi.print.submitted', { name: f.name })}
              </Typography.Text>
            ) : (
              <Button
                key={`submit-${f.fileId}`}
                size="small"
                icon={<SendOutlined aria-hidden="true" />}
                aria-label={t('assessmentUi.print.submit', { name: f.name })}
                onClick={() => setSubmitting(f)}
              >
                {t('assessmentUi.print.submitShort')}
              </Button>
            ),
          )}
        {view?.status === 'done' && files.length === 0 && (
          <Typography.Text type="success">{t('assessmentUi.print.done')}</Typography.Text>
        )}
        {running && job.jobId && (
          <Button size="small" onClick={() => void cancel()}>
            {t('common.cancel')}
          </Button>
        )}
        {!running && (
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined aria-hidden="true" />}
            aria-label={t('assessmentUi.print.dismiss', { label: job.label })}
            onClick={onRemove}
          />
        )}
      </Flex>
      {submitting && (
        <SubmitFileModal
          file={submitting}
          title={files.length > 1 ? `${job.label} — ${submitting.name}` : job.label}
          kind={job.submitAs ?? 'other'}
          onClose={() => setSubmitting(null)}
          onSubmitted={() => {
            setSubmitted((ids) => [...ids, submitting.fileId]);
            setSubmitting(null);
          }}
        />
      )}
      {(running || view?.status === 'done') && (
        <Progress
          percent={percent}
          size="small"
          status={running ? 'active' : 'success'}
          aria-label={t('assessmentUi.print.progress', { label: job.label })}
        />
      )}
    </div>
  );
}

export function FileJobList({ jobs }: { jobs: FileJobs }) {
  if (jobs.jobs.length === 0) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      {jobs.jobs.map((j) => (
        <FileJobLine key={j.key} job={j} onRemove={() => jobs.remove(j.key)} />
      ))}
    </div>
  );
}
