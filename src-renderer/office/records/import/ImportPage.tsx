/**
 * Nhập từ Excel (pupils or staff), as a wizard: choose the file → match its columns to fields →
 * check (dry run) or import, as a job with a progress bar → the result. An import is all or nothing:
 * with a single bad row nothing is written, and the clerk fixes the file and uploads it again.
 */
import { useEffect, useState } from 'react';
import { App, Button, Card, Progress, Space, Steps, Typography } from 'antd';
import { ArrowLeftOutlined, CheckCircleOutlined, CloudUploadOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { ImportPreviewView, ImportResult } from '../../../../src-shared/api/records';
import { useClient } from '../../../lib/ClientContext';
import { useJob } from '../../../lib/useJob';
import { jobActive } from '../../../../src-shared/api/jobs';
import { downloadFile } from '../../../lib/download';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { ForbiddenPage } from '../../common/ForbiddenPage';
import { PageTitle } from '../../common/PageTitle';
import { useGoBack } from '../common/useGoBack';
import { FileStep } from './FileStep';
import { TemplateButton } from './TemplateButton';
import { MappingStep } from './MappingStep';
import { ImportResultView } from './ImportResultView';
import { duplicateFields, fieldMap, missingRequired, suggestedChoices, type ColumnChoices } from './mapping';

export type ImportKind = 'pupils' | 'staff';
type Stage = 'file' | 'mapping' | 'running' | 'result';

const STAGE_STEP: Record<Stage, number> = { file: 0, mapping: 1, running: 2, result: 3 };

export function ImportPage({ kind }: { kind: ImportKind }) {
  const { can } = useSignedIn();
  if (!can('records.manage')) return <ForbiddenPage />;
  return <ImportWizard key={kind} kind={kind} />;
}

function ImportWizard({ kind }: { kind: ImportKind }) {
  const t = useT();
  const client = useClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const listPath = kind === 'pupils' ? '/records/pupils' : '/records/staff';
  const goBack = useGoBack(listPath);

  const [stage, setStage] = useState<Stage>('file');
  const [file, setFile] = useState<File | null>(null);
  const [fileId, setFileId] = useState<number | null>(null);
  const [busy, setBusy] = useState<'uploading' | 'reading' | null>(null);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [choices, setChoices] = useState<ColumnChoices>({});
  const [jobId, setJobId] = useState<string | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [downloading, setDownloading] = useState(false);
  const { job, error: jobError } = useJob(jobId);

  // The job's end moves the wizard on: to the result, or back to the mapping with the reason.
  useEffect(() => {
    if (stage !== 'running') return;
    if (jobError) {
      setRunError(jobError.message);
      setStage('mapping');
      // The job of an earlier run (the check before this import) is still held for one render.
    } else if (job && job.id === jobId && !jobActive(job.status)) {
      if (job.status === 'done') {
        setResult(job.result as ImportResult);
        setStage('result');
      } else {
        setRunError(job.error?.message ?? t('import.failed'));
        setStage('mapping');
      }
    }
  }, [job, jobError, jobId, stage, t]);

  const startOver = () => {
    setStage('file');
    setFile(null);
    setFileId(null);
    setPreview(null);
    setResult(null);
    setRunError(null);
    setPreviewError(null);
    setJobId(null);
  };

  const chooseFile = async (chosen: File) => {
    startOver();
    setFile(chosen);
    setBusy('uploading');
    const uploaded = await client.upload(chosen, chosen.name, 'import').catch(() => null);
    if (!uploaded || !uploaded.ok) {
      setBusy(null);
      void message.error(uploaded ? uploaded.error.message : t('app.serverUnreachable'));
      return;
    }
    setFileId(uploaded.value.id);
    setBusy('reading');
    const read = await client.call('records.import.preview', { fileId: uploaded.value.id, kind });
    setBusy(null);
    if (!read.ok) {
      void message.error({ content: read.error.message, duration: 10 });
      return;
    }
    setPreview(read.value);
    setChoices(suggestedChoices(read.value));
    setStage('mapping');
  };

  const reread = async (sheet: string, headerRow: number | undefined) => {
    if (fileId === null) return;
    setBusy('reading');
    const read = await client.call('records.import.preview', {
      fileId,
      kind,
      sheet,
      ...(headerRow !== undefined ? { headerRow } : {}),
    });
    setBusy(null);
    if (!read.ok) {
      setPreviewError(read.error.message);
      return;
    }
    setPreviewError(null);
    setPreview(read.value);
    setChoices(suggestedChoices(read.value));
  };

  const run = async (dryRun: boolean) => {
    if (fileId === null || !preview) return;
    setRunError(null);
    const started = await client.call('records.import.run', {
      fileId,
      kind,
      dryRun,
      mapping: { sheet: preview.sheet, headerRow: preview.headerRow, fields: fieldMap(choices) },
    });
    if (!started.ok) {
      setRunError(started.error.message);
      return;
    }
    setResult(null);
    setJobId(started.value.jobId);
    setStage('running');
  };

  const downloadReport = async (reportId: number) => {
    setDownloading(true);
    const name = `${t(kind === 'pupils' ? 'import.reportNamePupils' : 'import.reportNameStaff')}.xlsx`;
    const saved = await downloadFile(client, reportId, name);
    setDownloading(false);
    if (!saved.ok) void message.error(saved.error.message);
  };

  const canRun =
    preview !== null && duplicateFields(choices).size === 0 && missingRequired(preview, choices).length === 0;
  const percent =
    job && job.progress.total > 0
      ? Math.round((job.progress.done / job.progress.total) * 100)
      : job?.status === 'done'
        ? 100
        : 0;

  return (
    <>
      <PageTitle
        title={t(kind === 'pupils' ? 'import.titlePupils' : 'import.titleStaff')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={goBack}>
            {t('common.back')}
          </Button>
        }
      />
      <Steps
        current={STAGE_STEP[stage]}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('import.step.file') },
          { title: t('import.step.mapping') },
          { title: t('import.step.run') },
          { title: t('import.step.result') },
        ]}
      />

      {stage === 'file' && (
        <Card>
          <Typography.Paragraph>
            {t(kind === 'pupils' ? 'import.introPupils' : 'import.introStaff')}
          </Typography.Paragraph>
          <Space wrap align="center" style={{ marginBottom: 16 }}>
            <TemplateButton kind={kind} />
            <Typography.Text type="secondary">{t('import.templateHint')}</Typography.Text>
          </Space>
          <FileStep
            busy={busy !== null}
            busyText={busy === 'uploading' ? t('import.uploading') : t('import.reading')}
            file={file}
            onFile={(f) => void chooseFile(f)}
          />
        </Card>
      )}

      {stage === 'mapping' && preview && (
        <>
          <MappingStep
            key={`${preview.sheet}:${preview.headerRow}`}
            preview={preview}
            choices={choices}
            busy={busy !== null}
            previewError={previewError}
            onChoices={setChoices}
            onReread={(sheet, row) => void reread(sheet, row)}
          />
          {runError && (
            <Typography.Paragraph type="danger" role="alert" style={{ marginTop: 16 }}>
              {runError}
            </Typography.Paragraph>
          )}
          <Card style={{ marginTop: 16 }}>
            <Space wrap>
              <Button icon={<CheckCircleOutlined />} disabled={!canRun} onClick={() => void run(true)}>
                {t('import.check')}
              </Button>
              <Button type="primary" icon={<CloudUploadOutlined />} disabled={!canRun} onClick={() => void run(false)}>
                {t('import.run')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={startOver}>
                {t('import.otherFile')}
              </Button>
            </Space>
          </Card>
        </>
      )}

      {stage === 'running' && (
        <Card>
          <Typography.Paragraph>
            {job?.status === 'queued' ? t('common.jobQueued') : job?.progress.message || t('import.running')}
          </Typography.Paragraph>
          <Progress percent={percent} status="active" aria-label={t('import.progress')} />
        </Card>
      )}

      {stage === 'result' && result && (
        <>
          <ImportResultView
            result={result}
            dataRows={preview?.dataRows ?? result.rows}
            downloading={downloading}
            onDownloadReport={(id) => void downloadReport(id)}
          />
          <Card>
            <Space wrap>
              {result.errorCount === 0 && result.dryRun && (
                <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => void run(false)}>
                  {t('import.run')}
                </Button>
              )}
              {result.errorCount === 0 && !result.dryRun && (
                <Button type="primary" onClick={() => void navigate(listPath)}>
                  {t(kind === 'pupils' ? 'import.toPupils' : 'import.toStaff')}
                </Button>
              )}
              {!(result.errorCount === 0 && !result.dryRun) && (
                <Button onClick={() => setStage('mapping')}>{t('import.backToMapping')}</Button>
              )}
              <Button
                icon={<UploadOutlined />}
                type={result.errorCount > 0 ? 'primary' : 'default'}
                onClick={startOver}
              >
                {t(result.errorCount > 0 ? 'import.uploadFixed' : 'import.otherFile')}
              </Button>
            </Space>
          </Card>
        </>
      )}
    </>
  );
}
