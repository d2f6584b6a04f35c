/**
 * The first thing the app does: ask the server whether the school is set up. A new school gets the
 * first-run wizard; an existing one gets the signed-in app (or the login page).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Result } from 'antd';
import type { ApiError } from '../../../src-shared/api/envelope';
import { useClient } from '../../lib/ClientContext';
import { useT } from '../../i18n/LocaleContext';
import { SessionProvider } from '../session/SessionContext';
import { SetupWizard } from '../setup/SetupWizard';
import { OfficeRoutes } from '../OfficeRoutes';
import { FullPageSpinner } from '../common/FullPageSpinner';
import { SchoolStatusContext, type SchoolStatus, type SchoolStatusValue } from './SchoolStatusContext';

export function StartGate() {
  const client = useClient();
  const t = useT();
  const [status, setStatus] = useState<SchoolStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    const result = await client.call('school.status', {});
    if (result.ok) {
      setStatus(result.value);
      setError(null);
    } else setError(result.error);
  }, [client]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<SchoolStatusValue | null>(() => (status ? { status, reload } : null), [status, reload]);

  if (!value) {
    if (!error) return <FullPageSpinner />;
    return (
      <Result
        status="error"
        title={t('app.serverUnreachable')}
        subTitle={error.message}
        extra={
          <Button type="primary" onClick={() => void reload()}>
            {t('app.retry')}
          </Button>
        }
      />
    );
  }

  return (
    <SchoolStatusContext.Provider value={value}>
      <SessionProvider>{value.status.initialized ? <OfficeRoutes /> : <SetupWizard />}</SessionProvider>
    </SchoolStatusContext.Provider>
  );
}
