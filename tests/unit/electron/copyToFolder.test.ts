import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { copyToFolder } from '../../../src-main/electron/copyToFolder';
import { FakeBrowserWindow, dialog, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string;
let owner: BrowserWindow;
const NAME = 'truongso-20261208-101500-000-manual.db';

beforeEach(() => {
  resetFakeElectron();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-copy-'));
  owner = new FakeBrowserWindow({}) as unknown as BrowserWindow;
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function chooseFolder(folder: string | null): void {
  dialog.showOpenDialog.mockResolvedValueOnce(
    folder === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [folder] },
  );
}

describe('copyToFolder', () => {
  it('asks for a folder (not a file), writes the copy there and leaves no partial file', async () => {
    const data = bytes('SQLite format 3\0 …');
    chooseFolder(dir);
    const result = await copyToFolder(owner, { suggestedName: NAME, data, sha256: sha256(data) });
    expect(result).toEqual({ ok: true, value: { path: path.join(dir, NAME) } });
    expect(fs.readFileSync(path.join(dir, NAME))).toEqual(Buffer.from(data));
    expect(fs.readdirSync(dir)).toEqual([NAME]);
    const [parent, options] = dialog.showOpenDialog.mock.calls[0]! as [unknown, { properties: string[] }];
    expect(parent).toBe(owner);
    expect(options.properties).toContain('openDirectory');
  });

  it('never overwrites an older copy on the drive', async () => {
    fs.writeFileSync(path.join(dir, NAME), 'older copy');
    const data = bytes('newer');
    chooseFolder(dir);
    const result = await copyToFolder(owner, { suggestedName: NAME, data, sha256: sha256(data) });
    const second = path.join(dir, 'truongso-20261208-101500-000-manual (2).db');
    expect(result).toEqual({ ok: true, value: { path: second } });
    expect(fs.readFileSync(path.join(dir, NAME), 'utf8')).toBe('older copy');
    expect(fs.readFileSync(second, 'utf8')).toBe('newer');
  });

  it('refuses bytes that do not match the server’s checksum, before any dialog', async () => {
    const result = await copyToFolder(owner, { suggestedName: NAME, data: bytes('x'), sha256: sha256(bytes('y')) });
    expect(result).toMatchObject({ ok: false, error: { code: 'rule_violation' } });
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('reports a copy that reads back different (a failing drive) and deletes it', async () => {
    const data = bytes('the real backup');
    chooseFolder(dir);
    const realRead = fs.promises.readFile;
    vi.spyOn(fs.promises, 'readFile').mockImplementation(async (...args: Parameters<typeof realRead>) => {
      const read = (await realRead(...args)) as Buffer;
      return Buffer.concat([read, Buffer.from('!')]);
    });
    const result = await copyToFolder(owner, { suggestedName: NAME, data, sha256: sha256(data) });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('không khớp') },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('does nothing when the user cancels, and refuses a file name with a folder in it', async () => {
    const data = bytes('x');
    chooseFolder(null);
    expect(await copyToFolder(owner, { suggestedName: NAME, data, sha256: sha256(data) })).toEqual({
      ok: true,
      value: { path: null },
    });
    expect(await copyToFolder(owner, { suggestedName: '..', data, sha256: sha256(data) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
