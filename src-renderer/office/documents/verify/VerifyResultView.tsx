/**
 * The verdict of a signature check: overall (green: valid, red: not valid, grey: not signed) and for
 * each signature who signed, when, whether the content is unchanged since, whether it covers the whole
 * file, whether the certificate was valid and comes from a trusted CA, and the problems found.
 */
import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, MinusCircleFilled } from '@ant-design/icons';
import type { OutputOf } from '../../../../src-shared/api/procedure';
import type { Api } from '../../../../src-shared/api';
import { useT } from '../../../i18n/LocaleContext';
import { dateTimeOf } from '../labels';

export type VerifyResult = OutputOf<Api['signing.verify']>;
export type Verdict = 'valid' | 'invalid' | 'unsigned';

export function verdictOf(result: Pick<VerifyResult, 'signed' | 'valid'>): Verdict {
  return !result.signed ? 'unsigned' : result.valid ? 'valid' : 'invalid';
}

const TONES: Record<Verdict, { color: string; background: string; border: string; tag: string; icon: ReactNode }> = {
  valid: {
    color: '#389e0d',
    background: '#f6ffed',
    border: '#b7eb8f',
    tag: 'green',
    icon: <CheckCircleFilled aria-hidden="true" />,
  },
  invalid: {
    color: '#cf1322',
    background: '#fff1f0',
    border: '#ffa39e',
    tag: 'red',
    icon: <CloseCircleFilled aria-hidden="true" />,
  },
  unsigned: {
    color: '#595959',
    background: '#fafafa',
    border: '#d9d9d9',
    tag: 'default',
    icon: <MinusCircleFilled aria-hidden="true" />,
  },
};

type SignatureCheckView = VerifyResult['signatures'][number];
type SignatureTone = 'valid' | 'untrusted' | 'invalid';

/** One signature: sound and from a trusted CA; sound but of unknown origin; or broken. */
export function signatureTone(s: SignatureCheckView): SignatureTone {
  if (!s.intact || !s.certificateValid) return 'invalid';
  return s.trusted ? 'valid' : 'untrusted';
}

const SIGNATURE_TAGS: Record<SignatureTone, string> = { valid: 'green', untrusted: 'orange', invalid: 'red' };

function YesNo({ value }: { value: boolean }) {
  const t = useT();
  return <Tag color={value ? 'green' : 'red'}>{t(value ? 'documentsUi.verify.yes' : 'documentsUi.verify.no')}</Tag>;
}

export function VerifyResultView({ result }: { result: VerifyResult }) {
  const t = useT();
  const verdict = verdictOf(result);
  const tone = TONES[verdict];
  return (
    <section aria-label={t('documentsUi.verify.result')}>
      <Flex
        role="status"
        data-verdict={verdict}
        align="center"
        gap="middle"
        style={{
          padding: 16,
          marginBottom: 16,
          border: `1px solid ${tone.border}`,
          background: tone.background,
          borderRadius: 8,
        }}
      >
        <span style={{ fontSize: 32, color: tone.color }} aria-hidden="true">
          {tone.icon}
        </span>
        <div>
          <Tag color={tone.tag}>{t(`documentsUi.verify.${verdict}`)}</Tag>
          <Typography.Title level={4} style={{ margin: '4px 0 0', color: tone.color }}>
            {result.verdict}
          </Typography.Title>
        </div>
      </Flex>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {result.signatures.map((s, i) => {
          const tone = signatureTone(s);
          return (
            <Card
              key={i}
              size="small"
              title={t('documentsUi.verify.signature', { n: i + 1, signer: s.signer })}
              extra={<Tag color={SIGNATURE_TAGS[tone]}>{t(`documentsUi.verify.${tone}`)}</Tag>}
            >
              <Typography.Paragraph style={{ marginBottom: 8 }}>{s.verdict}</Typography.Paragraph>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'signer', label: t('documentsUi.verify.signer'), children: s.signer },
                  { key: 'org', label: t('documentsUi.verify.organisation'), children: s.organisation || '—' },
                  {
                    key: 'time',
                    label: t('documentsUi.verify.time'),
                    children: s.signingTime ? dateTimeOf(s.signingTime) : t('documentsUi.verify.noTime'),
                  },
                  { key: 'intact', label: t('documentsUi.verify.intact'), children: <YesNo value={s.intact} /> },
                  {
                    key: 'covers',
                    label: t('documentsUi.verify.covers'),
                    children: <YesNo value={s.coversWholeDocument} />,
                  },
                  {
                    key: 'cert',
                    label: t('documentsUi.verify.certValid'),
                    children: <YesNo value={s.certificateValid} />,
                  },
                  { key: 'trusted', label: t('documentsUi.verify.trusted'), children: <YesNo value={s.trusted} /> },
                  {
                    key: 'timestamp',
                    label: t('documentsUi.verify.timestamp'),
                    children: s.timestamp ? (
                      <Space size={4} wrap>
                        <Tag color={!s.timestamp.valid ? 'red' : s.timestamp.trusted ? 'green' : 'orange'}>
                          {t(
                            !s.timestamp.valid
                              ? 'documentsUi.verify.timestampInvalid'
                              : s.timestamp.trusted
                                ? 'documentsUi.verify.timestampValid'
                                : 'documentsUi.verify.timestampUntrusted',
                          )}
                        </Tag>
                        {t('documentsUi.verify.timestampDetail', {
                          time: dateTimeOf(s.timestamp.time),
                          authority: s.timestamp.authority,
                        })}
                      </Space>
                    ) : (
                      t('documentsUi.verify.noTimestamp')
                    ),
                  },
                  { key: 'level', label: t('documentsUi.verify.level'), children: s.level },
                ]}
              />
              {(s.problems.length > 0 || (s.timestamp?.problems.length ?? 0) > 0) && (
                <>
                  <Typography.Text strong>{t('documentsUi.verify.problems')}</Typography.Text>
                  <ul style={{ margin: '4px 0 0' }}>
                    {[...s.problems, ...(s.timestamp?.problems ?? [])].map((p) => (
                      <li key={p}>
                        <Typography.Text type="danger">{p}</Typography.Text>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Card>
          );
        })}
      </Space>
    </section>
  );
}
