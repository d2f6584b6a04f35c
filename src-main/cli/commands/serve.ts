import type { Command } from 'commander';
import { startServer, DEFAULT_PORT, LOOPBACK } from '../../server/start';
import { dataDirOf } from '../dataDir';
import { CliError, EXIT_MISUSE, report, type GlobalOptions } from '../output';
import { runningServer } from '../../store/serverLock';
import { demoDataDir } from '../../paths';

interface ServeOptions extends GlobalOptions {
  port: string;
  host?: string;
  lan?: boolean;
  demo?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Chạy máy chủ trường (không cần giao diện máy tính); mở giao diện bằng trình duyệt')
    .option('--port <port>', 'cổng lắng nghe (0: chọn cổng trống)', String(DEFAULT_PORT))
    .option('--host <host>', `địa chỉ lắng nghe (mặc định ${LOOPBACK}: chỉ máy này)`)
    .option('--lan', 'cho các máy trong mạng LAN của trường truy cập (lắng nghe 0.0.0.0)')
    .option('--demo', 'dùng trường mẫu (tạo sẵn nếu cơ sở dữ liệu còn trống)')
    .action(async (_opts: unknown, command: Command) => {
      const options = command.optsWithGlobals<ServeOptions>();
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliError(`Cổng không hợp lệ: ${options.port}`, EXIT_MISUSE);
      }
      // The demo school lives in its own folder unless --data says otherwise: it must never mix with real data.
      const dataDir = options.demo && !options.data ? demoDataDir() : dataDirOf(options);
      const other = runningServer(dataDir);
      if (other) throw new CliError(`Một máy chủ khác đang dùng thư mục dữ liệu này (${other.url}, pid ${other.pid})`);
      const host = options.host ?? (options.lan ? '0.0.0.0' : LOOPBACK);
      const server = await startServer({ dataDir, host, port, demo: options.demo });
      report(
        options,
        [
          `Trường Số đang chạy tại ${server.url}`,
          `Dữ liệu: ${dataDir}`,
          options.demo ? 'Trường mẫu: đăng nhập admin / principal / clerk / teacher / yte (y tế), mật khẩu "demo"' : '',
          'Nhấn Ctrl+C để dừng.',
        ]
          .filter(Boolean)
          .join('\n'),
        { url: server.url, port: server.port, host: server.host, dataDir, pid: process.pid },
      );
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
      // Keep running until a signal arrives.
      await new Promise(() => {});
    });
}
