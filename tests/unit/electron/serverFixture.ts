/** Temporary data folders, free ports and a real school server for the shell's tests. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../src-main/core/app';
import { startServer, type RunningServer } from '../../../src-main/server/start';

export function tempDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `truongso-${label}-`));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A school server elsewhere on the "LAN", for office and lab PCs to connect to. */
export function startSchoolServer(dataDir: string): Promise<RunningServer> {
  return startServer({ dataDir, port: 0, schedule: false, log: silentLogger });
}

/** True when something answers GET /healthz at `origin` like our server does. */
export async function answers(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
    return response.ok && ((await response.json()) as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
}
