import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { client } from '../api/client';
import { OfficeApp } from './OfficeApp';
import './styles.css';

// zod would probe for eval (new Function) before its first parse; the page's CSP forbids eval, and the
// probe shows up as a CSP violation report, so tell zod not to try.
z.config({ jitless: true });

// A data router, for its navigation blocker (unsaved work asks before leaving); the pages keep their
// own <Routes>, all under this one route.
const router = createBrowserRouter([{ path: '*', element: <OfficeApp client={client} /> }]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
