/**
 * API writers in a loop against a served school: the load that the concurrency and fault tests (and the
 * write bench) put on the store. Every answer is kept, so a test can say which writes were acknowledged
 * and which failed, and why.
 */
import Database from 'better-sqlite3';
import { integrityProblem } from '../../../src-main/store/backup';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

export async function callApi<T = Record<string, unknown>>(
  url: string,
  name: string,
  input: unknown,
  token?: string,
): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${url}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return { status: response.status, body: (await response.json()) as Answer<T>['body'] };
}

export async function loginAt(url: string, username: string, password: string): Promise<string> {
  const answer = await callApi<{ token: string }>(url, 'auth.login', { username, password });
  if (!answer.body.ok) throw new Error(`login ${username}: ${answer.body.error.message}`);
  return answer.body.value.token;
}

/** A given name made of letters only (names with digits are not names), distinct for every n. */
export function letterName(n: number): string {
  const letters = 'abcdeghiklmnopqrstuvxy';
  let word = '';
  let rest = n;
  do {
    word = letters[rest % letters.length]! + word;
    rest = Math.floor(rest / letters.length);
  } while (rest > 0);
  return `Ghi${word}`;
}

export interface WriteRecord {
  /** Which of the writers made it, and its how-manyth write (0: the first, which also opened a connection). */
  writer: number;
  seq: number;
  fullName: string;
  status: number;
  ok: boolean;
  pupilId?: number;
  error?: string;
  latencyMs: number;
}

export interface WriterLoad {
  /** Stops the loop; resolves when every writer has had its last answer (or lost its server). */
  stop(): Promise<WriteRecord[]>;
  readonly records: WriteRecord[];
}

/**
 * `writers` clients, each creating pupils in `classId` one after another until stopped. A writer whose
 * server went away (connection refused or reset) ends quietly: those writes were never acknowledged.
 */
export function startPupilWriters(
  url: string,
  token: string,
  classId: number,
  writers: number,
  options: { family?: string; maxPerWriter?: number } = {},
): WriterLoad {
  const records: WriteRecord[] = [];
  let stopped = false;
  const family = options.family ?? 'Lê Văn';
  const loops = Array.from({ length: writers }, async (_, w) => {
    for (let i = 0; !stopped && i < (options.maxPerWriter ?? Infinity); i++) {
      const fullName = `${family} ${letterName(w * 1_000_000 + i)}`;
      const started = performance.now();
      let answer: Answer<{ id: number }>;
      try {
        answer = await callApi<{ id: number }>(
          url,
          'records.pupils.create',
          { fullName, sex: i % 2 ? 'female' : 'male', birthDate: '2017-05-01', classId },
          token,
        );
      } catch {
        return;
      }
      const latencyMs = performance.now() - started;
      records.push(
        answer.body.ok
          ? { writer: w, seq: i, fullName, status: answer.status, ok: true, pupilId: answer.body.value.id, latencyMs }
          : {
              writer: w,
              seq: i,
              fullName,
              status: answer.status,
              ok: false,
              error: answer.body.error.message,
              latencyMs,
            },
      );
    }
  });
  return {
    records,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      return records;
    },
  };
}

/** PRAGMA integrity_check of a database file (a backup, or the live file once its server is gone): 'ok' or the problems. */
export function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return integrityProblem(db) ?? 'ok';
  } finally {
    db.close();
  }
}
