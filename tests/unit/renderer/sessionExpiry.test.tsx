import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp, setupUser } from './support/renderApp';
import { ADMIN, setUpSchool, startRendererServer, type RendererTestServer } from './support/testServer';

describe('an ended session', () => {
  let ts: RendererTestServer;

  beforeAll(async () => {
    ts = await startRendererServer();
  });
  afterAll(() => ts.close());

  it('sends the user to the login page with a message, and back to the page after signing in', async () => {
    const user = setupUser();
    const admin = await setUpSchool(ts);
    renderApp(admin, '/');
    await screen.findByRole('heading', { name: `Xin chào, ${ADMIN.fullName}` });

    // The session ends behind the app's back (here: signed out from elsewhere with the same token).
    const elsewhere = ts.newClient();
    elsewhere.setToken(admin.token);
    await elsewhere.get('auth.logout', {});

    await user.click(screen.getAllByRole('link', { name: /^Thông tin trường & năm học/ })[0]!);
    expect(await screen.findByText('Phiên làm việc đã hết hạn, vui lòng đăng nhập lại')).toBeTruthy();
    expect(admin.token).toBeNull();

    await user.type(screen.getByLabelText('Tên đăng nhập'), ADMIN.username);
    await user.type(screen.getByLabelText('Mật khẩu'), `${ADMIN.password}{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Thông tin trường & năm học' })).toBeTruthy();
  });
});
