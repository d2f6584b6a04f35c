import { core } from './vi/core';
import { ui } from './vi/ui';
import { facilities } from './vi/facilities';
import { health } from './vi/health';
import { assessment } from './vi/assessment';
import { documents } from './vi/documents';
import { assessmentUi } from './vi/assessmentUi';
import { documentsUi } from './vi/documentsUi';
import { previewUi } from './vi/previewUi';
import { signingSettings } from './vi/signingSettings';
import { signingSettingsUi } from './vi/signingSettingsUi';
import { audit } from './vi/audit';
import { lab } from './vi/lab';

export const vi = {
  ...core,
  ...ui,
  ...facilities,
  ...health,
  ...assessment,
  ...documents,
  ...assessmentUi,
  ...documentsUi,
  ...previewUi,
  ...signingSettings,
  ...signingSettingsUi,
  ...audit,
  ...lab,
} as const;
