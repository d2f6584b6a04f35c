/** Which logged actions are not changes: what the viewer's "Chỉ thay đổi" leaves out. */
import { api } from '../../../src-shared/api';
import { AUDIT_SENTENCES, isChangeAction } from '../../../src-shared/domain/auditSentences';

let cached: string[] | null = null;

/**
 * Every procedure that only reads (its refused calls are logged too), and every action the sentence
 * table marks as no change (views and exports of personal data, sign-ins, uploads).
 */
export function nonChangeActions(): string[] {
  cached ??= [
    ...Object.entries(api)
      .filter(([, c]) => c.audit !== 'write')
      .map(([name]) => name),
    ...Object.keys(AUDIT_SENTENCES).filter((name) => !isChangeAction(name)),
  ];
  return cached;
}
