/**
 * Uploads and downloads of whole files, outside the JSON procedures: POST /files with the raw bytes,
 * GET /files/<id> for a file the caller made or a document of theirs (admins and principals may fetch any),
 * and GET /files/backups/<name> for a backup on disk, to those who manage backups.
 *
 * An upload is streamed to a temporary file, hashed on the way, and never held in memory. It names what
 * it is for in `x-file-purpose` (src-shared/domain/uploads.ts), which sets the largest size taken; each
 * user may have only a few uploads in flight at once (core/files/uploadQuota.ts).
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { fail, type ApiError } from '../../src-shared/api/envelope';
import { t, type Locale } from '../../src-shared/i18n';
import {
  DEFAULT_UPLOAD_PURPOSE,
  UPLOAD_LIMITS,
  UPLOAD_PURPOSES,
  formatBytes,
  isUploadPurpose,
  type UploadPurpose,
} from '../../src-shared/domain/uploads';
import type { AppContext, SessionUser } from '../core/context';
import { assertPasswordNotTemporary } from '../core/auth/temporaryPassword';
import { resolveSession } from '../core/auth/sessions';
import { describeError } from '../core/dispatch';
import { appendAudit } from '../core/audit/log';
import { canReadFile } from '../core/files/access';
import { roleHas } from '../../src-shared/domain/roles';
import { backupPath } from '../store/backup';
import { FileTooLargeError, type ReceivedFile } from '../core/files/fileStore';
import { UploadQuota } from '../core/files/uploadQuota';
import { AppError } from '../errors';
import { bearerToken, localeOf, sendResult } from './http';

function caller(app: AppContext, request: FastifyRequest): SessionUser {
  const token = bearerToken(request);
  if (!token) throw new AppError('unauthenticated', 'error.unauthenticated');
  const session = resolveSession(app, token);
  assertPasswordNotTemporary(session, 'files');
  return session.user;
}

/** The purpose the upload names, null when it names none; an unknown one is refused. */
function purposeOf(request: FastifyRequest): UploadPurpose | null {
  const header = request.headers['x-file-purpose'];
  if (header === undefined) return null;
  const value = String(header).trim();
  if (isUploadPurpose(value)) return value;
  throw new AppError('invalid_input', 'files.unknown_purpose', {
    purpose: value.slice(0, 40),
    purposes: UPLOAD_PURPOSES.join(', '),
  });
}

function tooLarge(purpose: UploadPurpose | null, limit: number): AppError {
  return new AppError('invalid_input', purpose ? `files.too_large.${purpose}` : 'files.too_large', {
    limit: formatBytes(limit),
  });
}

function fileNameOf(request: FastifyRequest): string {
  const raw = request.headers['x-file-name'];
  if (typeof raw === 'string') {
    try {
      return decodeURIComponent(raw).slice(0, 200) || 'tep-tai-len';
    } catch {
      // A badly encoded name is not worth refusing the upload for.
    }
  }
  return 'tep-tai-len';
}

/**
 * A refusal before the body is read whole: the connection is closed after the answer, as Fastify does
 * for a body it refuses, so that the rest of the body is neither read nor stored.
 */
function refuse(reply: FastifyReply, error: ApiError): FastifyReply {
  return sendResult(reply.header('connection', 'close'), { ok: false, error });
}

