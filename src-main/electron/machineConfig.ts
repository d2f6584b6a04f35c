/**
 * This PC's role (DESIGN §1), chosen once in the first-run wizard and kept as `machine.json` in the data
 * folder. The file is read with the same schema the wizard's choice is checked with, so a hand-edited or
 * half-written file can only ever mean "no role yet" and send the user back to the wizard.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_PORT } from '../server/start';

export const MACHINE_FILE = 'machine.json';

const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * A clerk types "192.168.1.10" or "192.168.1.10:5175"; without a scheme we assume the school server's
 * own defaults (http, port 5175). An address with a scheme is taken as written.
 */
export function normalizeServerUrl(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const withScheme = HAS_SCHEME.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.hostname === '') return null;
  if (!HAS_SCHEME.test(text) && url.port === '') url.port = String(DEFAULT_PORT);
  return url.origin;
}

const serverUrl = z
  .string()
  .max(2000)
  .transform((value, ctx) => {
    const origin = normalizeServerUrl(value);
    if (origin === null) {
      ctx.addIssue({ code: 'custom', message: 'Địa chỉ máy chủ trường không hợp lệ (ví dụ: 192.168.1.10:5175)' });
      return z.NEVER;
    }
    return origin;
  });

/** The wizard's choice and the saved file share this shape: RoleChoice in src-shared/api/bridge.ts. */
export const machineConfigSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('server'), lan: z.boolean() }),
  z.object({ role: z.literal('office'), serverUrl }),
  z.object({ role: z.literal('lab'), serverUrl }),
]);

export type MachineConfig = z.output<typeof machineConfigSchema>;

export function machineFile(dataDir: string): string {
  return path.join(dataDir, MACHINE_FILE);
}

/** The saved role, or null when there is none or the file cannot be trusted. */
export function readMachineConfig(dataDir: string): MachineConfig | null {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(machineFile(dataDir), 'utf8'));
  } catch {
    return null;
  }
  const parsed = machineConfigSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Written beside the target and renamed over it, so a power cut never leaves half a file. */
export function writeMachineConfig(dataDir: string, config: MachineConfig): void {
  const file = machineFile(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(temp, `${JSON.stringify({ ...config, savedAt: new Date().toISOString() }, null, 2)}\n`);
  fs.renameSync(temp, file);
}

export function clearMachineConfig(dataDir: string): void {
  fs.rmSync(machineFile(dataDir), { force: true });
}
