/**
 * `truongso hocba` (the học bạ PDFs of a pupil, a class or the whole school, one file per pupil) and
 * `truongso export gradebook` (a class's summary sheet). The CLI acts on the school's behalf: every class.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { appendAudit } from '../../core/audit/log';
import { classSummaryDoc, hocBaDocs, renderHocBa } from '../../core/assessment/documents';
import { classesOfYear, loadClass } from '../../core/assessment/scope';
import { resolveYear } from '../../core/records/years';
import { fileSlug } from '../../../src-shared/domain/vnName';
import { isPeriodicPoint, PERIODIC_POINTS } from '../../../src-shared/domain/tt27';
import { CliError, EXIT_MISUSE, report, type GlobalOptions } from '../output';
import { classIdOf, withApp, yearIdOf, type App } from '../withApp';
import type { HocBaDoc } from '../../core/assessment/print/types';

function audit(app: App, action: string, target: string, details: Record<string, unknown>): void {
  appendAudit(app.store, { userId: null, username: 'cli', role: null, action, target, outcome: 'ok', details });
}

/** The pupil by mã định danh, số định danh cá nhân or internal number, and the class they ended the year in. */
function pupilClass(app: App, yearId: number, ref: string): { pupilId: number; classId: number } {
  const pupilId = app.store
    .statement('SELECT id FROM pupils WHERE sector_id = ? OR personal_id = ? OR CAST(id AS TEXT) = ? LIMIT 1')
    .pluck()
    .get(ref, ref, ref) as number | undefined;
  if (pupilId === undefined) throw new CliError(`Không tìm thấy học sinh ${ref}`, EXIT_MISUSE);
  const classId = app.store
    .statement(
      `SELECT class_id FROM enrolments WHERE pupil_id = ? AND school_year_id = ?
       ORDER BY (end_date IS NULL OR exit = 'completed') DESC, start_date DESC LIMIT 1`,
    )
    .pluck()
    .get(pupilId, yearId) as number | undefined;
  if (classId === undefined) throw new CliError(`Học sinh ${ref} không học ở trường trong năm học này`);
  return { pupilId, classId };
}

function pdfName(doc: HocBaDoc): string {
  const who = doc.pupil.sectorId || fileSlug(doc.pupil.fullName);
  return `hoc-ba-${doc.yearName}-${doc.pupil.className}-${who}.pdf`;
}

export function registerAssessment(program: Command): void {
  program
    .command('hocba')
    .description('In học bạ (PDF, mỗi học sinh một tệp) của một học sinh, một lớp hoặc cả trường')
    .requiredOption('--out <dir>', 'thư mục sẽ ghi các tệp PDF')
    .option('--year <name>', 'năm học (mặc định: năm học hiện tại), ví dụ 2025-2026')
    .option('--class <name>', 'chỉ lớp này (ví dụ 5A)')
    .option('--pupil <id>', 'chỉ học sinh này: mã định danh, số định danh cá nhân hoặc số hiệu')
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<
        GlobalOptions & { out: string; year?: string; class?: string; pupil?: string }
      >();
      if (options.class && options.pupil) throw new CliError('Chỉ dùng một trong --class và --pupil', EXIT_MISUSE);
      const out = path.resolve(options.out);
      await withApp(options, async (app) => {
        const year = resolveYear(app.store, yearIdOf(app, options.year));
        let docs: HocBaDoc[];
        if (options.pupil) {
          const { pupilId, classId } = pupilClass(app, year.id, options.pupil);
          docs = hocBaDocs(app.store, loadClass(app.store, classId), year, pupilId);
        } else if (options.class) {
          docs = hocBaDocs(app.store, loadClass(app.store, classIdOf(app, year.id, options.class)), year);
        } else {
          docs = classesOfYear(app.store, year.id).flatMap((c) => hocBaDocs(app.store, c, year));
        }
        if (docs.length === 0) throw new CliError('Không có học sinh nào để in học bạ');
        fs.mkdirSync(out, { recursive: true });
        const files = await Promise.all(
          docs.map(async (doc) => {
            const file = path.join(out, pdfName(doc));
            fs.writeFileSync(file, await renderHocBa(app, [doc]));
            return file;
          }),
        );
        audit(app, 'cli.hocba', out, { year: year.name, pupils: files.length });
        report(options, `Đã in ${files.length} học bạ năm học ${year.name} vào ${out}.`, { dir: out, files });
      });
    });
}

/** `export gradebook --class C [--point P] --out F.xlsx|F.pdf`. */
export async function exportGradebook(
  options: GlobalOptions & { class?: string; year?: string; point?: string },
  out: string,
): Promise<void> {
  if (!options.class) throw new CliError('Cần --class để xuất bảng tổng hợp', EXIT_MISUSE);
  const point = options.point ?? 'CUOI_NAM';
  if (!isPeriodicPoint(point)) {
    throw new CliError(`Thời điểm phải là một trong: ${PERIODIC_POINTS.join(', ')}`, EXIT_MISUSE);
  }
  const pdf = out.toLowerCase().endsWith('.pdf');
  await withApp(options, async (app) => {
    const year = resolveYear(app.store, yearIdOf(app, options.year));
    const cls = loadClass(app.store, classIdOf(app, year.id, options.class!));
    const doc = classSummaryDoc(app.store, cls, year, point);
    const bytes = pdf
      ? await app.workers.run('pdf.classSummary', doc)
      : await app.workers.run('xlsx.classSummary', doc);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, bytes);
    audit(app, 'cli.export.gradebook', out, { class: cls.name, point, pupils: doc.rows.length });
    report(options, `Đã xuất bảng tổng hợp lớp ${cls.name} (${doc.rows.length} học sinh) vào ${out}.`, {
      file: out,
      rows: doc.rows.length,
    });
  });
}
