import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src-main/core/app';
import type { RunningServer } from '../../../src-main/server/start';
import { DesktopShell } from '../../../src-main/electron/desktopShell';
import { MACHINE_FILE, readMachineConfig, writeMachineConfig } from '../../../src-main/electron/machineConfig';
import { FakeBrowserWindow, app, dialog, resetFakeElectron } from './fakeElectron';
import { answers, freePort, startSchoolServer, tempDataDir } from './serverFixture';

vi.mock('electron', () => import('./fakeElectron'));

const PRELOAD = '/app/dist/electron/preload.cjs';

let dataDir: string;
let schoolDir: string;
let school: RunningServer | null;
const shells: DesktopShell[] = [];
const blockers: net.Server[] = [];

function newShell(options: { lanPort?: number } = {}): DesktopShell {
  const shell = new DesktopShell({
    dataDir,
    preloadPath: PRELOAD,
    log: silentLogger,
    serverOptions: { schedule: false },
    retryDelayMs: 10,
    probeTimeoutMs: 2000,
    ...options,
  });
  shells.push(shell);
  return shell;
}

/** Quits one shell and starts the next, as a restart of the app would. */
async function restart(previous: DesktopShell, options: { lanPort?: number } = {}): Promise<DesktopShell> {
  await previous.shutdown();
  resetFakeElectron();
  const next = newShell(options);
  await next.start();
  return next;
}

function onlyWindow(): FakeBrowserWindow {
  const live = FakeBrowserWindow.live();
  expect(live).toHaveLength(1);
  return live[0]!;
}

beforeEach(() => {
  resetFakeElectron();
  dataDir = tempDataDir('desktop');
  schoolDir = tempDataDir('school');
  school = null;
});

afterEach(async () => {
  for (const shell of shells.splice(0)) await shell.shutdown();
  await school?.close();
  for (const blocker of blockers.splice(0)) blocker.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(schoolDir, { recursive: true, force: true });
});

describe('before a role is chosen', () => {
  it('runs the school server on this PC only and shows it, so the wizard can run', async () => {
    const shell = newShell();
    await shell.start();
    const address = shell.serverAddress()!;
    expect(address.host).toBe('127.0.0.1');
    expect(address.port).toBeGreaterThan(0);
    const win = onlyWindow();
    expect(win.options.kiosk).toBeUndefined();
    expect(win.options.webPreferences).toMatchObject({ preload: PRELOAD, sandbox: true, contextIsolation: true });
    expect(win.lastUrl).toBe(address.url);
    expect(await answers(address.url)).toBe(true);
    expect(shell.appInfo()).toMatchObject({ role: null, serverUrl: address.url, dataDir });
    expect(shell.trustedSender()).toEqual({ origin: address.url, webContentsIds: [win.webContents.id] });
  });

  it('keeps the same loopback port from launch to launch, and takes another when it is busy', async () => {
    const first = newShell();
    await first.start();
    const port = first.serverAddress()!.port;
    const second = await restart(first);
    // Another test file may hold the preferred port; either way the port is stable across restarts.
    expect(second.serverAddress()!.port === port || port !== 5176).toBe(true);
    await second.shutdown();
    const blocker = net.createServer();
    blockers.push(blocker);
    const taken = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false));
      blocker.listen({ host: '127.0.0.1', port: 5176 }, () => resolve(true));
    });
    resetFakeElectron();
    const third = newShell();
    await third.start();
    if (taken) expect(third.serverAddress()!.port).not.toBe(5176);
    expect(await answers(third.serverAddress()!.url)).toBe(true);
  });

  it('treats a corrupt machine.json as no role', async () => {
    fs.writeFileSync(path.join(dataDir, MACHINE_FILE), '{"role": "office", "serverUrl": ');
    const shell = newShell();
    await shell.start();
    expect(shell.role).toBeNull();
    expect(shell.serverAddress()?.host).toBe('127.0.0.1');
  });

  it.each([
    ['an unknown role', { role: 'admin' }],
    ['a server without the LAN choice', { role: 'server' }],
    ['an office PC without an address', { role: 'office' }],
    ['an ftp address', { role: 'office', serverUrl: 'ftp://192.168.1.10' }],
    ['a script address', { role: 'lab', serverUrl: 'javascript:alert(1)' }],
    ['nothing', null],
  ])('refuses %s as invalid input and saves nothing', async (_why, choice) => {
    const shell = newShell();
    await shell.start();
    const result = await shell.chooseRole(choice);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fs.existsSync(path.join(dataDir, MACHINE_FILE))).toBe(false);
  });
});

