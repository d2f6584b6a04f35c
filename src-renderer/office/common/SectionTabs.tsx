/** A module's sections as tabs above each page; each is a link, so a section can be opened directly. */
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import type { MessageKey } from '../../../src-shared/i18n';
import { useT } from '../../i18n/LocaleContext';
import { useSignedIn } from '../session/SessionContext';
import { mayOpen } from '../layout/routeAccess';

export interface Section {
  path: string;
  label: MessageKey;
}

export function SectionTabs({ label, sections }: { label: string; sections: readonly Section[] }) {
  const t = useT();
  const { pathname } = useLocation();
  const { user } = useSignedIn();
  // The same table as the route guard: a tab is offered only where it leads to a page, not to a 403.
  sections = sections.filter((s) => mayOpen(user.role, s.path));
  const selected = sections.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`))?.path;
  return (
    <nav aria-label={label} style={{ marginBottom: 16 }}>
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected] : []}
        items={sections.map((s) => ({ key: s.path, label: <Link to={s.path}>{t(s.label)}</Link> }))}
        style={{ background: 'transparent' }}
      />
    </nav>
  );
}
