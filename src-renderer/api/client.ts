/**
 * The renderer's only way to the server: POST /api/<procedure> with the JSON input and the bearer
 * token, answered with the result envelope. The same code runs in Electron and in a browser.
 */
import type { Api, ProcedureName } from '../../src-shared/api';
import type { InputOf, OutputOf } from '../../src-shared/api/procedure';
import type { Result } from '../../src-shared/api/envelope';
import { t, type Locale } from '../../src-shared/i18n';
import { UPLOAD_LIMITS, formatBytes, type UploadPurpose } from '../../src-shared/domain/uploads';

const TOKEN_KEY = 'truongso.token';

export class ProcedureClient {
  #token: string | null;
  #locale: Locale = 'vi';
  #onUnauthenticated: (() => void) | null = null;

  constructor(
    private readonly baseUrl = '',
    private readonly storage: Storage | null = typeof sessionStorage === 'undefined' ? null : sessionStorage,
  ) {
    this.#token = this.storage?.getItem(TOKEN_KEY) ?? null;
  }

  get token(): string | null {
    return this.#token;
  }

  setToken(token: string | null): void {
    this.#token = token;
    if (token) this.storage?.setItem(TOKEN_KEY, token);
    else this.storage?.removeItem(TOKEN_KEY);
  }

  setLocale(locale: Locale): void {
    this.#locale = locale;
  }

  /** Called when a signed-in call comes back 'unauthenticated' (session expired or ended). */
  onUnauthenticated(handler: (() => void) | null): void {
    this.#onUnauthenticated = handler;
  }

  async call<K extends ProcedureName>(name: K, input: InputOf<Api[K]>): Promise<Result<OutputOf<Api[K]>>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': this.#locale };
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/api/${name}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message:
            this.#locale === 'en' ? 'Cannot reach the school server' : 'Không kết nối được với máy chủ của trường',
        },
      };
    }
    let result: Result<OutputOf<Api[K]>>;
    try {
      result = (await response.json()) as Result<OutputOf<Api[K]>>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}` } };
    }
    if (!result.ok && result.error.code === 'unauthenticated' && this.#token && name !== 'auth.login') {
      this.setToken(null);
      this.#onUnauthenticated?.();
    }
    return result;
  }

  /** Like call(), but throws the error envelope: for places where a failure is shown by a boundary. */
  async get<K extends ProcedureName>(name: K, input: InputOf<Api[K]>): Promise<OutputOf<Api[K]>> {
    const result = await this.call(name, input);
    if (!result.ok) throw new ProcedureError(result.error.code, result.error.message, result.error.details);
    return result.value;
  }

  /**
   * Uploads a file to the server's file store; returns its id. The purpose sets the largest file the
   * server takes; a larger one is refused here, before any byte is sent.
   */
  async upload(
    file: Blob,
    name: string,
    purpose: UploadPurpose,
  ): Promise<Result<{ id: number; name: string; size: number; sha256: string }>> {
    const limit = UPLOAD_LIMITS[purpose];
    if (file.size > limit) {
      const message = t(this.#locale, `files.too_large.${purpose}`, { limit: formatBytes(limit) });
      return { ok: false, error: { code: 'invalid_input', message } };
    }
    const headers: Record<string, string> = {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      'x-file-purpose': purpose,
      'accept-language': this.#locale,
    };
    if (file.type) headers['x-file-type'] = file.type;
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    const response = await fetch(`${this.baseUrl}/files`, { method: 'POST', headers, body: file });
    return (await response.json()) as Result<{ id: number; name: string; size: number; sha256: string }>;
  }

  /** A stored file's bytes (GET /files/<id> needs the bearer token, so a plain link cannot fetch it). */
  async fetchFile(fileId: number): Promise<Result<Blob>> {
    return this.#fetchBytes(`/files/${fileId}`);
  }

  /** A backup's bytes, straight from the server's backups folder (to copy it off the server's disk). */
  async fetchBackup(name: string): Promise<Result<Blob>> {
    return this.#fetchBytes(`/files/backups/${encodeURIComponent(name)}`);
  }

  async #fetchBytes(address: string): Promise<Result<Blob>> {
    const headers: Record<string, string> = { 'accept-language': this.#locale };
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${address}`, { headers });
    } catch (e) {
      return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
    }
    if (!response.ok) {
      // Refusals come back as the usual error envelope.
      try {
        const body = (await response.json()) as Result<never>;
        if (!body.ok) return body;
      } catch {
        // Not JSON: the status says enough.
      }
      return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}` } };
    }
    return { ok: true, value: await response.blob() };
  }

  /** The WebSocket address for /events on the same server. */
  eventsUrl(): string {
    const base = this.baseUrl || window.location.origin;
    return `${base.replace(/^http/, 'ws')}/events`;
  }
}

export class ProcedureError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ProcedureError';
  }
}

export const client = new ProcedureClient();
