/** Y tế học đường: checks by class, the summary, and each pupil's health page, under /health. */
import { Navigate, Route, Routes } from 'react-router';
import { HealthNav } from './HealthNav';
import { ClassHealthPage } from './classes/ClassHealthPage';
import { PupilHealthPage } from './pupil/PupilHealthPage';
import { HealthSummaryPage } from './summary/HealthSummaryPage';
import { NotFoundPage } from '../common/NotFoundPage';
import { PageGuard } from '../layout/PageGuard';

function HealthLayout() {
  return (
    <>
      <HealthNav />
      <PageGuard />
    </>
  );
}

/** Mounted at /health/*. */
export function HealthRoutes() {
  return (
    <Routes>
      <Route element={<HealthLayout />}>
        <Route index element={<Navigate to="classes" replace />} />
        <Route path="classes" element={<ClassHealthPage />} />
        <Route path="summary" element={<HealthSummaryPage />} />
        <Route path="pupils/:id" element={<PupilHealthPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
