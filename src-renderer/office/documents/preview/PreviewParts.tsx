/** Pieces the file preview's states share: the loading box and the button that downloads the file. */
import type { ReactNode } from 'react';
import { Button, Flex, Spin } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/LocaleContext';
import type { FileDownload } from '../common/useFileDownload';

export function PreviewLoading({ description }: { description: ReactNode }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin size="large" description={description}>
        <div style={{ width: 240, height: 120 }} />
      </Spin>
    </Flex>
  );
}

export function DownloadFileButton({
  file,
  files,
  primary = false,
}: {
  file: { id: number; name: string };
  files: FileDownload;
  primary?: boolean;
}) {
  const t = useT();
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      icon={<DownloadOutlined aria-hidden="true" />}
      loading={files.busyId === file.id}
      aria-label={t('previewUi.downloadLabel', { name: file.name })}
      onClick={() => void files.download(file.id, file.name)}
    >
      {t('previewUi.download')}
    </Button>
  );
}
