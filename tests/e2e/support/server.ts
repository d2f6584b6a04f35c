/**
 * The real `truongso serve` command in a child process, over a fresh data folder, as a school would
 * run it. Needs a prior `npm run build` (the command runs the bundle in dist/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(REPO, 'bin', 'truongso.js');

export interface CliServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function assertBuilt(): void {
  for (const file of ['dist/node/cli.js', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(REPO, file)))
      throw new Error(`${file} is missing: run "npm run build" before the e2e tests`);
  }
}

/**
 * Starts `truongso serve --data <tmp> --port 0 --json` and waits for the line with its address. `env` is
 * added to this process's environment for the child (SOFTHSM2_CONF for a test's token store).
 */
export async function startCliServer(
  options: { demo?: boolean; env?: Readonly<Record<string, string>> } = {},
): Promise<CliServer> {
  assertBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-e2e-'));
  const args = [CLI, 'serve', '--data', dataDir, '--port', '0', '--json', ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`truongso serve did not start in time\n${stderr}`)), 30_000);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const report = JSON.parse(line) as { ok: boolean; url?: string; error?: { message: string } };
        if (report.ok && report.url) resolve(report.url);
        else reject(new Error(`truongso serve failed: ${report.error?.message ?? line}`));
      } catch {
        reject(new Error(`unexpected output from truongso serve: ${line}\n${stderr}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`truongso serve exited with ${code}\n${stderr}`));
    });
  });

  return {
    url,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
