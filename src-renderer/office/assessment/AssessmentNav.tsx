/** The Đánh giá module's sections, as tabs above each page; the progress board is the management's. */
import { useT } from '../../i18n/LocaleContext';
import { useSignedIn } from '../session/SessionContext';
import { SectionTabs, type Section } from '../common/SectionTabs';

const GRADEBOOK: Section = { path: '/assessment/gradebook', label: 'assessmentUi.sections.gradebook' };
const PROGRESS: Section = { path: '/assessment/progress', label: 'assessmentUi.sections.progress' };
const STATS: Section = { path: '/assessment/stats', label: 'assessmentUi.sections.stats' };

export function AssessmentNav() {
  const t = useT();
  const { user } = useSignedIn();
  const sections = user.role === 'teacher' ? [GRADEBOOK, STATS] : [GRADEBOOK, PROGRESS, STATS];
  return <SectionTabs label={t('assessmentUi.sections.label')} sections={sections} />;
}
