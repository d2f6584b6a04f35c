/**
 * The Electron app's life from launch to quit: one instance per PC, the data folder shared with the
 * CLI, the security hooks on every page, the bridge, and a shutdown that waits for the database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, session } from 'electron';
import { consoleLogger } from '../core/app';
import { describeError } from '../core/dispatch';
import { isAppError } from '../errors';
import { DesktopShell, ShellStartError, type DesktopShellOptions } from './desktopShell';
import { registerBridgeHandlers } from './ipcBridge';
import { MESSAGES } from './messages';
import { guardSession, guardWebContents } from './webContentsGuards';

export const APP_ID = 'vn.truongso.app';

export interface DesktopAppOptions extends DesktopShellOptions {
  /**
   * How long quitting waits for the server. A page holding a request open would otherwise keep the app
   * alive forever; the database survives an abrupt exit anyway (WAL, synchronous=FULL).
   */
  shutdownTimeoutMs?: number;
}

/** Resolves with true when `work` finished in time, false when the deadline came first. */
export function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const finished = () => {
      clearTimeout(timer);
      resolve(true);
    };
    work.then(finished, finished);
  });
}

function startFailureMessage(e: unknown): string {
  if (e instanceof ShellStartError) return e.message;
  if (isAppError(e)) return describeError(e, 'vi').message;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Starts the desktop app. Returns the shell, or null when another instance already runs (this one
 * then only hands over to it and quits).
 */
export function runDesktopApp(options: DesktopAppOptions): DesktopShell | null {
  const log = options.log ?? consoleLogger;
  // Electron's user-data folder is the CLI's data folder, so both find the same truongso.db.
  fs.mkdirSync(options.dataDir, { recursive: true });
  app.setPath('userData', options.dataDir);
  // Chromium's caches and storage stay in a subfolder, out of the way of the database and backups.
  app.setPath('sessionData', path.join(options.dataDir, 'chromium'));
  app.setAppUserModelId(APP_ID);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const shell = new DesktopShell({ ...options, log });
  app.on('second-instance', () => shell.focus());
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, () => shell.trustedOrigin()));
  app.on('window-all-closed', () => app.quit());

  let shutdown: 'running' | 'stopping' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (shutdown === 'done') return;
    // Hold the quit until the server has closed the database cleanly, then quit for real.
    event.preventDefault();
    if (shutdown === 'stopping') return;
    shutdown = 'stopping';
    const closing = shell.shutdown().catch((e: unknown) => log.error('shutdown failed', { error: String(e) }));
    void settleWithin(closing, options.shutdownTimeoutMs ?? 10_000).then((inTime) => {
      if (!inTime) log.warn('the school server did not close in time; quitting anyway');
      shutdown = 'done';
      app.quit();
    });
  });

  app
    .whenReady()
    .then(async () => {
      guardSession(session.defaultSession);
      registerBridgeHandlers(shell, log);
      await shell.start();
    })
    .catch((e: unknown) => {
      log.error('desktop start failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      dialog.showErrorBox(MESSAGES.startFailedTitle, startFailureMessage(e));
      shutdown = 'done';
      void shell.shutdown().finally(() => app.exit(1));
    });

  return shell;
}
