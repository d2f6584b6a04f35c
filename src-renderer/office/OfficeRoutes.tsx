/** The office app's pages. The server serves index.html for any path, so every route can be opened directly. */
import { Route, Routes } from 'react-router';
import { RequireSession } from './session/RequireSession';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './auth/LoginPage';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { HomePage } from './home/HomePage';
import { UnderConstructionPage } from './common/UnderConstructionPage';
import { NotFoundPage } from './common/NotFoundPage';
import { UsersPage } from './admin/users/UsersPage';
import { SchoolPage } from './admin/school/SchoolPage';
import { AuditPage } from './admin/audit/AuditPage';
import { BackupPage } from './admin/backup/BackupPage';
import { MODULES } from './layout/modules';
import { RecordsRoutes } from './records/RecordsRoutes';
import { HealthRoutes } from './health/HealthRoutes';
import { AssessmentRoutes } from './assessment/AssessmentRoutes';
import { DocumentsRoutes } from './documents/DocumentsRoutes';

export function OfficeRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="/change-password" element={<ChangePasswordPage />} />
          {MODULES.filter((m) => m.underConstruction).map((m) => (
            <Route key={m.path} path={m.path} element={<UnderConstructionPage entry={m} />} />
          ))}
          <Route path="/records/*" element={<RecordsRoutes />} />
          <Route path="/health/*" element={<HealthRoutes />} />
          <Route path="/assessment/*" element={<AssessmentRoutes />} />
          <Route path="/documents/*" element={<DocumentsRoutes />} />
          <Route path="/users" element={<UsersPage />} />
          <Route path="/school" element={<SchoolPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="/backup" element={<BackupPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
