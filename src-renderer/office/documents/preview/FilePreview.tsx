/**
 * A stored file shown for reading: a PDF is fetched through the procedure client (the same
 * `fetchFile` that downloads use: GET /files/<id> with the session's token) and drawn by PdfPreview;
 * any other file (an Excel sheet, a detached signature) is described, with a button to download it.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Result, Typography } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import type { ApiError } from '../../../../src-shared/api/envelope';
import { useClient } from '../../../lib/ClientContext';
import { useLocale } from '../../../i18n/LocaleContext';
import { formatBytes } from '../../../lib/format';
import type { FileDownload } from '../common/useFileDownload';
import { PdfPreview } from './PdfPreview';
import { DownloadFileButton, PreviewLoading } from './PreviewParts';
import { isPdfFile, type PreviewFile } from './previewMath';

type Fetched = { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; data: Uint8Array };

export function FilePreview({ file, files }: { file: PreviewFile; files: FileDownload }) {
  const pdf = isPdfFile(file);
  return pdf ? <FetchedPdf file={file} /> : <OtherFile file={file} files={files} />;
}

function FetchedPdf({ file }: { file: PreviewFile }) {
  const { t } = useLocale();
  const client = useClient();
  const [fetched, setFetched] = useState<Fetched>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setFetched({ status: 'loading' });
    void (async () => {
      const result = await client.fetchFile(file.id);
      if (cancelled) return;
      if (!result.ok) return setFetched({ status: 'failed', error: result.error });
      const data = new Uint8Array(await result.value.arrayBuffer());
      if (!cancelled) setFetched({ status: 'ready', data });
    })().catch((e: unknown) => {
      // The body broke off midway (connection dropped): offer to try again like any failed fetch.
      if (!cancelled)
        setFetched({
          status: 'failed',
          error: { code: 'internal', message: e instanceof Error ? e.message : String(e) },
        });
    });
    return () => {
      cancelled = true;
    };
  }, [client, file.id, attempt]);

  if (fetched.status === 'loading') {
    return <PreviewLoading description={t('previewUi.loadingFile')} />;
  }
  if (fetched.status === 'failed') {
    return (
      <div style={{ padding: 16 }}>
        <Alert
          type="error"
          showIcon
          role="alert"
          title={fetched.error.message}
          action={
            <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
              {t('previewUi.retry')}
            </Button>
          }
        />
      </div>
    );
  }
  return <PdfPreview data={fetched.data} name={file.name} />;
}

function OtherFile({ file, files }: { file: PreviewFile; files: FileDownload }) {
  const { t, locale } = useLocale();
  return (
    <Result
      icon={<FileOutlined aria-hidden="true" />}
      title={t('previewUi.other.title')}
      subTitle={
        <Flex vertical gap={4} align="center">
          <Typography.Text strong>
            {t('previewUi.other.file', { name: file.name, size: formatBytes(file.size, locale) })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('previewUi.other.hint')}</Typography.Text>
        </Flex>
      }
      extra={<DownloadFileButton file={file} files={files} primary />}
    />
  );
}
