import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { ADMIN, setUpSchool, startRendererServer, type RendererTestServer } from './support/testServer';

describe('login page', () => {
  let ts: RendererTestServer;

  beforeAll(async () => {
    ts = await startRendererServer();
    await setUpSchool(ts);
  });
  afterAll(() => ts.close());

  it('shows the server’s Vietnamese message on a wrong password, then signs in', async () => {
    const user = setupUser();
    renderApp(ts.newClient(), '/');

    await screen.findByRole('heading', { name: 'Đăng nhập' });
    // A real school, not the demo: no hint about demo passwords.
    expect(screen.queryByText(/Trường mẫu/)).toBeNull();

    await user.type(screen.getByLabelText('Tên đăng nhập'), ADMIN.username);
    await user.type(screen.getByLabelText('Mật khẩu'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Tên đăng nhập hoặc mật khẩu không đúng')).toBeTruthy();

    await user.clear(screen.getByLabelText('Mật khẩu'));
    // Enter submits the form.
    await user.type(screen.getByLabelText('Mật khẩu'), `${ADMIN.password}{Enter}`);
    expect(await screen.findByRole('heading', { name: `Xin chào, ${ADMIN.fullName}` })).toBeTruthy();
    expect(screen.getAllByText('Trường Tiểu học Kim Đồng').length).toBeGreaterThan(0);
  });

  it('switches to English, remembers it, and the server answers in English too', async () => {
    const user = setupUser();
    renderApp(ts.newClient(), '/');
    await screen.findByRole('heading', { name: 'Đăng nhập' });

    await user.click(screen.getByText('English'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(localStorage.getItem('truongso.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await user.type(screen.getByLabelText('Username'), ADMIN.username);
    await user.type(screen.getByLabelText('Password'), 'not-the-password{Enter}');
    expect(await screen.findByText('Wrong username or password')).toBeTruthy();
  });
});
