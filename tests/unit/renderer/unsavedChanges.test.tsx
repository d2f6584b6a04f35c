/**
 * Leaving unsaved work, against a real server with the demo school: a gradebook cell with a wrong
 * value makes a menu item ask (staying keeps the value, leaving goes), a valid edit is saved on the
 * way out without asking, closing the window is refused while work is unsaved, and signing out asks
 * too; a wrong number in the nurse's entry grid and the school's changed details ask the same way.
 * The guard's own order (keep what can be kept, then ask) is checked with a small editor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { StyleProvider } from '@ant-design/cssinjs';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { renderApp, setupUser } from './support/renderApp';
import { signedInAs, signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { ClientProvider } from '../../../src-renderer/lib/ClientContext';
import { LocaleProvider } from '../../../src-renderer/i18n/LocaleContext';
import { UnsavedChangesGuard } from '../../../src-renderer/office/layout/UnsavedChangesGuard';
import { useConfirmLeave, useUnsavedChanges } from '../../../src-renderer/lib/useUnsavedChanges';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import { PERIODIC_POINTS } from '../../../src-shared/domain/tt27';

const SLOW = { timeout: 15_000 };
const POINT = 'GIUA_HK2';
const DIALOG = 'Rời trang khi chưa lưu?';

/**
 * The question, found by its text: in tests antd names every element's id "test-id", so the dialog's
 * aria-labelledby may point at another element.
 */
function leaveDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.queryAllByRole('dialog').find((d) => d.textContent?.includes(DIALOG));
    if (!found) throw new Error('no question asked');
    return found;
  }, SLOW);
}
const noLeaveDialog = () => screen.queryAllByRole('dialog').every((d) => !d.textContent?.includes(DIALOG));

