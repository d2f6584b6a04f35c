/**
 * Ký số & văn bản: trình ký (/documents), the principal's signing queue, the document register and the
 * signature check, each a page under /documents with the section tabs above it. A page the user's role
 * may not use shows the 403 page (the server refuses its data anyway).
 */
import type { ReactNode } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import type { Permission } from '../../../src-shared/domain/roles';
import { useSignedIn } from '../session/SessionContext';
import { ForbiddenPage } from '../common/ForbiddenPage';
import { NotFoundPage } from '../common/NotFoundPage';
import { DocumentsNav } from './DocumentsNav';
import { SubmitPage } from './submit/SubmitPage';
import { QueuePage } from './queue/QueuePage';
import { RegisterPage } from './register/RegisterPage';
import { VerifyPage } from './verify/VerifyPage';
import { SigningSettingsPage } from './settings/SigningSettingsPage';

function DocumentsLayout() {
  const { can } = useSignedIn();
  // The administrator submits nothing but keeps the signing settings: only that section is theirs.
  if (!can('documents.submit') && !can('signing.manage')) return <ForbiddenPage />;
  return (
    <>
      <DocumentsNav />
      <Outlet />
    </>
  );
}

function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSignedIn();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}

/** Mounted at /documents/*. */
export function DocumentsRoutes() {
  return (
    <Routes>
      <Route element={<DocumentsLayout />}>
        <Route
          index
          element={
            <Allowed permission="documents.submit">
              <SubmitPage />
            </Allowed>
          }
        />
        <Route
          path="queue"
          element={
            <Allowed permission="documents.sign">
              <QueuePage />
            </Allowed>
          }
        />
        <Route
          path="register"
          element={
            <Allowed permission="documents.register">
              <RegisterPage />
            </Allowed>
          }
        />
        <Route
          path="verify"
          element={
            <Allowed permission="documents.submit">
              <VerifyPage />
            </Allowed>
          }
        />
        <Route
          path="settings"
          element={
            <Allowed permission="signing.manage">
              <SigningSettingsPage />
            </Allowed>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
