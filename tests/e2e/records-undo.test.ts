/**
 * The acceptance scenario of "one click with no way back", in Chromium against `truongso serve --demo`,
 * as the clerk: the Chuyển đi dialog opens with nothing chosen and its red button stays off until the
 * date and the destination are picked; the transfer is recorded; the same day the pupil page offers
 * "Hoàn tác chuyển đi", and after it the pupil is back in the class with the status they had.
 * With TRUONGSO_SHOTS=<dir>, the dialogs are photographed at 1366×768 and 1024×768.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startCliServer, type CliServer } from './support/server';
import { launchBrowser } from './support/browser';
import { animationsDone, signIn, watchPageErrors } from './support/pages';
import { callApi } from './support/api';
import { formatIsoDateVn } from '../../src-shared/domain/dates';

const SHOTS = process.env.TRUONGSO_SHOTS;

/** With TRUONGSO_SHOTS, the window at both sizes once the dialogs' opening animations are over. */
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    await animationsDone(page);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

interface Pupil {
  id: number;
  fullName: string;
  status: string;
  statusDate: string | null;
  enrolments: { className: string; endDate: string | null; exit: string | null }[];
  events: { kind: string; undone: boolean }[];
}

describe('a transfer out needs the user’s choices and can be undone the same day', () => {
  let server: CliServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let token: string;

  beforeAll(async () => {
    server = await startCliServer({ demo: true });
    browser = await launchBrowser();
    page = await browser.newPage({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1366, height: 768 },
    });
    pageErrors = watchPageErrors(page);
    token = (await callApi<{ token: string }>(server.url, 'auth.login', { username: 'clerk', password: 'demo' })).token;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pupil = (id: number) => callApi<Pupil>(server.url, 'records.pupils.get', { id }, token);

  it('transfers only after the clerk chooses, then the undo restores the pupil', async () => {
    const { years } = await callApi<{ years: { isCurrent: boolean; term1End: string }[] }>(
      server.url,
      'school.years.list',
      {},
      token,
    );
    const leaveDate = years.find((y) => y.isCurrent)!.term1End;
    const { rows: classes } = await callApi<{ rows: { id: number; name: string }[] }>(
      server.url,
      'records.classes.list',
      {},
      token,
    );
    const { rows } = await callApi<{ rows: { id: number }[] }>(
      server.url,
      'records.pupils.list',
      { classId: classes.find((c) => c.name === '3A')!.id, limit: 1 },
      token,
    );
    const before = await pupil(rows[0]!.id);
    expect(before.status).toBe('01');

    await page.goto(`${server.url}/records/pupils/${before.id}`);
    await signIn(page, 'clerk', 'demo');
    await page.getByRole('heading', { name: before.fullName }).waitFor();
    await page.getByRole('button', { name: /Chuyển đi$/ }).click();
    const dialog = page.getByRole('dialog', { name: `Chuyển trường: ${before.fullName}` });
    await dialog.waitFor();
    const red = dialog.getByRole('button', { name: 'Chuyển đi' });
    expect(await dialog.getByLabel('Ngày rời trường').inputValue()).toBe('');
    expect(await dialog.textContent()).not.toContain('Trong tỉnh');
    expect(await red.isDisabled()).toBe(true);
    await shoot(page, 'transfer-empty');

    // Enter on the date alone records nothing: the destination is still to choose.
    await dialog.getByLabel('Ngày rời trường').fill(formatIsoDateVn(leaveDate));
    await dialog.getByLabel('Ngày rời trường').press('Enter');
    expect(await red.isDisabled()).toBe(true);
    expect((await pupil(before.id)).status).toBe('01');

    await dialog.getByLabel('Nơi chuyển đến').click();
    await page.getByTitle('Ngoài tỉnh').click();
    await dialog.getByTitle('Ngoài tỉnh').waitFor();
    expect(await dialog.getByLabel('Ngày rời trường').inputValue()).toBe(formatIsoDateVn(leaveDate));
    await dialog.getByLabel('Trường chuyển đến').fill('Trường TH Lê Lợi, Hải Phòng');
    await expect.poll(() => red.isEnabled(), { timeout: 15_000 }).toBe(true);
    await shoot(page, 'transfer-chosen');
    await red.click();
    await page.getByText(`Đã ghi nhận học sinh ${before.fullName} chuyển đi`).waitFor();
    const gone = await pupil(before.id);
    expect(gone.status).toBe('04');

    // The same day, the undo; it asks first.
    await page.getByRole('button', { name: /Hoàn tác chuyển đi$/ }).click();
    const confirm = page.getByRole('dialog', { name: `Hoàn tác chuyển đi: ${before.fullName}?` });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('lớp 3A');
    await shoot(page, 'undo-confirm');
    await confirm.getByRole('button', { name: 'Hoàn tác chuyển đi' }).click();
    await page.getByText(`Đã hoàn tác: học sinh ${before.fullName} trở lại như trước`).waitFor();
    await page.getByText('Đang học', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: /Chuyển đi$/ }).waitFor();
    // Gone from the page once the closing dialog (which has a button of that name) has faded out.
    await expect
      .poll(() => page.getByRole('button', { name: /Hoàn tác chuyển đi$/ }).count(), { timeout: 15_000 })
      .toBe(0);
    await page.getByText('Đã hoàn tác', { exact: true }).waitFor();
    if (SHOTS) await page.getByText('Biến động', { exact: true }).scrollIntoViewIfNeeded();
    await shoot(page, 'undone-history');

    const after = await pupil(before.id);
    expect({ status: after.status, statusDate: after.statusDate, enrolments: after.enrolments }).toEqual({
      status: before.status,
      statusDate: before.statusDate,
      enrolments: before.enrolments,
    });
    expect(after.events.slice(0, 2).map((e) => `${e.kind}:${e.undone}`)).toEqual([
      'leaving_undone:false',
      'transfer_out:true',
    ]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('deleting a class with pupils takes the class’s name typed in', async () => {
    const { years } = await callApi<{ years: { id: number; isCurrent: boolean }[] }>(
      server.url,
      'school.years.list',
      {},
      token,
    );
    const cls = await callApi<{ id: number }>(
      server.url,
      'records.classes.create',
      { schoolYearId: years.find((y) => y.isCurrent)!.id, name: '4X', grade: 4 },
      token,
    );
    await callApi(
      server.url,
      'records.pupils.create',
      { fullName: 'Lê Văn Tám', sex: 'male', birthDate: '2017-04-04', ethnicity: '01', classId: cls.id },
      token,
    );
    await page.goto(`${server.url}/records/classes`);
    await page.getByRole('button', { name: 'Xóa lớp 4X' }).click();
    await page.getByRole('dialog', { name: 'Xóa lớp 4X?' }).getByRole('button', { name: 'Xóa' }).click();
    const typed = page.getByRole('dialog', { name: 'Vẫn xóa?' });
    await typed.waitFor();
    const go = typed.getByRole('button', { name: 'Vẫn xóa' });
    expect(await go.isDisabled()).toBe(true);
    await shoot(page, 'cascade-typed');
    await typed.getByLabel('Gõ 4X để xác nhận').fill('4');
    expect(await go.isDisabled()).toBe(true);
    await typed.getByLabel('Gõ 4X để xác nhận').fill('4x');
    await go.click();
    await page.getByText('Đã xóa', { exact: true }).waitFor();
    const { rows } = await callApi<{ rows: { name: string }[] }>(server.url, 'records.classes.list', {}, token);
    expect(rows.map((r) => r.name)).not.toContain('4X');
    // The first, cascade-less delete is answered 422 by design: that answer is what opens the typed step.
    expect(pageErrors.filter((e) => !e.includes('status of 422'))).toEqual([]);
  }, 120_000);
});
