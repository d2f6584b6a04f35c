/**
 * "Xem" in jsdom, against a real server with the demo school: the principal previews, from the
 * signing queue, a file that is not a PDF (name, size, download), a "PDF" that is not one (a message at
 * once, pdf.js never loaded), and a PDF pdf.js refuses for its password (spinner first, then the
 * message). pdf.js cannot draw in jsdom, so its module is replaced here by a stand-in whose answer each
 * test decides; the real drawing is checked in Chromium (tests/e2e/documents-preview.test.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import type { DocumentView } from '../../../src-shared/api/documents';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import {
  currentPageAt,
  failureOf,
  fitWidthScale,
  isPdfFile,
  looksLikePdf,
  MAX_CANVAS_PIXELS,
  outputScale,
  zoomIn,
  zoomOut,
} from '../../../src-renderer/office/documents/preview/previewMath';
import { previewTargetOf } from '../../../src-renderer/office/documents/preview/PreviewDrawer';

const pdfjs = vi.hoisted(() => ({ openPdf: vi.fn<(data: Uint8Array) => Promise<never>>() }));
vi.mock('../../../src-renderer/office/documents/preview/pdfjs', () => pdfjs);

const SLOW = { timeout: 15_000 };
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Node's File: the in-process client sends it with Node's fetch, which cannot read jsdom's blobs. */
function nodeFile(content: string, name: string, type: string): File {
  return new NodeFile([content], name, { type }) as unknown as File;
}

async function submitted(client: ProcedureClient, file: File, title: string): Promise<DocumentView> {
  const stored = await client.upload(file, file.name, 'document');
  if (!stored.ok) throw new Error(stored.error.message);
  return client.get('documents.submit', { fileId: stored.value.id, title, kind: 'report' });
}

/** Opens the queue and the preview of `title`; returns the drawer. */
async function preview(principal: ProcedureClient, title: string): Promise<HTMLElement> {
  const user = setupUser();
  renderApp(principal, '/documents/queue');
  const table = await screen.findByRole('table', { name: 'Văn bản chờ ký' }, SLOW);
  const row = (await within(table).findByText(title, {}, SLOW)).closest('tr')!;
  await user.click(within(row).getByRole('button', { name: `Xem «${title}»` }));
  return screen.findByRole('dialog', { name: `Xem: ${title}` }, SLOW);
}

