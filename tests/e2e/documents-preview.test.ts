/**
 * "Xem" in Chromium against the real `truongso serve --demo`: a teacher submits a three-page PDF
 * made by pdfkit (Vietnamese text in an embedded serif, a line in the non-embedded Helvetica and one in
 * Symbol, a filled box), and a damaged one; the principal opens the queue and previews the PDF in the
 * drawer — pdf.js draws it on canvases in its same-origin module worker, "Trang 1/3", PageDown, zoom —
 * and the damaged one says so in Vietnamese. Throughout, the Content-Security-Policy refuses nothing.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFKitDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { signIn, signOut, watchPageErrors } from './support/pages';

const require = createRequire(import.meta.url);
const SERIF = require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');

const PDF_DOC = { file: 'ke-hoach-day-hoc-tuan-5.pdf', title: 'Kế hoạch dạy học tuần 5', pages: 3 };
const BROKEN_DOC = { file: 'bien-ban-hong.pdf', title: 'Biên bản họp tổ (tệp hỏng)' };

/** A PDF like the ones the school makes: Vietnamese text in an embedded font, A4, several pages. */
function pdfkitFile(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFKitDocument({ size: 'A4', info: { Title: PDF_DOC.title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.registerFont('serif', SERIF);
    for (let page = 1; page <= PDF_DOC.pages; page++) {
      if (page > 1) pdf.addPage();
      // Helvetica is not embedded: pdf.js must manage with the system's fonts, offline.
      pdf.font('Helvetica').fontSize(10).text(`KH-T5-2025 / ${page}`, 72, 40);
      pdf.font('serif').fontSize(20).text(`${PDF_DOC.title} — trang ${page}`, 72, 72);
      pdf
        .fontSize(12)
        .text('Trường Tiểu học Nguyễn Du. Ưu tiên: ôn tập phép nhân, đọc hiểu, tiếng Việt lớp 3.', 72, 110);
      pdf.rect(72, 160, 450, 120).fill('#1565c0');
      // Symbol, not embedded either: the one kind of font whose data pdf.js asks the app for.
      pdf.font('Symbol').fontSize(14).fillColor('black').text('a b g p S', 72, 300);
    }
    pdf.end();
  });
}

/** Collects, in the page, every report of the Content-Security-Policy (a string: no DOM types here). */
const CSP_RECORDER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || ''));
  });
`;

const WORKER_CSP_RECORDER = `
  self.__cspViolations = [];
  self.addEventListener('securitypolicyviolation', (e) => {
    self.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || ''));
  });
