/**
 * The signing workflow of issue 5, in Chromium against the real `truongso serve --demo` with a real
 * SoftHSM2 token (a test CA, the principal's RSA certificate and the school's ECDSA one): the teacher
 * submits three PDFs with a note → the principal's queue shows them → all three ticked and signed in one
 * job, after a wrong PIN that signs nothing → the register numbers them with the principal as signer →
 * the teacher sees them signed → a signed copy saved through the app's download passes pdfsig → the
 * verify page says valid with the signer's name, and invalid once one signed byte is changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFKitDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { signIn, signOut, watchPageErrors } from './support/pages';
import { callApi } from './support/api';
import { createSoftHsm, USER_PIN, type SoftHsm } from '../support/softhsm';
import { testCa, type Issued } from '../unit/signing/pki';
import { pdfsig } from '../integration/signing/fixture';

/** The demo school's principal and teacher (src-main/core/demo/seed.ts). */
const PRINCIPAL = { username: 'principal', password: 'demo', fullName: 'Trần Thị Thu Hà' };
const TEACHER = { username: 'teacher', password: 'demo', fullName: 'Nguyễn Thị Minh Anh' };
const TOKEN_LABEL = 'Token Hiệu trưởng';
const NOTE = 'Kính trình cô Hiệu trưởng ký trước thứ Sáu';

interface Doc {
  file: string;
  title: string;
  kind: string;
  /** ASCII text written in the PDF's Info dictionary: the byte changed to break its signature. */
  marker: string;
}

const DOCS: readonly Doc[] = [
  { file: 'ke-hoach-thang-10.pdf', title: 'Kế hoạch chuyên môn tháng 10', kind: 'Kế hoạch', marker: 'KH-T10-2025' },
  { file: 'bao-cao-si-so.pdf', title: 'Báo cáo sĩ số đầu năm', kind: 'Báo cáo', marker: 'BC-SISO-2025' },
  {
    file: 'quyet-dinh-to-chuyen-mon.pdf',
    title: 'Quyết định lập tổ chuyên môn',
    kind: 'Quyết định',
    marker: 'QD-TCM-2025',
  },
];

/** A two-page PDF made by pdfkit, uncompressed, with the marker as its Info title. */
function pdfkitFile(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFKitDocument({ size: 'A4', compress: false, info: { Title: doc.marker } });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    for (let page = 1; page <= 2; page++) {
      if (page > 1) pdf.addPage();
      pdf.fontSize(16).text(`${doc.marker} - trang ${page}`, 72, 72);
      pdf.fontSize(11).text('Truong Tieu hoc - van ban thu nghiem ky so', 72, 110);
      pdf.rect(72, 140, 420, 160).stroke();
    }
    pdf.end();
  });
}