describe('the school server role', () => {
  it('keeps the running server when the LAN stays closed, and goes straight there on the next start', async () => {
    let shell = newShell();
    await shell.start();
    const before = shell.serverAddress()!;
    const win = onlyWindow();

    expect(await shell.chooseRole({ role: 'server', lan: false })).toEqual({ ok: true, value: { willReload: false } });
    expect(readMachineConfig(dataDir)).toEqual({ role: 'server', lan: false });
    expect(shell.serverAddress()).toEqual(before);
    expect(win.loadURL).toHaveBeenCalledTimes(1);

    shell = await restart(shell);
    expect(shell.role).toBe('server');
    expect(shell.serverAddress()?.host).toBe('127.0.0.1');
    expect(onlyWindow().lastUrl).toBe(shell.serverAddress()!.url);
    expect(shell.appInfo()).toMatchObject({ role: 'server', dataDir });
  });

  it('moves the server to all interfaces on the LAN port when the LAN is opened', async () => {
    const lanPort = await freePort();
    let shell = newShell({ lanPort });
    await shell.start();
    const temporary = shell.serverAddress()!.url;

    expect(await shell.chooseRole({ role: 'server', lan: true })).toEqual({ ok: true, value: { willReload: true } });
    expect(readMachineConfig(dataDir)).toEqual({ role: 'server', lan: true });
    expect(shell.serverAddress()).toEqual({ host: '0.0.0.0', port: lanPort, url: `http://127.0.0.1:${lanPort}` });
    expect(onlyWindow().lastUrl).toBe(`http://127.0.0.1:${lanPort}`);
    expect(shell.trustedOrigin()).toBe(`http://127.0.0.1:${lanPort}`);
    expect(await answers(`http://127.0.0.1:${lanPort}`)).toBe(true);
    expect(await answers(temporary)).toBe(false);

    shell = await restart(shell, { lanPort });
    expect(shell.serverAddress()).toMatchObject({ host: '0.0.0.0', port: lanPort });
  });

  it('refuses to open the LAN when the port is taken, and changes nothing', async () => {
    const lanPort = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: '0.0.0.0', port: lanPort }, resolve));
    blockers.push(blocker);
    const shell = newShell({ lanPort });
    await shell.start();
    const before = shell.serverAddress()!;

    const result = await shell.chooseRole({ role: 'server', lan: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(readMachineConfig(dataDir)).toBeNull();
    expect(shell.serverAddress()).toEqual(before);
    expect(await answers(before.url)).toBe(true);
  });

  it('still opens on this PC, with a warning, when the saved LAN port is taken at start', async () => {
    const lanPort = await freePort();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: '0.0.0.0', port: lanPort }, resolve));
    blockers.push(blocker);
    writeMachineConfig(dataDir, { role: 'server', lan: true });
    const shell = newShell({ lanPort });
    await shell.start();
    expect(shell.serverAddress()?.host).toBe('127.0.0.1');
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'warning' }));
  });
});

