/**
 * What each machine role means for the desktop shell (DESIGN §1): whether this PC runs the school
 * server in-process and on which address, and which page the window shows. Pure, so every role's
 * behaviour is tested without Electron.
 */
import type { MachineRole } from '../../src-shared/api/bridge';
import { DEFAULT_PORT, LOOPBACK } from '../server/start';
import type { MachineConfig } from './machineConfig';

export interface ServerBinding {
  host: string;
  /** 0 lets the system pick a free port. */
  port: number;
}

export const ALL_INTERFACES = '0.0.0.0';

/**
 * Before a role is saved, and on a one-PC school: only this PC can reach the server. A fixed port keeps
 * the UI's origin, and with it the renderer's saved preferences, the same from one launch to the next;
 * when it is taken, any free port does.
 */
export const DESKTOP_LOOPBACK_PORT = 5176;
export const LOOPBACK_BINDING: ServerBinding = { host: LOOPBACK, port: DESKTOP_LOOPBACK_PORT };
export const ANY_LOOPBACK_BINDING: ServerBinding = { host: LOOPBACK, port: 0 };

export type RolePlan =
  { kind: 'local-server'; binding: ServerBinding } | { kind: 'remote-server'; url: string; kiosk: boolean };

export function planForRole(config: MachineConfig | null, lanPort: number = DEFAULT_PORT): RolePlan {
  if (config === null) return { kind: 'local-server', binding: LOOPBACK_BINDING };
  switch (config.role) {
    case 'server':
      return { kind: 'local-server', binding: config.lan ? { host: ALL_INTERFACES, port: lanPort } : LOOPBACK_BINDING };
    case 'office':
      return { kind: 'remote-server', url: config.serverUrl, kiosk: false };
    case 'lab':
      return { kind: 'remote-server', url: `${config.serverUrl}/lab`, kiosk: true };
  }
}

/** Whether a running server already listens where the chosen role wants it (no restart needed). */
export function bindingSatisfied(running: ServerBinding, wanted: ServerBinding): boolean {
  return running.host === wanted.host && (wanted.port === 0 || running.port === wanted.port);
}

/**
 * The role can be chosen only from this PC's own server UI. An office or lab PC shows a remote
 * server's pages; letting those pages re-point the PC elsewhere would hand that power to the network.
 */
export function canChooseRole(config: MachineConfig | null): boolean {
  return config === null || config.role === 'server';
}

export type LoadFailureAction = 'ignore' | 'retry-later' | 'ask-user';

/** Chromium's "navigation aborted": a newer load replaced this one, which is not a failure. */
const ERR_ABORTED = -3;

/**
 * When the school server cannot be reached: an office PC asks the user (retry, choose the role again,
 * quit); a lab seat keeps retrying quietly, since pupils must not be offered a way to reconfigure it.
 */
export function loadFailureAction(
  role: MachineRole | null,
  errorCode: number,
  isMainFrame: boolean,
): LoadFailureAction {
  if (!isMainFrame || errorCode === ERR_ABORTED) return 'ignore';
  if (role === 'office') return 'ask-user';
  if (role === 'lab') return 'retry-later';
  return 'ignore';
}
