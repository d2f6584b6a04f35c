import { core } from './vi/core';
import { ui } from './vi/ui';
import { facilities } from './vi/facilities';
import { health } from './vi/health';
import { assessment } from './vi/assessment';
import { documents } from './vi/documents';
import { assessmentUi } from './vi/assessmentUi';
import { documentsUi } from './vi/documentsUi';

export const vi = {
  ...core,
  ...ui,
  ...facilities,
  ...health,
  ...assessment,
  ...documents,
  ...assessmentUi,
  ...documentsUi,
} as const;
