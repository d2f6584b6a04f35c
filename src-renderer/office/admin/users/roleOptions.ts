import { ROLES, type Role } from '../../../../src-shared/domain/roles';
import type { Translate } from '../../../i18n/LocaleContext';

export function roleOptions(t: Translate): { value: Role; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }));
}
