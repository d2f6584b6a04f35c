/** What `school.status` said at start: set up or not, demo or not. Reloaded after setup and restore. */
import { createContext, useContext } from 'react';
import type { OutputOf } from '../../../src-shared/api/procedure';
import type { Api } from '../../../src-shared/api';

export type SchoolStatus = OutputOf<Api['school.status']>;

export interface SchoolStatusValue {
  status: SchoolStatus;
  reload(): Promise<void>;
}

export const SchoolStatusContext = createContext<SchoolStatusValue | null>(null);

export function useSchoolStatus(): SchoolStatusValue {
  const value = useContext(SchoolStatusContext);
  if (!value) throw new Error('useSchoolStatus() outside <StartGate>');
  return value;
}
