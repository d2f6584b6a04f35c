/**
 * Kiểm tra chữ ký (/documents/verify): upload a signed PDF (or any file with its .p7s) and see the
 * verdict. Opened from a signed document (?file=<id>[&sig=<id>]&title=…), it checks that stored file
 * at once, without uploading anything.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Spin, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { Result } from '../../../../src-shared/api/envelope';
import type { UploadPurpose } from '../../../../src-shared/domain/uploads';
import { useClient } from '../../../lib/ClientContext';
import { useT } from '../../../i18n/LocaleContext';
import { PageTitle } from '../../common/PageTitle';
import { FilePicker } from '../common/FilePicker';
import { VerifyResultView, type VerifyResult } from './VerifyResultView';

interface Values {
  file: File | null;
  signature: File | null;
}

const P7S_ACCEPT = '.p7s,application/pkcs7-signature';

function storedId(value: string | null): number | undefined {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

export function VerifyPage() {
  const t = useT();
  const client = useClient();
  const [form] = Form.useForm<Values>();
  const [params, setParams] = useSearchParams();
  const storedFile = storedId(params.get('file'));
  const storedSig = storedId(params.get('sig'));
  const storedTitle = params.get('title') ?? '';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);

  const check = useCallback(
    async (ids: () => Promise<Result<{ fileId: number; signatureFileId?: number }>>) => {
      setBusy(true);
      setError(null);
      setResult(null);
      const input = await ids();
      const verified = input.ok ? await client.call('signing.verify', input.value) : input;
      setBusy(false);
      if (verified.ok) setResult(verified.value);
      else setError(verified.error.message);
    },
    [client],
  );

  useEffect(() => {
    if (storedFile === undefined) return;
    void check(async () => ({
      ok: true,
      value: { fileId: storedFile, ...(storedSig !== undefined ? { signatureFileId: storedSig } : {}) },
    }));
  }, [check, storedFile, storedSig]);

  const upload = async (file: File, purpose: UploadPurpose): Promise<Result<{ id: number }>> =>
    client
      .upload(file, file.name, purpose)
      .catch((): Result<never> => ({ ok: false, error: { code: 'internal', message: t('app.serverUnreachable') } }));

  const checkUploaded = (values: Values) =>
    void check(async () => {
      const file = await upload(values.file!, 'document');
      if (!file.ok) return file;
      if (!values.signature) return { ok: true, value: { fileId: file.value.id } };
      const signature = await upload(values.signature, 'certificate');
      if (!signature.ok) return signature;
      return { ok: true, value: { fileId: file.value.id, signatureFileId: signature.value.id } };
    });

  return (
    <>
      <PageTitle title={t('documentsUi.verify.title')} />
      {storedFile !== undefined ? (
        <Card style={{ marginBottom: 24 }}>
          <Typography.Paragraph strong>
            {t('documentsUi.verify.storedFile', { title: storedTitle })}
          </Typography.Paragraph>
          <Button onClick={() => setParams({}, { replace: true })}>{t('documentsUi.verify.other')}</Button>
        </Card>
      ) : (
        <Card style={{ marginBottom: 24 }}>
          <Typography.Paragraph type="secondary">{t('documentsUi.verify.intro')}</Typography.Paragraph>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ file: null, signature: null }}
            disabled={busy}
            onFinish={checkUploaded}
            style={{ maxWidth: 720 }}
          >
            <Form.Item
              name="file"
              label={t('documentsUi.verify.file')}
              rules={[{ required: true, message: t('documentsUi.verify.fileRequired') }]}
            >
              <FilePicker label={t('documentsUi.verify.file')} disabled={busy} />
            </Form.Item>
            <Form.Item name="signature" label={t('documentsUi.verify.signatureFile')}>
              <FilePicker
                label={t('documentsUi.verify.signatureFile')}
                accept={P7S_ACCEPT}
                refuse={(f) => (/\.p7s$/i.test(f.name) ? null : t('documentsUi.verify.notP7s', { name: f.name }))}
                disabled={busy}
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SafetyCertificateOutlined aria-hidden="true" />}
              loading={busy}
            >
              {t('documentsUi.verify.check')}
            </Button>
          </Form>
        </Card>
      )}
      <Spin spinning={busy} description={t('documentsUi.verify.checking')}>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        {result && <VerifyResultView result={result} />}
        {busy && !result && <div style={{ minHeight: 80 }} />}
      </Spin>
    </>
  );
}
