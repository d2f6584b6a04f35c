import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { BrowserRouter } from 'react-router';
import { client } from '../api/client';
import { OfficeApp } from './OfficeApp';
import './styles.css';

// zod would probe for eval (new Function) before its first parse; the page's CSP forbids eval, and the
// probe shows up as a CSP violation report, so tell zod not to try.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <OfficeApp client={client} />
    </BrowserRouter>
  </StrictMode>,
);
