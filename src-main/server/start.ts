/** Starting and stopping the school server: the store, the services, the HTTP listener. */
import type { FastifyInstance } from 'fastify';
import { createApp, consoleLogger, type CreateAppOptions } from '../core/app';
import type { AppContext } from '../core/context';
import { isInitialized } from '../core/school/service';
import { seedDemoSchool } from '../core/demo/seed';
import { rendererDir as defaultRendererDir } from '../paths';
import { buildHttpServer } from './http';
import type { ConnectionLimits } from './connections';
import { writeServerLock } from '../store/serverLock';

export const DEFAULT_PORT = 5175;
export const LOOPBACK = '127.0.0.1';

export interface ServeOptions extends CreateAppOptions {
  /** 127.0.0.1 unless the school server is opened to the LAN. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Seed the demo school when the database is empty. */
  demo?: boolean;
  rendererDir?: string;
  /** Run the daily backup schedule (on by default; tests turn it off). */
  schedule?: boolean;
  /** Timeouts and connection caps (DEFAULT_CONNECTION_LIMITS); tests shorten them. */
  limits?: Partial<ConnectionLimits>;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  app: AppContext;
  http: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const app = await createApp({ ...options, log: options.log ?? consoleLogger });
  try {
    if (options.demo && !isInitialized(app.store)) await seedDemoSchool(app.store);
    const http = await buildHttpServer(app, {
      rendererDir: options.rendererDir ?? defaultRendererDir(),
      limits: options.limits,
    });
    const host = options.host ?? LOOPBACK;
    await http.listen({ host, port: options.port ?? DEFAULT_PORT });
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
    if (options.schedule !== false) app.backups.startSchedule();
    const shownHost = host === '0.0.0.0' || host === '::' ? LOOPBACK : host;
    const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
    const releaseLock = writeServerLock(options.dataDir, url);
    let closed = false;
    return {
      url,
      host,
      port,
      app,
      http,
      async close() {
        if (closed) return;
        closed = true;
        await http.close();
        app.close();
        releaseLock();
      },
    };
  } catch (e) {
    app.close();
    throw e;
  }
}
