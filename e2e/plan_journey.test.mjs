// Journey: the officer of chi bộ thôn Khuổi Cuồng writes the cell's 2021 plan and submits it; the
// officer of Đảng bộ xã Nông Thượng returns it with a comment; it is fixed, resubmitted and accepted,
// and the commune's dashboard figure moves by one.
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

const YEAR = 2021;

describe('plan journey: a cell plan from draft to accepted', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let cell;     // page of the Khuổi Cuồng officer
  let commune;  // page of the Nông Thượng officer
  let planURL;
  let acceptedBefore;

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const phone = { viewport: { width: 390, height: 844 }, locale: 'vi-VN' };
    cell = await (await browser.newContext(phone)).newPage();
    commune = await (await browser.newContext(phone)).newPage();
    await login(cell, server.baseURL, 'khuoicuong', 'ct05-demo');
    await login(commune, server.baseURL, 'nongthuong', 'ct05-demo');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function figure(page, key) {
    // "N / M đơn vị" under the figure with data-key=key on the commune's dashboard
    const box = page.locator(`.figure[data-key="${key}"]`).locator('..');
    const text = (await box.textContent()).replace(/\s+/g, ' ');
    const m = text.match(/(\d+) \/ (\d+)/);
    assert.ok(m, `no figure in: ${text}`);
    return { done: Number(m[1]), total: Number(m[2]) };
  }

  it('the commune dashboard shows the year before the plan', async () => {
    await commune.goto(`${server.baseURL}/units/by-code/DB-NONGTHUONG`);
    await commune.goto(`${commune.url()}/dashboard?year=${YEAR}`);
    acceptedBefore = await figure(commune, 'plans');
    assert.ok(acceptedBefore.total > 0);
    await assert.doesNotReject(commune.locator('a.missing-unit', { hasText: 'Chi bộ thôn Khuổi Cuồng' }).first().waitFor());
  });

  it('the cell officer writes the plan and submits it', async () => {
    await cell.goto(`${server.baseURL}/units/by-code/CB-KHUOICUONG`);
    await cell.goto(`${cell.url()}/plan?year=${YEAR}`);
    await cell.getByRole('button', { name: `Lập kế hoạch năm ${YEAR}` }).click();
    await cell.waitForURL(/\/plans\/\d+/);
    planURL = cell.url().replace(/\?.*$/, '');
    // An empty item is refused with a Vietnamese message.
    await cell.getByRole('button', { name: 'Thêm' }).click();
    await cell.getByText('Nội dung việc làm không được để trống.').first().waitFor();
    await cell.fill('textarea[name=content]', 'Tổ chức kể chuyện về Bác trong các buổi sinh hoạt định kỳ hằng tháng');
    await cell.fill('input[name=responsible]', 'Lường Thị Thời');
    await cell.getByRole('button', { name: 'Thêm' }).click();
    await cell.getByText('Tổ chức kể chuyện về Bác').first().waitFor();
    await cell.getByRole('button', { name: 'Gửi cấp trên duyệt' }).click();
    await cell.getByText('Đã gửi, chờ duyệt').first().waitFor();
  });

  it('the commune officer returns it with a comment', async () => {
    await commune.goto(planURL);
    await commune.fill('textarea[name=comment]', 'Bổ sung việc giúp đỡ 02 hộ cận nghèo của thôn.');
    await commune.getByRole('button', { name: 'Trả lại để sửa' }).click();
    await commune.getByText('Bị trả lại để sửa').first().waitFor();
  });

  it('the cell officer sees the comment, fixes the plan and resubmits', async () => {
    await cell.goto(planURL);
    await cell.getByText('Bổ sung việc giúp đỡ 02 hộ cận nghèo của thôn.').first().waitFor();
    await cell.fill('textarea[name=content]', 'Giúp đỡ 02 hộ cận nghèo phát triển kinh tế gia đình');
    await cell.getByRole('button', { name: 'Thêm' }).click();
    await cell.getByText('Giúp đỡ 02 hộ cận nghèo').first().waitFor();
    await cell.getByRole('button', { name: 'Gửi cấp trên duyệt' }).click();
    await cell.getByText('Đã gửi, chờ duyệt').first().waitFor();
    // The cell officer cannot accept their own plan: no review box is offered.
    assert.equal(await cell.getByRole('button', { name: 'Chấp thuận' }).count(), 0);
  });

  it('the commune officer accepts it and the dashboard figure moves', async () => {
    await commune.goto(planURL);
    await commune.getByRole('button', { name: 'Chấp thuận' }).click();
    await commune.getByText('Đã được chấp thuận').first().waitFor();
    await commune.goto(`${server.baseURL}/units/by-code/DB-NONGTHUONG`);
    await commune.goto(`${commune.url()}/dashboard?year=${YEAR}`);
    const after = await figure(commune, 'plans');
    assert.equal(after.done, acceptedBefore.done + 1);
    assert.equal(after.total, acceptedBefore.total);
    assert.equal(await commune.locator('a.missing-unit', { hasText: 'Chi bộ thôn Khuổi Cuồng' }).count(), 0);
    await commune.screenshot({ path: path.join(shotsDir, 'plan-dashboard-after.png'), fullPage: true });
  });
});
