/**
 * Runs in the sandboxed renderer before the UI and exposes exactly the DesktopBridge as
 * `window.truongso` (DESIGN §3). No ipcRenderer, no channel names from the page: each method calls
 * its own fixed channel. Bundled to CommonJS, since a sandboxed preload cannot be an ES module, and
 * it may require nothing but 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_CHANNELS,
  BRIDGE_GLOBAL,
  type DesktopAppInfo,
  type DesktopBridge,
  type LocalTokenList,
  type LocalTokenSession,
  type RoleChoice,
  type SaveFileRequest,
  type CopyToFolderRequest,
} from '../../src-shared/api/bridge';
import { fail, type Result } from '../../src-shared/api/envelope';

type Channel = (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS];

/** Even a failed IPC round trip (a handler missing, data that cannot be cloned) comes back as data. */
async function call<T>(channel: Channel, input?: unknown): Promise<Result<T>> {
  try {
    return (await ipcRenderer.invoke(channel, input)) as Result<T>;
  } catch (e) {
    return fail('internal', e instanceof Error ? e.message : String(e));
  }
}

const bridge: DesktopBridge = {
  isDesktop: true,
  async appInfo(): Promise<DesktopAppInfo> {
    // The contract returns the info itself; main refuses only pages that are not the trusted UI.
    const result = await call<DesktopAppInfo>(BRIDGE_CHANNELS.appInfo);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  },
  chooseRole: (choice: RoleChoice) => call<{ willReload: boolean }>(BRIDGE_CHANNELS.chooseRole, choice),
  saveFile: (request: SaveFileRequest) => call<{ path: string | null }>(BRIDGE_CHANNELS.saveFile, request),
  copyToFolder: (request: CopyToFolderRequest) => call<{ path: string | null }>(BRIDGE_CHANNELS.copyToFolder, request),
  listTokens: (request) => call<LocalTokenList>(BRIDGE_CHANNELS.listTokens, request),
  openTokenSession: (request) => call<LocalTokenSession>(BRIDGE_CHANNELS.openTokenSession, request),
  signWithToken: (request) => call<{ signatures: string[] }>(BRIDGE_CHANNELS.signWithToken, request),
  closeTokenSession: (request) => call<null>(BRIDGE_CHANNELS.closeTokenSession, request),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
