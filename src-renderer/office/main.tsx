import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { client } from '../api/client';
import { OfficeApp } from './OfficeApp';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <OfficeApp client={client} />
    </BrowserRouter>
  </StrictMode>,
);
