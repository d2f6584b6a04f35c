/**
 * The office app without its router, so the browser entry can use a browser router and tests a
 * memory one (both data routers: the unsaved-work guard needs one), each with the procedure client of
 * its choice.
 */
import type { ProcedureClient } from '../api/client';
import { ClientProvider } from '../lib/ClientContext';
import { LocaleProvider } from '../i18n/LocaleContext';
import { StartGate } from './start/StartGate';

export function OfficeApp({ client }: { client: ProcedureClient }) {
  return (
    <ClientProvider client={client}>
      <LocaleProvider>
        <StartGate />
      </LocaleProvider>
    </ClientProvider>
  );
}
