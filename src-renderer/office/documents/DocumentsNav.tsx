/**
 * The Ký số & văn bản sections, as tabs above each page, each shown only to those who may use it.
 * Trình ký lives at the module's own address (/documents), so it is selected only there, not under
 * the other sections' addresses.
 */
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import type { MessageKey } from '../../../src-shared/i18n';
import type { Permission } from '../../../src-shared/domain/roles';
import { useT } from '../../i18n/LocaleContext';
import { useSignedIn } from '../session/SessionContext';

export interface DocumentsSection {
  path: string;
  label: MessageKey;
  permission: Permission;
}

export const DOCUMENTS_SECTIONS: readonly DocumentsSection[] = [
  { path: '/documents', label: 'documentsUi.sections.submit', permission: 'documents.submit' },
  { path: '/documents/queue', label: 'documentsUi.sections.queue', permission: 'documents.sign' },
  { path: '/documents/register', label: 'documentsUi.sections.register', permission: 'documents.register' },
  { path: '/documents/incoming', label: 'documentsUi.sections.incoming', permission: 'documents.register' },
  { path: '/documents/verify', label: 'documentsUi.sections.verify', permission: 'documents.submit' },
  { path: '/documents/settings', label: 'signingSettingsUi.section', permission: 'signing.manage' },
];

export function selectedSection(pathname: string): string | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  return DOCUMENTS_SECTIONS.filter((s) =>
    s.path === '/documents' ? path === s.path : path === s.path || path.startsWith(`${s.path}/`),
  )[0]?.path;
}

export function DocumentsNav() {
  const t = useT();
  const { can } = useSignedIn();
  const { pathname } = useLocation();
  const selected = selectedSection(pathname);
  const sections = DOCUMENTS_SECTIONS.filter((s) => can(s.permission));
  return (
    <nav aria-label={t('documentsUi.sections.label')} style={{ marginBottom: 16 }}>
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected] : []}
        items={sections.map((s) => ({ key: s.path, label: <Link to={s.path}>{t(s.label)}</Link> }))}
        style={{ background: 'transparent' }}
      />
    </nav>
  );
}
