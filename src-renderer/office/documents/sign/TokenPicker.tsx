/**
 * The USB tokens found and the certificates on them, one radio choice per certificate (arrow keys move
 * between them). A token is shown by its CA's name ("USB token VNPT-CA") and the holder of each
 * certificate, and told apart by its label and serial, never by a slot number; no library path shows
 * here (that is the signing settings' advanced section). A certificate that cannot sign (expired, not
 * yet valid, no digital-signature use) says why and cannot be chosen.
 */
import { Card, Empty, Radio, Space, Tag, Typography } from 'antd';
import { UsbOutlined } from '@ant-design/icons';
import type { CertificateView, TokenView } from '../../../../src-shared/api/documents';
import { useT } from '../../../i18n/LocaleContext';
import { dateOf } from '../labels';

export interface CertChoice {
  tokenLabel: string;
  tokenSerial: string;
  certSerial: string;
}

export function choiceKey(c: CertChoice): string {
  return JSON.stringify([c.tokenLabel, c.tokenSerial, c.certSerial]);
}

export function findChoice(
  tokens: readonly TokenView[],
  choice: CertChoice | null,
): { token: TokenView; certificate: CertificateView } | null {
  if (!choice) return null;
  const token = tokens.find((tk) => tk.label === choice.tokenLabel && tk.serial === choice.tokenSerial);
  const certificate = token?.certificates.find((c) => c.serial === choice.certSerial);
  return token && certificate ? { token, certificate } : null;
}

/** The only certificate that can sign, if there is exactly one: chosen for the user. */
export function onlyUsableChoice(tokens: readonly TokenView[]): CertChoice | null {
  const usable = tokens.flatMap((tk) =>
    tk.pinLocked
      ? []
      : tk.certificates
          .filter((c) => c.problem === null)
          .map((c) => ({ tokenLabel: tk.label, tokenSerial: tk.serial, certSerial: c.serial })),
  );
  return usable.length === 1 ? usable[0]! : null;
}

function TokenTags({ token }: { token: TokenView }) {
  const t = useT();
  if (token.pinLocked) return <Tag color="red">{t('documentsUi.sign.tokenLocked')}</Tag>;
  if (token.pinFinalTry) return <Tag color="red">{t('documentsUi.sign.tokenFinal')}</Tag>;
  if (token.pinLow) return <Tag color="orange">{t('documentsUi.sign.tokenLow')}</Tag>;
  return null;
}

export function TokenPicker({
  tokens,
  providers,
  value,
  onChange,
  disabled,
}: {
  tokens: readonly TokenView[];
  /** Whose token libraries were looked in ("VNPT-CA", "Viettel-CA"…). */
  providers: readonly string[];
  value: CertChoice | null;
  onChange(choice: CertChoice): void;
  disabled?: boolean;
}) {
  const t = useT();
  const modulesLine = (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      {providers.length > 0
        ? t('documentsUi.sign.providers', { list: providers.join(', ') })
        : t('documentsUi.sign.noModules')}
    </Typography.Paragraph>
  );

  if (tokens.length === 0) {
    return (
      <>
        <Empty
          image={<UsbOutlined aria-hidden="true" style={{ fontSize: 48, color: '#8c8c8c' }} />}
          description={
            <Space orientation="vertical" size={4}>
              <Typography.Text strong>{t('documentsUi.sign.noToken')}</Typography.Text>
              <Typography.Text type="secondary">{t('documentsUi.sign.noTokenHint')}</Typography.Text>
            </Space>
          }
        />
        {modulesLine}
      </>
    );
  }

  return (
    <>
      <Radio.Group
        name="documents-sign-certificate"
        value={value ? choiceKey(value) : undefined}
        disabled={disabled}
        onChange={(e) => {
          const [tokenLabel, tokenSerial, certSerial] = JSON.parse(String(e.target.value)) as string[];
          onChange({ tokenLabel: tokenLabel!, tokenSerial: tokenSerial!, certSerial: certSerial! });
        }}
        style={{ width: '100%' }}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {tokens.map((token) => (
            <Card
              key={`${token.label}|${token.serial}`}
              size="small"
              title={
                <Space wrap>
                  <UsbOutlined aria-hidden="true" />
                  <span>
                    {token.provider
                      ? t('documentsUi.sign.tokenOf', { provider: token.provider })
                      : t('documentsUi.sign.tokenUnknown')}
                  </span>
                  <TokenTags token={token} />
                </Space>
              }
              extra={
                <Typography.Text type="secondary">
                  {t('documentsUi.sign.tokenMeta', { label: token.label, serial: token.serial })}
                </Typography.Text>
              }
            >
              {token.certificates.length === 0 && (
                <Typography.Text type="secondary">{t('documentsUi.sign.noCertificate')}</Typography.Text>
              )}
              <Space orientation="vertical" style={{ width: '100%' }}>
                {token.certificates.map((c) => (
                  <Radio
                    key={c.serial}
                    value={choiceKey({ tokenLabel: token.label, tokenSerial: token.serial, certSerial: c.serial })}
                    disabled={c.problem !== null}
                    aria-label={t('documentsUi.sign.certChoice', { holder: c.holder, serial: c.serial })}
                  >
                    <Typography.Text strong>{c.holder}</Typography.Text>
                    {c.organisation && (
                      <Typography.Text>
                        {' · '}
                        {t('documentsUi.sign.cert.organisation')}: {c.organisation}
                      </Typography.Text>
                    )}
                    <br />
                    <Typography.Text type="secondary">
                      {[
                        `${t('documentsUi.sign.cert.issuer')}: ${c.issuer}`,
                        `${t('documentsUi.sign.cert.serial')}: ${c.serial}`,
                        `${t('documentsUi.sign.cert.validity')}: ${t('documentsUi.sign.cert.range', {
                          from: dateOf(c.validFrom),
                          to: dateOf(c.validTo),
                        })}`,
                      ].join(' · ')}
                    </Typography.Text>
                    {c.problem && (
                      <>
                        <br />
                        <Typography.Text type="danger">{c.problem}</Typography.Text>
                      </>
                    )}
                  </Radio>
                ))}
              </Space>
            </Card>
          ))}
        </Space>
      </Radio.Group>
      {modulesLine}
    </>
  );
}
