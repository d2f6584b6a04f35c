/** The health module's sections, as tabs above each page. */
import { useT } from '../../i18n/LocaleContext';
import { SectionTabs, type Section } from '../common/SectionTabs';

const SECTIONS: readonly Section[] = [
  { path: '/health/classes', label: 'health.sections.classes' },
  { path: '/health/summary', label: 'health.sections.summary' },
];

export function HealthNav() {
  const t = useT();
  return <SectionTabs label={t('health.sections.label')} sections={SECTIONS} />;
}