describe('preview helpers', () => {
  it('tells PDFs by type or name, and by their first bytes', () => {
    expect(isPdfFile({ name: 'ke-hoach.PDF', mime: 'application/octet-stream' })).toBe(true);
    expect(isPdfFile({ name: 'ban-ky', mime: 'application/pdf' })).toBe(true);
    expect(isPdfFile({ name: 'bang-diem.xlsx', mime: XLSX_MIME })).toBe(false);
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(looksLikePdf(bytes('%PDF-1.7\n'))).toBe(true);
    // Junk before the header, as some scanners write, is accepted within the first KB.
    expect(looksLikePdf(bytes(`${' '.repeat(500)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(bytes(`${' '.repeat(1100)}%PDF-1.4`))).toBe(false);
    expect(looksLikePdf(bytes('PK\u0003\u0004'))).toBe(false);
    expect(looksLikePdf(bytes('<!doctype html>'))).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });

  it('zooms by steps, fits the width, caps the canvas and follows the page being read', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    // A fit-width scale between steps goes to the neighbouring steps.
    expect(zoomIn(1.18)).toBe(1.25);
    expect(zoomOut(1.18)).toBe(1.1);
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(0.25)).toBe(0.25);
    expect(fitWidthScale(1190, 595)).toBe(2);
    expect(fitWidthScale(0, 595)).toBe(1);
    expect(outputScale(800, 1100, 2)).toBe(2);
    const capped = outputScale(3000, 4000, 2);
    expect(3000 * 4000 * capped * capped).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
    const tops = [12, 1000, 1988];
    expect(currentPageAt(tops, 0, 800)).toBe(1);
    expect(currentPageAt(tops, 900, 800)).toBe(2);
    expect(currentPageAt(tops, 5000, 800)).toBe(3);
    expect(failureOf(Object.assign(new Error('No password given'), { name: 'PasswordException' }))).toBe('password');
    expect(failureOf(new Error('Invalid PDF structure.'))).toBe('unreadable');
  });

  it('previews the signed PDF of a signed document, else the file as submitted', () => {
    const file = { id: 1, name: 'bang-diem.xlsx', size: 10, mime: XLSX_MIME };
    const p7s = { id: 2, name: 'bang-diem.xlsx.p7s', size: 3, mime: 'application/pkcs7-signature' };
    const signedPdf = { id: 3, name: 'ke-hoach-da-ky.pdf', size: 20, mime: 'application/pdf' };
    expect(previewTargetOf({ title: 'A', file, signedFile: null }).file).toBe(file);
    expect(previewTargetOf({ title: 'A', file, signedFile: p7s }).file).toBe(file);
    expect(previewTargetOf({ title: 'A', file, signedFile: signedPdf }).file).toBe(signedPdf);
  });
});

describe('Xem in the signing queue', () => {
  let ts: RendererTestServer;
  let teacher: ProcedureClient;
  let principal: ProcedureClient;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    teacher = await signIn(ts, 'teacher', DEMO_PASSWORD);
    principal = await signIn(ts, 'principal', DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => ts.close());
  afterEach(() => {
    vi.restoreAllMocks();
    pdfjs.openPdf.mockReset();
  });

  it('shows the name, size and a download button for a file that is not a PDF', async () => {
    const content = `PK\u0003\u0004${'x'.repeat(2044)}`;
    const doc = await submitted(teacher, nodeFile(content, 'bang-diem-lop-3a.xlsx', XLSX_MIME), 'Bảng điểm lớp 3A');
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:bang-diem';
      },
      revokeObjectURL: () => {},
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    const drawer = await preview(principal, doc.title);
    expect(await within(drawer).findByText('Tệp này không hiển thị được trong ứng dụng')).toBeTruthy();
    // One way to read a document, one to download it: no "Xem trước" beside a "Tải về để xem".
    const row = within(screen.getByRole('table', { name: 'Văn bản chờ ký' }))
      .getByText(doc.title)
      .closest('tr')!;
    expect(within(row).queryByRole('button', { name: /Xem trước/ })).toBeNull();
    expect(screen.queryByText(/Tải về để xem/)).toBeNull();
    // What the document is and who submitted it, above the file.
    expect(within(drawer).getByText('Người trình')).toBeTruthy();
    expect(within(drawer).getByText('Báo cáo')).toBeTruthy();
    expect(within(drawer).getByText('bang-diem-lop-3a.xlsx (2 KB)')).toBeTruthy();
    await setupUser().click(within(drawer).getByRole('button', { name: 'Tải về «bang-diem-lop-3a.xlsx»' }));
    await waitFor(() => expect(click).toHaveBeenCalled(), SLOW);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    expect(pdfjs.openPdf).not.toHaveBeenCalled();
  });

  it('says at once, in Vietnamese, that a ".pdf" that is no PDF cannot be read', async () => {
    const html = '<!doctype html><title>Lỗi</title><p>Không tìm thấy trang</p>';
    const doc = await submitted(teacher, nodeFile(html, 'bien-ban.pdf', 'application/pdf'), 'Biên bản họp');
    const drawer = await preview(principal, doc.title);
    const alert = await within(drawer).findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain(
      'Không đọc được tệp «bien-ban.pdf»: tệp không phải là PDF hợp lệ hoặc đã bị hỏng.',
    );
    expect(alert.textContent).toContain('Bạn vẫn có thể tải tệp về để mở bằng phần mềm khác.');
    // Told from the first bytes: pdf.js was not even loaded.
    expect(pdfjs.openPdf).not.toHaveBeenCalled();
    // The download stays at hand in the drawer's header.
    expect(within(drawer).getByRole('button', { name: 'Tải về «bien-ban.pdf»' })).toBeTruthy();
  });

  it('shows a spinner while pdf.js opens the file, then why it could not', async () => {
    const pdf = '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n';
    const doc = await submitted(teacher, nodeFile(pdf, 'luong-thang-9.pdf', 'application/pdf'), 'Bảng lương tháng 9');
    let refuse: (error: Error) => void = () => {};
    pdfjs.openPdf.mockImplementation(
      () =>
        new Promise<never>((_resolve, reject) => {
          refuse = reject;
        }),
    );
    const drawer = await preview(principal, doc.title);
    expect(await within(drawer).findByText('Đang mở tệp PDF…', {}, SLOW)).toBeTruthy();
    // pdf.js was given the file's bytes as they are stored.
    expect(new TextDecoder().decode(pdfjs.openPdf.mock.calls[0]![0])).toBe(pdf);

    refuse(Object.assign(new Error('No password given'), { name: 'PasswordException' }));
    const alert = await within(drawer).findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain(
      'Tệp «luong-thang-9.pdf» được đặt mật khẩu nên không xem trước được trong ứng dụng.',
    );
    expect(within(drawer).queryByText('Đang mở tệp PDF…')).toBeNull();
  });
});
