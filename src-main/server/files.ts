/**
 * Uploads and downloads of whole files, outside the JSON procedures: POST /files with the raw bytes,
 * GET /files/<id> for a file the caller made or a document of theirs (admins and principals may fetch any).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../../src-shared/api/envelope';
import { t } from '../../src-shared/i18n';
import type { AppContext, SessionUser } from '../core/context';
import { resolveSession } from '../core/auth/sessions';
import { describeError } from '../core/dispatch';
import { appendAudit } from '../core/audit/log';
import { canReadFile } from '../core/files/access';
import { bearerToken, localeOf, sendResult } from './http';

export const UPLOAD_LIMIT = 200 * 1024 * 1024;

function caller(app: AppContext, request: FastifyRequest): SessionUser {
  const token = bearerToken(request);
  if (!token) throw Object.assign(new Error('no token'), { unauthenticated: true });
  return resolveSession(app, token).user;
}

export function registerFiles(server: FastifyInstance, app: AppContext): void {
  server.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
    (_r, body, done) => done(null, body),
  );

  server.post('/files', { bodyLimit: UPLOAD_LIMIT }, async (request, reply) => {
    const locale = localeOf(request);
    let user: SessionUser;
    try {
      user = caller(app, request);
    } catch (e) {
      return sendResult(reply, {
        ok: false,
        error: (e as { unauthenticated?: boolean }).unauthenticated
          ? fail('unauthenticated', t(locale, 'error.unauthenticated')).error
          : describeError(e, locale),
      });
    }
    if (!Buffer.isBuffer(request.body)) {
      return sendResult(reply, fail('invalid_input', t(locale, 'error.unsupported_media')));
    }
    const rawName = request.headers['x-file-name'];
    let name = 'tep-tai-len';
    if (typeof rawName === 'string') {
      try {
        name = decodeURIComponent(rawName).slice(0, 200) || name;
      } catch {
        // A badly encoded name is not worth refusing the upload for.
      }
    }
    const mime = String(request.headers['x-file-type'] ?? 'application/octet-stream').slice(0, 100);
    const record = app.files.put(request.body, { name, mime, createdBy: user.id });
    appendAudit(app.store, {
      userId: user.id,
      username: user.username,
      role: user.role,
      action: 'files.upload',
      target: `file:${record.id}`,
      outcome: 'ok',
      ip: request.ip,
      details: { name: record.name, size: record.size },
    });
    return sendResult(reply, {
      ok: true,
      value: { id: record.id, name: record.name, size: record.size, sha256: record.sha256 },
    });
  });

  server.get<{ Params: { id: string } }>('/files/:id', async (request, reply) => {
    const locale = localeOf(request);
    try {
      const user = caller(app, request);
      const id = Number(request.params.id);
      if (!Number.isInteger(id) || id <= 0) return sendResult(reply, fail('not_found', t(locale, 'files.not_found')));
      const { record, data } = app.files.read(id);
      if (!canReadFile(app.store, user, record)) {
        return sendResult(reply, fail('not_found', t(locale, 'files.not_found')));
      }
      return reply
        .type(record.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(record.name)}`)
        .header('cache-control', 'private, no-store')
        .send(data);
    } catch (e) {
      const unauth = (e as { unauthenticated?: boolean }).unauthenticated;
      return sendResult(reply, {
        ok: false,
        error: unauth ? fail('unauthenticated', t(locale, 'error.unauthenticated')).error : describeError(e, locale),
      });
    }
  });
}
