/** How commands report: a Vietnamese line for people, or one JSON object with --json; exit codes 0/1/2. */

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_MISUSE = 2;

/** A failure to report and exit with; `misuse` for wrong arguments. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
    readonly code: string = exitCode === EXIT_MISUSE ? 'misuse' : 'failed',
  ) {
    super(message);
  }
}

export interface GlobalOptions {
  data?: string;
  json?: boolean;
}

export function report(options: GlobalOptions, human: string, data: Record<string, unknown>): void {
  if (options.json) process.stdout.write(`${JSON.stringify({ ok: true, ...data })}\n`);
  else process.stdout.write(`${human}\n`);
}

export function reportError(json: boolean, error: CliError): void {
  if (json)
    process.stdout.write(`${JSON.stringify({ ok: false, error: { code: error.code, message: error.message } })}\n`);
  else process.stderr.write(`Lỗi: ${error.message}\n`);
}

/** Reads a secret from the environment variable named on the command line, never from argv itself. */
export function secretFromEnv(variable: string | undefined, option: string): string {
  if (!variable) throw new CliError(`Thiếu ${option} TÊN_BIẾN (tên biến môi trường chứa mật khẩu)`, EXIT_MISUSE);
  const value = process.env[variable];
  if (value === undefined || value === '') {
    throw new CliError(`Biến môi trường ${variable} chưa được đặt hoặc rỗng`, EXIT_MISUSE);
  }
  return value;
}
