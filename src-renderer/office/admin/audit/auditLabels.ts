/**
 * Human names for audit actions and outcomes. The catalog has a name for the actions people look for
 * ('action.users.create'); any other action is shown by its procedure name.
 */
import { api } from '../../../../src-shared/api';
import { vi } from '../../../../src-shared/i18n/vi';
import type { MessageKey } from '../../../../src-shared/i18n';
import type { Translate } from '../../../i18n/LocaleContext';

/** Audit actions that are not procedures: written by the file upload route and the backup schedule. */
const OTHER_ACTIONS = ['files.upload', 'backup.daily'];

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

export function actionLabel(t: Translate, action: string): string | null {
  const key = `action.${action}`;
  return isMessageKey(key) ? t(key) : null;
}

export function outcomeLabel(t: Translate, outcome: string): string {
  const key = `audit.outcome.${outcome}`;
  return isMessageKey(key) ? t(key) : outcome;
}

/** Every action name that can appear, and each capability prefix ('users.') that matches a group. */
export function knownActions(): { prefixes: string[]; actions: string[] } {
  const actions = [...Object.keys(api), ...OTHER_ACTIONS].sort();
  const prefixes = [...new Set(actions.map((a) => `${a.split('.')[0]!}.`))].sort();
  return { prefixes, actions };
}

export function capabilityLabel(t: Translate, prefix: string): string {
  const key = `capability.${prefix.slice(0, -1)}`;
  return isMessageKey(key) ? t(key) : prefix;
}
