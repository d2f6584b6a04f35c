/**
 * Đánh giá (TT27): the gradebook with the GVCN's qualities and year-end tabs, the progress board with
 * the locks and the school's rules, and the statistics, each a page under /assessment with the
 * section tabs above it. /assessment itself opens the gradebook, keeping the address's choices.
 */
import { ConfigProvider } from 'antd';
import { DownOutlined, EllipsisOutlined } from '@ant-design/icons';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useT } from '../../i18n/LocaleContext';
import { AssessmentNav } from './AssessmentNav';
import { GradebookPage } from './gradebook/GradebookPage';
import { ProgressPage } from './progress/ProgressPage';
import { StatsPage } from './stats/StatsPage';
import { NotFoundPage } from '../common/NotFoundPage';
import { PageGuard } from '../layout/PageGuard';

/**
 * antd names its icons in English for screen readers ("down" beside every list, "ellipsis" on the tabs'
 * overflow button): the arrow is decoration, the overflow button says what it opens.
 */
function AssessmentLayout() {
  const t = useT();
  return (
    <ConfigProvider
      select={{ suffixIcon: <DownOutlined aria-hidden="true" /> }}
      tabs={{ more: { icon: <EllipsisOutlined aria-label={t('assessmentUi.moreTabs')} /> } }}
    >
      <AssessmentNav />
      <PageGuard />
    </ConfigProvider>
  );
}

function ToGradebook() {
  const { search } = useLocation();
  return <Navigate to={{ pathname: 'gradebook', search }} replace />;
}

/** Mounted at /assessment/*. */
export function AssessmentRoutes() {
  return (
    <Routes>
      <Route element={<AssessmentLayout />}>
        <Route index element={<ToGradebook />} />
        <Route path="gradebook" element={<GradebookPage />} />
        <Route path="progress" element={<ProgressPage />} />
        <Route path="stats" element={<StatsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
