/**
 * Trang chủ against a real server with the demo school: what each role finds due (the principal's
 * signing queue, the teacher's own classes' entry progress, the headcounts with boys and girls, the
 * administrator's backup warning), the modules not built yet marked "Sắp có" in the menu, on their tile
 * and on their page, the change-password button's lock, and no English screen-reader label on the
 * shell's and the modules' main pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from './support/renderApp';
import { signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';

const SLOW = { timeout: 15_000 };

describe('home page', () => {
  let ts: RendererTestServer;
  const as: Record<string, ProcedureClient> = {};

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    for (const u of ['admin', 'principal', 'clerk', 'teacher', 'yte']) as[u] = await signIn(ts, u, DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => ts.close());

  async function dueSection() {
    const section = await screen.findByRole('region', { name: 'Việc cần làm' }, SLOW);
    // The summary has arrived when the loading line is gone.
    await waitFor(() => expect(within(section).queryByText('Đang tải…')).toBeNull(), SLOW);
    return section;
  }

  it("shows the principal the signing queue's count with its link, all classes' progress and headcounts", async () => {
    const queue = await as.principal!.get('documents.list', { scope: 'queue' });
    renderApp(as.principal!, '/');
    const due = await dueSection();
    const toSign = within(due).getByText('Văn bản chờ tôi ký').closest('.ant-card') as HTMLElement;
    if (queue.total > 0) expect(within(toSign).getByText(String(queue.total))).toBeTruthy();
    else expect(within(toSign).getByText('Không có văn bản nào chờ ký')).toBeTruthy();
    expect(within(toSign).getByRole('link', { name: 'Mở hàng chờ ký' }).getAttribute('href')).toBe('/documents/queue');
    expect(within(due).getByText('Hạn báo cáo tiếp theo')).toBeTruthy();
    expect(within(due).getByText(/phân hệ Báo cáo thống kê chưa được xây dựng/)).toBeTruthy();

    const classes = (await as.principal!.get('records.classes.list', {})).rows;
    const progress = within(due)
      .getByText(/^Tiến độ nhập kết quả:/)
      .closest('.ant-card') as HTMLElement;
    expect(within(progress).getByRole('link', { name: 'Mở bảng tiến độ' })).toBeTruthy();
    for (const c of classes)
      expect(within(progress).getByRole('link', { name: `Mở sổ theo dõi lớp ${c.name}` })).toBeTruthy();

    const headcounts = within(due).getByText('Sĩ số các lớp').closest('.ant-card') as HTMLElement;
    const c = classes[0]!;
    const row = within(headcounts).getByText(c.name).closest('tr')!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(0, 4)).toEqual([c.name, String(c.pupils), String(c.pupils - c.girls), String(c.girls)]);
    expect(within(row).getByRole('img', { name: `${c.pupils - c.girls} nam, ${c.girls} nữ` })).toBeTruthy();
    // Nothing the principal's role has no part in.
    expect(within(due).queryByText('Sao lưu dữ liệu')).toBeNull();
    cleanup();
  });

  it("shows a teacher only their own classes' progress and their returned documents, no signing queue", async () => {
    const own = (await as.teacher!.get('records.classes.list', {})).rows;
    const all = (await as.principal!.get('records.classes.list', {})).rows;
    expect(own.length).toBeLessThan(all.length);
    renderApp(as.teacher!, '/');
    const due = await dueSection();
    expect(within(due).queryByText('Văn bản chờ tôi ký')).toBeNull();
    expect(within(due).getByText('Văn bản của tôi bị trả lại')).toBeTruthy();
    const progress = within(due)
      .getByText(/^Tiến độ nhập kết quả:/)
      .closest('.ant-card') as HTMLElement;
    expect(within(progress).queryByRole('link', { name: 'Mở bảng tiến độ' })).toBeNull();
    const links = within(progress).getAllByRole('link', { name: /^Mở sổ theo dõi lớp / });
    expect(links.map((a) => a.textContent).sort()).toEqual(own.map((c) => c.name).sort());
    cleanup();
  });

  it('warns the administrator when no backup was copied off the server, with the way to the backup page', async () => {
    renderApp(as.admin!, '/');
    const due = await dueSection();
    const card = within(due).getByText('Sao lưu dữ liệu').closest('.ant-card') as HTMLElement;
    expect(within(card).getByText('Chưa từng chép bản sao lưu ra ngoài máy chủ')).toBeTruthy();
    expect(within(card).getByText(/Hãy chép một bản ra USB hoặc thư mục khác/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Mở Sao lưu & khôi phục' })).toBeTruthy();
    expect(within(due).queryByText(/^Tiến độ nhập kết quả:/)).toBeNull();
    cleanup();
  });

  it('gives the nurse the headcounts and nothing of documents or assessment', async () => {
    renderApp(as.yte!, '/');
    const due = await dueSection();
    expect(within(due).getByText('Sĩ số các lớp')).toBeTruthy();
    expect(within(due).queryByText('Văn bản của tôi bị trả lại')).toBeNull();
    expect(within(due).queryByText(/^Tiến độ nhập kết quả:/)).toBeNull();
    cleanup();
  });

  it('marks the modules not built yet "Sắp có" in the menu and on their tiles, and their pages say what will come', async () => {
    renderApp(as.clerk!, '/');
    const nav = await screen.findByRole('navigation', { name: 'Menu chính' }, SLOW);
    for (const name of ['Báo cáo thống kê', 'Chuyển đổi số', 'Phòng máy']) {
      expect(within(nav).getByRole('link', { name: `${name} Sắp có` })).toBeTruthy();
      expect(screen.getByRole('link', { name: `${name} (sắp có, chưa dùng được)` })).toBeTruthy();
    }
    // A working module carries no such mark.
    expect(within(nav).getByRole('link', { name: 'Hồ sơ' })).toBeTruthy();
    cleanup();

    renderApp(as.clerk!, '/lab');
    expect(await screen.findByText('Phân hệ «Phòng máy» đang được xây dựng', {}, SLOW)).toBeTruthy();
    expect(screen.getByText('Phân hệ này sẽ có')).toBeTruthy();
    expect(screen.getByText(/Kiểm tra trên giấy như hiện nay/)).toBeTruthy();
    expect(screen.getByText(/^Chưa có ngày phát hành/)).toBeTruthy();
    cleanup();
  });

  it('shows a lock, not a key that reads as a search glass, on the change-password button', async () => {
    renderApp(as.teacher!, '/');
    const button = await screen.findByRole('button', { name: 'Đổi mật khẩu' }, SLOW);
    expect(button.querySelector('.anticon-lock')).not.toBeNull();
    expect(button.querySelector('.anticon-key, .anticon-search')).toBeNull();
    cleanup();
  });
});

/**
 * Labels a Vietnamese screen reader would read in English: ASCII letters only, as antd's icons and
 * defaults name themselves ("plus", "close", "Select all"). What is hidden from screen readers is not read.
 */
