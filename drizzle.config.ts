import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/store/tables.ts',
  out: './src-main/store/migrations',
  strict: true,
  verbose: true,
});
