/**
 * Hồ sơ: pupils, classes, staff, rooms and facilities (equipment, computers), each a page under
 * /records with the section tabs above it.
 */
import { Navigate, Route, Routes } from 'react-router';
import { RecordsNav } from './RecordsNav';
import { PupilsPage } from './pupils/PupilsPage';
import { PupilProfilePage } from './pupils/PupilProfilePage';
import { PupilCreatePage, PupilEditPage } from './pupils/PupilFormPage';
import { StaffCreatePage, StaffEditPage } from './staff/StaffFormPage';
import { ClassesPage } from './classes/ClassesPage';
import { PromotionPage } from './classes/PromotionPage';
import { StaffPage } from './staff/StaffPage';
import { RoomsPage } from './rooms/RoomsPage';
import { FacilitiesPage } from './facilities/FacilitiesPage';
import { ImportPage } from './import/ImportPage';
import { NotFoundPage } from '../common/NotFoundPage';
import { PageGuard } from '../layout/PageGuard';

function RecordsLayout() {
  return (
    <>
      <RecordsNav />
      <PageGuard />
    </>
  );
}

/** Mounted at /records/*. */
export function RecordsRoutes() {
  return (
    <Routes>
      <Route element={<RecordsLayout />}>
        <Route index element={<Navigate to="pupils" replace />} />
        <Route path="pupils" element={<PupilsPage />} />
        <Route path="pupils/import" element={<ImportPage kind="pupils" />} />
        <Route path="pupils/new" element={<PupilCreatePage />} />
        <Route path="pupils/:id" element={<PupilProfilePage />} />
        <Route path="pupils/:id/edit" element={<PupilEditPage />} />
        <Route path="classes" element={<ClassesPage />} />
        <Route path="classes/promotion" element={<PromotionPage />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="staff/import" element={<ImportPage kind="staff" />} />
        <Route path="staff/new" element={<StaffCreatePage />} />
        <Route path="staff/:id/edit" element={<StaffEditPage />} />
        <Route path="rooms" element={<RoomsPage />} />
        <Route path="facilities" element={<FacilitiesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
