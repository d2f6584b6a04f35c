import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, type DesktopAppInfo } from '../../../src-shared/api/bridge';
import { ok } from '../../../src-shared/api/envelope';
import { silentLogger } from '../../../src-main/core/app';
import { registerBridgeHandlers, type BridgeHost } from '../../../src-main/electron/ipcBridge';
import { FakeBrowserWindow, dialog, ipcHandlers, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const SERVER = 'http://127.0.0.1:5175';
const INFO: DesktopAppInfo = {
  version: '0.1.0',
  platform: 'win32',
  role: null,
  serverUrl: SERVER,
  dataDir: 'C:\\data',
};

let window: FakeBrowserWindow;
let dispose: () => void;
let host: BridgeHost & { appInfo: ReturnType<typeof vi.fn>; chooseRole: ReturnType<typeof vi.fn> };

function senderEvent(overrides: { url?: string; parent?: unknown; frame?: null; contents?: unknown } = {}) {
  const frame =
    overrides.frame === null ? null : { url: overrides.url ?? `${SERVER}/setup`, parent: overrides.parent ?? null };
  return { sender: overrides.contents ?? window.webContents, senderFrame: frame };
}

async function invoke(channel: string, event: unknown, input?: unknown): Promise<unknown> {
  const handler = ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, input);
}

beforeEach(() => {
  resetFakeElectron();
  window = new FakeBrowserWindow({});
  host = {
    trustedSender: () => ({ origin: SERVER, webContentsIds: [window.webContents.id] }),
    appInfo: vi.fn(() => INFO),
    chooseRole: vi.fn(async () => ok({ willReload: true })),
  };
  dispose = registerBridgeHandlers(host, silentLogger);
});

describe('bridge handlers', () => {
  it('serve exactly the bridge channels', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual(Object.values(BRIDGE_CHANNELS).sort());
  });

  it('answer the trusted UI with envelopes', async () => {
    expect(await invoke(BRIDGE_CHANNELS.appInfo, senderEvent())).toEqual({ ok: true, value: INFO });
    const choice = { role: 'server', lan: false };
    expect(await invoke(BRIDGE_CHANNELS.chooseRole, senderEvent(), choice)).toEqual({
      ok: true,
      value: { willReload: true },
    });
    expect(host.chooseRole).toHaveBeenCalledWith(choice);
  });

  it.each([
    ['a page from another origin', { url: 'https://evil.example/' }],
    ['the same host on another port', { url: 'http://127.0.0.1:5176/' }],
    ['a local file', { url: 'file:///C:/Users/a/x.html' }],
    ['a sub-frame of the trusted page', { parent: { url: `${SERVER}/` } }],
    ['a frame that is gone', { frame: null }],
    ['a web page that is not our window', { contents: { id: 9999 } }],
  ] as const)('refuse %s with forbidden', async (_why, overrides) => {
    for (const channel of Object.values(BRIDGE_CHANNELS)) {
      const result = await invoke(channel, senderEvent(overrides), { role: 'server', lan: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(host.appInfo).not.toHaveBeenCalled();
    expect(host.chooseRole).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuse everything when no server is trusted', async () => {
    host.trustedSender = () => ({ origin: null, webContentsIds: [window.webContents.id] });
    expect(await invoke(BRIDGE_CHANNELS.appInfo, senderEvent())).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('turn a failure into an internal error instead of throwing across the bridge', async () => {
    host.chooseRole.mockRejectedValueOnce(new Error('disk full'));
    const result = await invoke(BRIDGE_CHANNELS.chooseRole, senderEvent(), { role: 'server', lan: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('disk full');
  });

  it('save a file for the trusted UI, with the dialog attached to its window', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-ipc-save-'));
    const target = path.join(dir, 'danh-sach.xlsx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const result = await invoke(BRIDGE_CHANNELS.saveFile, senderEvent(), {
      suggestedName: 'danh-sach.xlsx',
      data: new Uint8Array([1, 2, 3]),
    });
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(dialog.showSaveDialog.mock.calls[0]![0]).toBe(window);
    expect([...fs.readFileSync(target)]).toEqual([1, 2, 3]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copy a backup into the folder the user picks, attached to its window', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-ipc-copy-'));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [dir] });
    const data = new Uint8Array([7, 8, 9]);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const result = await invoke(BRIDGE_CHANNELS.copyToFolder, senderEvent(), {
      suggestedName: 'truongso-20261208-101500-000-manual.db',
      data,
      sha256,
    });
    const target = path.join(dir, 'truongso-20261208-101500-000-manual.db');
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(dialog.showOpenDialog.mock.calls[0]![0]).toBe(window);
    expect([...fs.readFileSync(target)]).toEqual([7, 8, 9]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reach the token signer of this PC, which answers with envelopes', async () => {
    // A module that does not exist: the engine's Vietnamese reason comes back as data.
    const listed = await invoke(BRIDGE_CHANNELS.listTokens, senderEvent(), { modulePath: '/khong-co/thu-vien.so' });
    expect(listed).toMatchObject({ ok: false, error: { code: 'token_error' } });
    expect(
      await invoke(BRIDGE_CHANNELS.signWithToken, senderEvent(), { sessionId: 'x', toBeSigned: ['AA=='] }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('PIN') } });
    expect(await invoke(BRIDGE_CHANNELS.openTokenSession, senderEvent(), { pin: '1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await invoke(BRIDGE_CHANNELS.closeTokenSession, senderEvent(), { sessionId: 'x' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('can be removed again', () => {
    dispose();
    expect(ipcHandlers.size).toBe(0);
  });
});
