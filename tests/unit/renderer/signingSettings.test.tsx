/**
 * The Cài đặt ký số page against a real server: the principal imports root CA files (PEM, DER — an
 * expired one tagged), the page says what was added, skipped or refused (naming the file), removes one
 * after confirming; the timestamp server form checks the address and the timeout before sending and
 * saves them; the page is the principal's and the administrator's only.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import { renderApp, setupUser } from './support/renderApp';
import { setUpSchool, signedInAs, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { issue, newKey, testCa, type Issued, type TestCa } from '../signing/pki';

const SLOW = { timeout: 15_000 };

/** Node's File rather than jsdom's: the in-process client sends it with Node's fetch. */
function certFile(name: string, data: Buffer | string): File {
  return new NodeFile([Buffer.from(data)], name, { type: 'application/octet-stream' }) as unknown as File;
}

/** The body row of the anchors table that names `name`. */
async function rowOf(name: string): Promise<HTMLElement> {
  const table = await screen.findByRole('table', { name: 'Chứng thư gốc tin cậy' }, SLOW);
  // A root names itself as its issuer too: the first cell is the name column.
  const [cell] = await within(table).findAllByText(name, {}, SLOW);
  return cell!.closest('tr')!;
}

/** The open confirmation bubble that says `text`. */
async function popconfirmSaying(text: string): Promise<HTMLElement> {
  const title = await screen.findByText(text, {}, SLOW);
  return title.closest<HTMLElement>('.ant-popover')!;
}

