/**
 * "Ký số": signs the ticked documents with one PIN entry. The dialog asks the server for the USB
 * tokens and their certificates, shown by their CA's name and holder (a library path for a token not
 * found by itself is set once in the signing settings' advanced section, never asked here),
 * takes the PIN — never stored, cleared as soon as it is sent — the place of the visible signature and
 * the position written in it, then follows the signing job to its end: the documents signed, with their
 * register numbers, and those that failed, with the reason (they stay in the queue to try again).
 * In the desktop app the token may instead be plugged into this PC (an office PC): the documents stay
 * on the server and only digests and signature values cross the LAN (signOnThisPc.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Divider, Flex, Form, Input, Modal, Progress, Radio, Segmented, Spin, Typography } from 'antd';
import { ReloadOutlined, SignatureOutlined } from '@ant-design/icons';
import { signResult, type DocumentView } from '../../../../src-shared/api/documents';
import { useClient } from '../../../lib/ClientContext';
import { useJob } from '../../../lib/useJob';
import { jobActive } from '../../../../src-shared/api/jobs';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { TokenPicker, findChoice, onlyUsableChoice, type CertChoice } from './TokenPicker';
import { PinField } from './PinField';
import { pinLevel, pinRefusal, MIN_PIN } from './pinGuard';
import { SignResultView } from './SignResultView';
import { SignatureImagePicker, useRememberedSignatureImage } from './SignatureImagePicker';
import { desktopBridge } from '../../../lib/bridge';
import { useLocalTokens } from './useLocalTokens';
import { signOnThisPc, type SignOnThisPcOutcome } from './signOnThisPc';
import { localTokenModule } from '../settings/localTokenModule';

type TokenPlace = 'thisPc' | 'server';

/** Signing run in this window (token on this PC), followed as the server's job is. */
interface LocalRun {
  done: number;
  total: number;
  outcome: SignOnThisPcOutcome | null;
  cancelled: boolean;
}

export const VISIBLE_PLACES = ['bottom-right', 'bottom-left', 'none'] as const;
export type VisiblePlace = (typeof VISIBLE_PLACES)[number];

const POSITION_INPUT_ID = 'documents-sign-position';

