/**
 * /events: a WebSocket that pushes job progress. Browsers cannot set headers on a WebSocket, so the
 * client sends its token as the first message; nothing is pushed before that.
 */
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { AppContext, SessionUser } from '../core/context';
import { resolveSession } from '../core/auth/sessions';
import { inAudience } from '../core/events';

const AUTH_TIMEOUT_MS = 10_000;
/** A socket outliving its session (logout, disabled account) is closed at the next check. */
const RECHECK_MS = 60_000;

export function registerEvents(server: FastifyInstance, app: AppContext): void {
  server.get('/events', { websocket: true }, (socket: WebSocket) => {
    let user: SessionUser | null = null;
    let token: string | null = null;
    let unsubscribe: (() => void) | null = null;
    let recheck: NodeJS.Timeout | null = null;
    const authTimer = setTimeout(() => socket.close(4401, 'unauthenticated'), AUTH_TIMEOUT_MS);

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
        if (socket.readyState === socket.OPEN && inAudience(audience, me.id, me.role))
          socket.send(JSON.stringify(event));
      });
      recheck = setInterval(stillValid, RECHECK_MS);
      recheck.unref();
      socket.send(JSON.stringify({ type: 'hello', userId: me.id }));
    });

    socket.on('close', () => {
      clearTimeout(authTimer);
      if (recheck) clearInterval(recheck);
      unsubscribe?.();
    });
  });
}
