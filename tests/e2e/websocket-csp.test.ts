/**
 * The page's CSP in Chromium (issue 10): connect-src 'self' still lets the UI open /events on its own
 * server (CSP 3 matches ws: to the page's own host and port), and refuses a WebSocket to any other host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';

// Run in the page; a string, because this file is compiled without the DOM's types.
const PROBE = `(async () => {
  const violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  const tryOpen = (url) => new Promise((resolve) => {
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      resolve('thrown');
      return;
    }
    socket.onopen = () => { socket.close(); resolve('open'); };
    socket.onerror = () => resolve('error');
  });
  const own = await tryOpen(location.origin.replace(/^http/, 'ws') + '/events');
  const foreign = await tryOpen('ws://localhost:' + location.port + '/events');
  await new Promise((r) => setTimeout(r, 200)); // violation reports are queued as tasks
  return { own, foreign, violations };
})()`;

describe('the CSP and WebSockets in Chromium', () => {
  let server: CliServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startCliServer();
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'vi-VN' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens /events on the page’s own server and blocks a socket to another host', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Thiết lập ban đầu' }).waitFor();
    const result = await page.evaluate<{
      own: string;
      foreign: string;
      violations: { directive: string; blocked: string }[];
    }>(PROBE);
    expect(result.own).toBe('open');
    expect(result.foreign).not.toBe('open');
    expect(result.violations).toEqual([
      { directive: 'connect-src', blocked: expect.stringMatching(/^ws:\/\/localhost:\d+/) },
    ]);
  });
});
