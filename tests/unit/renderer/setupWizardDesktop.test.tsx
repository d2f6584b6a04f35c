import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { DesktopAppInfo, DesktopBridge, RoleChoice } from '../../../src-shared/api/bridge';
import type { Result } from '../../../src-shared/api/envelope';
import { renderApp, setupUser } from './support/renderApp';
import { startRendererServer, type RendererTestServer } from './support/testServer';

/** The Electron preload's bridge as the renderer sees it, recording the role chosen. */
function desktopBridge(answer: Result<{ willReload: boolean }>): DesktopBridge & { choices: RoleChoice[] } {
  const choices: RoleChoice[] = [];
  const info: DesktopAppInfo = { version: '0.1.0', platform: 'win32', role: null, serverUrl: '', dataDir: null };
  return {
    isDesktop: true,
    choices,
    appInfo: async () => info,
    chooseRole: async (choice) => {
      choices.push(choice);
      return answer;
    },
    saveFile: async () => ({ ok: true, value: { path: null } }),
    copyToFolder: async () => ({ ok: true, value: { path: null } }),
    listTokens: async () => ({ ok: true, value: { modules: [], tokens: [] } }),
    openTokenSession: async () => ({ ok: false, error: { code: 'token_error', message: 'no token here' } }),
    signWithToken: async () => ({ ok: false, error: { code: 'not_found', message: 'no session' } }),
    closeTokenSession: async () => ({ ok: true, value: null }),
  };
}

describe('first-run wizard in the desktop app', () => {
  let ts: RendererTestServer;

  beforeAll(async () => {
    ts = await startRendererServer();
  });
  afterAll(() => ts.close());
  afterEach(() => {
    delete window.truongso;
  });

  it('asks first what the PC is; the school server goes on to the school’s details', async () => {
    const bridge = desktopBridge({ ok: true, value: { willReload: false } });
    window.truongso = bridge;
    const user = setupUser();
    renderApp(ts.newClient(), '/');

    expect(await screen.findByText('Máy tính này dùng để làm gì?')).toBeTruthy();
    expect((screen.getByRole('radio', { name: /Máy chủ trường/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(await screen.findByLabelText('Tên trường')).toBeTruthy();
    expect(bridge.choices).toEqual([{ role: 'server', lan: true }]);
  });

  it('sends an office PC to the school server it names', async () => {
    const bridge = desktopBridge({ ok: true, value: { willReload: true } });
    window.truongso = bridge;
    const user = setupUser();
    renderApp(ts.newClient(), '/');

    await user.click(await screen.findByRole('radio', { name: /Máy văn phòng/ }));
    await user.type(await screen.findByLabelText('Địa chỉ máy chủ trường'), 'http://192.168.1.10:5175{Enter}');
    expect(await screen.findByText('Đang kết nối tới máy chủ trường…')).toBeTruthy();
    expect(bridge.choices).toEqual([{ role: 'office', serverUrl: 'http://192.168.1.10:5175' }]);
  });

  it('shows the shell’s refusal under the address field', async () => {
    const message = 'Không kết nối được với máy chủ trường tại http://192.168.1.99:5175';
    window.truongso = desktopBridge({
      ok: false,
      error: { code: 'invalid_input', message, details: { fields: [{ field: 'serverUrl', message }] } },
    });
    const user = setupUser();
    renderApp(ts.newClient(), '/');

    await user.click(await screen.findByRole('radio', { name: /Máy văn phòng/ }));
    await user.type(await screen.findByLabelText('Địa chỉ máy chủ trường'), 'http://192.168.1.99:5175{Enter}');
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText('Máy tính này dùng để làm gì?')).toBeTruthy();
  });
});
