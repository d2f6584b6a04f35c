/** The health module's sections, as tabs above each page. */
import { Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/LocaleContext';
import type { MessageKey } from '../../../src-shared/i18n';

const SECTIONS: readonly { path: string; label: MessageKey }[] = [
  { path: '/health/classes', label: 'health.sections.classes' },
  { path: '/health/summary', label: 'health.sections.summary' },
];

export function HealthNav() {
  const t = useT();
  const { pathname } = useLocation();
  const selected = SECTIONS.find((s) => pathname === s.path || pathname.startsWith(`${s.path}/`))?.path;
  return (
    <nav aria-label={t('health.sections.label')} style={{ marginBottom: 16 }}>
      <Menu
        mode="horizontal"
        selectedKeys={selected ? [selected] : []}
        items={SECTIONS.map((s) => ({ key: s.path, label: <Link to={s.path}>{t(s.label)}</Link> }))}
        style={{ background: 'transparent' }}
      />
    </nav>
  );
}
