/** The Đánh giá module's sections, as tabs above each page; who sees which is in layout/routeAccess.ts. */
import { useT } from '../../i18n/LocaleContext';
import { SectionTabs, type Section } from '../common/SectionTabs';

const GRADEBOOK: Section = { path: '/assessment/gradebook', label: 'assessmentUi.sections.gradebook' };
const PROGRESS: Section = { path: '/assessment/progress', label: 'assessmentUi.sections.progress' };
const STATS: Section = { path: '/assessment/stats', label: 'assessmentUi.sections.stats' };

export function AssessmentNav() {
  const t = useT();
  return <SectionTabs label={t('assessmentUi.sections.label')} sections={[GRADEBOOK, PROGRESS, STATS]} />;
}
