/**
 * The procedure client the screens use, from context rather than a module singleton, so that tests can
 * hand in a client pointed at a real server of their own.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ProcedureClient } from '../api/client';

const ClientContext = createContext<ProcedureClient | null>(null);

export function ClientProvider({ client, children }: { client: ProcedureClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): ProcedureClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() outside <ClientProvider>');
  return client;
}
