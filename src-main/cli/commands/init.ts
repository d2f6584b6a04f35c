import type { Command } from 'commander';
import { z } from 'zod';
import { Store } from '../../store/open';
import { isInitialized, setupSchool } from '../../core/school/service';
import { appendAudit } from '../../core/audit/log';
import { schoolProfileInput, schoolYearInput } from '../../../src-shared/api/school';
import { newPassword, personName, username } from '../../../src-shared/api/common';
import { defaultSchoolYear, schoolYearStartFor } from '../../../src-shared/domain/schoolYear';
import { todayIso } from '../../../src-shared/domain/dates';
import { dataDirOf } from '../dataDir';
import { CliError, report, secretFromEnv, type GlobalOptions } from '../output';
import { validateArgs } from '../validate';

interface InitOptions extends GlobalOptions {
  schoolName?: string;
  schoolCode?: string;
  adminUser?: string;
  adminName: string;
  adminPasswordEnv?: string;
  year?: string;
  educationOffice?: string;
  principal?: string;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'Thiết lập ban đầu không cần giao diện: thông tin trường, tài khoản quản trị đầu tiên, năm học hiện tại',
    )
    .requiredOption('--school-name <name>', 'tên trường')
    .requiredOption('--school-code <code>', 'mã trường')
    .requiredOption('--admin-user <username>', 'tên đăng nhập của quản trị viên')
    .requiredOption('--admin-password-env <VAR>', 'tên biến môi trường chứa mật khẩu quản trị viên')
    .option('--admin-name <name>', 'họ tên quản trị viên', 'Quản trị hệ thống')
    .option('--year <name>', 'năm học hiện tại, ví dụ 2025-2026 (mặc định: năm học của hôm nay)')
    .option('--education-office <name>', 'Phòng GDĐT quản lý trường')
    .option('--principal <name>', 'họ tên hiệu trưởng')
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<InitOptions>();
      const password = secretFromEnv(options.adminPasswordEnv, '--admin-password-env');
      const school = validateArgs(schoolProfileInput, {
        name: options.schoolName,
        code: options.schoolCode,
        educationOffice: options.educationOffice ?? '',
        principalName: options.principal ?? '',
      });
      const admin = validateArgs(z.object({ username, fullName: personName(100), password: newPassword }), {
        username: options.adminUser,
        fullName: options.adminName,
        password,
      });
      const yearStart = options.year ? Number(options.year.slice(0, 4)) : schoolYearStartFor(todayIso());
      const year = validateArgs(schoolYearInput, {
        ...defaultSchoolYear(yearStart),
        name: options.year ?? `${yearStart}-${yearStart + 1}`,
      });

      const dataDir = dataDirOf(options);
      const store = await Store.open({ dataDir });
      try {
        if (isInitialized(store)) throw new CliError(`Trường đã được thiết lập trong ${dataDir}`);
        const user = await setupSchool(store, { school, admin, year }, (made) =>
          appendAudit(store, {
            userId: made.id,
            username: made.username,
            role: made.role,
            action: 'cli.init',
            target: 'school',
            outcome: 'ok',
            details: { school: school.name, code: school.code, year: year.name },
          }),
        );
        report(
          options,
          `Đã thiết lập ${school.name} (mã ${school.code}), năm học ${year.name}, quản trị viên «${user.username}».`,
          {
            dataDir,
            school: { name: school.name, code: school.code },
            admin: { id: user.id, username: user.username },
            year: year.name,
          },
        );
      } finally {
        store.close();
      }
    });
}
