/** The schema and the committed migrations agree: drizzle-kit finds nothing new to generate. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsDir } from '../../src-main/paths';
import { tempDir } from './support/server';

describe('migrations', () => {
  it('drizzle-kit generate has nothing to add', () => {
    const work = tempDir('truongso-kit-');
    const out = path.join(work, 'migrations');
    fs.cpSync(migrationsDir(), out, { recursive: true });
    const before = fs.readdirSync(out).sort();
    const config = path.join(work, 'drizzle.config.json');
    fs.writeFileSync(
      config,
      // drizzle-kit wants paths relative to the working directory.
      JSON.stringify({
        dialect: 'sqlite',
        schema: './src-main/store/tables.ts',
        out: path.relative(process.cwd(), out),
      }),
    );
    const run = spawnSync(
      process.execPath,
      [path.resolve('node_modules/drizzle-kit/bin.cjs'), 'generate', `--config=${config}`],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/No schema changes/);
    expect(fs.readdirSync(out).sort()).toEqual(before);
  });
});
