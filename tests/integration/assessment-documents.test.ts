/**
 * A full year of class 3A of the demo school, entered through the assessment services, produces the
 * class summary sheet (xlsx read back with exceljs, PDF read back with pdftotext) and the học bạ (PDF:
 * text with correct Vietnamese diacritics, fonts embedded, no form fields), from the procedures and
 * from the CLI.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile, startTestServer, tempDir, waitForJob, type TestServer } from './support/server';
import { assertBuilt, runCli } from './support/cli';
import { accessFor, loadClass } from '../../src-main/core/assessment/scope';
import { rosterAt } from '../../src-main/core/assessment/roster';
import { saveGradebookEntry } from '../../src-main/core/assessment/gradebook';
import { saveQuality } from '../../src-main/core/assessment/qualities';
import { saveYearResult } from '../../src-main/core/assessment/yearResults';
import { resolveYear } from '../../src-main/core/records/years';
import { classSummaryDoc, hocBaDocs } from '../../src-main/core/assessment/documents';
import { placeAndDate } from '../../src-main/core/assessment/print/pdfDocument';
import { todayIso } from '../../src-shared/domain/dates';
import { subjectsForGrade } from '../../src-shared/domain/subjects';
import { PERIODIC_POINTS, QUALITY_ITEMS, requiresTest, type SubjectLevel } from '../../src-shared/domain/tt27';
import type { SessionUser } from '../../src-main/core/context';

let server: TestServer;
let principal: string;
let classId: number;
let star: { pupilId: number; fullName: string };
let pupils: { pupilId: number; fullName: string }[];
const STAR_COMMENT = 'Em đọc diễn cảm, viết chữ đẹp; tiến bộ vượt bậc ở phần giải toán có lời văn.';

function pdfText(bytes: Buffer): string {
  const file = path.join(tempDir('pdf-'), 'doc.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
}

function pdfFonts(bytes: Buffer): string[][] {
  const file = path.join(tempDir('pdf-'), 'doc.pdf');
  fs.writeFileSync(file, bytes);
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((l) => l.trim().split(/\s+/));
}

function pdfPages(bytes: Buffer): number {
  const file = path.join(tempDir('pdf-'), 'doc.pdf');
  fs.writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

beforeAll(async () => {
  server = await startTestServer({ demo: true });
  principal = await server.login('principal', 'demo');
  const store = server.app.store;
  const year = resolveYear(store);
  for (const point of PERIODIC_POINTS) {
    const { body } = await server.call(
      'assessment.locks.set',
      { schoolYearId: year.id, point, locked: false, reason: 'Kiểm thử' },
      principal,
    );
    expect(body.ok).toBe(true);
  }
  classId = store
    .statement(`SELECT id FROM classes WHERE name = '3A' AND school_year_id = ?`)
    .pluck()
    .get(year.id) as number;
  const cls = loadClass(store, classId);
  const user = store
    .statement(`SELECT id, username, full_name AS fullName, role FROM users WHERE username = 'principal'`)
    .get() as SessionUser;
  const access = accessFor(store, user);
  pupils = rosterAt(store, cls, year, 'CUOI_NAM').filter((p) => p.enrolled);
  star = pupils[0]!;
  const levels: SubjectLevel[] = ['T', 'H', 'T', 'H', 'C'];
  pupils.forEach((p, i) => {
    const isStar = p.pupilId === star.pupilId;
    for (const s of subjectsForGrade(3).filter((x) => !x.elective)) {
      const level = isStar ? 'T' : levels[(i + s.key.length) % levels.length]!;
      const score = requiresTest(3, s.key, 'CUOI_NAM')
        ? isStar
          ? 10
          : level === 'C'
            ? 4
            : level === 'H'
              ? 7
              : 9
        : null;
      saveGradebookEntry(store, access, {
        classId,
        subject: s.key,
        point: 'CUOI_NAM',
        pupilId: p.pupilId,
        level,
        score,
        retestScore: null,
        comment: isStar && s.key === 'tieng_viet' ? STAR_COMMENT : '',
        version:
          (store
            .statement(`SELECT version FROM subject_results WHERE pupil_id = ? AND subject = ? AND point = 'CUOI_NAM'`)
            .pluck()
            .get(p.pupilId, s.key) as number | undefined) ?? 0,
      });
    }
    for (const q of QUALITY_ITEMS) {
      saveQuality(store, access, {
        classId,
        point: 'CUOI_NAM',
        pupilId: p.pupilId,
        item: q.key,
        level: isStar || i % 3 === 0 ? 'T' : 'D',
        version:
          (store
            .statement(`SELECT version FROM quality_results WHERE pupil_id = ? AND item = ? AND point = 'CUOI_NAM'`)
            .pluck()
            .get(p.pupilId, q.key) as number | undefined) ?? 0,
      });
    }
  });
  saveYearResult(store, access, 'vi', {
    classId,
    pupilId: star.pupilId,
    result: 'HTXS',
    awards: ['HS_XUAT_SAC'],
    promotion: null,
    supplementary: '',
    comment: 'Em chăm ngoan, học giỏi, là tấm gương cho các bạn noi theo.',
    version:
      (store.statement('SELECT version FROM year_results WHERE pupil_id = ?').pluck().get(star.pupilId) as
        number | undefined) ?? 0,
  });
});
afterAll(() => server.close());

async function exportFile(
  name: string,
  input: object,
): Promise<{ bytes: Buffer; result: { fileId: number; name: string } }> {
  const { body } = await server.call<{ jobId: string }>(name, input, principal);
  if (!body.ok) throw new Error(body.error.message);
  const result = await waitForJob<{ fileId: number; name: string }>(server, principal, body.value);
  return { bytes: await downloadFile(server, principal, result.fileId), result };
}

describe('the class summary sheet', () => {
  it('as xlsx lists every pupil in class-list order with their levels and scores', async () => {
    const { bytes, result } = await exportFile('assessment.summary.export', {
      classId,
      point: 'CUOI_NAM',
      format: 'xlsx',
    });
    expect(result.name).toMatch(/^bang-tong-hop-3a-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const text: string[] = [];
    sheet.eachRow((row) =>
      text.push(row.values ? (row.values as unknown[]).map((v) => String(v ?? '')).join('|') : ''),
    );
    const all = text.join('\n');
    expect(all).toContain('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC');
    let last = -1;
    for (const p of pupils) {
      const at = text.findIndex((line) => line.includes(`|${p.fullName}|`));
      expect(at, p.fullName).toBeGreaterThan(last);
      last = at;
    }
    const starLine = text.find((line) => line.includes(`|${star.fullName}|`))!;
    expect(starLine).toContain('|10|');
    expect(starLine).toContain('HTXS');
  });

  it('as PDF names every pupil', async () => {
    const { bytes } = await exportFile('assessment.summary.export', { classId, point: 'CUOI_NAM', format: 'pdf' });
    const text = pdfText(bytes);
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC');
    for (const p of pupils) expect(text.replace(/\s+/g, ' ')).toContain(p.fullName);
    expect(pdfFonts(bytes).every((f) => f.includes('yes'))).toBe(true);
  });
});

describe('the học bạ', () => {
  it('of one pupil carries their identity and results with correct diacritics, fonts embedded, no form fields', async () => {
    const { bytes } = await exportFile('assessment.hocba.pupil', { pupilId: star.pupilId });
    const text = pdfText(bytes);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(star.fullName);
    expect(flat).toContain('HỌC BẠ');
    for (const s of subjectsForGrade(3).filter((x) => !x.elective)) expect(flat).toContain(s.name);
    expect(flat).toContain('Hoàn thành xuất sắc');
    expect(flat).toContain('Học sinh Xuất sắc');
    expect(flat).toContain('Hoàn thành chương trình lớp 3');
    expect(flat).toContain('Em đọc diễn cảm, viết chữ đẹp');
    expect(flat).toContain('TRƯỜNG TIỂU HỌC NGUYỄN TRÃI');
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    // name type encoding emb sub uni object ID: "emb" is the 4th-from-last column.
    for (const f of fonts) expect(f.at(-5), f.join(' ')).toBe('yes');
    const raw = bytes.toString('latin1');
    expect(raw).not.toContain('/AcroForm');
    expect(raw).not.toContain('/Annots');
  });

  it('of the class comes as one printable file with a page or more per pupil', async () => {
    const { body } = await server.call<{ jobId: string }>('assessment.hocba.batch', { classId }, principal);
    if (!body.ok) throw new Error(body.error.message);
    const result = await waitForJob<{ files: { fileId: number; pupils: number; className: string }[]; pupils: number }>(
      server,
      principal,
      body.value,
    );
    expect(result.pupils).toBe(pupils.length);
    expect(result.files).toHaveLength(1);
    const bytes = await downloadFile(server, principal, result.files[0]!.fileId);
    expect(pdfPages(bytes)).toBeGreaterThanOrEqual(pupils.length);
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    for (const p of pupils) expect(text).toContain(p.fullName);
  });
});

describe('from the CLI', () => {
  beforeAll(assertBuilt);

  it('hocba writes one PDF per pupil of a class, export gradebook the summary sheet', () => {
    const out = tempDir('hocba-');
    const hocba = runCli(['hocba', '--data', server.dataDir, '--class', '3a', '--out', out, '--json']);
    expect(hocba.status, hocba.stdout + hocba.stderr).toBe(0);
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(pupils.length);
    expect(JSON.parse(hocba.stdout)).toMatchObject({ ok: true });
    const one = runCli([
      'hocba',
      '--data',
      server.dataDir,
      '--pupil',
      String(star.pupilId),
      '--out',
      tempDir('hocba-'),
    ]);
    expect(one.status, one.stderr).toBe(0);

    const sheet = path.join(tempDir('gb-'), 'bth-3a.xlsx');
    const gradebook = runCli(['export', 'gradebook', '--data', server.dataDir, '--class', '3A', '--out', sheet]);
    expect(gradebook.status, gradebook.stderr).toBe(0);
    expect(fs.statSync(sheet).size).toBeGreaterThan(1000);

    expect(runCli(['hocba', '--data', server.dataDir, '--class', '9Z', '--out', out]).status).toBe(2);
    expect(runCli(['export', 'gradebook', '--data', server.dataDir, '--out', sheet]).status).toBe(2);
    expect(
      runCli(['export', 'gradebook', '--data', server.dataDir, '--class', '3A', '--point', 'HK9', '--out', sheet])
        .status,
    ).toBe(2);
  });
});

describe('the date above the signatures', () => {
  it('is the end of the period, but never after the day of printing', () => {
    const store = server.app.store;
    const year = resolveYear(store);
    const cls = loadClass(store, classId);
    const [y1] = year.name.split('-');
    // Printed in December: the học bạ and the sheets are dated that day, not the coming 31 May.
    const december = `${y1}-12-08`;
    expect(hocBaDocs(store, cls, year, star.pupilId, december)[0]!.date).toBe(december);
    expect(classSummaryDoc(store, cls, year, 'CUOI_NAM', december).date).toBe(december);
    expect(classSummaryDoc(store, cls, year, 'GIUA_HK1', december).date).toBe(december);
    // Printed after the period: dated at its end, as the school signs it.
    const summer = `${year.endDate.slice(0, 4)}-07-20`;
    expect(hocBaDocs(store, cls, year, star.pupilId, summer)[0]!.date).toBe(year.endDate);
    expect(classSummaryDoc(store, cls, year, 'CUOI_NAM', summer).date).toBe(year.endDate);
    expect(classSummaryDoc(store, cls, year, 'CUOI_HK1', summer).date).toBe(year.term1End);
  });

  it('on a học bạ printed from the app is not in the future', async () => {
    const { bytes } = await exportFile('assessment.hocba.pupil', { pupilId: star.pupilId });
    const today = todayIso();
    const year = resolveYear(server.app.store);
    const expected = year.endDate < today ? year.endDate : today;
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    const line = placeAndDate('', expected).replace(/^[^,]*, /, '');
    expect(text).toContain(line);
  });
});
