/**
 * The main-process side of the preload bridge (src-shared/api/bridge.ts): one handler per channel,
 * each behind the sender check, each answering with a Result envelope. Nothing is thrown across the
 * bridge: Electron would pass only the message text of an exception, and errors travel as data.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { BRIDGE_CHANNELS, type DesktopAppInfo } from '../../src-shared/api/bridge';
import { fail, ok, type Result } from '../../src-shared/api/envelope';
import type { Logger } from '../core/context';
import { MESSAGES } from './messages';
import { copyToFolder } from './copyToFolder';
import { saveFile } from './saveFile';
import { isTrustedSender, type TrustedSender } from './senderCheck';
import { TokenSigner } from './tokenSigner';

export interface BridgeHost {
  trustedSender(): TrustedSender;
  appInfo(): DesktopAppInfo;
  chooseRole(raw: unknown): Promise<Result<{ willReload: boolean }>>;
}

type BridgeHandler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Result<unknown>> | Result<unknown>;

/**
 * Registers the bridge's handlers; returns a function that removes them again and logs out of any
 * token still open.
 */
export function registerBridgeHandlers(host: BridgeHost, log: Logger): () => void {
  const tokens = new TokenSigner();
  const handlers: Record<(typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS], BridgeHandler> = {
    [BRIDGE_CHANNELS.appInfo]: () => ok(host.appInfo()),
    [BRIDGE_CHANNELS.chooseRole]: (_event, input) => host.chooseRole(input),
    [BRIDGE_CHANNELS.saveFile]: (event, input) => saveFile(BrowserWindow.fromWebContents(event.sender), input),
    [BRIDGE_CHANNELS.copyToFolder]: (event, input) => copyToFolder(BrowserWindow.fromWebContents(event.sender), input),
    [BRIDGE_CHANNELS.listTokens]: (_event, input) => tokens.list(input),
    [BRIDGE_CHANNELS.openTokenSession]: (_event, input) => tokens.open(input),
    [BRIDGE_CHANNELS.signWithToken]: (_event, input) => tokens.sign(input),
    [BRIDGE_CHANNELS.closeTokenSession]: (_event, input) => tokens.close(input),
  };
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, host.trustedSender())) {
        log.warn('bridge call refused', { channel, url: event.senderFrame?.url ?? null });
        return fail('forbidden', MESSAGES.forbiddenSender);
      }
      try {
        return await handler(event, input);
      } catch (e) {
        log.error('bridge call failed', { channel, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        return fail('internal', MESSAGES.internal);
      }
    });
  }
  return () => {
    for (const channel of Object.keys(handlers)) ipcMain.removeHandler(channel);
    tokens.closeAll();
  };
}
