import { core } from './en/core';
import { ui } from './en/ui';
import { facilities } from './en/facilities';
import { health } from './en/health';
import { assessment } from './en/assessment';
import { documents } from './en/documents';
import { assessmentUi } from './en/assessmentUi';
import { documentsUi } from './en/documentsUi';
import { previewUi } from './en/previewUi';
import { signingSettings } from './en/signingSettings';
import { signingSettingsUi } from './en/signingSettingsUi';
import { audit } from './en/audit';
import { lab } from './en/lab';
import type { vi } from './vi';

export const en: Record<keyof typeof vi, string> = {
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
};
