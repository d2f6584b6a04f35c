import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src-main/core/app';
import type { DesktopShell } from '../../../src-main/electron/desktopShell';
import { runDesktopApp, settleWithin } from '../../../src-main/electron/lifecycle';
import { BRIDGE_CHANNELS } from '../../../src-shared/api/bridge';
import {
  FakeBrowserWindow,
  FakeWebContents,
  app,
  dialog,
  ipcHandlers,
  resetFakeElectron,
  session,
} from './fakeElectron';
import { answers, tempDataDir } from './serverFixture';

vi.mock('electron', () => import('./fakeElectron'));

let dataDir: string;
let running: DesktopShell | null;

function run(options: { shutdownTimeoutMs?: number } = {}): DesktopShell | null {
  running = runDesktopApp({
    dataDir,
    preloadPath: '/app/dist/electron/preload.cjs',
    log: silentLogger,
    serverOptions: { schedule: false },
    ...options,
  });
  return running;
}

async function started(): Promise<FakeBrowserWindow> {
  await vi.waitFor(() => expect(FakeBrowserWindow.live()[0]?.loadURL).toHaveBeenCalled());
  return FakeBrowserWindow.live()[0]!;
}

beforeEach(() => {
  resetFakeElectron();
  dataDir = path.join(tempDataDir('lifecycle'), 'truongso');
  running = null;
});

afterEach(async () => {
  await running?.shutdown();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe('launch', () => {
  it('shares the data folder with the CLI and sandboxes every renderer, before anything else', async () => {
    run();
    expect(fs.existsSync(dataDir)).toBe(true);
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(app.enableSandbox).toHaveBeenCalled();
    const setPathOrder = app.setPath.mock.invocationCallOrder[0]!;
    expect(setPathOrder).toBeLessThan(app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
    expect(setPathOrder).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    // The start goes on after these checks: it ends here, not in the middle of the next test.
    await started();
  });

  it('quits at once when another instance already runs', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(run()).toBeNull();
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    run();
    const win = await started();
    win.minimized = true;
    app.emit('second-instance', {}, [], dataDir, {});
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });

  it('guards the session, the bridge and every new page', async () => {
    run();
    const win = await started();
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());

    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const home = { url: `${win.lastUrl}/records`, preventDefault: vi.fn() };
    contents.emit('will-navigate', home);
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('explains a start that cannot happen, then exits', async () => {
    // Another live process (our parent) holds the data folder.
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(
      path.join(dataDir, 'server.lock'),
      JSON.stringify({ pid: process.ppid, url: 'http://127.0.0.1:5175', startedAt: new Date().toISOString() }),
    );
    run();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      expect.any(String),
      expect.stringContaining('http://127.0.0.1:5175'),
    );
  });
});

describe('quit', () => {
  it('waits for the server to close the database, then quits for real', async () => {
    run();
    const win = await started();
    const url = win.lastUrl!;
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();

    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(await answers(url)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);

    // The quit that follows goes through.
    const again = { preventDefault: vi.fn() };
    app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('quits when the last window closes', async () => {
    run();
    await started();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalled();
  });

  it('does not wait forever for a server that will not close', async () => {
    expect(await settleWithin(new Promise(() => {}), 20)).toBe(false);
    expect(await settleWithin(Promise.resolve(), 1000)).toBe(true);
    expect(await settleWithin(Promise.reject(new Error('x')), 1000)).toBe(true);
  });
});
