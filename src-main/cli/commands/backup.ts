import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { Store, DB_FILE_NAME } from '../../store/open';
import Database from 'better-sqlite3';
import { restoreDatabase, writeVerifiedCopy } from '../../store/backup';
import { runningServer } from '../../store/serverLock';
import { sessions } from '../../core/auth/schema';
import { migrationsDir } from '../../paths';
import { appendAudit } from '../../core/audit/log';
import { isAppError } from '../../errors';
import { t } from '../../../src-shared/i18n';
import { dataDirOf } from '../dataDir';
import { CliError, EXIT_MISUSE, report, type GlobalOptions } from '../output';

function noDatabase(dataDir: string): CliError {
  return new CliError(`Không có cơ sở dữ liệu trong ${dataDir}`);
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Sao lưu cơ sở dữ liệu ra một tệp (kiểm tra toàn vẹn bản sao); chạy được khi máy chủ đang chạy')
    .requiredOption('--out <file>', 'tệp sao lưu sẽ tạo')
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions & { out: string }>();
      const dataDir = dataDirOf(options);
      const out = path.resolve(options.out);
      if (!fs.existsSync(path.join(dataDir, DB_FILE_NAME))) throw noDatabase(dataDir);
      if (fs.existsSync(out)) throw new CliError(`Tệp ${out} đã có; hãy chọn tên khác`, EXIT_MISUSE);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const store = await Store.open({ dataDir, use: 'tool' });
      try {
        await writeVerifiedCopy(store.db, out, { fromAnotherProcess: true });
        appendAudit(store, {
          userId: null,
          username: 'cli',
          role: null,
          action: 'cli.backup',
          target: out,
          outcome: 'ok',
        });
      } finally {
        store.close();
      }
      const size = fs.statSync(out).size;
      report(options, `Đã sao lưu vào ${out} (${(size / 1024).toFixed(0)} KB), kiểm tra toàn vẹn: đạt.`, {
        file: out,
        size,
      });
    });

  program
    .command('restore')
    .description('Khôi phục cơ sở dữ liệu từ một tệp sao lưu (dữ liệu hiện tại được sao lưu trước)')
    .argument('<file>', 'tệp sao lưu')
    .action(async (sourceArg: string, _opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const dataDir = dataDirOf(options);
      const source = path.resolve(sourceArg);
      if (!fs.existsSync(source)) throw new CliError(`Không tìm thấy tệp ${source}`, EXIT_MISUSE);
      const other = runningServer(dataDir);
      if (other)
        throw new CliError(
          `Máy chủ đang chạy (${other.url}, pid ${other.pid}); hãy dừng máy chủ hoặc khôi phục trong ứng dụng`,
        );
      // The current file may be too damaged to open (the usual reason to restore), so no Store here.
      const file = path.join(dataDir, DB_FILE_NAME);
      let live: Database.Database | null = null;
      try {
        live = new Database(file, { fileMustExist: true });
      } catch {
        live = null;
      }
      try {
        const { safetyBackup } = await restoreDatabase(
          {
            file,
            migrationsFolder: migrationsDir(),
            backupDir: path.join(dataDir, 'backups'),
            liveDb: live,
            closeLive: () => live?.close(),
            reopen: async () => {
              const store = await Store.open({ dataDir });
              try {
                store.orm.delete(sessions).run();
                appendAudit(store, {
                  userId: null,
                  username: 'cli',
                  role: null,
                  action: 'cli.restore',
                  target: source,
                  outcome: 'ok',
                });
              } finally {
                store.close();
              }
            },
          },
          source,
        );
        const kept = safetyBackup ? ` Dữ liệu trước khi khôi phục được giữ trong ${safetyBackup.file}.` : '';
        report(options, `Đã khôi phục từ ${source}.${kept}`, {
          restoredFrom: source,
          safetyBackup: safetyBackup?.file ?? null,
        });
      } catch (e) {
        if (isAppError(e)) throw new CliError(t('vi', e.key, e.params));
        throw e;
      } finally {
        if (live?.open) live.close();
      }
    });
}