/** The byte ranges of the last signature: [start1, length1, start2, length2]. */
function byteRange(pdf: Buffer): [number, number, number, number] {
  const all = [...pdf.toString('latin1').matchAll(/\/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  expect(all.length).toBeGreaterThan(0);
  return all.at(-1)!.slice(1).map(Number) as [number, number, number, number];
}

/** The signed PDF with one letter of the original's Info title changed: a byte the signature covers. */
function tampered(signed: Buffer, marker: string): Buffer {
  const at = signed.indexOf(`(${marker})`, 0, 'latin1');
  expect(at).toBeGreaterThan(0);
  const [start, length] = byteRange(signed);
  expect(start).toBe(0);
  expect(at + 1).toBeLessThan(start + length);
  const copy = Buffer.from(signed);
  // 'K' → 'X', 'B' → 'X', 'Q' → 'X': same length, the file's structure untouched.
  copy[at + 1] = 'X'.charCodeAt(0);
  expect(copy.equals(signed)).toBe(false);
  return copy;
}

describe('signing workflow in Chromium', () => {
  let hsm: SoftHsm;
  let principalCert: Issued;
  let schoolCert: Issued;
  let server: CliServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let tmp: string;
  let principalToken: string;
  const files = new Map<string, string>();

  const nav = () => page.getByRole('navigation', { name: 'Menu chính' });
  const sections = () => page.getByRole('navigation', { name: 'Các mục văn bản và ký số' });
  const openSection = async (name: string, heading: string) => {
    await sections().getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
  };
  /** The table row that shows a document's title. */
  const rowOf = (table: Locator, title: string) => table.getByRole('row').filter({ hasText: title });
  const queueCount = async () =>
    (
      await callApi<{ total: number }>(
        server.url,
        'documents.list',
        { scope: 'queue', status: 'submitted' },
        principalToken,
      )
    ).total;

  beforeAll(async () => {
    // The token store is the test's own; the child server is pointed at it through its environment.
    const before = process.env.SOFTHSM2_CONF;
    hsm = createSoftHsm();
    if (before === undefined) delete process.env.SOFTHSM2_CONF;
    else process.env.SOFTHSM2_CONF = before;
    const ca = testCa();
    principalCert = ca.leaf({ kind: 'RSA', cn: PRINCIPAL.fullName, title: 'Hiệu trưởng' });
    schoolCert = ca.leaf({ kind: 'EC', cn: 'Trường Tiểu học Nguyễn Du' });
    hsm.initToken(TOKEN_LABEL);
    hsm.importKey(TOKEN_LABEL, principalCert.key, principalCert.cert, '01');
    hsm.importKey(TOKEN_LABEL, schoolCert.key, schoolCert.cert, '02');
    hsm.importCert(TOKEN_LABEL, ca.cert, 'ca');

    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-signing-e2e-'));
    for (const doc of DOCS) {
      const file = path.join(tmp, doc.file);
      fs.writeFileSync(file, await pdfkitFile(doc));
      files.set(doc.title, file);
    }

    server = await startCliServer({ demo: true, env: { ...hsm.env, TRUONGSO_SERIF: 'bundled' } });
    browser = await launchBrowser();
    page = await browser.newPage({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
    pageErrors = watchPageErrors(page);
    principalToken = (
      await callApi<{ token: string }>(server.url, 'auth.login', {
        username: PRINCIPAL.username,
        password: PRINCIPAL.password,
      })
    ).token;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    hsm?.cleanup();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('submit → queue → one-PIN batch signing → register → submitter → pdfsig → verify page', async () => {
    // 1. The teacher submits three PDFs with a note through Trình ký.
    await page.goto(server.url);
    await signIn(page, TEACHER.username, TEACHER.password);
    await page.getByRole('heading', { name: `Xin chào, ${TEACHER.fullName}` }).waitFor();
    await nav().getByRole('link', { name: 'Ký số & văn bản' }).click();
    await page.getByRole('heading', { name: 'Trình ký văn bản' }).waitFor();
    // A teacher has no queue and no register.
    expect(await sections().getByRole('link').allTextContents()).toEqual(['Trình ký', 'Kiểm tra chữ ký']);
    await openSection('Trình ký', 'Trình ký văn bản');

    const mine = page.getByRole('table', { name: 'Văn bản tôi đã trình' });
    for (const doc of DOCS) {
      await page.locator('input[type="file"]').setInputFiles(files.get(doc.title)!);
      await page.getByText(`Đã chọn: ${doc.file}`).waitFor();
      // The title starts as the file's name; the teacher writes the real one.
      // The title starts as the file's name in words ("ke-hoach-thang-10.pdf" → "Ke hoach thang 10").
      const words = doc.file.replace(/\.pdf$/, '').replace(/-/g, ' ');
      await expect
        .poll(() => page.getByLabel('Tiêu đề văn bản').inputValue())
        .toBe(words.charAt(0).toUpperCase() + words.slice(1));
      await page.getByLabel('Tiêu đề văn bản').fill(doc.title);
      await page.getByLabel('Loại văn bản').click();
      await page.getByRole('option', { name: doc.kind, exact: true }).click();
      await page.getByLabel('Ghi chú cho người ký').fill(NOTE);
      await page.getByRole('button', { name: 'Trình ký' }).click();
      await page.getByText(`Đã trình ký «${doc.title}»`).waitFor();
      const row = rowOf(mine, doc.title);
      await row.waitFor();
      expect(await row.textContent()).toContain('Chờ ký');
      expect(await row.textContent()).toContain(`Ghi chú: ${NOTE}`);
      // The form is empty again for the next document.
      await expect.poll(() => page.getByLabel('Tiêu đề văn bản').inputValue()).toBe('');
    }
    await page.getByText('3 văn bản', { exact: true }).waitFor();
    expect(await queueCount()).toBe(3);
    await signOut(page);

    // 2. The principal's queue: all three ticked and signed in one job; a wrong PIN first signs nothing.
    await signIn(page, PRINCIPAL.username, PRINCIPAL.password);
    await page.getByRole('heading', { name: `Xin chào, ${PRINCIPAL.fullName}` }).waitFor();
    await nav().getByRole('link', { name: 'Ký số & văn bản' }).click();
    await page.getByRole('heading', { name: 'Trình ký văn bản' }).waitFor();
    await openSection('Hàng chờ ký', 'Hàng chờ ký');

    const queue = page.getByRole('table', { name: 'Văn bản chờ ký' });
    await page.getByText('3 văn bản chờ ký, văn bản trình sớm nhất ở trên cùng').waitFor();
    for (const doc of DOCS) {
      const row = rowOf(queue, doc.title);
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain(TEACHER.fullName);
      expect(text).toContain(`Ghi chú: ${NOTE}`);
      expect(text).toContain(doc.kind);
    }
    const signButton = page.getByRole('button', { name: /^\S*\s*Ký số \(\d+\)$/ });
    expect(await signButton.isDisabled()).toBe(true);

    // Tick all three with the header checkbox.
    await queue.getByRole('columnheader').getByRole('checkbox').check();
    await page.getByText('Đã chọn 3 văn bản').waitFor();
    for (const doc of DOCS) expect(await queue.getByRole('checkbox', { name: doc.title }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Ký số (3)' }).click();

    const dialog = page.getByRole('dialog', { name: 'Ký số 3 văn bản' });
    await dialog.waitFor();
    // The token from the test's store, named by whose library found it and by its label, with both
    // certificates; none chosen yet, as two can sign. No library path of the server is shown.
    await dialog.getByText('USB token SoftHSM2 (token mềm để thử nghiệm)', { exact: true }).waitFor();
    await dialog.getByText(new RegExp(`^Nhãn: ${TOKEN_LABEL} · Số sê-ri: `)).waitFor();
    expect(await dialog.textContent()).not.toMatch(/\.so\b|\.dll\b|\/usr\/|PKCS#11/);
    expect(await dialog.getByRole('textbox', { name: /thư viện|đường dẫn/i }).count()).toBe(0);
    const principalChoice = dialog.getByRole('radio', {
      name: `Chứng thư của ${PRINCIPAL.fullName}, số sê-ri ${principalCert.serial}`,
    });
    const schoolChoice = dialog.getByRole('radio', {
      name: `Chứng thư của Trường Tiểu học Nguyễn Du, số sê-ri ${schoolCert.serial}`,
    });
    await principalChoice.waitFor({ state: 'attached' });
    expect(await schoolChoice.count()).toBe(1);
    expect(await principalChoice.isChecked()).toBe(false);
    expect(await schoolChoice.isChecked()).toBe(false);
    // The CA certificate on the token is not offered.
    expect(await dialog.getByRole('radio', { name: /^Chứng thư của / }).count()).toBe(2);
    await principalChoice.check();

    // A wrong PIN first.
    const pin = dialog.getByLabel('Mã PIN của token');
    await pin.fill('999999');
    await dialog.getByRole('button', { name: 'Ký 3 văn bản' }).click();
    await dialog.getByText('Việc ký không hoàn tất: Mã PIN không đúng.').waitFor();
    expect(await dialog.getByText(/Đã ký \d+ văn bản/).count()).toBe(0);
    expect(await queueCount()).toBe(3);
    // The queue behind the dialog still holds the three.
    await page.getByText('3 văn bản chờ ký, văn bản trình sớm nhất ở trên cùng').waitFor();

    // Again with the right PIN: the PIN field is empty, the same certificate still chosen.
    await dialog.getByRole('button', { name: 'Nhập lại mã PIN và ký lại' }).click();
    await pin.waitFor();
    expect(await pin.inputValue()).toBe('');
    await expect.poll(() => principalChoice.isChecked()).toBe(true);
    // The token now counts a wrong PIN: the dialog says so before the second try.
    await dialog.getByRole('alert').filter({ hasText: 'Token báo đã có lần nhập sai mã PIN' }).waitFor();
    await pin.fill(USER_PIN);
    await dialog.getByRole('button', { name: 'Ký 3 văn bản' }).click();

    const signed = dialog.getByRole('region', { name: 'Đã ký 3 văn bản' });
    await signed.waitFor({ timeout: 60_000 });
    const progress = dialog.getByRole('progressbar', { name: 'Tiến độ ký số' });
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    const items = await signed.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(3);
    const signedNumbers = new Set<string>();
    for (const doc of DOCS) {
      const item = items.find((i) => i.startsWith(`${doc.title} — số `));
      expect(item, doc.title).toBeDefined();
      const number = /— số (\d+\/\d{4})$/.exec(item!)?.[1];
      expect(number, item).toBeDefined();
      signedNumbers.add(number!);
    }
    expect(signedNumbers.size).toBe(3);
    expect(await dialog.getByText(/Không ký được/).count()).toBe(0);

    // The primary "Đóng" under the result (the corner ✕ is also named "Đóng").
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Không có văn bản nào chờ ký').waitFor();
    expect(await queueCount()).toBe(0);

    // 3. The register lists the three numbered, signed by the principal; the signed copy passes pdfsig.
    await openSection('Sổ văn bản đi', 'Sổ đăng ký văn bản đi');
    const register = page.getByRole('table', { name: 'Sổ đăng ký văn bản đi' });
    await page.getByText('3 văn bản', { exact: true }).waitFor();
    const numbers: number[] = [];
    for (const doc of DOCS) {
      const row = rowOf(register, doc.title);
      await row.waitFor();
      const cells = await row.getByRole('cell').allTextContents();
      // Số, ký hiệu as NĐ 30/2020 writes them: the number in its year, then the kind and the school.
      expect(cells[0]).toMatch(/^\d+\/[A-ZĐ]+(-[A-ZĐ]+)?$/);
      numbers.push(Number(cells[0]!.split('/')[0]));
      expect(cells.join(' ')).toContain(`${doc.kind}: ${doc.title}`);
      expect(cells).toContain(PRINCIPAL.fullName);
    }
    // Numbered one after the other, in the order they were submitted.
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2]);

    // The signed copy, saved through the same download the button gives the user.
    const first = DOCS[0]!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rowOf(register, first.title)
        .getByRole('button', { name: `Tải bản đã ký của «${first.title}»` })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('ke-hoach-thang-10-da-ky.pdf');
    const signedFile = path.join(tmp, download.suggestedFilename());
    await download.saveAs(signedFile);
    const bytes = fs.readFileSync(signedFile);
    const original = fs.readFileSync(files.get(first.title)!);
    // An incremental update: the submitted bytes come first, unchanged.
    expect(bytes.subarray(0, original.length).equals(original)).toBe(true);
    const sigs = pdfsig(bytes, tmp);
    expect(sigs).toHaveLength(1);
    expect(sigs[0], sigs[0]?.text).toMatchObject({ valid: true, total: true, signer: PRINCIPAL.fullName });

    // The register's check link opens the verify page on the stored copy.
    await rowOf(register, first.title)
      .getByRole('link', { name: `Kiểm tra chữ ký của «${first.title}»` })
      .click();
    await page.getByRole('heading', { name: 'Kiểm tra chữ ký số' }).waitFor();
    await page.getByText(`Tệp đã ký của văn bản «${first.title}»`).waitFor();
    const result = page.getByRole('region', { name: 'Kết quả kiểm tra' });
    const verdict = result.getByRole('status');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    await result.getByText(`Chữ ký 1: ${PRINCIPAL.fullName}`).waitFor();
    await signOut(page);

    // 4. The teacher sees the three signed, with their numbers and the signer.
    await signIn(page, TEACHER.username, TEACHER.password);
    await page.getByRole('heading', { name: `Xin chào, ${TEACHER.fullName}` }).waitFor();
    await nav().getByRole('link', { name: 'Ký số & văn bản' }).click();
    await page.getByRole('heading', { name: 'Trình ký văn bản' }).waitFor();
    for (const doc of DOCS) {
      const row = rowOf(mine, doc.title);
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('Đã ký');
      expect(text).not.toContain('Chờ ký');
      expect(text).toMatch(/Số \d+\/\d{4}/);
      expect(text).toContain(`người ký: ${PRINCIPAL.fullName}`);
      // No "Rút lại" once signed; the signed copy is there to download.
      expect(await row.getByRole('button', { name: `Rút lại «${doc.title}»` }).count()).toBe(0);
      expect(await row.getByRole('button', { name: `Tải bản đã ký của «${doc.title}»` }).count()).toBe(1);
    }

    // 5. The verify page: the signer and a valid verdict; invalid once a signed byte is changed.
    const broken = path.join(tmp, 'ke-hoach-thang-10-da-ky-bi-sua.pdf');
    fs.writeFileSync(broken, tampered(fs.readFileSync(signedFile), first.marker));

    await openSection('Kiểm tra chữ ký', 'Kiểm tra chữ ký số');
    const fileInput = page
      .locator('.ant-form-item')
      .filter({ hasText: 'Tệp cần kiểm tra' })
      .locator('input[type="file"]');
    const checkButton = page.locator('form').getByRole('button', { name: /Kiểm tra$/ });

    await fileInput.setInputFiles(signedFile);
    await page.getByText(`Đã chọn: ${path.basename(signedFile)}`).waitFor();
    await checkButton.click();
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('valid');
    expect(await verdict.textContent()).toContain('Hợp lệ');
    const card = result.locator('.ant-card').filter({ hasText: `Chữ ký 1: ${PRINCIPAL.fullName}` });
    await card.waitFor();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain(`Người ký${PRINCIPAL.fullName}`);
    expect(cardText).toContain('Nội dung còn nguyên vẹnCó');
    expect(cardText).toContain('Phủ toàn bộ văn bảnCó');
    expect(await result.locator('.ant-card').count()).toBe(1);

    await fileInput.setInputFiles(broken);
    await page.getByText(`Đã chọn: ${path.basename(broken)}`).waitFor();
    await checkButton.click();
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('invalid');
    expect(await verdict.textContent()).toContain('Không hợp lệ');
    const brokenCard = result.locator('.ant-card').filter({ hasText: `Chữ ký 1: ${PRINCIPAL.fullName}` });
    expect(await brokenCard.textContent()).toContain('Nội dung còn nguyên vẹnKhông');
    // pdfsig agrees.
    expect(pdfsig(fs.readFileSync(broken), tmp)[0]?.valid).toBe(false);

    expect(pageErrors).toEqual([]);
  });
});
