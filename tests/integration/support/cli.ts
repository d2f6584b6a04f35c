/** Runs the built `truongso` command as a user would (npm run build first). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

export const BIN = path.resolve('bin/truongso.js');

export function assertBuilt(): void {
  if (!fs.existsSync(path.resolve('dist/node/cli.js'))) {
    throw new Error('dist/node/cli.js is missing: run `npm run build` before the integration tests');
  }
}

export function runCli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  port: number;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `truongso serve --json` and resolves with the URL it prints once it answers. */
export function serve(args: string[], env: Record<string, string> = {}, bin = BIN): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--json', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; port: number };
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      resolve({
        child,
        url: info.url,
        port: info.port,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
  });
}

/**
 * The command run without blocking this process: a test that keeps an HTTP load going from here while
 * the command runs must not freeze its own writers with spawnSync.
 */
export function runCliAsync(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += String(d)));
  child.stderr!.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}
