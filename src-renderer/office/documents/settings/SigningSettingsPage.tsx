/**
 * Cài đặt ký số (/documents/settings, the principal and the administrator): the root CA certificates
 * the school trusts when it checks a received signature, and the RFC 3161 timestamp server the
 * signing job asks for a trusted signing time. Both are school-wide settings kept on the server. Under
 * "Nâng cao", the USB token's library path, for a token not found by itself (TokenModuleCard).
 */
import { useT } from '../../../i18n/LocaleContext';
import { useProcedure } from '../../../lib/useProcedure';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { TrustAnchorsCard } from './TrustAnchorsCard';
import { TimestampCard } from './TimestampCard';
import { TokenModuleCard } from './TokenModuleCard';

export function SigningSettingsPage() {
  const t = useT();
  const anchors = useProcedure('signing.trustAnchors.list', {});
  const settings = useProcedure('signing.settings.get', {});
  const tokenModule = useProcedure('signing.tokenModule.get', {});

  return (
    <LoadGate
      loaded={anchors.data !== undefined && settings.data !== undefined && tokenModule.data !== undefined}
      error={anchors.error ?? settings.error ?? tokenModule.error}
      retry={() => {
        anchors.reload();
        settings.reload();
        tokenModule.reload();
      }}
    >
      <PageTitle title={t('signingSettingsUi.title')} />
      {anchors.data && (
        <TrustAnchorsCard
          anchors={anchors.data.rows}
          loading={anchors.loading}
          loadError={anchors.error?.message ?? null}
          onChanged={anchors.reload}
        />
      )}
      {settings.data && <TimestampCard settings={settings.data} />}
      {tokenModule.data && <TokenModuleCard module={tokenModule.data} onChanged={tokenModule.reload} />}
    </LoadGate>
  );
}
