/**
 * Sao lưu & khôi phục (backup.manage): the backups on disk, a backup now (a job with progress),
 * restoring from a listed backup or an uploaded .db file, and the daily schedule.
 */
import { useEffect, useRef, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { CloudUploadOutlined, SaveOutlined } from '@ant-design/icons';
import type { BackupView } from '../../../../src-shared/api/backup';
import { formatInstantVn } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useJob } from '../../../lib/useJob';
import { jobActive } from '../../../../src-shared/api/jobs';
import { formatBytes } from '../../../lib/format';
import { useLocale } from '../../../i18n/LocaleContext';
import { useSession } from '../../session/SessionContext';
import { useSchoolStatus } from '../../start/SchoolStatusContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { RestoreConfirmModal } from './RestoreConfirmModal';
import { BackupSettingsCard } from './BackupSettingsCard';
import { CopyOffDiskButton, OffDiskWarning } from './OffDiskCopy';

type RestoreSource = { kind: 'backup'; name: string } | { kind: 'file'; file: File };

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const KIND_COLORS: Record<BackupView['kind'], string> = {
  manual: 'blue',
  daily: 'green',
  'pre-migrate': 'purple',
  'pre-restore': 'orange',
};

export function BackupPage() {
  const { t, locale } = useLocale();
  const client = useClient();
  const { message, modal } = App.useApp();
  const { endLocally } = useSession();
  const status = useSchoolStatus();
  const list = useProcedure('backup.list', {});
  const reloadList = list.reload;
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const { job, error: jobError } = useJob(jobId);
  const [restore, setRestore] = useState<RestoreSource | null>(null);
  const [restoreBusy, setRestoreBusy] = useState(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const announced = useRef<string | null>(null);

  const running =
    starting || (job !== null && jobActive(job.status)) || (jobId !== null && job === null && jobError === null);

  // Each finished job is announced once, and the list then shows the new file.
  useEffect(() => {
    if (!job || jobActive(job.status) || announced.current === job.id) return;
    announced.current = job.id;
    if (job.status === 'done') {
      const name = (job.result as { name?: string } | null)?.name ?? '';
      void message.success(t('backup.create.done', { name }));
    } else void message.error(job.error?.message ?? t('backup.create.failed'));
    reloadList();
  }, [job, message, t, reloadList]);

  const backupNow = async () => {
    setStarting(true);
    const result = await client.call('backup.create', {});
    setStarting(false);
    if (result.ok) setJobId(result.value.jobId);
    else void message.error(result.error.message);
  };

  const runRestore = async (source: RestoreSource) => {
    setRestoreBusy(true);
    setRestoreError(null);
    try {
      let input: { name: string } | { fileId: number };
      if (source.kind === 'file') {
        const uploaded = await client.upload(source.file, source.file.name, 'backup');
        if (!uploaded.ok) {
          setRestoreError(uploaded.error.message);
          return;
        }
        input = { fileId: uploaded.value.id };
      } else input = { name: source.name };
      const result = await client.call('backup.restore', input);
      if (!result.ok) {
        setRestoreError(result.error.message);
        return;
      }
      setRestore(null);
      // The server ended every session, ours included: the user signs in again to the restored data.
      modal.success({
        title: t('backup.restore.done'),
        content: result.value.safetyBackup
          ? t('backup.restore.doneDetail', { from: result.value.restoredFrom, safety: result.value.safetyBackup })
          : t('backup.restore.doneFrom', { from: result.value.restoredFrom }),
        okText: t('backup.restore.signInAgain'),
        onOk: () => {
          endLocally('restored');
          void status.reload();
        },
      });
    } catch {
      setRestoreError(t('app.serverUnreachable'));
    } finally {
      setRestoreBusy(false);
    }
  };

  const columns: TableColumnsType<BackupView> = [
    {
      title: t('backup.col.name'),
      dataIndex: 'name',
      key: 'name',
      // The long file names wrap rather than push the actions out of sight.
      width: 280,
      render: (name: string) => (
        <Typography.Text code style={{ wordBreak: 'break-all' }}>
          {name}
        </Typography.Text>
      ),
    },
    {
      title: t('backup.col.kind'),
      key: 'kind',
      render: (_v, b) => <Tag color={KIND_COLORS[b.kind]}>{t(`backup.kind.${b.kind}`)}</Tag>,
    },
    {
      title: t('backup.col.size'),
      key: 'size',
      render: (_v, b) => <span style={NO_WRAP}>{formatBytes(b.size, locale)}</span>,
      align: 'right',
    },
    {
      title: t('backup.col.createdAt'),
      key: 'createdAt',
      render: (_v, b) => <span style={NO_WRAP}>{formatInstantVn(b.createdAt)}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, b) => (
        <Flex gap="small" wrap={false}>
          <CopyOffDiskButton name={b.name} onCopied={reloadList} />
          <Button
            size="small"
            danger
            aria-label={t('backup.restore.fromAria', { name: b.name })}
            onClick={() => {
              setRestoreError(null);
              setRestore({ kind: 'backup', name: b.name });
            }}
          >
            {t('backup.restore.button')}
          </Button>
        </Flex>
      ),
    },
  ];

  const percent = job
    ? job.progress.total > 0
      ? Math.round((job.progress.done / job.progress.total) * 100)
      : job.status === 'done'
        ? 100
        : 0
    : 0;

  return (
    <LoadGate loaded={list.data !== undefined} error={list.error} retry={list.reload}>
      <PageTitle title={t('nav.backup')} />
      {list.data && <OffDiskWarning status={list.data.offDisk} />}
      <Row gutter={[24, 24]}>
        <Col xs={24} xxl={16}>
          <Card title={t('backup.listTitle')}>
            <Typography.Paragraph>
              {t('backup.directory')}{' '}
              <Typography.Text code copyable>
                {list.data?.directory}
              </Typography.Text>
            </Typography.Paragraph>
            {list.data?.offDisk.lastCopyAt && list.data.offDisk.lastCopyName && (
              <Typography.Paragraph type="secondary">
                {t('backup.offDisk.ok', {
                  at: formatInstantVn(list.data.offDisk.lastCopyAt),
                  name: list.data.offDisk.lastCopyName,
                })}
              </Typography.Paragraph>
            )}
            <Flex gap="small" wrap style={{ marginBottom: 16 }}>
              <Button type="primary" icon={<SaveOutlined />} onClick={() => void backupNow()} loading={running}>
                {t('backup.create.button')}
              </Button>
              <Upload
                accept=".db,.sqlite,.sqlite3"
                showUploadList={false}
                fileList={[]}
                beforeUpload={(file) => {
                  setRestoreError(null);
                  setRestore({ kind: 'file', file });
                  // The file is sent only after the confirmation.
                  return false;
                }}
              >
                <Button icon={<CloudUploadOutlined />} danger>
                  {t('backup.restore.fromFile')}
                </Button>
              </Upload>
            </Flex>
            {job && (
              <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
                <Typography.Text>
                  {job.status === 'queued'
                    ? t('common.jobQueued')
                    : job.status === 'running'
                      ? t('backup.create.running')
                      : job.status === 'done'
                        ? t('backup.create.doneShort')
                        : (job.error?.message ?? t('backup.create.failed'))}
                </Typography.Text>
                <Progress
                  percent={percent}
                  status={jobActive(job.status) ? 'active' : job.status === 'done' ? 'success' : 'exception'}
                  aria-label={t('backup.create.progress')}
                />
              </Space>
            )}
            {jobError && <Typography.Text type="danger">{jobError.message}</Typography.Text>}
            <Table<BackupView>
              rowKey="name"
              columns={columns}
              dataSource={list.data?.backups ?? []}
              loading={list.loading}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('backup.empty') }}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          {list.data && (
            <BackupSettingsCard settings={list.data.settings} lastDaily={list.data.lastDaily} onSaved={list.reload} />
          )}
        </Col>
      </Row>
      {restore && (
        <RestoreConfirmModal
          source={restore.kind === 'file' ? restore.file.name : restore.name}
          busy={restoreBusy}
          error={restoreError}
          onCancel={() => setRestore(null)}
          onConfirm={() => void runRestore(restore)}
        />
      )}
    </LoadGate>
  );
}
