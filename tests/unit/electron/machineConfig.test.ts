import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MACHINE_FILE,
  clearMachineConfig,
  normalizeServerUrl,
  readMachineConfig,
  writeMachineConfig,
  type MachineConfig,
} from '../../../src-main/electron/machineConfig';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-machine-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function writeRaw(text: string): void {
  fs.writeFileSync(path.join(dataDir, MACHINE_FILE), text);
}

describe('machine.json', () => {
  it.each<MachineConfig>([
    { role: 'server', lan: false },
    { role: 'server', lan: true },
    { role: 'office', serverUrl: 'http://192.168.1.10:5175' },
    { role: 'lab', serverUrl: 'https://truong.example.edu.vn' },
  ])('keeps %o across a restart', (config) => {
    writeMachineConfig(dataDir, config);
    expect(readMachineConfig(dataDir)).toEqual(config);
    expect(fs.readdirSync(dataDir)).toEqual([MACHINE_FILE]);
  });

  it('means "no role" when missing, unreadable or not what we wrote', () => {
    expect(readMachineConfig(dataDir)).toBeNull();
    for (const text of [
      '',
      '{"role": "server", "lan": tru',
      'null',
      '[]',
      '{"role": "admin"}',
      '{"role": "server"}',
      '{"role": "server", "lan": "yes"}',
      '{"role": "office"}',
      '{"role": "office", "serverUrl": "ftp://192.168.1.10"}',
      '{"role": "lab", "serverUrl": "javascript:alert(1)"}',
    ]) {
      writeRaw(text);
      expect(readMachineConfig(dataDir), text).toBeNull();
    }
  });

  it('tolerates fields it does not know, such as when the role was saved', () => {
    writeRaw('{"role": "office", "serverUrl": "http://10.0.0.2:5175", "savedAt": "2025-09-05T01:00:00Z"}');
    expect(readMachineConfig(dataDir)).toEqual({ role: 'office', serverUrl: 'http://10.0.0.2:5175' });
  });

  it('is removed when the role is reset', () => {
    writeMachineConfig(dataDir, { role: 'server', lan: false });
    clearMachineConfig(dataDir);
    expect(readMachineConfig(dataDir)).toBeNull();
    clearMachineConfig(dataDir);
  });
});

describe('school server addresses', () => {
  it.each([
    ['192.168.1.10', 'http://192.168.1.10:5175'],
    ['192.168.1.10:8080', 'http://192.168.1.10:8080'],
    ['  may-chu-truong  ', 'http://may-chu-truong:5175'],
    ['http://192.168.1.10', 'http://192.168.1.10'],
    ['http://192.168.1.10:5175/lab?x=1', 'http://192.168.1.10:5175'],
    ['https://truong.example.edu.vn/', 'https://truong.example.edu.vn'],
  ])('reads %j as %s', (input, origin) => {
    expect(normalizeServerUrl(input)).toBe(origin);
  });

  it.each(['', 'ftp://192.168.1.10', 'file:///etc', 'javascript:alert(1)', 'http://user:pw@192.168.1.10', 'http://'])(
    'refuses %j',
    (input) => {
      expect(normalizeServerUrl(input)).toBeNull();
    },
  );
});
