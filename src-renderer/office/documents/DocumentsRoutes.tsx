/**
 * Ký số & văn bản: trình ký (/documents), the principal's signing queue, the outgoing and incoming
 * registers (sổ văn bản đi, đến), the signature check and the signing settings, each a page under /documents with the section tabs above it. A page the user's role
 * may not use shows the 403 page: the layout's guard decides, from the sections' permissions
 * (layout/routeAccess.ts).
 */
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../common/NotFoundPage';
import { PageGuard } from '../layout/PageGuard';
import { DocumentsNav } from './DocumentsNav';
import { SubmitPage } from './submit/SubmitPage';
import { QueuePage } from './queue/QueuePage';
import { RegisterPage } from './register/RegisterPage';
import { IncomingPage } from './register/IncomingPage';
import { VerifyPage } from './verify/VerifyPage';
import { SigningSettingsPage } from './settings/SigningSettingsPage';

function DocumentsLayout() {
  return (
    <>
      <DocumentsNav />
      <PageGuard />
    </>
  );
}

/** Mounted at /documents/*. */
export function DocumentsRoutes() {
  return (
    <Routes>
      <Route element={<DocumentsLayout />}>
        <Route index element={<SubmitPage />} />
        <Route path="queue" element={<QueuePage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="incoming" element={<IncomingPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="settings" element={<SigningSettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
