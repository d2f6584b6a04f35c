/**
 * Đánh giá (TT27): the gradebook with the GVCN's qualities and year-end tabs, the progress board with
 * the locks and the school's rules, and the statistics, each a page under /assessment with the
 * section tabs above it. /assessment itself opens the gradebook, keeping the address's choices.
 */
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { AssessmentNav } from './AssessmentNav';
import { GradebookPage } from './gradebook/GradebookPage';
import { ProgressPage } from './progress/ProgressPage';
import { StatsPage } from './stats/StatsPage';
import { NotFoundPage } from '../common/NotFoundPage';

function AssessmentLayout() {
  return (
    <>
      <AssessmentNav />
      <Outlet />
    </>
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
