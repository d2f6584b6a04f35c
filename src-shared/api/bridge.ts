/**
 * The small typed object the Electron preload exposes to the renderer as `window.truongso` (DESIGN §3,
 * §5). It carries only what must stay on this PC: the machine's role, app info, file dialogs, later
 * the token signer and kiosk control. In a plain browser it is absent and the UI does without it.
 * Every method returns data, never throws across the bridge.
 */
import type { Result } from './envelope';
import type { TokenView } from './documents';

/** What this PC is (chosen at first start): DESIGN §1. */
export type MachineRole = 'server' | 'office' | 'lab';

export interface DesktopAppInfo {
  version: string;
  platform: string;
  role: MachineRole | null;
  /** The school server this window talks to. */
  serverUrl: string;
  /** The data folder, on the school-server role. */
  dataDir: string | null;
}

export type RoleChoice = { role: 'server'; lan: boolean } | { role: 'office' | 'lab'; serverUrl: string };

export interface SaveFileRequest {
  suggestedName: string;
  data: Uint8Array;
  filters?: { name: string; extensions: string[] }[];
}

/** A file (a backup) to copy into a folder the user picks; `sha256` is what the server computed. */
export interface CopyToFolderRequest {
  suggestedName: string;
  data: Uint8Array;
  sha256: string;
}

/** The USB tokens plugged into this PC, as the server lists its own (`signing.tokens`). */
export interface LocalTokenList {
  modules: string[];
  /** Whose token libraries were looked in ("VNPT-CA"…): what the sign dialog shows instead of paths. */
  providers?: string[];
  tokens: TokenView[];
}

export interface LocalTokenChoice {
  modulePath?: string;
  tokenLabel: string;
  tokenSerial: string;
  certSerial: string;
  pin: string;
  /** The token says one more wrong PIN locks it, and the user has agreed to try. */
  confirmFinalTry?: boolean;
}

/** A logged-in token on this PC; certificates as base64 DER, for `documents.remoteSign.prepare`. */
export interface LocalTokenSession {
  sessionId: string;
  certificate: string;
  chain: string[];
}

export interface DesktopBridge {
  readonly isDesktop: true;
  appInfo(): Promise<DesktopAppInfo>;
  /** Records this PC's role; for office and lab the window then loads the school server's address. */
  chooseRole(choice: RoleChoice): Promise<Result<{ willReload: boolean }>>;
  /** Native save dialog; resolves with the chosen path, or null when the user cancels. */
  saveFile(request: SaveFileRequest): Promise<Result<{ path: string | null }>>;
  /**
   * Native folder dialog (a folder or a removable drive); the file is written there, read back and
   * checked against `sha256`. Resolves with the file's path, or null when the user cancels.
   */
  copyToFolder(request: CopyToFolderRequest): Promise<Result<{ path: string | null }>>;
  /** Token on this PC (DESIGN §6): the tokens plugged in here and their certificates. */
  listTokens(request: { modulePath?: string }): Promise<Result<LocalTokenList>>;
  /** Logs in to the chosen token once; the PIN is not kept. */
  openTokenSession(request: LocalTokenChoice): Promise<Result<LocalTokenSession>>;
  /** Signs the server's prepared bytes (base64), in order; the values come back base64. */
  signWithToken(request: { sessionId: string; toBeSigned: string[] }): Promise<Result<{ signatures: string[] }>>;
  closeTokenSession(request: { sessionId: string }): Promise<Result<null>>;
}

export const BRIDGE_GLOBAL = 'truongso';

/** IPC channel names, one per bridge method, checked by the main process. */
export const BRIDGE_CHANNELS = {
  appInfo: 'truongso:app-info',
  chooseRole: 'truongso:choose-role',
  saveFile: 'truongso:save-file',
  copyToFolder: 'truongso:copy-to-folder',
  listTokens: 'truongso:list-tokens',
  openTokenSession: 'truongso:open-token-session',
  signWithToken: 'truongso:sign-with-token',
  closeTokenSession: 'truongso:close-token-session',
} as const;
