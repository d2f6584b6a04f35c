/**
 * The Ký số & văn bản screens against a real server with the demo school: a teacher submits a file and
 * follows it; the principal's queue (oldest first) returns one with a reason, which the teacher then
 * reads; the teacher withdraws another; the clerk's register and its Excel export as a job; and the
 * section tabs each role is shown. Signing itself is not driven here (see documentsSign.test.tsx).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import { renderApp, setupUser } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import type { DocumentView } from '../../../src-shared/api/documents';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import { currentYear } from '../../../src-renderer/office/documents/labels';

const SLOW = { timeout: 15_000 };

/**
 * Node's File rather than jsdom's: the in-process client sends it with Node's fetch, which cannot read
 * jsdom's blobs.
 */
function pdfFile(name: string): File {
  const text = `%PDF-1.4\n% ${name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  return new NodeFile([text], name, { type: 'application/pdf' }) as unknown as File;
}

/** A submission made through the procedures, as another screen of the app would. */
async function submitted(client: ProcedureClient, title: string): Promise<DocumentView> {
  const file = await client.upload(pdfFile(`${title}.pdf`), `${title}.pdf`, 'document');
  if (!file.ok) throw new Error(file.error.message);
  return client.get('documents.submit', { fileId: file.value.id, title, kind: 'report' });
}

/** The body row of `table` that shows `title`. */
async function rowOf(table: HTMLElement, title: string): Promise<HTMLElement> {
  const cell = await within(table).findByText(title, {}, SLOW);
  return cell.closest('tr')!;
}

/** The open dialog that says `text` (a closing one may still be in the page while it fades). */
async function dialogSaying(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByRole('dialog').find((d) => d.textContent?.includes(text));
    if (!found) throw new Error(`no dialog saying ${text}`);
    return found;
  }, SLOW);
}

describe('documents screens', () => {
  let ts: RendererTestServer;
  let teacher: ProcedureClient;
  let principal: ProcedureClient;
  let clerk: ProcedureClient;
  let admin: ProcedureClient;

  const status = async (client: ProcedureClient, id: number) => client.get('documents.get', { id });

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    teacher = await signIn(ts, 'teacher', DEMO_PASSWORD);
    principal = await signIn(ts, 'principal', DEMO_PASSWORD);
    clerk = await signIn(ts, 'clerk', DEMO_PASSWORD);
    admin = await signIn(ts, 'admin', DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => ts.close());
  afterEach(() => vi.restoreAllMocks());

  it('lets a teacher submit a file and shows it waiting for signature', async () => {
    const user = setupUser();
    const { container } = renderApp(teacher, '/documents');
    await screen.findByRole('heading', { name: 'Trình ký văn bản' }, SLOW);
    const send = screen.getByRole('button', { name: /Trình ký$/ });

    // Nothing chosen: the form says what is missing and sends nothing.
    await user.click(send);
    expect(await screen.findByText('Chọn tệp cần trình ký')).toBeTruthy();
    expect(await screen.findByText('Nhập tiêu đề văn bản')).toBeTruthy();

    await user.upload(container.querySelector<HTMLInputElement>('input[type="file"]')!, pdfFile('ke-hoach-t10.pdf'));
    expect(await screen.findByText(/Đã chọn: ke-hoach-t10\.pdf/)).toBeTruthy();
    // The title starts from the file's name, read as words, not as a slug.
    const title = screen.getByLabelText('Tiêu đề văn bản') as HTMLInputElement;
    expect(title.value).toBe('Ke hoach t10');
    await user.clear(title);
    await user.type(title, 'Kế hoạch hoạt động tháng 10');
    await user.click(screen.getByLabelText('Loại văn bản'));
    await user.click(await screen.findByRole('option', { name: 'Kế hoạch' }));
    await user.type(screen.getByLabelText('Trích yếu nội dung'), 'Hoạt động ngoài giờ lên lớp khối 3');
    await user.type(screen.getByLabelText('Ghi chú cho người ký'), 'Kính trình cô Hiệu trưởng');
    await user.click(send);

    expect(await screen.findByText('Đã trình ký «Kế hoạch hoạt động tháng 10»', {}, SLOW)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Văn bản tôi đã trình' });
    const row = await rowOf(table, 'Kế hoạch hoạt động tháng 10');
    expect(within(row).getByText('Chờ ký')).toBeTruthy();
    expect(within(row).getByText('Hoạt động ngoài giờ lên lớp khối 3')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Rút lại «Kế hoạch hoạt động tháng 10»' })).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Tải bản gốc của «Kế hoạch hoạt động tháng 10»' })).toBeTruthy();
    // The form is empty again, ready for the next one.
    expect((screen.getByLabelText('Tiêu đề văn bản') as HTMLInputElement).value).toBe('');

    const { rows } = await teacher.get('documents.list', { scope: 'mine', search: 'ke hoach hoat dong thang 10' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'submitted',
      kind: 'plan',
      summary: 'Hoạt động ngoài giờ lên lớp khối 3',
      note: 'Kính trình cô Hiệu trưởng',
      file: { name: 'ke-hoach-t10.pdf', mime: 'application/pdf' },
    });
  });

  it('shows the principal the queue oldest first, and returns a document with a reason the teacher reads', async () => {
    const older = await submitted(teacher, 'Báo cáo sĩ số tháng 9');
    const newer = await submitted(teacher, 'Báo cáo chuyên cần tháng 9');
    const user = setupUser();
    renderApp(principal, '/documents/queue');
    const table = await screen.findByRole('table', { name: 'Văn bản chờ ký' }, SLOW);
    const olderRow = await rowOf(table, older.title);
    const newerRow = await rowOf(table, newer.title);
    // The earlier submission comes first.
    expect(olderRow.compareDocumentPosition(newerRow) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(olderRow).getByText((await teacher.get('auth.me', {})).user.fullName)).toBeTruthy();

    // Ticking a row offers to sign it (the signing itself is not driven here).
    const sign = screen.getByRole('button', { name: /Ký số \(0\)/ }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    await user.click(within(olderRow).getByRole('checkbox', { name: older.title }));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: /Ký số \(1\)/ }) as HTMLButtonElement).disabled).toBe(false),
    );

    await user.click(within(newerRow).getByRole('button', { name: `Trả lại «${newer.title}»` }));
    const dialog = await dialogSaying(`Trả lại «${newer.title}»`);
    const reason = within(dialog).getByLabelText('Lý do trả lại');
    await waitFor(() => expect(document.activeElement).toBe(reason), SLOW);
    // Too short a reason is refused before anything is sent.
    const calls = vi.spyOn(principal, 'call');
    await user.type(reason, 'ab');
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Ghi rõ lý do trả lại (ít nhất 3 ký tự)')).toBeTruthy();
    expect(calls.mock.calls.map(([name]) => name)).not.toContain('documents.return');
    expect((await status(principal, newer.id)).status).toBe('submitted');

    await user.clear(reason);
    await user.type(reason, 'Thiếu số liệu lớp 2B');
    await user.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await screen.findByText(`Đã trả lại «${newer.title}»`, {}, SLOW)).toBeTruthy();
    await waitFor(() => expect(within(table).queryByText(newer.title)).toBeNull(), SLOW);
    expect(within(table).getByText(older.title)).toBeTruthy();
    expect(await status(principal, newer.id)).toMatchObject({
      status: 'returned',
      returnReason: 'Thiếu số liệu lớp 2B',
    });
    cleanup();

    renderApp(teacher, '/documents');
    const mine = await screen.findByRole('table', { name: 'Văn bản tôi đã trình' }, SLOW);
    const returned = await rowOf(mine, newer.title);
    expect(within(returned).getByText('Bị trả lại')).toBeTruthy();
    expect(within(returned).getByText('Lý do: Thiếu số liệu lớp 2B')).toBeTruthy();
    // Decided: it can no longer be withdrawn.
    expect(within(returned).queryByRole('button', { name: /^Rút lại/ })).toBeNull();
    expect(within(await rowOf(mine, older.title)).getByText('Chờ ký')).toBeTruthy();
  });

  it('lets the teacher withdraw a pending document after confirming', async () => {
    const doc = await submitted(teacher, 'Đề nghị mua sắm thiết bị');
    const user = setupUser();
    renderApp(teacher, '/documents');
    const table = await screen.findByRole('table', { name: 'Văn bản tôi đã trình' }, SLOW);
    const row = await rowOf(table, doc.title);

    // Cancelling the question changes nothing.
    await user.click(within(row).getByRole('button', { name: `Rút lại «${doc.title}»` }));
    const first = await dialogSaying(`Rút lại văn bản «${doc.title}»?`);
    await user.click(within(first).getByRole('button', { name: 'Hủy' }));
    expect((await status(teacher, doc.id)).status).toBe('submitted');

    await user.click(within(row).getByRole('button', { name: `Rút lại «${doc.title}»` }));
    await waitFor(
      () =>
        expect(screen.getAllByRole('dialog').filter((d) => d.textContent?.includes('Rút lại văn bản'))).toHaveLength(1),
      SLOW,
    );
    const confirm = await dialogSaying(`Rút lại văn bản «${doc.title}»?`);
    await user.click(within(confirm).getByRole('button', { name: 'Rút lại' }));
    expect(await screen.findByText(`Đã rút lại «${doc.title}»`, {}, SLOW)).toBeTruthy();
    const after = await rowOf(screen.getByRole('table', { name: 'Văn bản tôi đã trình' }), doc.title);
    await waitFor(() => expect(within(after).getByText('Đã rút lại')).toBeTruthy(), SLOW);
    expect(within(after).queryByRole('button', { name: /^Rút lại/ })).toBeNull();
    expect((await status(teacher, doc.id)).status).toBe('withdrawn');
    // Out of the principal's queue.
    const queue = await principal.get('documents.list', { scope: 'queue' });
    expect(queue.rows.map((d) => d.id)).not.toContain(doc.id);
  });

  it('shows the clerk the register and exports it to Excel as a job', async () => {
    const year = currentYear();
    const { rows } = await clerk.get('documents.register', { year });
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:so-van-ban';
      },
      revokeObjectURL: () => {},
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = setupUser();
    renderApp(clerk, '/documents/register');
    await screen.findByRole('heading', { name: 'Sổ đăng ký văn bản đi' }, SLOW);
    const tabs = screen.getByRole('navigation', { name: 'Các mục văn bản và ký số' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Trình ký', 'Sổ văn bản đi', 'Sổ văn bản đến', 'Kiểm tra chữ ký']);
    const table = screen.getByRole('table', { name: 'Sổ đăng ký văn bản đi' });
    // The columns of NĐ 30/2020's outgoing register.
    for (const header of [
      'Số, ký hiệu',
      'Ngày tháng',
      'Tên loại và trích yếu nội dung',
      'Người ký',
      'Nơi nhận',
      'Số bản',
      'Ghi chú',
      'Thao tác',
    ]) {
      expect(within(table).getByRole('columnheader', { name: header })).toBeTruthy();
    }
    // Nothing has been signed in this school yet (signing is not driven by these tests).
    expect(rows).toEqual([]);
    expect(within(table).getByText('Chưa có văn bản đi nào (văn bản vào sổ khi Hiệu trưởng ký số)')).toBeTruthy();
    expect(screen.getByText('0 văn bản')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Xuất Excel/ }));
    const job = await screen.findByRole('group', { name: `Sổ văn bản đi năm ${year}` }, SLOW);
    const link = await within(job).findByRole(
      'button',
      { name: `Tải về so-van-ban-di-${year}.xlsx` },
      { timeout: 60_000 },
    );
    await user.click(link);
    await waitFor(() => expect(click).toHaveBeenCalled(), SLOW);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    // An xlsx file is a zip archive.
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    const { rows: audit } = await principal.get('audit.list', { action: 'documents.register.export' });
    expect(audit.some((r) => r.username === 'clerk')).toBe(true);
  }, 90_000);

  it('lets the clerk register an incoming document, naming what is missing, and numbers it in its year', async () => {
    const user = setupUser();
    const { container } = renderApp(clerk, '/documents/incoming');
    await screen.findByRole('heading', { name: 'Sổ đăng ký văn bản đến' }, SLOW);
    const table = screen.getByRole('table', { name: 'Sổ đăng ký văn bản đến' });
    for (const header of ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày văn bản', 'Đơn vị, người nhận'])
      expect(within(table).getByRole('columnheader', { name: header })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: /Vào sổ văn bản đến/ }));
    const dialog = await dialogSaying('Tác giả (cơ quan, đơn vị gửi)');
    // Ngày đến is today; the form says what is missing, by name, before anything is sent.
    expect((within(dialog).getByLabelText('Ngày đến') as HTMLInputElement).value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await user.click(within(dialog).getByRole('button', { name: 'Vào sổ' }));
    expect(await within(dialog).findByText('Nhập tác giả (cơ quan, đơn vị gửi văn bản)')).toBeTruthy();
    expect(within(dialog).getByText('Nhập trích yếu nội dung văn bản')).toBeTruthy();

    await user.type(within(dialog).getByLabelText('Tác giả (cơ quan, đơn vị gửi)'), 'Phòng Giáo dục và Đào tạo');
    await user.type(within(dialog).getByLabelText('Số, ký hiệu văn bản'), '125/PGDĐT-TH');
    await user.type(within(dialog).getByLabelText('Ngày tháng văn bản'), '1/12/2026{Enter}');
    await user.type(within(dialog).getByLabelText('Trích yếu nội dung'), 'V/v kiểm tra cuối học kỳ I');
    await user.type(within(dialog).getByLabelText('Đơn vị hoặc người nhận'), 'Tổ khối 3');
    await user.upload(
      container.ownerDocument.querySelector<HTMLInputElement>('.ant-modal input[type="file"]')!,
      pdfFile('cv-125.pdf'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Vào sổ' }));
    const year = currentYear();
    expect(await screen.findByText(`Đã vào sổ văn bản đến số 1/${year}`, {}, SLOW)).toBeTruthy();
    const row = await rowOf(table, 'Phòng Giáo dục và Đào tạo');
    expect(within(row).getByText('125/PGDĐT-TH')).toBeTruthy();
    expect(within(row).getByText('01/12/2026')).toBeTruthy();
    // The file is kept, and its signature was checked: this one carries none.
    expect(within(row).getByRole('button', { name: `Tải tệp của văn bản đến số 1/${year}` })).toBeTruthy();
    expect(within(row).getByText('Chữ ký không hợp lệ')).toBeTruthy();
    const { rows } = await clerk.get('documents.incoming.list', { year });
    expect(rows[0]).toMatchObject({ number: 1, sender: 'Phòng Giáo dục và Đào tạo', documentDate: '2026-12-01' });
  }, 60_000);

  it('gives each role the sections it may use', async () => {
    renderApp(teacher, '/documents');
    const menu = await screen.findByRole('navigation', { name: 'Menu chính' }, SLOW);
    expect(menu.textContent).toContain('Ký số & văn bản');
    const tabs = await screen.findByRole('navigation', { name: 'Các mục văn bản và ký số' });
    expect(
      within(tabs)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Trình ký', 'Kiểm tra chữ ký']);
    expect(within(tabs).queryByText('Hàng chờ ký')).toBeNull();
    expect(within(tabs).queryByText(/Sổ văn bản/)).toBeNull();
    cleanup();

    // Typing the address does not open them either.
    renderApp(teacher, '/documents/queue');
    expect(await screen.findByText(/Bạn không có quyền truy cập trang này/, {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Văn bản chờ ký' })).toBeNull();
    cleanup();
    renderApp(teacher, '/documents/register');
    expect(await screen.findByText(/Bạn không có quyền truy cập trang này/, {}, SLOW)).toBeTruthy();
    cleanup();
    renderApp(teacher, '/documents/incoming');
    expect(await screen.findByText(/Bạn không có quyền truy cập trang này/, {}, SLOW)).toBeTruthy();
    cleanup();

    renderApp(principal, '/documents/verify');
    await screen.findByRole('heading', { name: 'Kiểm tra chữ ký số' }, SLOW);
    const all = screen.getByRole('navigation', { name: 'Các mục văn bản và ký số' });
    expect(
      within(all)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Trình ký', 'Hàng chờ ký', 'Sổ văn bản đi', 'Sổ văn bản đến', 'Kiểm tra chữ ký', 'Cài đặt ký số']);
    expect(all.querySelector('.ant-menu-item-selected')?.textContent).toBe('Kiểm tra chữ ký');
    cleanup();

    // The administrator submits nothing: no module, and no page.
    renderApp(admin, '/documents');
    const adminMenu = await screen.findByRole('navigation', { name: 'Menu chính' }, SLOW);
    expect(adminMenu.textContent).not.toContain('Ký số & văn bản');
    expect(await screen.findByText(/Bạn không có quyền truy cập trang này/, {}, SLOW)).toBeTruthy();
  });

  it('refuses a signature file that is not .p7s on the verify page', async () => {
    const user = setupUser();
    const { container } = renderApp(teacher, '/documents/verify');
    await screen.findByRole('heading', { name: 'Kiểm tra chữ ký số' }, SLOW);
    await user.click(screen.getByRole('button', { name: /Kiểm tra$/ }));
    expect(await screen.findByText('Chọn tệp cần kiểm tra')).toBeTruthy();
    const [, signature] = container.querySelectorAll<HTMLInputElement>('input[type="file"]');
    const { default: userEvent, PointerEventsCheckLevel } = await import('@testing-library/user-event');
    const anyFile = userEvent.setup({ applyAccept: false, pointerEventsCheck: PointerEventsCheckLevel.Never });
    await anyFile.upload(signature!, pdfFile('chu-ky.pdf'));
    expect(await screen.findByText('Tệp «chu-ky.pdf» không phải tệp chữ ký .p7s')).toBeTruthy();
    expect(screen.queryByText(/Đã chọn: chu-ky\.pdf/)).toBeNull();
  });
});
