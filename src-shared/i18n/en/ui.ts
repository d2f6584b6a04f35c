import type { ui as viUi } from '../vi/ui';

export const ui: Record<keyof typeof viUi, string> = {
  'app.name': 'Trường Số',
};
