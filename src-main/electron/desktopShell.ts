/**
 * The desktop app's moving parts and the one place that changes them: the saved machine role, the
 * in-process school server (none on office and lab PCs) and the window showing that server's UI.
 * Role changes are queued so two clicks in the wizard never run two restarts at once.
 */
import { app, BrowserWindow, dialog } from 'electron';
import type { DesktopAppInfo, MachineRole } from '../../src-shared/api/bridge';
import { fail, ok, type Result } from '../../src-shared/api/envelope';
import { APP_NAME, APP_VERSION } from '../appInfo';
import { consoleLogger } from '../core/app';
import type { Logger } from '../core/context';
import { LOOPBACK, startServer, type RunningServer, type ServeOptions } from '../server/start';
import { runningServer } from '../store/serverLock';
import {
  clearMachineConfig,
  machineConfigSchema,
  readMachineConfig,
  writeMachineConfig,
  type MachineConfig,
} from './machineConfig';
import { MESSAGES } from './messages';
import { isPortFree, isSchoolServer } from './network';
import {
  ANY_LOOPBACK_BINDING,
  LOOPBACK_BINDING,
  bindingSatisfied,
  canChooseRole,
  loadFailureAction,
  planForRole,
  type ServerBinding,
} from './rolePlan';
import type { TrustedSender } from './senderCheck';
import { httpOriginOf } from './urlPolicy';
import { parseBridgeInput } from './validation';
import { windowOptionsFor, type WindowTarget } from './windowOptions';

export interface DesktopShellOptions {
  dataDir: string;
  /** The bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  log?: Logger;
  /** Where the school server listens when opened to the LAN; tests use a free port. */
  lanPort?: number;
  /** Passed through to startServer (tests turn the backup schedule off). */
  serverOptions?: Pick<ServeOptions, 'rendererDir' | 'schedule' | 'migrationsFolder'>;
  /** How long a lab seat waits before trying the school server again. */
  retryDelayMs?: number;
  /** How long a school server address may take to answer before the wizard is told it is wrong. */
  probeTimeoutMs?: number;
}

/** A start-up problem the user can act on; its message is shown as is. */
export class ShellStartError extends Error {
  override name = 'ShellStartError';
}

type ServerChoice = Extract<MachineConfig, { role: 'server' }>;
type ClientChoice = Extract<MachineConfig, { role: 'office' | 'lab' }>;

function serverUrlProblem(message: string): Result<never> {
  return fail('invalid_input', message, { fields: [{ field: 'serverUrl', message }] });
}

export class DesktopShell {
  private config: MachineConfig | null = null;
  private server: RunningServer | null = null;
  private window: BrowserWindow | null = null;
  private windowIsKiosk = false;
  private target: WindowTarget | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private askingAboutFailure = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly log: Logger;

  constructor(private readonly options: DesktopShellOptions) {
    this.log = options.log ?? consoleLogger;
  }

  async start(): Promise<void> {
    await this.exclusive(() => {
      this.config = readMachineConfig(this.options.dataDir);
      return this.enter(this.config);
    });
  }

  get role(): MachineRole | null {
    return this.config?.role ?? null;
  }

  /** The origin of the school server the window shows: the only one it may navigate to or call from. */
  trustedOrigin(): string | null {
    return this.target ? httpOriginOf(this.target.url) : null;
  }

  trustedSender(): TrustedSender {
    const win = this.liveWindow();
    return { origin: this.trustedOrigin(), webContentsIds: win ? [win.webContents.id] : [] };
  }

  /** Where the in-process school server listens; null on office and lab PCs. */
  serverAddress(): { host: string; port: number; url: string } | null {
    return this.server ? { host: this.server.host, port: this.server.port, url: this.server.url } : null;
  }

  appInfo(): DesktopAppInfo {
    return {
      version: APP_VERSION,
      platform: process.platform,
      role: this.role,
      serverUrl: this.trustedOrigin() ?? '',
      dataDir: this.server ? this.options.dataDir : null,
    };
  }

  chooseRole(raw: unknown): Promise<Result<{ willReload: boolean }>> {
    return this.exclusive(async () => {
      if (!canChooseRole(this.config)) return fail('forbidden', MESSAGES.roleLocked);
      const parsed = parseBridgeInput(machineConfigSchema, raw);
      if (!parsed.ok) return parsed;
      const choice = parsed.value;
      return choice.role === 'server' ? this.becomeServer(choice) : this.becomeClient(choice);
    });
  }

  /** Forgets the role and goes back to the first-run wizard on this PC's own server. */
  resetRole(): Promise<void> {
    return this.exclusive(async () => {
      clearMachineConfig(this.options.dataDir);
      this.config = null;
      await this.enter(null);
    });
  }

