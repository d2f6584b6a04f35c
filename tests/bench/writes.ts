/**
 * Write throughput of the store through the whole server: `records.pupils.create` from 50 concurrent
 * clients against `truongso serve` in its own process (the load a computer room of 40 PCs saving answers
 * resembles), alone and with CLI backups running beside it. Prints writes per second, the median and
 * p99 latency, and how many writes failed (must be 0).
 *
 * TRUONGSO_BIN=/other/checkout/bin/truongso.js measures another build with the same clients.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../integration/support/cli';
import { callApi, loginAt, startPupilWriters } from '../integration/support/writers';
import { round } from './report';

const CLIENTS = 50;
const SECONDS = 8;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function cliBackups(bin: string, dataDir: string, until: () => boolean): Promise<number> {
  let made = 0;
  const once = (): Promise<void> =>
    new Promise((resolve) => {
      const out = path.join(os.tmpdir(), `truongso-bench-backup-${process.pid}-${made}-${Date.now()}.db`);
      const child = spawn(process.execPath, [bin, 'backup', '--data', dataDir, '--out', out], { stdio: 'ignore' });
      child.once('exit', (code) => {
        if (code === 0) made++;
        fs.rmSync(out, { force: true });
        resolve();
      });
    });
  return (async () => {
    while (!until()) await once();
    return made;
  })();
}

export async function benchWrites(): Promise<void> {
  const bin = process.env.TRUONGSO_BIN ? path.resolve(process.env.TRUONGSO_BIN) : undefined;
  for (const withBackups of [false, true]) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-bench-writes-'));
    const server = await serve(['--data', dataDir, '--demo'], {}, bin);
    try {
      const clerk = await loginAt(server.url, 'clerk', 'demo');
      const classes = await callApi<{ rows: { id: number }[] }>(server.url, 'records.classes.list', {}, clerk);
      if (!classes.body.ok) throw new Error(classes.body.error.message);
      const load = startPupilWriters(server.url, clerk, classes.body.value.rows[0]!.id, CLIENTS);
      let over = false;
      const backups = withBackups
        ? cliBackups(bin ?? path.resolve('bin/truongso.js'), dataDir, () => over)
        : Promise.resolve(0);
      const started = performance.now();
      await new Promise((r) => setTimeout(r, SECONDS * 1000));
      over = true;
      const records = await load.stop();
      const seconds = (performance.now() - started) / 1000;
      const made = await backups;
      // A writer's first request also opens its connection, which a saturated server accepts late: those
      // are reported apart, the steady state (what a lab's saves see after signing in) without them.
      const latencies = records.filter((r) => r.seq > 0).map((r) => r.latencyMs);
      const firsts = records.filter((r) => r.seq === 0).map((r) => r.latencyMs);
      console.log(
        JSON.stringify({
          name: `records.pupils.create, ${CLIENTS} concurrent clients${withBackups ? ', CLI backups beside' : ''}`,
          writes_per_s: round(records.filter((r) => r.ok).length / seconds),
          median_ms: round(percentile(latencies, 50)),
          p99_ms: round(percentile(latencies, 99)),
          first_request_max_ms: round(Math.max(...firsts)),
          failed: records.filter((r) => !r.ok).length,
          writes: records.length,
          ...(withBackups ? { cli_backups: made } : {}),
        }),
      );
    } finally {
      await server.stop();
    }
  }
}
