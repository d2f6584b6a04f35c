/** The frame around every signed-in page: side menu of the suite's modules, header with the user. */
import { useEffect, useMemo, useState } from 'react';
import { Button, Layout, Menu, type MenuProps } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { useT } from '../../i18n/LocaleContext';
import { useSignedIn } from '../session/SessionContext';
import { ADMIN_ENTRIES, ADMIN_ICON, HOME, MODULES, visibleEntries, type ModuleEntry } from './modules';
import { AppHeader } from './AppHeader';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';
import { mayOpen, moduleOpen } from './routeAccess';
import { SOON_COLOR, SoonTag } from './SoonTag';
import { hideIconDefaultNames } from './iconLabels';
import { ForbiddenPage } from '../common/ForbiddenPage';

const ADMIN_KEY = 'admin';

function selectedPath(pathname: string, entries: readonly ModuleEntry[]): string {
  const match = entries
    .filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? (pathname === '/' ? '/' : '');
}

export function AppLayout() {
  const t = useT();
  const { can, user } = useSignedIn();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // The whole document: dialogs, menus and tooltips are drawn outside the layout.
  useEffect(() => hideIconDefaultNames(document.body), []);

  const adminEntries = visibleEntries(ADMIN_ENTRIES, can);
  const selected = selectedPath(pathname, [HOME, ...MODULES, ...ADMIN_ENTRIES]);
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    ADMIN_ENTRIES.some((e) => e.path === selected) ? [ADMIN_KEY] : [],
  );

  const items = useMemo<MenuProps['items']>(() => {
    const link = (e: ModuleEntry) => ({
      key: e.path,
      icon: e.underConstruction ? <span style={{ color: SOON_COLOR }}>{e.icon}</span> : e.icon,
      // A module not built yet sits among the others, greyed and tagged, so nobody mistakes it for a working one.
      label: e.underConstruction ? (
        <Link to={e.path} style={{ color: SOON_COLOR }}>
          {t(e.label)} <SoonTag />
        </Link>
      ) : (
        <Link to={e.path}>{t(e.label)}</Link>
      ),
    });
    const list: NonNullable<MenuProps['items']> = [link(HOME), ...visibleEntries(MODULES, can).map(link)];
    // A role with no administrative right does not see the submenu at all.
    if (adminEntries.length > 0) {
      list.push({ key: ADMIN_KEY, icon: ADMIN_ICON, label: t('nav.admin'), children: adminEntries.map(link) });
    }
    return list;
  }, [t, can, adminEntries]);

  return (
    <UnsavedChangesGuard>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider
          collapsible
          // antd's own trigger is not a button; ours is, with a name, and reachable by Tab.
          trigger={null}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          // Folds by itself below 1200 px: at 1024 px the pages need the width more than the labels.
          breakpoint="xl"
          width={256}
          collapsedWidth={64}
          theme="light"
          // The menu stays in view while a long page scrolls.
          style={{
            borderInlineEnd: '1px solid rgba(5, 5, 5, 0.06)',
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
        >
          <Link to="/" className="ts-brand" aria-label={t('app.name')}>
            <span className="ts-brand-mark" aria-hidden="true">
              TS
            </span>
            {!collapsed && <span className="ts-brand-name">{t('app.name')}</span>}
          </Link>
          <nav aria-label={t('nav.mainMenu')}>
            <Menu
              mode="inline"
              items={items}
              selectedKeys={selected ? [selected] : []}
              openKeys={collapsed ? undefined : openKeys}
              onOpenChange={setOpenKeys}
              style={{ borderInlineEnd: 0 }}
            />
          </nav>
          <Button
            type="text"
            block
            icon={collapsed ? <MenuUnfoldOutlined aria-hidden="true" /> : <MenuFoldOutlined aria-hidden="true" />}
            aria-label={collapsed ? t('nav.expandMenu') : t('nav.collapseMenu')}
            aria-expanded={!collapsed}
            onClick={() => setCollapsed(!collapsed)}
            style={{ marginTop: 8 }}
          />
        </Layout.Sider>
        <Layout>
          <AppHeader />
          <Layout.Content style={{ padding: 24 }}>
            <main>
              {/* Typing an address the menu does not offer this role leads nowhere further than the menu
                  would: a module not offered, here; a page of an offered module, under its tabs (PageGuard). */}
              {mayOpen(user.role, pathname) || moduleOpen(user.role, pathname) ? <Outlet /> : <ForbiddenPage />}
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </UnsavedChangesGuard>
  );
}
