import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { MAX_SAVE_BYTES, safeFileName, saveFile } from '../../../src-main/electron/saveFile';
import { FakeBrowserWindow, app, dialog, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string;
let owner: BrowserWindow;

beforeEach(() => {
  resetFakeElectron();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-save-'));
  owner = new FakeBrowserWindow({}) as unknown as BrowserWindow;
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function chooseInDialog(filePath: string | null): void {
  dialog.showSaveDialog.mockResolvedValueOnce(
    filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath },
  );
}

describe('saveFile', () => {
  it('writes the bytes where the user chose', async () => {
    const target = path.join(dir, 'Bảng điểm 5A.xlsx');
    chooseInDialog(target);
    const data = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    const filters = [{ name: 'Excel', extensions: ['xlsx'] }];
    const result = await saveFile(owner, { suggestedName: 'Bảng điểm 5A.xlsx', data, filters });
    expect(result).toEqual({ ok: true, value: { path: target } });
    expect(fs.readFileSync(target)).toEqual(Buffer.from(data));
    const [parent, options] = dialog.showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(owner);
    expect(options).toMatchObject({ defaultPath: 'Bảng điểm 5A.xlsx', filters });
  });

  it('starts in the Documents folder when there is one', async () => {
    app.getPath.mockReturnValueOnce(path.join(dir, 'Documents'));
    chooseInDialog(null);
    await saveFile(owner, { suggestedName: 'hoc-ba.pdf', data: new Uint8Array(1) });
    expect(dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({
      defaultPath: path.join(dir, 'Documents', 'hoc-ba.pdf'),
    });
  });

  it('writes nothing when the user cancels', async () => {
    chooseInDialog(null);
    expect(await saveFile(owner, { suggestedName: 'a.pdf', data: new Uint8Array(3) })).toEqual({
      ok: true,
      value: { path: null },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('suggests only a bare file name, whatever the page sends', async () => {
    chooseInDialog(null);
    await saveFile(owner, { suggestedName: '../../Windows/System32/evil.dll', data: new Uint8Array(1) });
    expect(dialog.showSaveDialog.mock.calls[0]![1]).toMatchObject({ defaultPath: 'evil.dll' });
    expect(safeFileName('C:\\Users\\x\\bao-cao.docx')).toBe('bao-cao.docx');
    expect(safeFileName('a<b>:c?.pdf')).toBe('a_b__c_.pdf');
    expect(safeFileName('..')).toBeNull();
    expect(safeFileName('   ')).toBeNull();
  });

  it.each([
    ['no data', { suggestedName: 'a.pdf' }],
    ['data that is not bytes', { suggestedName: 'a.pdf', data: 'hello' }],
    ['data as a plain array', { suggestedName: 'a.pdf', data: [1, 2, 3] }],
    ['an empty name', { suggestedName: '', data: new Uint8Array(1) }],
    ['a name that is only dots', { suggestedName: '..', data: new Uint8Array(1) }],
    [
      'a filter extension with a path',
      { suggestedName: 'a.pdf', data: new Uint8Array(1), filters: [{ name: 'x', extensions: ['../x'] }] },
    ],
    ['nothing at all', null],
  ])('refuses %s before showing any dialog', async (_why, request) => {
    const result = await saveFile(owner, request);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses more than 200 MB', async () => {
    const result = await saveFile(owner, { suggestedName: 'big.zip', data: new Uint8Array(MAX_SAVE_BYTES + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('reports a failed write as an error envelope', async () => {
    chooseInDialog(path.join(dir, 'missing-folder', 'a.pdf'));
    const result = await saveFile(owner, { suggestedName: 'a.pdf', data: new Uint8Array(1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
