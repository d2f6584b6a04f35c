/**
 * /events: a WebSocket that pushes job progress. Browsers cannot set headers on a WebSocket, so the
 * client sends its token as the first message; nothing is pushed before that. Browsers do not apply the
 * same-origin policy to WebSockets either, so the server refuses pages of other origins itself.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { fail } from '../../src-shared/api/envelope';
import { t } from '../../src-shared/i18n';
import type { AppContext, SessionUser } from '../core/context';
import { resolveSession } from '../core/auth/sessions';
import { inAudience } from '../core/events';
import { localeOf, sendResult } from './http';

const AUTH_TIMEOUT_MS = 10_000;
/** A socket outliving its session (logout, disabled account) is closed at the next check. */
const RECHECK_MS = 60_000;

export interface EventsOptions {
  /** How often a socket is pinged; one that did not answer the previous ping is dropped. */
  pingIntervalMs: number;
}

/**
 * A browser always sends Origin on a WebSocket; programs (the CLI, Electron's main process) send none.
 * The desktop app loads the UI from the school server's own http address, so same-origin covers it too.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  try {
    const from = new URL(origin);
    if (from.protocol !== 'http:' && from.protocol !== 'https:') return false;
    // Host read with the origin's scheme, so that a default port is dropped on both sides alike.
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false; // 'null' (a file or sandboxed page) and other unparsable origins
  }
}

function refuseForeignOrigin(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (isAllowedOrigin(request.headers.origin, request.headers.host)) {
    done();
    return;
  }
  // Answered before the upgrade: the socket never opens.
  void sendResult(reply, fail('forbidden', t(localeOf(request), 'error.foreign_origin')));
}

export function registerEvents(server: FastifyInstance, app: AppContext, options: EventsOptions): void {
  server.route({
    method: 'GET',
    url: '/events',
    onRequest: refuseForeignOrigin,
    // A plain GET (no upgrade) is answered like any unknown address.
    handler: (request, reply) => sendResult(reply, fail('not_found', t(localeOf(request), 'error.not_found'))),
    wsHandler: (socket: WebSocket) => serveEvents(socket, app, options),
  });
}

function serveEvents(socket: WebSocket, app: AppContext, options: EventsOptions): void {
  let user: SessionUser | null = null;
  let token: string | null = null;
  let unsubscribe: (() => void) | null = null;
  let recheck: NodeJS.Timeout | null = null;
  const authTimer = setTimeout(() => socket.close(4401, 'unauthenticated'), AUTH_TIMEOUT_MS);
  // The HTTP idle timeouts do not reach an upgraded socket; pings find the peers that vanished.
  let answered = true;
  socket.on('pong', () => {
    answered = true;
  });
  const ping = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
  }, options.pingIntervalMs);
  ping.unref();

  const stillValid = (): boolean => {
    try {
      if (token) resolveSession(app, token);
      return token !== null;
    } catch {
      socket.close(4401, 'session ended');
      return false;
    }
  };

  socket.on('message', (raw) => {
    if (user) return;
    let message: unknown;
    try {
      message = JSON.parse(raw.toString());
    } catch {
      socket.close(4400, 'bad message');
      return;
    }
    const candidate = (message as { token?: unknown }).token;
    try {
      if (typeof candidate !== 'string') throw new Error('no token');
      user = resolveSession(app, candidate).user;
      token = candidate;
    } catch {
      socket.close(4401, 'unauthenticated');
      return;
    }
    clearTimeout(authTimer);
    const me = user;
    unsubscribe = app.events.subscribe(({ event, audience }) => {
      if (socket.readyState === socket.OPEN && inAudience(audience, me.id, me.role)) socket.send(JSON.stringify(event));
    });
    recheck = setInterval(stillValid, RECHECK_MS);
    recheck.unref();
    socket.send(JSON.stringify({ type: 'hello', userId: me.id }));
  });

  socket.on('close', () => {
    clearTimeout(authTimer);
    clearInterval(ping);
    if (recheck) clearInterval(recheck);
    unsubscribe?.();
  });
}
