/**
 * Holds a page back until its first data arrived. The server decides who may see what: a page is
 * never drawn for a user it refused (403 page), and every refusal is in the server's audit log.
 */
import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import type { ApiError } from '../../../src-shared/api/envelope';
import { useT } from '../../i18n/LocaleContext';
import { FullPageSpinner } from './FullPageSpinner';
import { ForbiddenPage } from './ForbiddenPage';

export interface LoadGateProps {
  loaded: boolean;
  error: ApiError | null;
  retry(): void;
  children: ReactNode;
}

export function LoadGate({ loaded, error, retry, children }: LoadGateProps) {
  const t = useT();
  if (error?.code === 'forbidden') return <ForbiddenPage />;
  if (loaded) return <>{children}</>;
  if (!error) return <FullPageSpinner />;
  return (
    <Result
      status="error"
      title={t('page.error.title')}
      subTitle={error.message}
      extra={
        <Button type="primary" onClick={retry}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}