const isEnglish = (label: string) => /[a-z]/i.test(label) && /^[\x20-\x7e]+$/.test(label);

function englishLabels(root: HTMLElement): string[] {
  return [...root.querySelectorAll('[aria-label]')]
    .filter((el) => el.closest('[aria-hidden="true"]') === null)
    .map((el) => `${el.getAttribute('aria-label') ?? ''}`)
    .filter(isEnglish);
}

describe('screen-reader labels', () => {
  let ts: RendererTestServer;
  const as: Record<string, ProcedureClient> = {};
  let classId: number;
  let pupilId: number;

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    for (const u of ['principal', 'clerk', 'yte']) as[u] = await signIn(ts, u, DEMO_PASSWORD);
    const cls = (await as.clerk!.get('records.classes.list', {})).rows.find((c) => c.name === '1A')!;
    classId = cls.id;
    pupilId = (await as.clerk!.get('records.pupils.list', { classId })).rows[0]!.id;
  }, 60_000);
  afterAll(() => ts.close());

  const pages: [who: string, path: () => string, ready: string | RegExp][] = [
    ['principal', () => '/', /^Tiến độ nhập kết quả:/],
    ['clerk', () => '/records/pupils', 'Thêm học sinh'],
    ['clerk', () => `/records/pupils/${pupilId}`, 'Sửa'],
    ['clerk', () => '/records/classes', 'Thêm lớp'],
    ['yte', () => `/health/classes?class=${classId}`, 'Ngày khám'],
    ['yte', () => `/health/pupils/${pupilId}`, /Chiều cao/],
    ['principal', () => '/health/summary', /Tổng hợp/],
    ['clerk', () => '/reports', 'Phân hệ này sẽ có'],
  ];

  it.each(pages.map(([who, path, ready], i) => [i, who, path, ready] as const))(
    'page %i (%s) has no English aria-label',
    async (_i, who, path, ready) => {
      const { container } = renderApp(as[who]!, path());
      await screen.findAllByText(ready, {}, SLOW);
      // Tables and selects finish drawing after their data: give them the moment to settle.
      await waitFor(() => expect(container.querySelector('.ant-spin-spinning')).toBeNull(), SLOW);
      expect(englishLabels(document.body)).toEqual([]);
      // Hiding the icons' names must not leave an icon-only button without one.
      const unnamed = screen.queryAllByRole('button', { name: (name) => name.trim() === '' || isEnglish(name) });
      expect(unnamed.map((b) => b.outerHTML.slice(0, 120))).toEqual([]);
      cleanup();
    },
  );
});
