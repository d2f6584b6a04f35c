/**
 * The HTTP face of the school server: POST /api/<procedure> (DESIGN §3), /events for pushed job
 * progress, /files for uploads and downloads, and the built React UI.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { HTTP_STATUS, fail, type ApiError, type Result } from '../../src-shared/api/envelope';
import { t, type Locale } from '../../src-shared/i18n';
import { dispatch } from '../core/dispatch';
import type { AppContext } from '../core/context';
import { registerEvents } from './events';
import { registerFiles } from './files';
import {
  DEFAULT_CONNECTION_LIMITS,
  answerClientError,
  fastifyTimeoutOptions,
  guardConnections,
  type ConnectionLimits,
} from './connections';

export const API_BODY_LIMIT = 1024 * 1024;

export interface HttpOptions {
  /** The built UI; when missing, a page explains how to build it. */
  rendererDir?: string;
  /** Timeouts and connection caps; tests shorten them. */
  limits?: Partial<ConnectionLimits>;
}

export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && header.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m ? m[1]! : null;
}

export function sendResult(reply: FastifyReply, result: Result<unknown>): FastifyReply {
  // nosniff here as well as in the onSend hook: Fastify's framework errors (a too long URL) skip the hooks.
  return reply
    .code(result.ok ? 200 : HTTP_STATUS[result.error.code])
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(result);
}

function clientError(reply: FastifyReply, error: ApiError): FastifyReply {
  return sendResult(reply, { ok: false, error });
}

const UI_HEADERS = {
  // antd injects its CSS at run time, hence 'unsafe-inline' for styles only. PDFs are previewed with
  // pdf.js in a same-origin module worker (worker-src 'self': no blob: workers), never with a plugin
  // or a frame; pdf.js is set up to need neither eval nor WebAssembly (preview/pdfjs.ts).
  'content-security-policy':
    "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export async function buildHttpServer(app: AppContext, options: HttpOptions = {}): Promise<FastifyInstance> {
  const limits: ConnectionLimits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits };
  const server = Fastify({
    logger: false,
    bodyLimit: API_BODY_LIMIT,
    trustProxy: false,
    ...fastifyTimeoutOptions(limits),
    clientErrorHandler: answerClientError,
    // A procedure name or a file id longer than the router's limit, or a URL that does not decode.
    frameworkErrors: (error, request, reply) => {
      const key = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'error.url_too_long' : 'error.bad_url';
      return clientError(reply, fail('invalid_input', t(localeOf(request), key)).error);
    },
  });
  guardConnections(server, limits);
  // Every answer, the UI's and the API's and the errors alike: a file served back is never sniffed into HTML.
  server.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  // Our own JSON parser: an empty body means {}, and a bad body is an 'invalid_input' envelope.
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('invalid json'), { statusCode: 400, code: 'TS_INVALID_JSON' }), undefined);
    }
  });

  server.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    const locale = localeOf(request);
    if (error.code === 'TS_INVALID_JSON' || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
      return clientError(reply, fail('invalid_input', t(locale, 'error.invalid_json')).error);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.url.startsWith('/files') ? '200 MB' : '1 MB';
      return clientError(reply, fail('invalid_input', t(locale, 'error.body_too_large', { limit })).error);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_INVALID_TYPE') {
      return clientError(reply, fail('invalid_input', t(locale, 'error.unsupported_media')).error);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return clientError(reply, fail('invalid_input', t(locale, 'error.invalid_input')).error);
    }
    app.log.error('unhandled server error', { url: request.url, error: error.stack ?? String(error) });
    return clientError(reply, fail('internal', t(locale, 'error.internal')).error);
  });

  server.post<{ Params: { name: string } }>('/api/:name', async (request, reply) => {
    const result = await dispatch(
      app,
      { token: bearerToken(request), ip: request.ip, locale: localeOf(request) },
      request.params.name,
      request.body,
    );
    return sendResult(reply, result);
  });

  server.get('/healthz', async () => ({ ok: true }));

  await server.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  registerEvents(server, app, { pingIntervalMs: limits.eventsPingIntervalMs });
  registerFiles(server, app);

  const rendererDir = options.rendererDir;
  const indexHtml = rendererDir ? path.join(rendererDir, 'index.html') : null;
  if (rendererDir && indexHtml && fs.existsSync(indexHtml)) {
    // wildcard: files are looked up on each request, so a rebuild while the server runs is served at once.
    await server.register(fastifyStatic, { root: rendererDir, index: false, wildcard: true, serve: true });
    server.addHook('onSend', async (request, reply, payload) => {
      if (!request.url.startsWith('/api/')) for (const [k, v] of Object.entries(UI_HEADERS)) reply.header(k, v);
      return payload;
    });
  }

  const sendIndex = (reply: FastifyReply): FastifyReply => {
    if (indexHtml && fs.existsSync(indexHtml)) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(fs.createReadStream(indexHtml));
    }
    return reply
      .code(503)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><meta charset="utf-8"><title>Trường Số</title><p>Giao diện chưa được build. Hãy chạy <code>npm run build</code>.</p>',
      );
  };

  // The static plugin does not serve a directory, so the root is the page itself.
  server.get('/', (_request, reply) => sendIndex(reply));

  server.setNotFoundHandler((request, reply) => {
    const locale = localeOf(request);
    const pathname = request.url.split('?')[0]!;
    // Only client-side routes (/users, /audit, ...) fall back to the page: a missing script or image, or
    // an address of the server's own (a file id too long for the router), is a plain 404, not HTML.
    if (
      request.url.startsWith('/api/') ||
      request.url.startsWith('/files/') ||
      request.method !== 'GET' ||
      /\.[A-Za-z0-9]+$/.test(pathname) ||
      pathname.startsWith('/assets/')
    ) {
      return clientError(reply, fail('not_found', t(locale, 'error.not_found')).error);
    }
    return sendIndex(reply);
  });

  return server;
}
