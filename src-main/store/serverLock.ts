/**
 * A marker that a server has the data folder open, so that `truongso restore` from another terminal
 * does not pull the database from under it. Stale markers (the process is gone) are ignored.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ServerLock {
  pid: number;
  url: string;
  startedAt: string;
}

const LOCK_FILE = 'server.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function runningServer(dataDir: string): ServerLock | null {
  try {
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as ServerLock;
    return lock.pid !== process.pid && alive(lock.pid) ? lock : null;
  } catch {
    return null;
  }
}

export function writeServerLock(dataDir: string, url: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  fs.writeFileSync(
    file,
    JSON.stringify({ pid: process.pid, url, startedAt: new Date().toISOString() } satisfies ServerLock),
  );
  return () => {
    try {
      const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as ServerLock;
      if (lock.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}