describe('signing settings page', () => {
  let ts: RendererTestServer;
  let admin: ProcedureClient;
  let principal: ProcedureClient;
  let teacher: ProcedureClient;
  let root: TestCa;
  let old: Issued;
  let person: Issued;

  beforeAll(async () => {
    ts = await startRendererServer();
    admin = await setUpSchool(ts);
    principal = await signedInAs(ts, admin, {
      username: 'ht.hang',
      fullName: 'Nguyễn Thị Hằng',
      role: 'principal',
      password: 'hieu-truong-1',
    });
    teacher = await signedInAs(ts, admin, {
      username: 'gv.lan',
      fullName: 'Phạm Thị Lan',
      role: 'teacher',
      password: 'giao-vien-1',
    });
    root = testCa('Root CA Việt Nam (thử nghiệm)');
    old = issue({
      subject: { C: 'VN', O: 'Nhà cung cấp cũ', CN: 'CA cũ đã hết hạn' },
      key: newKey('RSA'),
      ca: true,
      notBefore: new Date(Date.now() - 4000 * 86400_000),
      notAfter: new Date(Date.now() - 30 * 86400_000),
    });
    person = root.leaf({ kind: 'RSA', cn: 'Trần Văn Bình' });
  }, 60_000);
  afterAll(() => ts.close());

  it('lets the principal import root CAs, see what happened to each file, and remove one', async () => {
    const user = setupUser();
    const { container } = renderApp(principal, '/documents/settings');
    await screen.findByRole('heading', { name: 'Cài đặt ký số' }, SLOW);
    const table = screen.getByRole('table', { name: 'Chứng thư gốc tin cậy' });
    for (const header of [
      'Tên chứng thư',
      'Tổ chức',
      'Tổ chức cấp',
      'Loại',
      'Hiệu lực',
      'Số hiệu',
      'Dấu vân tay SHA-256',
    ]) {
      expect(within(table).getByRole('columnheader', { name: header })).toBeTruthy();
    }
    expect(within(table).getByText(/Chưa có chứng thư gốc nào/)).toBeTruthy();
    const input = () => container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input().accept).toBe('.cer,.crt,.pem,.p7b');

    await user.upload(input(), certFile('root-ca-vn.pem', root.pem));
    expect(await screen.findByText('Đã nhập 1 chứng thư gốc từ «root-ca-vn.pem»', {}, SLOW)).toBeTruthy();
    const row = await rowOf('Root CA Việt Nam (thử nghiệm)');
    expect(within(row).getByText('CA gốc')).toBeTruthy();
    expect(within(row).getByText('Trường Số (thử nghiệm)')).toBeTruthy();
    expect(within(row).queryByText('Hết hạn')).toBeNull();
    const [anchor] = (await principal.get('signing.trustAnchors.list', {})).rows;
    // The fingerprint as certificate viewers print it, to compare with the CA's published one.
    expect(within(row).getByText(anchor!.fingerprint.toUpperCase().match(/.{2}/g)!.join(':'))).toBeTruthy();

    // An expired CA (DER) is listed, tagged.
    await user.upload(input(), certFile('ca-cu.cer', old.cert));
    expect(await screen.findByText('Đã nhập 1 chứng thư gốc từ «ca-cu.cer»', {}, SLOW)).toBeTruthy();
    expect(within(await rowOf('CA cũ đã hết hạn')).getByText('Hết hạn')).toBeTruthy();
    expect(screen.getByText('2 chứng thư gốc')).toBeTruthy();

    // The same root again: nothing new, and the page says why.
    await user.upload(input(), certFile('root-ca-vn-2.crt', root.pem));
    expect(await screen.findByText('Không có chứng thư gốc mới trong «root-ca-vn-2.crt»', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('«Root CA Việt Nam (thử nghiệm)» đã có trong danh sách, bỏ qua')).toBeTruthy();

    // A person's certificate is refused by the server, which names the file.
    await user.upload(input(), certFile('binh.cer', person.cert));
    const refused = await screen.findByRole('alert', {}, SLOW);
    expect(refused.textContent).toContain('Tệp «binh.cer» chứa chứng thư số của «Trần Văn Bình»');

    // A file of another kind is refused before anything is sent.
    const calls = vi.spyOn(principal, 'upload');
    const { default: userEvent, PointerEventsCheckLevel } = await import('@testing-library/user-event');
    const anyFile = userEvent.setup({ applyAccept: false, pointerEventsCheck: PointerEventsCheckLevel.Never });
    await anyFile.upload(input(), certFile('ghi-chu.txt', 'không phải chứng thư'));
    expect(
      await screen.findByText('Tệp «ghi-chu.txt» không phải tệp chứng thư số (.cer, .crt, .pem, .p7b)', {}, SLOW),
    ).toBeTruthy();
    expect(calls).not.toHaveBeenCalled();
    calls.mockRestore();
    expect((await principal.get('signing.trustAnchors.list', {})).rows).toHaveLength(2);

    // Removing asks first; cancelling keeps it.
    await user.click(within(await rowOf('CA cũ đã hết hạn')).getByRole('button', { name: 'Gỡ bỏ «CA cũ đã hết hạn»' }));
    let bubble = await popconfirmSaying('Gỡ bỏ chứng thư gốc «CA cũ đã hết hạn»?');
    expect(within(bubble).getByText('Chữ ký do tổ chức này cấp sẽ không còn được xác minh nguồn gốc.')).toBeTruthy();
    await user.click(within(bubble).getByRole('button', { name: 'Hủy' }));
    expect((await principal.get('signing.trustAnchors.list', {})).rows).toHaveLength(2);

    await user.click(within(await rowOf('CA cũ đã hết hạn')).getByRole('button', { name: 'Gỡ bỏ «CA cũ đã hết hạn»' }));
    bubble = await popconfirmSaying('Gỡ bỏ chứng thư gốc «CA cũ đã hết hạn»?');
    await user.click(within(bubble).getByRole('button', { name: 'Gỡ bỏ' }));
    expect(await screen.findByText('Đã gỡ bỏ «CA cũ đã hết hạn»', {}, SLOW)).toBeTruthy();
    await waitFor(() => expect(within(table).queryByText('CA cũ đã hết hạn')).toBeNull(), SLOW);
    const left = (await principal.get('signing.trustAnchors.list', {})).rows;
    expect(left.map((a) => a.commonName)).toEqual(['Root CA Việt Nam (thử nghiệm)']);
  }, 60_000);

  it('checks the timestamp server address and timeout before saving them', async () => {
    const user = setupUser();
    renderApp(principal, '/documents/settings');
    await screen.findByText('Máy chủ cấp dấu thời gian (RFC 3161)', {}, SLOW);
    const url = screen.getByLabelText('Địa chỉ máy chủ cấp dấu thời gian') as HTMLInputElement;
    const timeout = screen.getByLabelText('Thời gian chờ tối đa (giây)') as HTMLInputElement;
    expect(url.value).toBe('');
    expect(timeout.value).toBe('10');

    const calls = vi.spyOn(principal, 'call');
    await user.type(url, 'ftp://tsa.truongso.test');
    await user.clear(timeout);
    await user.type(timeout, '90');
    await user.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(
      await screen.findByText('Địa chỉ phải bắt đầu bằng http:// hoặc https://, ví dụ http://tsa.example.vn', {}, SLOW),
    ).toBeTruthy();
    expect(await screen.findByText('Thời gian chờ từ 1 đến 60 giây')).toBeTruthy();
    expect(calls.mock.calls.map(([name]) => name)).not.toContain('signing.settings.set');
    calls.mockRestore();

    await user.clear(url);
    await user.type(url, 'https://tsa.truongso.test/rfc3161');
    await user.clear(timeout);
    await user.type(timeout, '20');
    await user.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(
      await screen.findByText('Đã lưu: ký có dấu thời gian của https://tsa.truongso.test/rfc3161', {}, SLOW),
    ).toBeTruthy();
    expect(await principal.get('signing.settings.get', {})).toEqual({
      timestampUrl: 'https://tsa.truongso.test/rfc3161',
      timestampTimeoutMs: 20_000,
    });
    cleanup();

    // Reopened, the page shows what was saved; emptying the address turns the timestamps off.
    renderApp(admin, '/documents/settings');
    await screen.findByText('Máy chủ cấp dấu thời gian (RFC 3161)', {}, SLOW);
    const saved = screen.getByLabelText('Địa chỉ máy chủ cấp dấu thời gian') as HTMLInputElement;
    expect(saved.value).toBe('https://tsa.truongso.test/rfc3161');
    expect((screen.getByLabelText('Thời gian chờ tối đa (giây)') as HTMLInputElement).value).toBe('20');
    await user.clear(saved);
    await user.click(screen.getByRole('button', { name: 'Lưu cài đặt' }));
    expect(await screen.findByText('Đã lưu: ký không kèm dấu thời gian', {}, SLOW)).toBeTruthy();
    expect((await admin.get('signing.settings.get', {})).timestampUrl).toBeNull();
  }, 60_000);

  it('is the principal’s and the administrator’s only', async () => {
    renderApp(principal, '/documents/settings');
    const tabs = await screen.findByRole('navigation', { name: 'Các mục văn bản và ký số' }, SLOW);
    expect(tabs.querySelector('.ant-menu-item-selected')?.textContent).toBe('Cài đặt ký số');
    cleanup();

    renderApp(teacher, '/documents/settings');
    expect(await screen.findByText(/Bạn không có quyền truy cập trang này/, {}, SLOW)).toBeTruthy();
    const teacherTabs = screen.getByRole('navigation', { name: 'Các mục văn bản và ký số' });
    expect(within(teacherTabs).queryByText('Cài đặt ký số')).toBeNull();
    expect(screen.queryByRole('table', { name: 'Chứng thư gốc tin cậy' })).toBeNull();
    cleanup();

    // The administrator has no documents module, but reaches the page from Quản trị, and only it.
    renderApp(admin, '/documents/settings');
    await screen.findByRole('heading', { name: 'Cài đặt ký số' }, SLOW);
    const menu = screen.getByRole('navigation', { name: 'Menu chính' });
    expect(within(menu).getByRole('link', { name: 'Cài đặt ký số' })).toBeTruthy();
    expect(menu.textContent).not.toContain('Ký số & văn bản');
    const adminTabs = screen.getByRole('navigation', { name: 'Các mục văn bản và ký số' });
    expect(
      within(adminTabs)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Cài đặt ký số']);
    expect(await screen.findByRole('table', { name: 'Chứng thư gốc tin cậy' })).toBeTruthy();
  }, 60_000);
});