export function registerFiles(server: FastifyInstance, app: AppContext): void {
  // Half-written uploads of a server that stopped (a crash, a power cut) are of no use to anyone.
  app.files.clearTemporary();
  const quota = new UploadQuota();

  // Raw bytes are taken by /files only, and handed over unread: the route streams them to disk.
  server.addContentTypeParser('application/octet-stream', (request, payload, done) => {
    if (request.routeOptions.url === '/files') done(null, payload);
    else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), undefined);
  });

  server.post('/files', async (request, reply) => {
    const locale: Locale = localeOf(request);
    let user: SessionUser;
    let purpose: UploadPurpose | null;
    try {
      user = caller(app, request);
      purpose = purposeOf(request);
    } catch (e) {
      return refuse(reply, describeError(e, locale));
    }
    const body = request.body;
    if (!(body instanceof Readable)) {
      return sendResult(reply, fail('invalid_input', t(locale, 'files.not_octet_stream')));
    }
    const limit = UPLOAD_LIMITS[purpose ?? DEFAULT_UPLOAD_PURPOSE];
    // NaN for a chunked body, whose size is known only at its end.
    const declared = Number(request.headers['content-length']);
    if (declared > limit) return refuse(reply, describeError(tooLarge(purpose, limit), locale));

    let release: () => void;
    try {
      release = quota.reserve(user.id, Number.isFinite(declared) ? declared : limit);
    } catch (e) {
      return refuse(reply, describeError(e, locale));
    }
    let received: ReceivedFile;
    try {
      received = await app.files.receive(body, limit);
    } catch (e) {
      if (e instanceof FileTooLargeError) return refuse(reply, describeError(tooLarge(purpose, limit), locale));
      // A client that went away mid-upload is no fault of the server's; anything else (a full disk) is.
      if (!request.raw.destroyed) app.log.error('upload failed', { error: e instanceof Error ? e.stack : String(e) });
      return refuse(reply, describeError(e, locale));
    } finally {
      release();
    }

    const mime = String(request.headers['x-file-type'] ?? 'application/octet-stream').slice(0, 100);
    try {
      const record = app.store.transaction(() => {
        const stored = app.files.putFile(received, { name: fileNameOf(request), mime, createdBy: user.id });
        appendAudit(app.store, {
          userId: user.id,
          username: user.username,
          role: user.role,
          action: 'files.upload',
          target: `file:${stored.id}`,
          outcome: 'ok',
          ip: request.ip,
          details: { name: stored.name, size: stored.size, purpose: purpose ?? undefined },
        });
        return stored;
      });
      return sendResult(reply, {
        ok: true,
        value: { id: record.id, name: record.name, size: record.size, sha256: record.sha256 },
      });
    } catch (e) {
      // Still in tmp/ when storing failed before the rename; the store's copy, if any, is content only.
      app.files.discard(received);
      app.log.error('storing an upload failed', { error: e instanceof Error ? e.stack : String(e) });
      return sendResult(reply, { ok: false, error: describeError(e, locale) });
    }
  });

  server.get<{ Params: { id: string } }>('/files/:id', async (request, reply) => {
    const locale = localeOf(request);
    try {
      const user = caller(app, request);
      const id = Number(request.params.id);
      if (!Number.isInteger(id) || id <= 0) return sendResult(reply, fail('not_found', t(locale, 'files.not_found')));
      const record = app.files.get(id);
      if (!canReadFile(app.store, user, record)) {
        return sendResult(reply, fail('not_found', t(locale, 'files.not_found')));
      }
      // Streamed from disk: a 200 MB backup is not read into memory to be sent.
      return reply
        .type(record.mime)
        .header('content-length', record.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(record.name)}`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(fs.createReadStream(app.files.pathOf(record.sha256)));
    } catch (e) {
      return sendResult(reply, { ok: false, error: describeError(e, locale) });
    }
  });

  // A backup is served from the backups folder itself: copied into the file store it would stay there,
  // a second copy of every backup ever taken off the disk.
  server.get<{ Params: { name: string } }>('/files/backups/:name', async (request, reply) => {
    const locale = localeOf(request);
    let user: SessionUser;
    try {
      user = caller(app, request);
    } catch (e) {
      return sendResult(reply, { ok: false, error: describeError(e, locale) });
    }
    const name = request.params.name.slice(0, 200);
    const audit = (outcome: string, details?: Record<string, unknown>) =>
      appendAudit(app.store, {
        userId: user.id,
        username: user.username,
        role: user.role,
        action: 'backup.download',
        target: name,
        outcome,
        ip: request.ip,
        details: details ?? null,
      });
    try {
      if (!roleHas(user.role, 'backup.manage')) throw new AppError('forbidden', 'error.forbidden');
      // backupPath takes a plain backup name only: '../db.sqlite' and the like never leave the folder.
      const file = backupPath(app.backups.directory, name);
      // Opened before the answer starts, so that a backup rotated away meanwhile is a 404, not a cut stream;
      // an open file outlives its deletion, and its size is the one sent.
      let fd: number;
      try {
        fd = fs.openSync(file, 'r');
      } catch {
        throw new AppError('not_found', 'backup.not_found', { name });
      }
      let size: number;
      try {
        size = fs.fstatSync(fd).size;
        audit('ok', { size });
      } catch (e) {
        fs.closeSync(fd);
        throw e;
      }
      return reply
        .type('application/vnd.sqlite3')
        .header('content-length', size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(fs.createReadStream('', { fd }));
    } catch (e) {
      const error = describeError(e, locale);
      if (!(e instanceof AppError))
        app.log.error('serving a backup failed', { error: e instanceof Error ? e.stack : String(e) });
      try {
        audit(error.code);
      } catch (auditError) {
        app.log.error('audit write failed', { action: 'backup.download', error: String(auditError) });
      }
      return sendResult(reply, { ok: false, error });
    }
  });
}
