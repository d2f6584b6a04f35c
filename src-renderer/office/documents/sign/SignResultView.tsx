/**
 * The end of a signing job: the documents signed, with their register numbers, and those that were not,
 * with the reason (they stay in the queue to be signed again).
 */
import { Alert, Typography } from 'antd';
import type { SignResult } from '../../../../src-shared/api/documents';
import { useT } from '../../../i18n/LocaleContext';

export function SignResultView({
  result,
  cancelled = false,
  error = null,
}: {
  /** What the job reported; null when it ended without a result. */
  result: SignResult | null;
  cancelled?: boolean;
  /** Why the job as a whole failed. */
  error?: string | null;
}) {
  const t = useT();
  return (
    <>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('documentsUi.sign.jobFailed', { message: error })}
          style={{ marginBottom: 12 }}
        />
      )}
      {cancelled && <Alert type="info" showIcon title={t('documentsUi.sign.cancelled')} style={{ marginBottom: 12 }} />}
      {result && result.signed.length > 0 && (
        <section aria-label={t('documentsUi.sign.signed', { count: result.signed.length })}>
          <Alert type="success" showIcon title={t('documentsUi.sign.signed', { count: result.signed.length })} />
          <ul style={{ margin: '8px 0 12px' }}>
            {result.signed.map((d) => (
              <li key={d.id}>{t('documentsUi.sign.signedItem', { title: d.title, number: d.registerNumber })}</li>
            ))}
          </ul>
          {result.timestampNote !== null ? (
            <Alert
              type="warning"
              showIcon
              title={t('documentsUi.sign.timestampNote', { reason: result.timestampNote })}
              style={{ marginBottom: 12 }}
            />
          ) : (
            result.signed.every((d) => d.timestamped) && (
              <Typography.Paragraph type="secondary">{t('documentsUi.sign.timestamped')}</Typography.Paragraph>
            )
          )}
        </section>
      )}
      {result && result.failed.length > 0 && (
        <section aria-label={t('documentsUi.sign.failed', { count: result.failed.length })}>
          <Alert type="error" showIcon title={t('documentsUi.sign.failed', { count: result.failed.length })} />
          <ul style={{ margin: '8px 0 0' }}>
            {result.failed.map((d) => (
              <li key={d.id}>
                <Typography.Text type="danger">
                  {t('documentsUi.sign.failedItem', { title: d.title, message: d.message })}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
