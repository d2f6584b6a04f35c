import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { importData } from '../../core/records/importer';
import {
  classesTable,
  classListSpec,
  pupilsTable,
  renderClassList,
  renderTable,
  staffTable,
} from '../../core/records/exporter';
import { appendAudit } from '../../core/audit/log';
import { CliError, EXIT_MISUSE, report, type GlobalOptions } from '../output';
import { classIdOf, withApp, yearIdOf } from '../withApp';
import { exportGradebook } from './assessment';

function kindOf(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value))
    throw new CliError(`Loại dữ liệu phải là một trong: ${allowed.join(', ')}`, EXIT_MISUSE);
  return value;
}

export function registerRecords(program: Command): void {
  program
    .command('import')
    .description(
      'Nhập học sinh hoặc cán bộ từ tệp Excel (.xlsx hoặc .xls); tự nhận cột theo tiêu đề; tất cả hoặc không',
    )
    .argument('<kind>', 'pupils (học sinh) hoặc staff (cán bộ)')
    .argument('<file>', 'tệp .xlsx hoặc .xls (Excel 97–2003)')
    .option('--dry-run', 'chỉ kiểm tra, không ghi gì')
    .option('--sheet <name>', 'tên trang tính (mặc định: trang đầu tiên có dữ liệu)')
    .option('--header-row <n>', 'số dòng tiêu đề (mặc định: tự tìm)')
    .option('--errors-out <file>', 'nơi ghi báo cáo lỗi .xlsx khi có lỗi (mặc định: cạnh tệp nhập)')
    .action(async (kindArg: string, fileArg: string, _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<
        GlobalOptions & { dryRun?: boolean; sheet?: string; headerRow?: string; errorsOut?: string }
      >();
      const kind = kindOf(kindArg, ['pupils', 'staff']) as 'pupils' | 'staff';
      const file = path.resolve(fileArg);
      if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp ${file}`, EXIT_MISUSE);
      const headerRow = options.headerRow === undefined ? undefined : Number(options.headerRow);
      if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
        throw new CliError(`Số dòng tiêu đề không hợp lệ: ${options.headerRow}`, EXIT_MISUSE);
      }
      await withApp(options, async (app) => {
        const data = fs.readFileSync(file);
        let preview;
        try {
          preview = await app.workers.run('xlsx.preview', { data, kind, sheet: options.sheet, headerRow });
        } catch (e) {
          throw new CliError(e instanceof Error ? e.message : String(e));
        }
        const fields: Record<string, number> = {};
        for (const c of preview.columns) if (c.field) fields[c.field] = c.index;
        const outcome = await importData(
          app,
          null,
          'vi',
          { data, name: path.basename(file) },
          {
            kind,
            dryRun: options.dryRun ?? false,
            mapping: { sheet: preview.sheet, headerRow: preview.headerRow, fields },
          },
          null,
          (counts) =>
            appendAudit(app.store, {
              userId: null,
              username: 'cli',
              role: null,
              action: `cli.import.${kind}`,
              target: path.basename(file),
              outcome: 'ok',
              details: counts,
            }),
        );
        const mapped = preview.columns.filter((c) => c.field).map((c) => `${c.letter}: ${c.header} → ${c.field}`);
        if (outcome.errorCount > 0) {
          const out = path.resolve(options.errorsOut ?? file.replace(/\.xlsx$/i, '') + '-loi.xlsx');
          fs.writeFileSync(out, outcome.errorReport!);
          const lines = outcome.errors
            .slice(0, 20)
            .map((e) => `  Dòng ${e.row}${e.column ? `, cột ${e.column}` : ''}: ${e.message}`);
          if (options.json) {
            process.stdout.write(
              `${JSON.stringify({ ok: false, error: { code: 'invalid_input', message: `${outcome.errorCount} lỗi` }, errors: outcome.errors, errorCount: outcome.errorCount, errorReport: out })}\n`,
            );
            process.exitCode = 1;
            return;
          }
          throw new CliError(
            [
              `Tệp có ${outcome.errorCount} lỗi; chưa nhập gì. Báo cáo lỗi: ${out}`,
              ...lines,
              outcome.errorCount > 20 ? '  …' : '',
            ]
              .filter(Boolean)
              .join('\n'),
          );
        }
        report(
          options,
          [
            `Trang tính «${preview.sheet}», dòng tiêu đề ${preview.headerRow}; các cột đã nhận:`,
            ...mapped.map((m) => `  ${m}`),
            outcome.dryRun
              ? `Kiểm tra xong ${outcome.rows} dòng, không có lỗi: sẽ thêm ${outcome.created}, cập nhật ${outcome.updated}.`
              : `Đã nhập ${outcome.rows} dòng: thêm ${outcome.created}, cập nhật ${outcome.updated}.`,
          ].join('\n'),
          {
            dryRun: outcome.dryRun,
            rows: outcome.rows,
            created: outcome.created,
            updated: outcome.updated,
            sheet: preview.sheet,
            headerRow: preview.headerRow,
            mapping: fields,
          },
        );
      });
    });

  program
    .command('export')
    .description(
      'Xuất ra tệp Excel: học sinh (cả trường hoặc danh sách một lớp), cán bộ, lớp; gradebook: bảng tổng hợp kết quả đánh giá của một lớp (.xlsx hoặc .pdf)',
    )
    .argument('<kind>', 'pupils, staff, classes hoặc gradebook')
    .requiredOption('--out <file>', 'tệp sẽ tạo (.xlsx; với gradebook có thể .pdf)')
    .option('--class <name>', 'với pupils: xuất danh sách lớp theo mẫu cho lớp này (ví dụ 1A); bắt buộc với gradebook')
    .option('--year <name>', 'năm học (mặc định: năm học hiện tại), ví dụ 2025-2026')
    .option('--point <point>', 'với gradebook: GIUA_HK1, CUOI_HK1, GIUA_HK2 hoặc CUOI_NAM (mặc định CUOI_NAM)')
    .action(async (kindArg: string, _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<
        GlobalOptions & { out: string; class?: string; year?: string; point?: string }
      >();
      const kind = kindOf(kindArg, ['pupils', 'staff', 'classes', 'gradebook']);
      const out = path.resolve(options.out);
      if (kind === 'gradebook') return exportGradebook(options, out);
      await withApp(options, async (app) => {
        const yearId = yearIdOf(app, options.year);
        let bytes: Buffer;
        let rows: number;
        if (kind === 'pupils' && options.class) {
          const classId = classIdOf(app, yearId, options.class);
          const { spec } = classListSpec(app, null, classId);
          bytes = await renderClassList(app, spec);
          rows = spec.pupils.length;
        } else {
          const spec =
            kind === 'pupils'
              ? pupilsTable(app, null, { schoolYearId: yearId, status: 'studying', sort: 'class' })
              : kind === 'staff'
                ? staffTable(app, null, { status: 'working' })
                : classesTable(app, null, yearId);
          bytes = await renderTable(app, spec);
          rows = spec.rows.length;
        }
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, bytes);
        appendAudit(app.store, {
          userId: null,
          username: 'cli',
          role: null,
          action: `cli.export.${kind}`,
          target: out,
          outcome: 'ok',
          details: { rows },
        });
        report(options, `Đã xuất ${rows} dòng vào ${out}.`, { file: out, rows });
      });
    });
}
