/**
 * How long the school server waits for a client and how many connections it holds, so that a client
 * that drips its request (or a room of broken ones) cannot pin the server's sockets. The defaults let a
 * slow school LAN and a 200 MB upload over 100 Mbit through with a wide margin.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { fail } from '../../src-shared/api/envelope';
import { t, type MessageKey } from '../../src-shared/i18n';

export interface ConnectionLimits {
  /** The request line and headers must all arrive within this. */
  headersTimeoutMs: number;
  /**
   * A socket that carries nothing for this long is closed while the client owes us bytes (a body that
   * stops arriving) or does not read its answer; never while the server is still preparing the answer.
   */
  idleTimeoutMs: number;
  /** The whole of a request other than an upload (an /api body is at most 1 MB). */
  requestTimeoutMs: number;
  /** The whole of an upload: 200 MB at a crawling 2 Mbit/s still fits. */
  uploadTimeoutMs: number;
  /** A keep-alive connection with no request is closed after this. */
  keepAliveTimeoutMs: number;
  /**
   * Open connections from one address. A lab of 40 PCs behind one NAT address, each with a browser's six
   * connections and the /events socket, needs 280.
   */
  maxConnectionsPerAddress: number;
  /** Open connections in all. */
  maxConnections: number;
  /** /events sockets are pinged this often; one that did not answer the previous ping is dropped. */
  eventsPingIntervalMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 20_000,
  idleTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
  uploadTimeoutMs: 15 * 60_000,
  keepAliveTimeoutMs: 30_000,
  maxConnectionsPerAddress: 512,
  maxConnections: 2048,
  eventsPingIntervalMs: 30_000,
};

/** The timeout options of Fastify and of the Node HTTP server under it. */
export function fastifyTimeoutOptions(limits: ConnectionLimits) {
  // Node's own timer is the longest a request may take (an upload); shorter requests are cut by
  // limitRequestDuration. Node looks at headers and request times only every connectionsCheckingInterval.
  const requestTimeout = Math.max(limits.uploadTimeoutMs, limits.headersTimeoutMs);
  return {
    // Requests that arrive while the server closes are still answered, in the envelope, with
    // 'connection: close', rather than with Fastify's bare 503.
    return503OnClosing: false,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout,
      connectionsCheckingInterval: Math.min(5_000, Math.max(100, Math.floor(limits.headersTimeoutMs / 4))),
    },
  };
}

/** The request each connection carries now (or carried last), for every server guarded here. */
const exchanges = new WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>();

/** Whether an answer may still be written: the request being received has had none yet. */
function mayAnswer(socket: Socket): boolean {
  const exchange = exchanges.get(socket);
  if (!exchange) return true;
  // A finished exchange whose request arrived whole is the previous one on a keep-alive connection.
  return !exchange.res.headersSent || (exchange.res.writableFinished && exchange.req.complete);
}

/**
 * Closes a connection cut off below Fastify (Node's parser errors and timeouts, these limits), after a
 * last answer in the envelope when one can still be written.
 */
function refuseConnection(socket: Socket, key: MessageKey): void {
  if (socket.destroyed) return;
  if (socket.writable && mayAnswer(socket)) {
    // The request may not have been parsed, so no Accept-Language: Vietnamese, the school's language.
    const body = JSON.stringify(fail('invalid_input', t('vi', key)));
    socket.write(
      'HTTP/1.1 400 Bad Request\r\n' +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'cache-control: no-store\r\n' +
        'x-content-type-options: nosniff\r\n' +
        'connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}

/** Fastify's clientErrorHandler: malformed requests, oversized headers and Node's own timeouts. */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET') return;
  refuseConnection(
    socket,
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 'error.request_head_too_large'
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'error.request_timeout'
        : 'error.bad_request',
  );
}

function addressKey(address: string | undefined): string | undefined {
  // One client seen over IPv4 or as an IPv4-mapped IPv6 address counts once.
  return address?.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/**
 * Refuses connections beyond the per-address and total limits at once, before reading anything.
 * Returns the connections it let in.
 */
function limitConnections(server: Server, limits: ConnectionLimits): Set<Socket> {
  server.maxConnections = limits.maxConnections;
  const perAddress = new Map<string, number>();
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    const address = addressKey(socket.remoteAddress);
    const count = address === undefined ? 0 : (perAddress.get(address) ?? 0);
    if (address === undefined || count >= limits.maxConnectionsPerAddress) {
      socket.destroy();
      return;
    }
    perAddress.set(address, count + 1);
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });
  return open;
}

function trackExchanges(server: Server): void {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => exchanges.set(req.socket, { req, res }));
}

/**
 * Decides what an idle socket means. Node reports every quiet socket (connectionTimeout, keep-alive) to
 * the server's 'timeout' listeners and leaves the closing to them. WebSockets never get here: Node drops
 * its timeout handling on upgrade and `ws` turns the socket timeout off; /events has its own pings.
 */
function closeIdleSockets(server: Server): void {
  server.on('timeout', (socket: Socket) => {
    const exchange = exchanges.get(socket);
    if (exchange && exchange.req.complete && !exchange.res.headersSent) return; // a long procedure, not the client
    if (exchange && !exchange.req.complete)
      refuseConnection(socket, 'error.request_timeout'); // a stalled body
    else socket.destroy(); // idle keep-alive, or a client that stopped reading its answer
  });
}

/** Requests other than uploads must arrive whole within requestTimeoutMs, however they drip. */
function limitRequestDuration(server: FastifyInstance, limits: ConnectionLimits): void {
  server.addHook('onRequest', (request, _reply, done) => {
    const raw = request.raw;
    const upload = request.method === 'POST' && request.routeOptions.url === '/files';
    if (!raw.complete && !upload) {
      const timer = setTimeout(() => {
        if (!raw.complete) refuseConnection(raw.socket, 'error.request_timeout');
      }, limits.requestTimeoutMs);
      timer.unref();
      const stop = () => clearTimeout(timer);
      raw.once('end', stop);
      raw.once('close', stop);
    }
    done();
  });
}

/**
 * Node closes the connections that are idle when the server closes, not one still finishing its answer
 * (a streamed download whose last bytes the client already has): it would hold the shutdown for a whole
 * keep-alive timeout. Such a connection is ended as soon as its answer is out.
 */
function endBusyConnectionsOnClose(server: FastifyInstance, open: Set<Socket>): void {
  server.addHook('preClose', (done) => {
    for (const socket of open) {
      const res = exchanges.get(socket)?.res;
      if (res && !res.writableFinished) res.once('finish', () => socket.end());
    }
    done();
  });
}

/** Puts the limits on a Fastify server built with fastifyTimeoutOptions and answerClientError. */
export function guardConnections(server: FastifyInstance, limits: ConnectionLimits): void {
  const open = limitConnections(server.server, limits);
  trackExchanges(server.server);
  closeIdleSockets(server.server);
  limitRequestDuration(server, limits);
  endBusyConnectionsOnClose(server, open);
}