/** Whether closing or reloading the window would be held (the browser then asks). */
function unloadHeld(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('leaving unsaved work', () => {
  let ts: RendererTestServer;
  let teacher: ProcedureClient;
  let classId: number;

  const sheet = () => teacher.get('assessment.gradebook.get', { classId, subject: 'toan', point: POINT });

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    teacher = await signIn(ts, 'teacher', DEMO_PASSWORD);
    const principal = await signIn(ts, 'principal', DEMO_PASSWORD);
    const { classes, schoolYearId } = await teacher.get('assessment.classes.list', {});
    classId = classes.find((c) => c.name === '1A')!.classId;
    for (const point of PERIODIC_POINTS) {
      await principal.get('assessment.locks.set', { schoolYearId, point, locked: false, reason: 'Chuẩn bị kiểm thử' });
    }
    for (const r of (await sheet()).rows.slice(0, 2)) {
      await principal.get('assessment.gradebook.save', {
        classId,
        subject: 'toan',
        point: POINT,
        pupilId: r.pupilId,
        level: null,
        score: null,
        retestScore: null,
        comment: '',
        version: r.version,
      });
    }
  }, 120_000);
  afterAll(() => ts.close());

  async function openSheet() {
    renderApp(teacher, `/assessment?class=${classId}&subject=toan&point=${POINT}`);
    const table = await screen.findByRole('table', { name: 'Sổ theo dõi môn Toán lớp 1A' }, SLOW);
    const level = (i: number) =>
      within(within(table).getAllByRole('row')[i + 1]!).getByRole('textbox', {
        name: /^Mức đạt được của /,
      }) as HTMLInputElement;
    return { table, level };
  }

  it('asks before a menu item leaves a wrong value; staying keeps it, leaving goes', async () => {
    const user = setupUser();
    const { table, level } = await openSheet();
    expect(unloadHeld()).toBe(false);
    await user.click(level(0));
    await user.keyboard('x');
    // Not yet left: the window is held already, the cell being typed counts.
    expect(unloadHeld()).toBe(true);

    await user.click(screen.getByRole('link', { name: 'Trang chủ' }));
    const dialog = await leaveDialog();
    expect(dialog.textContent).toContain('Bạn có thay đổi chưa lưu');
    await user.click(within(dialog).getByRole('button', { name: 'Ở lại' }));
    await waitFor(() => expect(noLeaveDialog()).toBe(true));
    expect(table.isConnected).toBe(true);
    expect(level(0).value).toBe('x');
    expect(level(0).getAttribute('aria-invalid')).toBe('true');
    expect(unloadHeld()).toBe(true);

    await user.click(screen.getByRole('link', { name: 'Trang chủ' }));
    await user.click(within(await leaveDialog()).getByRole('button', { name: 'Rời trang' }));
    expect(await screen.findByRole('heading', { name: /Xin chào/ }, SLOW)).toBeTruthy();
    expect(unloadHeld()).toBe(false);
    expect((await sheet()).rows[0]!.level).toBeNull();
  }, 60_000);

  it('saves a valid edit on the way out without asking', async () => {
    const user = setupUser();
    const { level } = await openSheet();
    await user.click(level(1));
    // Typed and not yet left: the menu click leaves the cell, and its save is waited for.
    await user.keyboard('t');
    await user.click(screen.getByRole('link', { name: 'Trang chủ' }));
    expect(await screen.findByRole('heading', { name: /Xin chào/ }, SLOW)).toBeTruthy();
    expect(noLeaveDialog()).toBe(true);
    expect((await sheet()).rows[1]!.level).toBe('T');
  }, 60_000);

  it('asks before signing out with a wrong value', async () => {
    const user = setupUser();
    const { level } = await openSheet();
    await user.click(level(0));
    await user.keyboard('q{Enter}');
    await user.click(screen.getByRole('button', { name: /Đăng xuất/ }));
    const dialog = await leaveDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Ở lại' }));
    expect(level(0).value).toBe('q');
    expect(teacher.token).not.toBeNull();
  }, 60_000);

  it('asks before a menu item leaves a wrong number in the nurse’s entry grid', async () => {
    const admin = await signIn(ts, 'admin', DEMO_PASSWORD);
    const nurse = await signedInAs(ts, admin, {
      username: 'yte.lan',
      fullName: 'Phạm Thị Lan',
      role: 'medical',
      password: 'y-te-pass-2',
    });
    const user = setupUser();
    renderApp(nurse, `/health/classes?class=${classId}`);
    const height = (await screen.findAllByRole('textbox', { name: /^Chiều cao của / }, SLOW))[0]! as HTMLInputElement;
    await user.click(height);
    await user.clear(height);
    await user.type(height, 'abc');
    expect(unloadHeld()).toBe(true);
    await user.click(screen.getByRole('link', { name: 'Trang chủ' }));
    await user.click(within(await leaveDialog()).getByRole('button', { name: 'Ở lại' }));
    await waitFor(() => expect(noLeaveDialog()).toBe(true));
    expect(height.isConnected).toBe(true);
    expect(height.value).toBe('abc');
  }, 60_000);

  it('asks before a menu item leaves the school’s details changed and not saved', async () => {
    const admin = await signIn(ts, 'admin', DEMO_PASSWORD);
    const user = setupUser();
    renderApp(admin, '/school');
    const address = (await screen.findByLabelText('Địa chỉ', {}, SLOW)) as HTMLInputElement;
    expect(unloadHeld()).toBe(false);
    await user.type(address, ' (cơ sở 2)');
    expect(unloadHeld()).toBe(true);
    await user.click(screen.getByRole('link', { name: 'Trang chủ' }));
    await user.click(within(await leaveDialog()).getByRole('button', { name: 'Rời trang' }));
    expect(await screen.findByRole('heading', { name: /Xin chào/ }, SLOW)).toBeTruthy();
  }, 60_000);

  it('keeps what an editor can keep before it asks, and asks only about what is left', async () => {
    const flushes: string[] = [];
    let dirty = true;
    let keepable = true;
    function Editor() {
      useUnsavedChanges({
        isDirty: () => dirty,
        flush: async () => {
          flushes.push('flush');
          await Promise.resolve();
          if (keepable) dirty = false;
        },
      });
      const confirmLeave = useConfirmLeave();
      return (
        <>
          <h1>Editor</h1>
          <Link to="/elsewhere">Elsewhere</Link>
          <button onClick={() => void confirmLeave().then((leave) => flushes.push(`leave:${leave}`))}>Act</button>
        </>
      );
    }
    const router = createMemoryRouter(
      [
        {
          path: '*',
          element: (
            <UnsavedChangesGuard>
              <Editor />
            </UnsavedChangesGuard>
          ),
        },
        { path: '/elsewhere', element: <h1>Elsewhere page</h1> },
      ],
      { initialEntries: ['/editor'] },
    );
    const user = setupUser();
    render(
      <StyleProvider mock="server">
        <ClientProvider client={ts.newClient()}>
          <LocaleProvider>
            <RouterProvider router={router} />
          </LocaleProvider>
        </ClientProvider>
      </StyleProvider>,
    );
    // Kept by the editor: no question, the navigation goes on.
    await user.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere page' })).toBeTruthy();
    expect(flushes).toEqual(['flush']);
    expect(screen.queryByRole('dialog')).toBeNull();

    // Not keepable: the question comes after the editor tried; an action without navigation asks too.
    await act(() => router.navigate('/editor'));
    dirty = true;
    keepable = false;
    await user.click(screen.getByRole('button', { name: 'Act' }));
    const dialog = await leaveDialog();
    expect(flushes).toEqual(['flush', 'flush']);
    await user.click(within(dialog).getByRole('button', { name: 'Rời trang' }));
    await waitFor(() => expect(flushes).toEqual(['flush', 'flush', 'leave:true']));
    expect(screen.getByRole('heading', { name: 'Editor' })).toBeTruthy();
  });
});
