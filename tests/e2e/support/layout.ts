/**
 * What "cut off" means for the layout test, checked inside the page: the page itself must not scroll
 * sideways, no button, card or table may run past the window's right edge unless it sits in a container
 * that scrolls sideways on its own, and such a container must fit the window's height (or carry a sticky
 * scrollbar), so that its scrollbar is in view together with what it scrolls. The header's text is not
 * cut short either.
 */
import type { Page } from 'playwright-core';
import { callApi } from './api';

/** The few DOM shapes the check uses: this folder is compiled without the DOM's types. */
interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface Node {
  tagName: string;
  className: unknown;
  textContent: string | null;
  parentElement: Node | null;
  scrollWidth: number;
  clientWidth: number;
  getBoundingClientRect(): Rect;
  checkVisibility(options: { opacityProperty: boolean; visibilityProperty: boolean }): boolean;
  querySelector(selector: string): Node | null;
}
interface Window {
  document: {
    scrollingElement: Node | null;
    documentElement: Node & { clientHeight: number };
    querySelectorAll(selector: string): Iterable<Node>;
  };
  getComputedStyle(node: Node): { overflowX: string };
}

/** Runs in the page: a line per fault, empty when the page fits. */
function layoutFaults(): string[] {
  const win = globalThis as unknown as Window;
  const doc = win.document;
  const faults: string[] = [];
  const describe = (el: Node) => {
    const cls = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 2).join('.') : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} «${text}»`;
  };
  const scrolls = (el: Node) => ['auto', 'scroll'].includes(win.getComputedStyle(el).overflowX);
  const clips = (el: Node) => ['hidden', 'clip'].includes(win.getComputedStyle(el).overflowX);

  const root = doc.scrollingElement ?? doc.documentElement;
  const width = root.clientWidth;
  const height = doc.documentElement.clientHeight;
  if (root.scrollWidth > width) faults.push(`the page scrolls sideways: ${root.scrollWidth} > ${width} px`);

  for (const el of doc.querySelectorAll('button, .ant-btn, .ant-card, .ant-table')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    if (rect.right <= width + 0.5) continue;
    let ownScroll = false;
    for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
      // A scrolling container is the element's own scrollbar; a clipping one ending inside the window
      // hides the element's overflow itself (antd's tab and menu overflow), not at the window's edge.
      if (scrolls(a) || (clips(a) && a.getBoundingClientRect().right <= width + 0.5)) {
        ownScroll = true;
        break;
      }
    }
    if (!ownScroll) faults.push(`${describe(el)} ends at ${Math.round(rect.right)} > ${width} px`);
  }

  // The header says whose school this is: its name is not to end in "…".
  for (const el of doc.querySelectorAll('header .ant-typography-ellipsis')) {
    if (el.scrollWidth > el.clientWidth) faults.push(`${describe(el)} is cut short in the header`);
  }

  for (const el of doc.querySelectorAll('body *')) {
    if (el.scrollWidth <= el.clientWidth + 1 || !scrolls(el)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.height <= height) continue;
    const table = el.parentElement?.parentElement ?? null;
    if (table?.querySelector('.ant-table-sticky-scroll')) continue;
    faults.push(`${describe(el)} scrolls sideways with its scrollbar ${Math.round(rect.height)} px down`);
  }
  return faults;
}

/**
 * The faults of the page as it is now; asked again a few times while there are some, because antd draws
 * a table's sticky scrollbar one render after the table itself.
 */
export async function findLayoutFaults(page: Page): Promise<string[]> {
  let faults = await page.evaluate(layoutFaults);
  for (let attempt = 0; faults.length > 0 && attempt < 10; attempt++) {
    await page.waitForTimeout(200);
    faults = await page.evaluate(layoutFaults);
  }
  return faults;
}

/**
 * A page reached from a table's row rather than from a menu: a pupil's profile, the edit forms, a
 * pupil's health page, and a document's details (a drawer opened by the row's "Xem" button).
 */
export interface RowOpenedPage {
  route: string;
  /** The accessible name of the row's button that opens the page's drawer, after the page loads. */
  open?: string;
}

type DemoRole = 'admin' | 'principal' | 'clerk' | 'teacher' | 'yte';

/**
 * Prepares what the row-opened pages need (a document submitted by the teacher and one by the clerk)
 * and lists them for each role that reaches them, with ids the role may see: a pupil of the demo
 * teacher's homeroom class, which every role may open.
 */
export async function rowOpenedPages(baseUrl: string): Promise<Record<DemoRole, RowOpenedPage[]>> {
  const token = async (username: string) =>
    (await callApi<{ token: string }>(baseUrl, 'auth.login', { username, password: 'demo' })).token;
  const teacher = await token('teacher');
  const clerk = await token('clerk');

  const homeroom = (await callApi<{ rows: { id: number }[] }>(baseUrl, 'health.classes.list', {}, teacher)).rows[0]!;
  const checks = await callApi<{ rows: { pupil: { id: number } }[] }>(
    baseUrl,
    'health.checks.list',
    { classId: homeroom.id },
    teacher,
  );
  const pupil = checks.rows[0]!.pupil.id;
  const staff = (await callApi<{ rows: { id: number }[] }>(baseUrl, 'records.staff.list', {}, clerk)).rows[0]!.id;

  const submit = async (who: string, title: string) => {
    const upload = await fetch(`${baseUrl}/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${who}`,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(`${title}.pdf`),
      },
      body: `%PDF-1.4\n% ${title}\n`,
    });
    const uploaded = (await upload.json()) as { ok: boolean; value: { id: number } };
    if (!uploaded.ok) throw new Error(`upload ${title}: ${JSON.stringify(uploaded)}`);
    const fileId = uploaded.value.id;
    await callApi(baseUrl, 'documents.submit', { fileId, title, kind: 'report', summary: title }, who);
    return `Xem «${title}»`;
  };
  const teachers = await submit(teacher, 'Kế hoạch dạy học tuần 12 lớp của giáo viên chủ nhiệm');
  const clerks = await submit(clerk, 'Báo cáo sĩ số đầu tháng');

  const profile = { route: `/records/pupils/${pupil}` };
  const edits = [{ route: `/records/pupils/${pupil}/edit` }, { route: `/records/staff/${staff}/edit` }];
  const health = { route: `/health/pupils/${pupil}` };
  return {
    admin: [profile, ...edits],
    principal: [profile, ...edits, health, { route: '/documents/queue', open: teachers }],
    clerk: [profile, ...edits, { route: '/documents', open: clerks }],
    teacher: [profile, health, { route: '/documents', open: teachers }],
    yte: [profile, health],
  };
}
