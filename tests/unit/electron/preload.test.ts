import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL, type DesktopBridge } from '../../../src-shared/api/bridge';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

const BRIDGE_METHODS = [
  'isDesktop',
  'appInfo',
  'chooseRole',
  'saveFile',
  'copyToFolder',
  'listTokens',
  'openTokenSession',
  'signWithToken',
  'closeTokenSession',
];

let exposures: unknown[][];
let bridge: DesktopBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../src-main/electron/preload');
  exposures = contextBridge.exposeInMainWorld.mock.calls.slice();
  bridge = exposures[0]?.[1] as DesktopBridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
});

describe('the preload', () => {
  it('exposes exactly the bridge, under window.truongso', () => {
    expect(exposures).toHaveLength(1);
    expect(exposures[0]![0]).toBe(BRIDGE_GLOBAL);
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_METHODS].sort());
    expect(bridge.isDesktop).toBe(true);
    for (const value of Object.values(bridge)) {
      expect(value === ipcRenderer || value === ipcRenderer.invoke).toBe(false);
    }
  });

  it('calls only the bridge channels, each method its own', async () => {
    ipcRenderer.invoke.mockResolvedValue({ ok: true, value: { willReload: false } });
    const choice = { role: 'office', serverUrl: 'http://192.168.1.10:5175' } as const;
    await bridge.chooseRole(choice);
    const request = { suggestedName: 'a.pdf', data: new Uint8Array([1]) };
    await bridge.saveFile(request);
    const copy = { suggestedName: 'a.db', data: new Uint8Array([1]), sha256: 'ab'.repeat(32) };
    await bridge.copyToFolder(copy);
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { version: '0.1.0' } });
    await bridge.appInfo();
    const open = { tokenLabel: 'VNPT-CA', tokenSerial: '01', certSerial: 'AA', pin: '123456' };
    await bridge.listTokens({});
    await bridge.openTokenSession(open);
    await bridge.signWithToken({ sessionId: 's', toBeSigned: ['AA=='] });
    await bridge.closeTokenSession({ sessionId: 's' });
    expect(ipcRenderer.invoke.mock.calls).toEqual([
      [BRIDGE_CHANNELS.chooseRole, choice],
      [BRIDGE_CHANNELS.saveFile, request],
      [BRIDGE_CHANNELS.copyToFolder, copy],
      [BRIDGE_CHANNELS.appInfo, undefined],
      [BRIDGE_CHANNELS.listTokens, {}],
      [BRIDGE_CHANNELS.openTokenSession, open],
      [BRIDGE_CHANNELS.signWithToken, { sessionId: 's', toBeSigned: ['AA=='] }],
      [BRIDGE_CHANNELS.closeTokenSession, { sessionId: 's' }],
    ]);
  });

  it('returns the envelope from main, and a failed round trip as an envelope too', async () => {
    const refused = { ok: false, error: { code: 'forbidden', message: 'no' } };
    ipcRenderer.invoke.mockResolvedValueOnce(refused);
    expect(await bridge.chooseRole({ role: 'server', lan: false })).toEqual(refused);
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    expect(await bridge.saveFile({ suggestedName: 'a', data: new Uint8Array() })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('unwraps appInfo, whose contract is the info itself', async () => {
    const info = {
      version: '0.1.0',
      platform: 'win32',
      role: 'server',
      serverUrl: 'http://127.0.0.1:5175',
      dataDir: 'D',
    };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: info });
    expect(await bridge.appInfo()).toEqual(info);
  });
});

describe('the bundled preload (dist/electron/preload.cjs)', () => {
  let code: string;

  beforeAll(async () => {
    // The same settings as scripts/build-node.mjs: a sandboxed preload is CommonJS for the browser.
    const result = await build({
      entryPoints: [fileURLToPath(new URL('../../../src-main/electron/preload.ts', import.meta.url))],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      target: 'chrome130',
      external: ['electron'],
      logLevel: 'silent',
    });
    code = result.outputFiles[0]!.text;
  });

  it('runs where only "electron" can be required, and exposes the bridge', () => {
    const exposed: Record<string, unknown> = {};
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const required: string[] = [];
    const fakeRequire = (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return {
        contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
        ipcRenderer: { invoke },
      };
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: fakeRequire, module, exports: module.exports, console });
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(exposed[BRIDGE_GLOBAL] as object).sort()).toEqual([...BRIDGE_METHODS].sort());
  });

  it('is not an ES module', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });
});