`;

/** Counts the pixels of the drawer's first canvas that are not near-white. */
const INK_ON_FIRST_CANVAS = `(() => {
  const canvas = document.querySelector('.ant-drawer canvas');
  if (!canvas || canvas.width === 0) return { width: 0, height: 0, inked: 0 };
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) inked++;
  return { width: canvas.width, height: canvas.height, inked };
})()`;

describe('document preview in Chromium', () => {
  let server: CliServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let tmp: string;
  /** Console lines, from the page and its workers, that speak of the security policy. */
  const cspMessages: string[] = [];
  const workers: Worker[] = [];
  const fontRequests: string[] = [];
  const workerViolations = async () => {
    const all: string[] = [];
    for (const w of workers)
      all.push(...((await w.evaluate('self.__cspViolations || []').catch(() => [])) as string[]));
    return all;
  };

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-preview-e2e-'));
    fs.writeFileSync(path.join(tmp, PDF_DOC.file), await pdfkitFile());
    // A PDF header, then nothing a reader can use: pdf.js itself must give up on it.
    fs.writeFileSync(path.join(tmp, BROKEN_DOC.file), '%PDF-1.7\n%âãÏÓ\nthis is not a PDF body\n%%EOF\n');

    server = await startCliServer({ demo: true });
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    await context.addInitScript(CSP_RECORDER);
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
    const onConsole = (text: string) => {
      if (/Content Security Policy|Refused to/i.test(text)) cspMessages.push(text);
    };
    page.on('console', (m) => onConsole(m.text()));
    page.on('response', (r) => {
      if (/\.pfb$/.test(r.url())) fontRequests.push(`${r.status()} ${r.url()}`);
    });
    page.on('worker', (worker) => {
      worker.on('console', (m) => onConsole(m.text()));
      workers.push(worker);
      // A worker reports to its own global scope, not to the page. Installed as soon as the worker
      // appears; pdf.js's worker compiles nothing at start, what matters is while it draws.
      void worker.evaluate(WORKER_CSP_RECORDER).catch(() => {
        // The worker ended before it could be asked.
      });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const rowOf = (table: Locator, title: string) => table.getByRole('row').filter({ hasText: title });

  it('the principal previews a submitted PDF in the queue, with no CSP violation', async () => {
    // The teacher submits both files through Trình ký.
    await page.goto(`${server.url}/`);
    await signIn(page, 'teacher', 'demo');
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.goto(`${server.url}/documents`);
    await page.getByRole('heading', { name: 'Trình ký văn bản' }).waitFor();
    for (const doc of [PDF_DOC, BROKEN_DOC]) {
      await page.locator('input[type="file"]').setInputFiles(path.join(tmp, doc.file));
      await page.getByText(`Đã chọn: ${doc.file}`).waitFor();
      await page.getByLabel('Tiêu đề văn bản').fill(doc.title);
      await page.getByRole('button', { name: 'Trình ký' }).click();
      await page.getByText(`Đã trình ký «${doc.title}»`).waitFor();
      await expect.poll(() => page.getByLabel('Tiêu đề văn bản').inputValue()).toBe('');
    }
    await signOut(page);

    // The principal's queue.
    await signIn(page, 'principal', 'demo');
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    const response = await page.goto(`${server.url}/documents/queue`);
    expect(response?.headers()['content-security-policy']).toContain("worker-src 'self'");
    const queue = page.getByRole('table', { name: 'Văn bản chờ ký' });
    const row = rowOf(queue, PDF_DOC.title);
    await row.waitFor();

    // The app's own start may already have a report: zod's one-time `Function('')` probe (caught, and
    // not the preview's). Whatever the preview does must add none.
    const before = (await page.evaluate('window.__cspViolations')) as string[];
    expect(before.filter((v) => !/^script-src eval .*\/assets\/index-[\w-]+\.js$/.test(v))).toEqual([]);

    // "Xem" opens the drawer with pdf.js's pages.
    await row.getByRole('button', { name: `Xem «${PDF_DOC.title}»` }).click();
    const drawer = page.getByRole('dialog', { name: `Xem: ${PDF_DOC.title}` });
    await drawer.waitFor();
    await drawer.getByText(`Trang 1/${PDF_DOC.pages}`, { exact: true }).waitFor({ timeout: 30_000 });
    await drawer.getByRole('img', { name: 'Trang 1', exact: true }).locator('canvas').waitFor();
    const ink = (await page.evaluate(INK_ON_FIRST_CANVAS)) as { width: number; height: number; inked: number };
    expect(ink.width).toBeGreaterThan(200);
    // The blue box alone covers about a tenth of the page.
    expect(ink.inked / (ink.width * ink.height)).toBeGreaterThan(0.05);
    // Drawn in pdf.js's own module worker, served by the app itself.
    expect(page.workers().map((w) => w.url())).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${server.url}/assets/pdf\\.worker.*\\.mjs$`))]),
    );

    // The Symbol font's data came from the app's own assets.
    expect(fontRequests).toEqual([expect.stringMatching(/^200 .*\/assets\/FoxitSymbol-[\w-]+\.pfb$/)]);

    // Reading by keyboard: PageDown goes to the next page, PageUp back.
    await drawer.getByRole('region', { name: `Các trang của tệp ${PDF_DOC.file}` }).focus();
    await page.keyboard.press('PageDown');
    await drawer.getByText(`Trang 2/${PDF_DOC.pages}`, { exact: true }).waitFor();
    await drawer.getByRole('img', { name: 'Trang 2', exact: true }).locator('canvas').waitFor();
    await page.keyboard.press('PageUp');
    await drawer.getByText(`Trang 1/${PDF_DOC.pages}`, { exact: true }).waitFor();

    // Zoom: a step in, then back to the drawer's width.
    const fitPercent = await drawer.getByLabel(/^Mức thu phóng \d+%$/).textContent();
    await drawer.getByRole('button', { name: 'Phóng to' }).click();
    await expect.poll(() => drawer.getByLabel(/^Mức thu phóng \d+%$/).textContent()).not.toBe(fitPercent);
    await drawer.getByRole('button', { name: 'Vừa chiều rộng' }).click();
    await expect.poll(() => drawer.getByLabel(/^Mức thu phóng \d+%$/).textContent()).toBe(fitPercent);
    // Asked now: closing the drawer ends pdf.js's worker, and its reports with it.
    expect(await workerViolations()).toEqual([]);
    await drawer.getByRole('button', { name: 'Đóng', exact: true }).click();
    await drawer.waitFor({ state: 'hidden' });

    // A damaged PDF: pdf.js gives up and the drawer says why, in Vietnamese.
    await rowOf(queue, BROKEN_DOC.title)
      .getByRole('button', { name: `Xem «${BROKEN_DOC.title}»` })
      .click();
    const broken = page.getByRole('dialog', { name: `Xem: ${BROKEN_DOC.title}` });
    await broken
      .getByRole('alert')
      .filter({ hasText: `Không đọc được tệp «${BROKEN_DOC.file}»` })
      .waitFor({ timeout: 30_000 });

    // Nothing refused by the policy, in the page or in pdf.js's worker; no error at all.
    expect(await page.evaluate('window.__cspViolations')).toEqual(before);
    expect(await workerViolations()).toEqual([]);
    expect(cspMessages).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
