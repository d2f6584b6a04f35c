/**
 * `truongso <command> [--data DIR] [--json]`: the school server and the clerk's and IT teacher's
 * scripts. Exit code 0 on success, 1 on failure, 2 on misuse.
 */
import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../appInfo';
import { isAppError } from '../errors';
import { t } from '../../src-shared/i18n';
import { CliError, EXIT_FAILURE, EXIT_MISUSE, EXIT_OK, reportError } from './output';
import { registerServe } from './commands/serve';
import { registerInit } from './commands/init';
import { registerUsers } from './commands/users';
import { registerBackup } from './commands/backup';
import { registerCheck } from './commands/check';
import { registerRecords } from './commands/records';
import { registerAssessment } from './commands/assessment';
import { registerSigning } from './commands/signing';

export function buildProgram(): Command {
  const program = new Command('truongso')
    .description('Trường Số — phần mềm văn phòng và phòng máy cho trường tiểu học')
    .version(APP_VERSION, '-v, --version', 'in phiên bản')
    .helpOption('-h, --help', 'xem hướng dẫn')
    .helpCommand('help [command]', 'xem hướng dẫn của một lệnh')
    .option('--data <dir>', 'thư mục dữ liệu (mặc định: thư mục dữ liệu của ứng dụng)')
    .option('--json', 'in kết quả dạng JSON cho máy đọc')
    .showSuggestionAfterError()
    .exitOverride();
  registerServe(program);
  registerInit(program);
  registerUsers(program);
  registerBackup(program);
  registerCheck(program);
  registerRecords(program);
  registerAssessment(program);
  registerSigning(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return EXIT_OK;
      return EXIT_MISUSE;
    }
    if (e instanceof CliError) {
      reportError(json, e);
      return e.exitCode;
    }
    if (isAppError(e)) {
      reportError(json, new CliError(t('vi', e.key, e.params)));
      return EXIT_FAILURE;
    }
    reportError(json, new CliError(e instanceof Error ? e.message : String(e)));
    return EXIT_FAILURE;
  }
}
