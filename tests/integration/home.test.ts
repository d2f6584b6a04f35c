/**
 * Trang chủ's summary over the demo school: each role gets the parts it may act on and nothing else,
 * the counts agree with the modules' own procedures (the signing queue, the progress board, the class
 * list), and they follow the data (a new submission, a returned document, a backup).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOk, startTestServer, uploadFile, waitForJob, type TestServer } from './support/server';
import type { HomeSummary } from '../../src-shared/api/home';
import type { DocumentView } from '../../src-shared/api/documents';
import type { ProgressView } from '../../src-shared/api/assessment';
import type { ClassRow } from '../../src-shared/api/records';

let server: TestServer;
const tokens: Record<string, string> = {};
const ok = <T>(name: string, input: unknown, token: string) => callOk<T>(server, name, input, token);
const summary = (who: string) => ok<HomeSummary>('home.summary', {}, tokens[who]!);

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  for (const u of ['admin', 'principal', 'clerk', 'teacher', 'yte']) tokens[u] = await server.login(u, 'demo');
});
afterAll(() => server.close());

async function submit(token: string, title: string): Promise<DocumentView> {
  const fileId = await uploadFile(server, token, `${title}.pdf`, Buffer.from(`%PDF-1.4\n% ${title}\n`));
  return ok<DocumentView>('documents.submit', { fileId, title, kind: 'report' }, token);
}

describe('home.summary', () => {
  it('gives each role only its own parts', async () => {
    const parts = async (who: string) => {
      const s = await summary(who);
      return Object.entries(s)
        .filter(([k, v]) => k !== 'year' && v !== null)
        .map(([k]) => k)
        .sort();
    };
    expect(await parts('admin')).toEqual(['backup', 'headcounts']);
    expect(await parts('principal')).toEqual(['headcounts', 'progress', 'returnedToMe', 'toSign']);
    expect(await parts('clerk')).toEqual(['headcounts', 'progress', 'returnedToMe']);
    expect(await parts('teacher')).toEqual(['headcounts', 'progress', 'returnedToMe']);
    expect(await parts('yte')).toEqual(['headcounts']);
  });

  it('counts the signing queue and the returned documents as the documents module does', async () => {
    const before = await summary('principal');
    const queue = await ok<{ total: number }>('documents.list', { scope: 'queue' }, tokens.principal!);
    expect(before.toSign?.count).toBe(queue.total);

    const doc = await submit(tokens.teacher!, 'Kế hoạch tuần 12');
    expect((await summary('principal')).toSign?.count).toBe(queue.total + 1);

    const returnedBefore = (await summary('teacher')).returnedToMe?.count ?? 0;
    await ok(
      'documents.return',
      { id: doc.id, version: doc.version, reason: 'Thiếu số liệu lớp 3A' },
      tokens.principal!,
    );
    expect((await summary('teacher')).returnedToMe?.count).toBe(returnedBefore + 1);
    expect((await summary('principal')).toSign?.count).toBe(queue.total);
    // Someone else's returned document is not the clerk's news.
    expect((await summary('clerk')).returnedToMe?.count).toBe(0);
  });

  it('sums the progress board per class, all classes for the principal and own classes for a teacher', async () => {
    for (const who of ['principal', 'teacher']) {
      const s = await summary(who);
      const board = await ok<ProgressView>('assessment.progress', { point: s.progress!.point }, tokens[who]!);
      expect(s.progress!.classes.length).toBeGreaterThan(0);
      expect(s.progress!.classes).toEqual(
        board.classes.map((c) => ({
          classId: c.classId,
          name: c.name,
          grade: c.grade,
          pupils: c.pupils,
          subjectsDone: c.subjects.reduce((n, x) => n + x.done, 0),
          subjectsExpected: c.subjects.reduce((n, x) => n + x.expected, 0),
          qualitiesDone: c.qualities.done,
          qualitiesExpected: c.qualities.expected,
        })),
      );
    }
    const all = (await summary('principal')).progress!.classes.length;
    expect((await summary('teacher')).progress!.classes.length).toBeLessThan(all);
  });

  it('gives headcounts with boys and girls as the class list has them', async () => {
    for (const who of ['clerk', 'teacher', 'yte']) {
      const s = await summary(who);
      const { rows } = await ok<{ rows: ClassRow[] }>('records.classes.list', {}, tokens[who]!);
      expect(s.headcounts).toEqual(
        rows.map((c) => ({
          classId: c.id,
          name: c.name,
          grade: c.grade,
          pupils: c.pupils,
          boys: c.pupils - c.girls,
          girls: c.girls,
        })),
      );
      expect(s.headcounts!.reduce((n, c) => n + c.pupils, 0)).toBeGreaterThan(0);
    }
  });

  it('tells the administrator when the data was last backed up', async () => {
    const before = await summary('admin');
    const started = await ok<{ jobId: string }>('backup.create', {}, tokens.admin!);
    await waitForJob(server, tokens.admin!, started);
    const after = await summary('admin');
    expect(after.backup?.lastBackupAt).not.toBeNull();
    expect(after.backup!.lastBackupAt! > (before.backup?.lastBackupAt ?? '')).toBe(true);
    // Never copied off the server's disk: the home page warns, as the backup page does.
    expect(after.backup!.offDisk).toEqual(await ok('backup.offDisk.status', {}, tokens.admin!));
    expect(after.backup!.offDisk.overdue).toBe(true);
  });

  it('carries no names of people', async () => {
    const text = JSON.stringify(await summary('principal'));
    const names = server.app.store.db.prepare('SELECT full_name FROM pupils LIMIT 20').pluck().all() as string[];
    for (const n of names) expect(text).not.toContain(n);
  });
});