describe('an office PC', () => {
  it('connects to the school server, stops its own, and goes straight there on the next start', async () => {
    school = await startSchoolServer(schoolDir);
    let shell = newShell();
    await shell.start();
    const temporary = shell.serverAddress()!.url;

    expect(await shell.chooseRole({ role: 'office', serverUrl: `${school.url}/` })).toEqual({
      ok: true,
      value: { willReload: true },
    });
    expect(readMachineConfig(dataDir)).toEqual({ role: 'office', serverUrl: school.url });
    expect(shell.serverAddress()).toBeNull();
    expect(await answers(temporary)).toBe(false);
    const win = onlyWindow();
    expect(win.options.kiosk).toBeUndefined();
    expect(win.lastUrl).toBe(school.url);
    expect(shell.trustedOrigin()).toBe(school.url);
    expect(shell.appInfo()).toMatchObject({ role: 'office', serverUrl: school.url, dataDir: null });

    shell = await restart(shell);
    expect(shell.serverAddress()).toBeNull();
    expect(onlyWindow().lastUrl).toBe(school.url);
    expect(shell.role).toBe('office');
  });

  it('cannot be re-pointed by the pages it shows', async () => {
    school = await startSchoolServer(schoolDir);
    writeMachineConfig(dataDir, { role: 'office', serverUrl: school.url });
    const shell = newShell();
    await shell.start();
    const result = await shell.chooseRole({ role: 'office', serverUrl: 'http://203.0.113.9:5175' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(readMachineConfig(dataDir)).toEqual({ role: 'office', serverUrl: school.url });
  });

  it('refuses an address where no school server answers, and keeps the wizard running', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const shell = newShell();
    await shell.start();
    const temporary = shell.serverAddress()!.url;
    const result = await shell.chooseRole({ role: 'office', serverUrl: nowhere });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: { fields: [{ field: 'serverUrl' }] } },
    });
    expect(readMachineConfig(dataDir)).toBeNull();
    expect(await answers(temporary)).toBe(true);
    expect(onlyWindow().lastUrl).toBe(temporary);
  });

  it("refuses this PC's own temporary server as the school server", async () => {
    const shell = newShell();
    await shell.start();
    const result = await shell.chooseRole({ role: 'office', serverUrl: shell.serverAddress()!.url });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(readMachineConfig(dataDir)).toBeNull();
  });

  it('asks what to do when the school server cannot be reached, and can go back to the wizard', async () => {
    school = await startSchoolServer(schoolDir);
    writeMachineConfig(dataDir, { role: 'office', serverUrl: school.url });
    const shell = newShell();
    await shell.start();
    const win = onlyWindow();
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });

    win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', school.url, true);
    await vi.waitFor(() => expect(shell.serverAddress()).not.toBeNull());
    expect(dialog.showMessageBox).toHaveBeenCalledWith(win, expect.objectContaining({ type: 'error' }));
    expect(readMachineConfig(dataDir)).toBeNull();
    expect(shell.role).toBeNull();
    expect(onlyWindow().lastUrl).toBe(shell.serverAddress()!.url);
  });

  it('retries when asked to, and quits when asked to', async () => {
    school = await startSchoolServer(schoolDir);
    writeMachineConfig(dataDir, { role: 'office', serverUrl: school.url });
    const shell = newShell();
    await shell.start();
    const win = onlyWindow();

    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', school.url, true);
    await vi.waitFor(() => expect(win.loadURL).toHaveBeenCalledTimes(2));

    dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false });
    win.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', school.url, true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(readMachineConfig(dataDir)).toEqual({ role: 'office', serverUrl: school.url });
  });
});

describe('a lab PC', () => {
  it('shows the lab app in a kiosk window and goes straight there on the next start', async () => {
    school = await startSchoolServer(schoolDir);
    let shell = newShell();
    await shell.start();
    const wizard = onlyWindow();

    expect(await shell.chooseRole({ role: 'lab', serverUrl: school.url })).toEqual({
      ok: true,
      value: { willReload: true },
    });
    expect(readMachineConfig(dataDir)).toEqual({ role: 'lab', serverUrl: school.url });
    expect(wizard.close).toHaveBeenCalled();
    const kiosk = onlyWindow();
    expect(kiosk).not.toBe(wizard);
    expect(kiosk.options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(kiosk.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, devTools: false });
    expect(kiosk.removeMenu).toHaveBeenCalled();
    expect(kiosk.lastUrl).toBe(`${school.url}/lab`);
    expect(shell.trustedOrigin()).toBe(school.url);
    expect(shell.serverAddress()).toBeNull();

    shell = await restart(shell);
    expect(shell.role).toBe('lab');
    const again = onlyWindow();
    expect(again.options.kiosk).toBe(true);
    expect(again.lastUrl).toBe(`${school.url}/lab`);
  });

  it('keeps retrying quietly while the school server is away', async () => {
    school = await startSchoolServer(schoolDir);
    writeMachineConfig(dataDir, { role: 'lab', serverUrl: school.url });
    const shell = newShell();
    await shell.start();
    const kiosk = onlyWindow();
    kiosk.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', `${school.url}/lab`, true);
    await vi.waitFor(() => expect(kiosk.loadURL).toHaveBeenCalledTimes(2));
    expect(kiosk.loadURL).toHaveBeenLastCalledWith(`${school.url}/lab`);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe('shutting down', () => {
  it('closes the server, which releases the data folder', async () => {
    const shell = newShell();
    await shell.start();
    const url = shell.serverAddress()!.url;
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(true);
    await shell.shutdown();
    expect(await answers(url)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'server.lock'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'truongso.db-wal'))).toBe(false);
  });

  it('focuses the existing window when the app is started again', async () => {
    const shell = newShell();
    await shell.start();
    const win = onlyWindow();
    win.minimized = true;
    shell.focus();
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});
