/**
 * Who may call the bridge (style anchors §8.4a): only the main frame of one of our windows, showing a
 * page from the school server the app currently trusts. A sub-frame, a page that navigated elsewhere,
 * or a stale page from before a role change is refused.
 */
import { httpOriginOf } from './urlPolicy';

/** The parts of an IpcMainInvokeEvent the check reads; plain objects in tests. */
export interface IpcSender {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface TrustedSender {
  origin: string | null;
  webContentsIds: readonly number[];
}

export function isTrustedSender(event: IpcSender, trusted: TrustedSender): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (!trusted.webContentsIds.includes(event.sender.id)) return false;
  return trusted.origin !== null && httpOriginOf(frame.url) === trusted.origin;
}
