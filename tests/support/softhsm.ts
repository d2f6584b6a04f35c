/**
 * Real SoftHSM2 tokens for the signing tests: a token directory and SOFTHSM2_CONF in a temporary folder
 * (the tests never touch the machine's tokens), tokens initialised with softhsm2-util and keys and
 * certificates imported with OpenSC's pkcs11-tool, as a CA's token would hold them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KeyObject } from 'node:crypto';

export const SOFTHSM_MODULE =
  [
    '/usr/lib/softhsm/libsofthsm2.so',
    '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
    '/usr/local/lib/softhsm/libsofthsm2.so',
  ].find((p) => fs.existsSync(p)) ?? '/usr/lib/softhsm/libsofthsm2.so';

export const USER_PIN = '123456';
export const SO_PIN = '12345678';

export interface SoftHsm {
  readonly dir: string;
  readonly conf: string;
  readonly module: string;
  /** Environment for child processes (the CLI) that must see the same tokens. */
  readonly env: Record<string, string>;
  /** Initialises a token in the next free slot; returns its serial. */
  initToken(label: string, pin?: string): string;
  /** Imports a private key (PKCS#8) and its certificate under one CKA_ID. */
  importKey(
    label: string,
    key: KeyObject,
    cert: Buffer,
    id: string,
    options?: { pin?: string; alwaysAuth?: boolean },
  ): void;
  /** Imports a certificate alone (a CA certificate on the token). */
  importCert(label: string, cert: Buffer, id: string, pin?: string): void;
  cleanup(): void;
}

/**
 * A fresh token store. It sets SOFTHSM2_CONF in this process too: the module reads it when this process
 * first initialises it, so create the store before loading the module.
 */
export function createSoftHsm(): SoftHsm {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-softhsm-'));
  const tokens = path.join(dir, 'tokens');
  fs.mkdirSync(tokens);
  const conf = path.join(dir, 'softhsm2.conf');
  fs.writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env.SOFTHSM2_CONF = conf;
  const env = { SOFTHSM2_CONF: conf };
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tool = (label: string, pin: string, args: string[]) =>
    run('pkcs11-tool', ['--module', SOFTHSM_MODULE, '--token-label', label, '--login', '--pin', pin, ...args]);
  const write = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  return {
    dir,
    conf,
    module: SOFTHSM_MODULE,
    env,
    initToken(label, pin = USER_PIN) {
      run('softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', SO_PIN, '--pin', pin]);
      const slots = run('softhsm2-util', ['--show-slots']);
      for (const block of slots.split(/\n(?=Slot )/)) {
        const l = /Label:\s*(.*)/.exec(block)?.[1]?.trim();
        const serial = /Serial number:\s*(\S+)/.exec(block)?.[1];
        if (l === label && serial) return serial;
      }
      throw new Error(`token ${label} not found after init:\n${slots}`);
    },
    importKey(label, key, cert, id, options = {}) {
      const pin = options.pin ?? USER_PIN;
      const keyFile = write(`${id}-key.der`, key.export({ type: 'pkcs8', format: 'der' }));
      const certFile = write(`${id}-cert.der`, cert);
      tool(label, pin, [
        '--write-object',
        keyFile,
        '--type',
        'privkey',
        '--id',
        id,
        '--label',
        `Khóa ${id}`,
        '--usage-sign',
        ...(options.alwaysAuth ? ['--always-auth'] : []),
      ]);
      tool(label, pin, ['--write-object', certFile, '--type', 'cert', '--id', id, '--label', `Chứng thư ${id}`]);
    },
    importCert(label, cert, id, pin = USER_PIN) {
      const certFile = write(`${id}-cert.der`, cert);
      tool(label, pin, ['--write-object', certFile, '--type', 'cert', '--id', id, '--label', `CA ${id}`]);
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
