#!/usr/bin/env node
// The `truongso` command: runs the bundled CLI built by `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/node/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('Trường Số chưa được build. Hãy chạy "npm run build" trong thư mục mã nguồn trước.\n');
  process.exit(1);
}
await import(entry.href);
