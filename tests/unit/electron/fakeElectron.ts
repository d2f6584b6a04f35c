/**
 * A stand-in for the 'electron' module (the binary cannot run here): just enough of app, BrowserWindow,
 * ipcMain, dialog, shell, session, contextBridge and ipcRenderer for the shell's code paths, with every
 * call recorded. Tests load it with `vi.mock('electron', () => import('./fakeElectron'))`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly removeMenu = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });
  readonly close = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  destroyed = false;
  minimized = false;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.all.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  get lastUrl(): string | undefined {
    return this.loadURL.mock.calls.at(-1)?.[0];
  }

  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }

  static live(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
}

export const BrowserWindow = FakeBrowserWindow;

export const app = Object.assign(new EventEmitter(), {
  setPath: vi.fn(),
  getPath: vi.fn((_name: string): string => {
    throw new Error('no such folder in tests');
  }),
  setAppUserModelId: vi.fn(),
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: vi.fn(() => Promise.resolve()),
  quit: vi.fn(),
  exit: vi.fn(),
});

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
export const ipcHandlers = new Map<string, InvokeHandler>();

export const ipcMain = {
  handle: vi.fn((channel: string, handler: InvokeHandler) => {
    if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    ipcHandlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcHandlers.delete(channel);
  }),
};

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showMessageBoxSync: vi.fn((..._args: unknown[]) => 0),
  showErrorBox: vi.fn(),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => {}),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  },
};

export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) };

/** Back to a freshly started Electron: no windows, no listeners, no handlers, default answers. */
export function resetFakeElectron(): void {
  vi.clearAllMocks();
  FakeBrowserWindow.all = [];
  app.removeAllListeners();
  app.requestSingleInstanceLock.mockImplementation(() => true);
  app.whenReady.mockImplementation(() => Promise.resolve());
  ipcHandlers.clear();
  dialog.showSaveDialog.mockImplementation(async () => ({ canceled: true, filePath: '' }));
  dialog.showOpenDialog.mockImplementation(async () => ({ canceled: true, filePaths: [] as string[] }));
  dialog.showMessageBox.mockImplementation(async () => ({ response: 0, checkboxChecked: false }));
  dialog.showMessageBoxSync.mockImplementation(() => 0);
}
