import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { DB_FILE_NAME, isTruongSoDatabase, openReadOnly, schemaState } from '../../store/open';
import { integrityProblem } from '../../store/backup';
import { migrationsDir } from '../../paths';
import { APP_VERSION } from '../../appInfo';
import { dataDirOf } from '../dataDir';
import { CliError, report, type GlobalOptions } from '../output';

/** Checks the database without changing it: ours, readable by this version, intact. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Kiểm tra cơ sở dữ liệu (không thay đổi gì): toàn vẹn, phiên bản, số liệu chính')
    .action((_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const dataDir = dataDirOf(options);
      const file = path.join(dataDir, DB_FILE_NAME);
      if (!fs.existsSync(file)) throw new CliError(`Không có cơ sở dữ liệu trong ${dataDir}`);
      const db = openReadOnly(file);
      try {
        if (!isTruongSoDatabase(db)) throw new CliError(`${file} không phải cơ sở dữ liệu của Trường Số`);
        const integrity = integrityProblem(db);
        const state = schemaState(db, migrationsDir());
        const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
        const counts = {
          users: count('users'),
          pupils: count('pupils'),
          classes: count('classes'),
          staff: count('staff'),
          auditRows: count('audit_log'),
        };
        const problems = [
          integrity ? `kiểm tra toàn vẹn không đạt: ${integrity}` : '',
          state.newer ? 'cơ sở dữ liệu do phiên bản mới hơn tạo ra' : '',
        ].filter(Boolean);
        const data = {
          file,
          appVersion: APP_VERSION,
          integrity: integrity ?? 'ok',
          migrations: { applied: state.applied.length, pending: state.pending, newer: state.newer },
          counts,
        };
        if (problems.length) {
          if (options.json) {
            process.stdout.write(
              `${JSON.stringify({ ok: false, error: { code: 'failed', message: problems.join('; ') }, ...data })}\n`,
            );
            process.exitCode = 1;
            return;
          }
          throw new CliError(problems.join('; '));
        }
        report(
          options,
          [
            `Cơ sở dữ liệu: ${file}`,
            'Kiểm tra toàn vẹn: đạt',
            `Cấu trúc: ${state.applied.length} bước cập nhật đã áp dụng${state.pending ? `, ${state.pending} bước sẽ áp dụng khi khởi động` : ''}`,
            `Tài khoản: ${counts.users} · Học sinh: ${counts.pupils} · Lớp: ${counts.classes} · Cán bộ: ${counts.staff} · Nhật ký: ${counts.auditRows} dòng`,
          ].join('\n'),
          data,
        );
      } finally {
        db.close();
      }
    });
}
