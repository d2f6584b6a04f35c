/** The server serves the built UI: the page for client-side routes, files as they are now on disk, 404 otherwise. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/server/start';
import { silentLogger } from '../../src-main/core/app';
import { tempDir } from './support/server';

let server: RunningServer;
let ui: string;

beforeAll(async () => {
  ui = tempDir('truongso-ui-');
  fs.mkdirSync(path.join(ui, 'assets'));
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Trường Số</title><div id="root"></div>');
  fs.writeFileSync(path.join(ui, 'assets', 'app-1.js'), 'console.log(1)');
  server = await startServer({ dataDir: tempDir(), port: 0, schedule: false, log: silentLogger, rendererDir: ui });
});
afterAll(() => server.close());

describe('the built UI', () => {
  it('serves the page at the root and for client-side routes, with the security headers', async () => {
    for (const route of ['/', '/users', '/admin/audit?from=2025-01-01']) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status, route).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('lets the page connect only to its own origin, WebSockets included', async () => {
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/);
        return [name!, sources] as const;
      }),
    );
    // CSP 3: 'self' covers ws: and wss: to the page's own host and port; a bare ws: would allow any host.
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('serves files written after the server started (a rebuild), and 404 for missing ones', async () => {
    expect((await fetch(`${server.url}/assets/app-1.js`)).status).toBe(200);
    fs.writeFileSync(path.join(ui, 'assets', 'app-2.js'), 'console.log(2)');
    const fresh = await fetch(`${server.url}/assets/app-2.js`);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${server.url}/assets/app-3.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/favicon.ico`)).status).toBe(404);
  });
});
