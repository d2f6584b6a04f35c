import type { Command } from 'commander';
import { z } from 'zod';
import { Store } from '../../store/open';
import { createUser, listUsers, toUserView } from '../../core/auth/users';
import { appendAudit } from '../../core/audit/log';
import { isInitialized } from '../../core/school/service';
import { newPassword, personName, username } from '../../../src-shared/api/common';
import { role } from '../../../src-shared/api/auth';
import { isAppError } from '../../errors';
import { t } from '../../../src-shared/i18n';
import { dataDirOf } from '../dataDir';
import { CliError, report, secretFromEnv, type GlobalOptions } from '../output';
import { validateArgs } from '../validate';

async function withInitializedStore<T>(options: GlobalOptions, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await Store.open({ dataDir: dataDirOf(options), use: 'tool' });
  try {
    if (!isInitialized(store)) throw new CliError('Trường chưa được thiết lập: chạy "truongso init" trước');
    return await work(store);
  } finally {
    store.close();
  }
}

export function registerUsers(program: Command): void {
  const users = program.command('users').description('Quản lý tài khoản người dùng');

  users
    .command('add')
    .description('Tạo tài khoản')
    .requiredOption('--username <username>', 'tên đăng nhập')
    .requiredOption('--full-name <name>', 'họ và tên')
    .requiredOption('--role <role>', 'vai trò: admin, principal, clerk, teacher, medical')
    .requiredOption('--password-env <VAR>', 'tên biến môi trường chứa mật khẩu ban đầu')
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<
        GlobalOptions & { username: string; fullName: string; role: string; passwordEnv: string }
      >();
      const input = validateArgs(z.object({ username, fullName: personName(100), role, password: newPassword }), {
        username: options.username,
        fullName: options.fullName,
        role: options.role,
        password: secretFromEnv(options.passwordEnv, '--password-env'),
      });
      await withInitializedStore(options, async (store) => {
        try {
          const user = await createUser(store, { ...input, mustChangePassword: true }, (made) =>
            appendAudit(store, {
              userId: null,
              username: 'cli',
              role: null,
              action: 'cli.users.add',
              target: `user:${made.id}`,
              outcome: 'ok',
              details: { username: made.username, role: made.role },
            }),
          );
          report(
            options,
            `Đã tạo tài khoản «${user.username}» (${t('vi', `role.${user.role}`)}). Người dùng sẽ phải đổi mật khẩu khi đăng nhập lần đầu.`,
            { user: toUserView(user) },
          );
        } catch (e) {
          if (isAppError(e)) throw new CliError(t('vi', e.key, e.params));
          throw e;
        }
      });
    });

  users
    .command('list')
    .description('Liệt kê tài khoản')
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withInitializedStore(options, async (store) => {
        const rows = listUsers(store);
        const lines = rows.map(
          (u) =>
            `${u.username.padEnd(20)} ${t('vi', `role.${u.role}`).padEnd(14)} ${u.disabled ? 'đã khóa ' : 'hoạt động'} ${u.fullName}`,
        );
        report(options, [`${rows.length} tài khoản`, ...lines].join('\n'), { users: rows.map(toUserView) });
      });
    });
}