  /** A second start of the app lands here instead of opening another window. */
  focus(): void {
    const win = this.liveWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  /** Closing the server checkpoints and closes the database; the window goes with the app. */
  async shutdown(): Promise<void> {
    this.cancelRetry();
    await this.stopServer();
  }

  private async becomeServer(choice: ServerChoice): Promise<Result<{ willReload: boolean }>> {
    const plan = planForRole(choice, this.options.lanPort);
    if (plan.kind !== 'local-server') throw new Error('a server role must plan a local server');
    const wanted = plan.binding;
    if (this.server && bindingSatisfied(this.server, wanted)) {
      this.save(choice);
      return ok({ willReload: false });
    }
    if (wanted.port !== 0 && !(await isPortFree(wanted.host, wanted.port))) {
      return fail('conflict', MESSAGES.portBusy(wanted.port));
    }
    await this.stopServer();
    try {
      this.server = await this.startLocalServer(wanted);
    } catch (e) {
      // Someone took the port between the check and the restart: stay usable on this PC.
      this.log.error('could not move the school server to the LAN', { error: String(e) });
      this.server = await this.startLocalServer(LOOPBACK_BINDING);
      this.show({ url: this.server.url, kiosk: false });
      return fail('conflict', MESSAGES.portBusy(wanted.port));
    }
    this.save(choice);
    this.show({ url: this.server.url, kiosk: false });
    return ok({ willReload: true });
  }

  private async becomeClient(choice: ClientChoice): Promise<Result<{ willReload: boolean }>> {
    if (this.server && httpOriginOf(this.server.url) === choice.serverUrl) {
      return serverUrlProblem(MESSAGES.ownTemporaryServer);
    }
    if (!(await isSchoolServer(choice.serverUrl, this.options.probeTimeoutMs))) {
      return serverUrlProblem(MESSAGES.serverUnreachable(choice.serverUrl));
    }
    this.save(choice);
    await this.enter(choice);
    return ok({ willReload: true });
  }

  private save(config: MachineConfig): void {
    writeMachineConfig(this.options.dataDir, config);
    this.config = config;
  }

  private async enter(config: MachineConfig | null): Promise<void> {
    const plan = planForRole(config, this.options.lanPort);
    if (plan.kind === 'remote-server') {
      await this.stopServer();
      this.show({ url: plan.url, kiosk: plan.kiosk });
      return;
    }
    if (!this.server || !bindingSatisfied(this.server, plan.binding)) {
      await this.stopServer();
      this.server = await this.startServerAtLaunch(plan.binding);
    }
    this.show({ url: this.server.url, kiosk: false });
  }

  /**
   * A saved LAN server whose port is taken still opens, on this PC only, with a warning; the loopback
   * server falls back to any free port.
   */
  private async startServerAtLaunch(binding: ServerBinding): Promise<RunningServer> {
    try {
      return await this.startLocalServer(binding);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      if (binding.host === LOOPBACK) {
        if (binding.port === 0) throw e;
        return this.startLocalServer(ANY_LOOPBACK_BINDING);
      }
      this.log.warn('LAN port busy, serving this PC only', { port: binding.port });
      dialog
        .showMessageBox({ type: 'warning', title: APP_NAME, message: MESSAGES.portBusyAtStart(binding.port) })
        .catch(() => {});
      return this.startServerAtLaunch(LOOPBACK_BINDING);
    }
  }

  private startLocalServer(binding: ServerBinding): Promise<RunningServer> {
    const other = runningServer(this.options.dataDir);
    if (other) throw new ShellStartError(MESSAGES.dataDirInUse(other.url, other.pid));
    return startServer({
      dataDir: this.options.dataDir,
      host: binding.host,
      port: binding.port,
      log: this.log,
      ...this.options.serverOptions,
    });
  }

  private async stopServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.close();
  }

  private liveWindow(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  private show(target: WindowTarget): void {
    this.cancelRetry();
    this.target = target;
    let win = this.liveWindow();
    if (!win || this.windowIsKiosk !== target.kiosk) {
      const previous = win;
      win = this.createWindow(target.kiosk);
      // Closed only once its successor exists: an app with no window left quits.
      previous?.close();
    }
    win.loadURL(target.url).catch(() => {
      // Reported through 'did-fail-load', where the role decides what to do.
    });
  }

  private createWindow(kiosk: boolean): BrowserWindow {
    const win = new BrowserWindow(windowOptionsFor(this.options.preloadPath, kiosk));
    this.window = win;
    this.windowIsKiosk = kiosk;
    if (kiosk) win.removeMenu();
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (this.window === win) this.window = null;
    });
    win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
      this.onLoadFailed(win, { errorCode, errorDescription, validatedUrl, isMainFrame });
    });
    return win;
  }

  private onLoadFailed(
    win: BrowserWindow,
    failure: { errorCode: number; errorDescription: string; validatedUrl: string; isMainFrame: boolean },
  ): void {
    if (win !== this.window) return;
    const action = loadFailureAction(this.role, failure.errorCode, failure.isMainFrame);
    if (action === 'retry-later') this.scheduleRetry();
    if (action === 'ask-user') void this.askAfterLoadFailure(win, failure.validatedUrl, failure.errorDescription);
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.target) this.show(this.target);
    }, this.options.retryDelayMs ?? 5000);
  }

  private cancelRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async askAfterLoadFailure(win: BrowserWindow, url: string, reason: string): Promise<void> {
    if (this.askingAboutFailure) return;
    this.askingAboutFailure = true;
    try {
      const { response } = await dialog.showMessageBox(win, {
        type: 'error',
        title: APP_NAME,
        message: MESSAGES.loadFailedTitle,
        detail: MESSAGES.loadFailedDetail(url, reason),
        buttons: [...MESSAGES.loadFailedButtons],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      if (response === 0 && this.target) this.show(this.target);
      else if (response === 1) await this.resetRole();
      else if (response === 2) app.quit();
    } catch (e) {
      this.log.error('could not recover from a failed load', { error: String(e) });
      dialog.showErrorBox(APP_NAME, MESSAGES.internal);
    } finally {
      this.askingAboutFailure = false;
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
