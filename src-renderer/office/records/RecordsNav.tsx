/** The Hồ sơ module's sections, as tabs above each page; each is a link so it can be opened directly. */
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../../src-shared/i18n';

const SECTIONS: readonly { path: string; label: MessageKey }[] = [
  { path: '/records/pupils', label: 'recordsNav.pupils' },
  { path: '/records/classes', label: 'recordsNav.classes' },
  { path: '/records/staff', label: 'recordsNav.staff' },
  { path: '/records/rooms', label: 'recordsNav.rooms' },
  { path: '/records/facilities', label: 'facilities.nav' },
];

export function RecordsNav() {
  const t = useT();
  const { pathname } = useLocation();
  const selected = SECTIONS.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`))?.path;
  return (
    <nav aria-label={t('recordsNav.label')} style={{ marginBottom: 16 }}>
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected] : []}
        items={SECTIONS.map((s) => ({ key: s.path, label: <Link to={s.path}>{t(s.label)}</Link> }))}
        style={{ background: 'transparent' }}
      />
    </nav>
  );
}
