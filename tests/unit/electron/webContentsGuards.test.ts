import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { dialog, FakeWebContents, resetFakeElectron, session, shell } from './fakeElectron';
import { guardSession, guardWebContents } from '../../../src-main/electron/webContentsGuards';

vi.mock('electron', () => import('./fakeElectron'));

const SERVER = 'http://127.0.0.1:5175';

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

let contents: FakeWebContents;
let trusted: string | null;

beforeEach(() => {
  resetFakeElectron();
  contents = new FakeWebContents();
  trusted = SERVER;
  guardWebContents(contents as unknown as WebContents, () => trusted);
});

describe('navigation', () => {
  it('allows pages of the school server being shown', () => {
    const event = navigationEvent(`${SERVER}/records/pupils`);
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5176/',
    'file:///etc/passwd',
    'http://127.0.0.1:5175@evil.example/',
  ])('prevents leaving for %s', (url) => {
    const event = navigationEvent(url);
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens an allowlisted link in the browser instead of inside the app', () => {
    const event = navigationEvent('https://moet.gov.vn/van-ban');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledWith('https://moet.gov.vn/van-ban');
  });

  it('prevents redirects to another origin', () => {
    const away = navigationEvent('https://evil.example/');
    contents.emit('will-redirect', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const same = navigationEvent(`${SERVER}/login`);
    contents.emit('will-redirect', same);
    expect(same.preventDefault).not.toHaveBeenCalled();
  });

  it('follows the server the app trusts now, not the one it trusted when the window opened', () => {
    trusted = 'http://192.168.1.10:5175';
    const old = navigationEvent(`${SERVER}/`);
    contents.emit('will-navigate', old);
    expect(old.preventDefault).toHaveBeenCalled();
    const current = navigationEvent('http://192.168.1.10:5175/lab');
    contents.emit('will-navigate', current);
    expect(current.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents all navigation while nothing is trusted', () => {
    trusted = null;
    const event = navigationEvent(`${SERVER}/`);
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('closing a page with unsaved work', () => {
  // The page's beforeunload handler held the unload; Electron shows nothing by itself.
  it('asks, and lets the page go only when the user chooses to leave', () => {
    dialog.showMessageBoxSync.mockImplementation(() => 0);
    const leave = { preventDefault: vi.fn() };
    contents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalled();
    const [options] = dialog.showMessageBoxSync.mock.calls[0] as [{ message: string; buttons: string[] }];
    expect(options.message).toBe('Rời trang khi chưa lưu?');
    expect(options.buttons).toEqual(['Rời trang', 'Ở lại']);

    dialog.showMessageBoxSync.mockImplementation(() => 1);
    const stay = { preventDefault: vi.fn() };
    contents.emit('will-prevent-unload', stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
  });
});

describe('new windows and webviews', () => {
  it('denies every window.open, even to the school server', () => {
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    for (const url of [`${SERVER}/report`, 'https://evil.example/', 'https://moet.gov.vn/']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('hands only allowlisted https and mailto links to the system', () => {
    for (const url of [
      'https://evil.example/',
      'http://moet.gov.vn/',
      'file:///C:/Windows/System32/calc.exe',
      'ms-msdt:/id PCWDiagnostic',
      `${SERVER}/x`,
    ]) {
      contents.windowOpenHandler!({ url });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
    contents.windowOpenHandler!({ url: 'https://hanoi.edu.vn/thong-bao' });
    contents.windowOpenHandler!({ url: 'mailto:vanthu@truong.edu.vn' });
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://hanoi.edu.vn/thong-bao'],
      ['mailto:vanthu@truong.edu.vn'],
    ]);
  });

  it('refuses to attach webviews', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  beforeEach(() => {
    guardSession(session.defaultSession as unknown as Session);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies a request for %s',
    (permission) => {
      const handler = session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0] as (
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
      ) => void;
      const callback = vi.fn();
      handler(contents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('answers permission checks and device requests with no', () => {
    const check = session.defaultSession.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(check(contents, 'media', SERVER, {})).toBe(false);
    const device = session.defaultSession.setDevicePermissionHandler.mock.calls[0]![0] as (
      ...args: unknown[]
    ) => boolean;
    expect(device({ deviceType: 'usb', origin: SERVER })).toBe(false);
  });
});