export function SignDialog({
  documents,
  onClose,
  onFinished,
}: {
  documents: DocumentView[];
  onClose(): void;
  /** The job ended (whatever its outcome): the queue behind the dialog is out of date. */
  onFinished(): void;
}) {
  const t = useT();
  const client = useClient();
  // The library set for this PC in the signing settings (desktop app only); the server uses its own.
  const [localModule] = useState(() => localTokenModule());
  const bridge = desktopBridge();
  // In the desktop app the token is usually in the PC the principal sits at.
  const [place, setPlace] = useState<TokenPlace>(bridge ? 'thisPc' : 'server');
  const onThisPc = place === 'thisPc' && bridge !== null;
  const serverTokens = useProcedure('signing.tokens', onThisPc ? null : {});
  const localTokens = useLocalTokens(onThisPc ? bridge : null, localModule);
  const tokens = onThisPc ? localTokens : serverTokens;
  const [localRun, setLocalRun] = useState<LocalRun | null>(null);
  const stopLocal = useRef<AbortController | null>(null);
  const [choice, setChoice] = useState<CertChoice | null>(null);
  const [pin, setPin] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [visible, setVisible] = useState<VisiblePlace>('bottom-right');
  const [image, setImage] = useRememberedSignatureImage();
  const imageFileId = visible !== 'none' && image ? { imageFileId: image.id } : {};
  const [position, setPosition] = useState(() => t('documentsUi.sign.positionDefault'));
  const [tried, setTried] = useState(false);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const followed = useJob(jobId);
  // The job of an earlier try is still held for one render after a new one started.
  const job = followed.job && followed.job.id === jobId ? followed.job : null;
  const jobError = followed.error;
  const started = jobId !== null || localRun !== null;

  const found = tokens.data?.tokens;
  // Keep the user's choice while it is still there; else choose the only certificate that can sign.
  useEffect(() => {
    if (!found) return;
    setChoice((current) => (findChoice(found, current) ? current : onlyUsableChoice(found)));
  }, [found]);

  const chosen = findChoice(found ?? [], choice);
  const level = pinLevel(chosen?.token ?? null);
  const refusal = pinRefusal(level, pin, confirmed);
  // What no typing can mend: the button stays off (a short PIN is said when the user tries).
  const blocked =
    refusal === 'locked' || refusal === 'unconfirmed' || (chosen !== null && chosen.certificate.problem !== null);
  const running = localRun
    ? localRun.outcome === null
    : jobId !== null && !jobError && (job === null || jobActive(job.status));
  const ended = started && !running;

  const reported = useRef(false);
  useEffect(() => {
    if (ended && !reported.current) {
      reported.current = true;
      onFinished();
    }
  }, [ended, onFinished]);

  const choose = (next: CertChoice) => {
    // A PIN belongs to one token: typed for another, it is dropped.
    if (!chosen || next.tokenLabel !== chosen.token.label || next.tokenSerial !== chosen.token.serial) {
      setPin('');
      setConfirmed(false);
    }
    setChoice(next);
  };

  const switchPlace = (next: TokenPlace) => {
    // Another PC, other tokens: what was chosen and typed for one does not carry over.
    setPlace(next);
    setChoice(null);
    setPin('');
    setConfirmed(false);
  };

  const start = async () => {
    setTried(true);
    setStartError(null);
    if (!chosen || chosen.certificate.problem !== null || refusal !== null) return;
    const typed = pin;
    const confirmFinalTry = confirmed;
    // The PIN leaves the dialog with this call and is not kept anywhere.
    setPin('');
    setConfirmed(false);
    setTried(false);
    if (onThisPc) {
      const abort = new AbortController();
      stopLocal.current = abort;
      setLocalRun({ done: 0, total: documents.length, outcome: null, cancelled: false });
      const outcome = await signOnThisPc(
        client,
        bridge,
        {
          documents,
          token: {
            ...(localModule ? { modulePath: localModule } : {}),
            tokenLabel: chosen.token.label,
            tokenSerial: chosen.token.serial,
            certSerial: chosen.certificate.serial,
            pin: typed,
            confirmFinalTry,
          },
          visible,
          position: position.trim(),
          ...imageFileId,
        },
        (done, total) => setLocalRun((r) => r && { ...r, done, total }),
        abort.signal,
      );
      setLocalRun((r) => r && { ...r, outcome, cancelled: abort.signal.aborted });
      return;
    }
    setStarting(true);
    const started = await client.call('documents.sign', {
      tokenLabel: chosen.token.label,
      tokenSerial: chosen.token.serial,
      certSerial: chosen.certificate.serial,
      ids: documents.map((d) => d.id),
      pin: typed,
      confirmFinalTry,
      visible,
      position: position.trim(),
      ...imageFileId,
    });
    setStarting(false);
    if (started.ok) setJobId(started.value.jobId);
    else {
      setStartError(started.error.message);
      // A wrong PIN changes what the token reports about its tries.
      tokens.reload();
    }
  };

  const count = documents.length;
  const parsed = job && !running ? signResult.safeParse(job.result) : null;
  const outcome = localRun?.outcome ?? null;
  const result = outcome ? outcome.result : parsed?.success ? parsed.data : null;
  const cancelled = localRun ? localRun.cancelled : job?.status === 'cancelled';
  const failure = localRun
    ? (outcome?.stopped ?? null)
    : (jobError?.message ?? (job?.status === 'failed' ? (job.error?.message ?? '') : null));
  // Nothing was signed (a wrong PIN, the token pulled out): the same documents can be tried again.
  const canRetry = ended && !cancelled && !(result && result.signed.length > 0);

  const retry = () => {
    setJobId(null);
    setLocalRun(null);
    stopLocal.current = null;
    setStartError(null);
    reported.current = false;
    // What the token now says about its PIN tries.
    tokens.reload();
  };
  const done = localRun ? localRun.done : (job?.progress.done ?? 0);
  const total = (localRun ? localRun.total : job?.progress.total) || count;
  const stop = () => {
    if (stopLocal.current) stopLocal.current.abort();
    else if (jobId) void client.call('jobs.cancel', { id: jobId });
  };

  return (
    <Modal
      open
      title={t('documentsUi.sign.title', { count })}
      width={760}
      onCancel={running || starting ? undefined : onClose}
      closable={!running && !starting}
      keyboard={!running && !starting}
      mask={{ closable: false }}
      footer={null}
      destroyOnHidden
    >
      {!started ? (
        <Form layout="vertical" onFinish={() => void start()} disabled={starting}>
          <Typography.Title level={5}>{t('documentsUi.sign.tokens')}</Typography.Title>
          {bridge && (
            <Form.Item label={t('documentsUi.sign.place')} style={{ marginBottom: 12 }}>
              <Segmented<TokenPlace>
                value={place}
                onChange={switchPlace}
                options={[
                  { value: 'thisPc', label: t('documentsUi.sign.place.thisPc') },
                  { value: 'server', label: t('documentsUi.sign.place.server') },
                ]}
              />
            </Form.Item>
          )}
          {tokens.error && (
            <Alert type="error" showIcon role="alert" title={tokens.error.message} style={{ marginBottom: 12 }} />
          )}
          <Spin spinning={tokens.loading} description={t('documentsUi.sign.searching')}>
            {found ? (
              <TokenPicker
                tokens={found}
                providers={tokens.data?.providers ?? []}
                value={choice}
                onChange={choose}
                disabled={starting}
              />
            ) : (
              <div style={{ minHeight: 80 }} />
            )}
          </Spin>
          <Button icon={<ReloadOutlined aria-hidden="true" />} onClick={tokens.reload} style={{ marginTop: 4 }}>
            {t('documentsUi.sign.rescan')}
          </Button>
          <Divider style={{ margin: '8px 0 16px' }} />
          {tried && !chosen && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('documentsUi.sign.chooseCert')}
              style={{ marginBottom: 12 }}
            />
          )}
          <PinField
            level={level}
            pin={pin}
            onPin={setPin}
            confirmed={confirmed}
            onConfirmed={setConfirmed}
            error={tried && refusal === 'short' ? t('documentsUi.sign.pinShort', { min: MIN_PIN }) : null}
            disabled={starting}
          />
          <Form.Item label={t('documentsUi.sign.visible')}>
            <Radio.Group
              name="documents-sign-visible"
              value={visible}
              onChange={(e) => setVisible(e.target.value as VisiblePlace)}
              options={VISIBLE_PLACES.map((v) => ({ value: v, label: t(`documentsUi.sign.visible.${v}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('documentsUi.sign.position')} htmlFor={POSITION_INPUT_ID}>
            <Input
              id={POSITION_INPUT_ID}
              value={position}
              maxLength={100}
              onChange={(e) => setPosition(e.target.value)}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
          <Form.Item label={t('documentsUi.sign.image')} extra={t('documentsUi.sign.image.hint')}>
            <SignatureImagePicker value={image} onChange={setImage} disabled={starting || visible === 'none'} />
          </Form.Item>
          {startError && <Alert type="error" showIcon role="alert" title={startError} style={{ marginBottom: 12 }} />}
          <Flex justify="end" gap="small">
            <Button onClick={onClose} disabled={starting}>
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SignatureOutlined aria-hidden="true" />}
              loading={starting}
              disabled={blocked}
            >
              {t('documentsUi.sign.start', { count })}
            </Button>
          </Flex>
        </Form>
      ) : (
        <>
          <Typography.Text aria-live="polite">
            {running && ((localRun ? '' : job?.progress.message) || t('documentsUi.sign.running', { done, total }))}
          </Typography.Text>
          <Progress
            percent={running ? (total > 0 ? Math.round((done / total) * 100) : 0) : 100}
            status={running ? 'active' : failure === null && !cancelled ? 'success' : 'exception'}
            aria-label={t('documentsUi.sign.progress')}
            style={{ marginBottom: 16 }}
          />
          {ended && <SignResultView result={result} cancelled={cancelled} error={failure} />}
          <Flex justify="end" gap="small" style={{ marginTop: 16 }}>
            {canRetry && <Button onClick={retry}>{t('documentsUi.sign.retry')}</Button>}
            {running && <Button onClick={stop}>{t('documentsUi.sign.stop')}</Button>}
            <Button type="primary" disabled={running} onClick={onClose}>
              {t('documentsUi.sign.close')}
            </Button>
          </Flex>
        </>
      )}
    </Modal>
  );
}
