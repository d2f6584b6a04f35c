import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { renderApp } from './support/renderApp';
import { setUpSchool, signedInAs, signIn, startRendererServer, type RendererTestServer } from './support/testServer';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { DEMO_PASSWORD } from '../../../src-main/core/demo/seed';
import { ROUTE_RULES } from '../../../src-renderer/office/layout/routeAccess';

describe('menu by role', () => {
  let ts: RendererTestServer;
  let admin: ProcedureClient;
  let teacher: ProcedureClient;

  beforeAll(async () => {
    ts = await startRendererServer();
    admin = await setUpSchool(ts);
    teacher = await signedInAs(ts, admin, {
      username: 'gv.lan',
      fullName: 'Phạm Thị Lan',
      role: 'teacher',
      password: 'giao-vien-1',
    });
  });
  afterAll(() => ts.close());

  it('gives the administrator the Quản trị menu', async () => {
    renderApp(admin, '/');
    const nav = await screen.findByRole('navigation', { name: 'Menu chính' });
    expect(nav.textContent).toContain('Quản trị');
    expect(nav.textContent).toContain('Hồ sơ');
  });

  it('hides Quản trị from a teacher', async () => {
    renderApp(teacher, '/');
    const nav = await screen.findByRole('navigation', { name: 'Menu chính' });
    expect(nav.textContent).toContain('Trang chủ');
    expect(nav.textContent).toContain('Đánh giá');
    expect(nav.textContent).not.toContain('Quản trị');
    expect(screen.queryByText('Quản trị')).toBeNull();
    // The header names the user and the role.
    expect(screen.getByText('Phạm Thị Lan')).toBeTruthy();
    expect(screen.getByText('(Giáo viên)')).toBeTruthy();
  });

  it('shows a teacher the 403 page on /users without asking the server, which refuses and records a direct call', async () => {
    renderApp(teacher, '/users');
    expect(await screen.findByText(/Bạn không có quyền truy cập trang này/)).toBeTruthy();
    expect((await teacher.call('users.list', {})).ok).toBe(false);
    const { rows } = await admin.get('audit.list', { action: 'users.list', outcome: 'failed' });
    expect(rows.some((r) => r.username === 'gv.lan' && r.outcome === 'forbidden')).toBe(true);
  });

  it('shows a module that is not built yet as a page of its own', async () => {
    renderApp(teacher, '/reports');
    expect(await screen.findByText('Phân hệ «Báo cáo thống kê» đang được xây dựng')).toBeTruthy();
  });
});

type DemoUser = 'admin' | 'principal' | 'clerk' | 'teacher' | 'yte';
const ALL: readonly DemoUser[] = ['admin', 'principal', 'clerk', 'teacher', 'yte'];
const MANAGERS: readonly DemoUser[] = ['admin', 'principal', 'clerk'];

/**
 * Who may open each page, written out by hand from the menus and tabs each role is offered (not read
 * from the app's table, so that a wrong entry there shows here).
 */
const EXPECTED: Record<string, readonly DemoUser[]> = {
  '/': ALL,
  '/change-password': ALL,
  '/reports': ALL,
  '/dx': ALL,
  '/lab': ALL,
  '/school': ALL,
  '/users': ['admin'],
  '/audit': ['admin', 'principal'],
  '/backup': ['admin'],
  '/records': ALL,
  '/records/pupils': ALL,
  '/records/pupils/import': MANAGERS,
  '/records/pupils/new': MANAGERS,
  '/records/pupils/:id': ALL,
  '/records/pupils/:id/edit': MANAGERS,
  '/records/classes': ALL,
  '/records/classes/promotion': MANAGERS,
  '/records/staff': ALL,
  '/records/staff/import': MANAGERS,
  '/records/staff/new': MANAGERS,
  '/records/staff/:id/edit': MANAGERS,
  '/records/rooms': ALL,
  '/records/facilities': ALL,
  '/health': ['principal', 'teacher', 'yte'],
  '/health/classes': ['principal', 'teacher', 'yte'],
  '/health/summary': ['principal', 'teacher', 'yte'],
  '/health/pupils/:id': ['principal', 'teacher', 'yte'],
  '/assessment': ['principal', 'clerk', 'teacher'],
  '/assessment/gradebook': ['principal', 'clerk', 'teacher'],
  '/assessment/progress': ['principal', 'clerk'],
  '/assessment/stats': ['principal', 'clerk', 'teacher'],
  '/documents': ['principal', 'clerk', 'teacher'],
  '/documents/queue': ['principal'],
  '/documents/register': ['principal', 'clerk'],
  '/documents/incoming': ['principal', 'clerk'],
  '/documents/verify': ['principal', 'clerk', 'teacher'],
  '/documents/settings': ['admin', 'principal'],
};

const FORBIDDEN = /Bạn không có quyền truy cập trang này/;

describe('route guard: every route × every role', () => {
  let ts: RendererTestServer;
  const as = {} as Record<DemoUser, ProcedureClient>;
  let ids: { pupil: number; staff: number };

  beforeAll(async () => {
    ts = await startRendererServer({ demo: true });
    for (const u of ALL) as[u] = await signIn(ts, u, DEMO_PASSWORD);
    // A pupil of a class the teacher leads, so that the server's own checks let every allowed role in.
    const own = (await as.teacher.get('health.classes.list', {})).rows[0]!;
    const pupil = (await as.teacher.get('health.checks.list', { classId: own.id })).rows[0]!.pupil.id;
    const staff = (await as.clerk.get('records.staff.list', {})).rows[0]!.id;
    ids = { pupil, staff };
  }, 60_000);
  afterAll(() => ts.close());

  it('names in the table exactly the routes written out here', () => {
    expect(ROUTE_RULES.map((r) => r.pattern).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const address = (pattern: string) =>
    pattern.replace('/pupils/:id', `/pupils/${ids.pupil}`).replace('/staff/:id', `/staff/${ids.staff}`);

  it.each(ALL)(
    'opens for %s exactly the pages its menus offer, and shows the others as forbidden',
    async (who) => {
      const wrong: string[] = [];
      for (const [pattern, roles] of Object.entries(EXPECTED)) {
        renderApp(as[who], address(pattern));
        await screen.findByRole('navigation', { name: 'Menu chính' }, { timeout: 15_000 });
        const allowed = roles.includes(who);
        if (allowed) {
          // The page's own data then arrives: the server lets this role in too.
          await new Promise((r) => setTimeout(r, 0));
          await waitFor(() => expect(document.querySelector('.ant-spin-spinning')).toBeNull(), { timeout: 15_000 });
        }
        const forbidden = screen.queryByText(FORBIDDEN) !== null;
        if (forbidden === allowed) wrong.push(`${pattern}: ${forbidden ? 'forbidden' : 'opened'}`);
        cleanup();
      }
      expect(wrong).toEqual([]);
    },
    240_000,
  );

  it.each(ALL)('offers %s in its menu and home tiles only pages it may open', async (who) => {
    renderApp(as[who], '/');
    await screen.findByRole('navigation', { name: 'Menu chính' }, { timeout: 15_000 });
    const hrefs = [...document.querySelectorAll('nav a[href], a.ts-tile[href]')].map((a) => a.getAttribute('href')!);
    expect(hrefs.length).toBeGreaterThan(3);
    const refused = hrefs.filter((h) => !(EXPECTED[h] ?? []).includes(who));
    expect(refused).toEqual([]);
    cleanup();
  });
});
