/**
 * The trusted root CAs: a table of the anchors (expired ones tagged, since they still vouch for
 * signatures made while they were valid), importing a certificate file the CA published, and removing
 * one after confirming. What an import added or skipped stays in view until the next one.
 */
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Result } from '../../../../src-shared/api/envelope';
import type { TrustAnchorImportResult, TrustAnchorView } from '../../../../src-shared/api/signingSettings';
import { useClient } from '../../../lib/ClientContext';
import { useT, type Translate } from '../../../i18n/LocaleContext';
import { dateOf } from '../labels';

/** What the CAs publish: DER or PEM certificates, and PKCS#7 bundles. */
const CERTIFICATE_ACCEPT = '.cer,.crt,.pem,.p7b';
const CERTIFICATE_NAME = /\.(cer|crt|pem|p7b)$/i;
/** The server refuses bigger files; a root CA file is a few kilobytes. */
const CERTIFICATE_MAX_BYTES = 1024 * 1024;

const nameOf = (a: TrustAnchorView) => a.commonName || a.subject;

/** AB:CD:… as certificate viewers print it, so it can be compared with the CA's published one. */
function formatFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/.{2}/g) ?? []).join(':');
}

function ImportOutcome({ outcome, t }: { outcome: TrustAnchorImportResult; t: Translate }) {
  const skipped = outcome.skipped.map((s) =>
    t(
      s.reason === 'duplicate'
        ? 'signingSettingsUi.anchors.skippedDuplicate'
        : 'signingSettingsUi.anchors.skippedNotCa',
      {
        name: nameOf(s.anchor),
      },
    ),
  );
  return (
    <Alert
      type={outcome.added.length > 0 ? 'success' : 'info'}
      showIcon
      closable
      title={
        outcome.added.length > 0
          ? t('signingSettingsUi.anchors.imported', { count: outcome.added.length, file: outcome.fileName })
          : t('signingSettingsUi.anchors.importedNone', { file: outcome.fileName })
      }
      description={
        outcome.added.length + skipped.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {outcome.added.map((a) => (
              <li key={a.fingerprint}>{nameOf(a)}</li>
            ))}
            {skipped.map((text, i) => (
              <li key={`skipped-${i}`}>{text}</li>
            ))}
          </ul>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}

export function TrustAnchorsCard({
  anchors,
  loading,
  loadError,
  onChanged,
}: {
  anchors: TrustAnchorView[];
  loading: boolean;
  loadError: string | null;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const { message } = App.useApp();
  const [importing, setImporting] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<TrustAnchorImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const importFile = async (file: File) => {
    setOutcome(null);
    setError(null);
    // The file dialog's filter can be switched to "all files": the name is checked here too.
    if (!CERTIFICATE_NAME.test(file.name)) {
      setError(t('signingSettingsUi.anchors.wrongType', { name: file.name }));
      return;
    }
    if (file.size > CERTIFICATE_MAX_BYTES) {
      setError(t('signingSettingsUi.anchors.tooLarge', { name: file.name }));
      return;
    }
    setImporting(file.name);
    const uploaded = await client
      .upload(file, file.name, 'certificate')
      .catch((): Result<never> => ({ ok: false, error: { code: 'internal', message: t('app.serverUnreachable') } }));
    const result = uploaded.ok
      ? await client.call('signing.trustAnchors.import', { fileId: uploaded.value.id })
      : uploaded;
    setImporting(null);
    if (result.ok) {
      setOutcome(result.value);
      onChanged();
    } else setError(result.error.message);
  };

  const remove = async (anchor: TrustAnchorView) => {
    const result = await client.call('signing.trustAnchors.remove', { fingerprint: anchor.fingerprint });
    if (result.ok) void message.success(t('signingSettingsUi.anchors.removed', { name: nameOf(anchor) }));
    else void message.error(result.error.message);
    onChanged();
  };

  const columns: TableColumnsType<TrustAnchorView> = [
    {
      title: t('signingSettingsUi.col.name'),
      key: 'name',
      render: (_v, a) => <Typography.Text strong>{nameOf(a)}</Typography.Text>,
    },
    { title: t('signingSettingsUi.col.organization'), key: 'organization', render: (_v, a) => a.organization },
    { title: t('signingSettingsUi.col.issuer'), key: 'issuer', render: (_v, a) => a.issuer },
    {
      title: t('signingSettingsUi.col.kind'),
      key: 'kind',
      render: (_v, a) =>
        a.selfSigned ? (
          <Tag color="blue">{t('signingSettingsUi.kind.root')}</Tag>
        ) : (
          <Tag>{t('signingSettingsUi.kind.intermediate')}</Tag>
        ),
    },
    {
      title: t('signingSettingsUi.col.validity'),
      key: 'validity',
      render: (_v, a) => (
        <Space size="small" wrap>
          <span>{t('signingSettingsUi.validity', { from: dateOf(a.validFrom), to: dateOf(a.validTo) })}</span>
          {a.expired && <Tag color="red">{t('signingSettingsUi.expired')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('signingSettingsUi.col.serial'),
      key: 'serial',
      render: (_v, a) => (
        <Typography.Text style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{a.serial}</Typography.Text>
      ),
    },
    {
      title: t('signingSettingsUi.col.fingerprint'),
      key: 'fingerprint',
      width: 280,
      render: (_v, a) => (
        <Typography.Text
          copyable={{ text: formatFingerprint(a.fingerprint) }}
          style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}
        >
          {formatFingerprint(a.fingerprint)}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, a) => (
        <Popconfirm
          title={t('signingSettingsUi.anchors.removeConfirm', { name: nameOf(a) })}
          description={t('signingSettingsUi.anchors.removeDetail')}
          okText={t('signingSettingsUi.anchors.remove')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(a)}
        >
          <Button
            type="link"
            size="small"
            danger
            aria-label={t('signingSettingsUi.anchors.removeOf', { name: nameOf(a) })}
          >
            {t('signingSettingsUi.anchors.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      title={t('signingSettingsUi.anchors.title')}
      style={{ marginBottom: 24 }}
      extra={
        <Upload
          accept={CERTIFICATE_ACCEPT}
          multiple={false}
          showUploadList={false}
          fileList={[]}
          disabled={importing !== null}
          beforeUpload={(file) => {
            void importFile(file);
            // The file goes through the app's own upload, not antd's.
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined aria-hidden="true" />} loading={importing !== null}>
            {t('signingSettingsUi.anchors.import')}
          </Button>
        </Upload>
      }
    >
      <Typography.Paragraph type="secondary">{t('signingSettingsUi.anchors.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('signingSettingsUi.anchors.importHint')}</Typography.Paragraph>
      {importing && (
        <Typography.Paragraph role="status">
          {t('signingSettingsUi.anchors.importing', { name: importing })}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} closable style={{ marginBottom: 16 }} />}
      {outcome && <ImportOutcome outcome={outcome} t={t} />}
      {loadError && (
        <Typography.Text type="danger" role="alert">
          {loadError}
        </Typography.Text>
      )}
      <Table<TrustAnchorView>
        aria-label={t('signingSettingsUi.anchors.tableLabel')}
        rowKey="fingerprint"
        columns={columns}
        dataSource={anchors}
        loading={loading}
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('signingSettingsUi.anchors.empty') }}
      />
      <Typography.Text type="secondary" aria-live="polite">
        {t('signingSettingsUi.anchors.count', { count: anchors.length })}
      </Typography.Text>
    </Card>
  );
}
