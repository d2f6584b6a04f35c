/** Assembles the long-lived services of a running school server around one data folder. */
import path from 'node:path';
import { Store } from '../store/open';
import { EventBus } from './events';
import { JobRunner } from './jobs/runner';
import { LoginThrottle } from './auth/loginThrottle';
import { FileStore } from './files/fileStore';
import { BackupService } from './backup/service';
import { describeError } from './dispatch';
import { purgeExpiredSessions } from './auth/sessions';
import { runDataUpgrades } from './dataUpgrades';
import { WorkerPool } from '../workers/pool';
import type { AppConfig, AppContext, Logger } from './context';

export interface CreateAppOptions {
  dataDir: string;
  migrationsFolder?: string;
  log?: Logger;
  config?: Partial<Omit<AppConfig, 'dataDir'>>;
  /** A CLI command beside a possibly running server is a 'tool' (store/open.ts). */
  use?: 'server' | 'tool';
}

export const consoleLogger: Logger = {
  info: (message, extra) => console.log(message, extra ?? ''),
  warn: (message, extra) => console.warn(message, extra ?? ''),
  error: (message, extra) => console.error(message, extra ?? ''),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export async function createApp(options: CreateAppOptions): Promise<AppContext & { close(): void }> {
  const log = options.log ?? consoleLogger;
  const store = await Store.open({
    dataDir: options.dataDir,
    migrationsFolder: options.migrationsFolder,
    onOpen: runDataUpgrades,
    use: options.use,
  });
  const events = new EventBus();
  const config: AppConfig = {
    dataDir: options.dataDir,
    sessionIdleMs: options.config?.sessionIdleMs ?? 12 * 3600_000,
    sessionMaxMs: options.config?.sessionMaxMs ?? 7 * 24 * 3600_000,
  };
  const getStore = () => store;
  const workers = new WorkerPool();
  const app: AppContext = {
    store,
    config,
    events,
    // Two jobs per user, and twice as many jobs as worker threads in all: a staff room starting 50
    // exports at once queues them instead of sharing the CPU fifty ways.
    jobs: new JobRunner(events, (e) => describeError(e, 'vi'), { perUser: 2, total: 2 * workers.size }),
    throttle: new LoginThrottle(),
    files: new FileStore(getStore, path.join(options.dataDir, 'files')),
    backups: new BackupService(getStore, path.join(options.dataDir, 'backups'), log),
    workers,
    log,
  };
  if (options.use !== 'tool') purgeExpiredSessions(app);
  return {
    ...app,
    close() {
      app.backups.stopSchedule();
      void app.workers.close();
      store.close();
    },
  };
}
