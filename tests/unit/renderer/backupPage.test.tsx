/**
 * The backup page against the real server: the warning while no backup has left the server's disk,
 * "Sao chép ra…" through the desktop bridge (the copy recorded only once the app has written and
 * checked it), and a retention of 0 refused with the reason instead of quietly becoming 1.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { CopyToFolderRequest, DesktopBridge } from '../../../src-shared/api/bridge';
import type { ProcedureClient } from '../../../src-renderer/api/client';
import { renderApp, setupUser } from './support/renderApp';
import { setUpSchool, startRendererServer, type RendererTestServer } from './support/testServer';

const SLOW = { timeout: 10_000 };
const NEVER = 'Chưa có bản sao lưu nào được sao chép ra ngoài máy chủ';

function desktop(copies: CopyToFolderRequest[]): DesktopBridge {
  const none = async () => ({ ok: true as const, value: { path: null } });
  return {
    isDesktop: true,
    appInfo: async () => ({ version: '0', platform: 'win32', role: 'server', serverUrl: '', dataDir: null }),
    chooseRole: async () => ({ ok: true, value: { willReload: false } }),
    saveFile: none,
    copyToFolder: async (request) => {
      copies.push(request);
      return { ok: true, value: { path: `E:\\${request.suggestedName}` } };
    },
    listTokens: async () => ({ ok: true, value: { modules: [], tokens: [] } }),
    openTokenSession: async () => ({ ok: false, error: { code: 'token_error', message: '-' } }),
    signWithToken: async () => ({ ok: false, error: { code: 'not_found', message: '-' } }),
    closeTokenSession: async () => ({ ok: true, value: null }),
  };
}

describe('backup page', () => {
  let ts: RendererTestServer;
  let admin: ProcedureClient;

  beforeAll(async () => {
    ts = await startRendererServer();
    admin = await setUpSchool(ts);
  }, 60_000);
  afterAll(() => ts.close());
  afterEach(() => {
    delete window.truongso;
  });

  it('refuses to keep 0 backups, saying why, and leaves the 0 for the user to correct', async () => {
    const user = setupUser();
    renderApp(admin, '/backup');
    const keep = await screen.findByLabelText('Số bản giữ lại', {}, SLOW);
    await user.clear(keep);
    await user.type(keep, '0');
    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    expect(await screen.findByText(/Số bản giữ lại phải từ 1 đến 365/)).toBeTruthy();
    expect((keep as HTMLInputElement).value).toBe('0');
    expect((await admin.get('backup.list', {})).settings.keep).toBe(14);
  });

  it('warns until a backup is copied off the disk, and copies one through the desktop app', async () => {
    const backup = await ts.server.app.backups.backup('manual');
    const storedFiles = () => ts.server.app.store.statement('SELECT count(*) FROM files').pluck().get() as number;
    const storedBefore = storedFiles();
    const copies: CopyToFolderRequest[] = [];
    window.truongso = desktop(copies);
    const user = setupUser();
    renderApp(admin, '/backup');
    expect(await screen.findByText(NEVER, {}, SLOW)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: `Sao chép bản sao lưu ${backup.name} ra ngoài máy chủ` }));
    expect(await screen.findByText(`Đã sao chép và kiểm tra bản sao tại E:\\${backup.name}`, {}, SLOW)).toBeTruthy();
    const bytes = fs.readFileSync(backup.file);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.suggestedName).toBe(backup.name);
    expect(Buffer.from(copies[0]!.data).equals(bytes)).toBe(true);
    expect(copies[0]!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    await waitFor(() => expect(screen.queryByText(NEVER)).toBeNull());
    const status = await admin.get('backup.offDisk.status', {});
    expect(status).toMatchObject({ overdue: false, lastCopyName: backup.name, lastCopyTo: 'folder' });
    // Fetched straight from the backups folder: no second copy of the backup is left in the file store.
    expect(storedFiles()).toBe(storedBefore);
    expect(fs.existsSync(ts.server.app.files.pathOf(copies[0]!.sha256))).toBe(false);
  });
});
