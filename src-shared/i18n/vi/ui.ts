/** Screen texts of the office app. */
export const ui = {
  'app.name': 'Trường Số',
} as const;
