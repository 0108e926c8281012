// Journey: the Nông Thượng officer creates accounts for the cadres of chi bộ thôn Nà Nàng (a cell without an
// officer account of its own, so its commitments wait for the commune) and downloads the slips; one cadre
// activates with the code on a phone, chooses a password, finds "Viết cam kết năm …" in their inbox, writes and
// submits the commitment; the officer's inbox count goes up by one, and down again after accepting.
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

const YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date());

describe('account journey: bulk onboarding, activation on a phone, the inbox', { timeout: 240_000 }, () => {
  let server;
  let browser;
  let officer;  // the Nông Thượng officer, on a phone
  let cadre;    // the new account, on a phone
  let slip;     // { login, code } of the first cadre
  let commitmentURL;
  let countBefore;

  const phone = { viewport: { width: 360, height: 740 }, locale: 'vi-VN', acceptDownloads: true };

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    officer = await (await browser.newContext(phone)).newPage();
    cadre = await (await browser.newContext(phone)).newPage();
    await login(officer, server.baseURL, 'nongthuong', 'ct05-demo');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function inboxCount(page) {
    await page.goto(`${server.baseURL}/inbox`);
    const badge = page.locator('#inbox-count');
    return (await badge.count()) === 0 ? 0 : Number((await badge.textContent()).replace(/\./g, ''));
  }

  it('the officer creates the cell cadres\' accounts from the unit page', async () => {
    countBefore = await inboxCount(officer);
    await officer.goto(`${server.baseURL}/units/by-code/CB-NANANG`);
    await officer.getByRole('link', { name: 'Tạo tài khoản cho cán bộ chưa có' }).click();
    const button = officer.getByRole('button', { name: /^Tạo \d+ tài khoản$/ });
    const n = Number((await button.textContent()).match(/\d+/)[0]);
    assert.ok(n >= 5, `expected the cell's cadres, got ${n}`);
    await button.click();
    await officer.getByRole('heading', { name: `Đã tạo ${n} tài khoản` }).waitFor();
    const row = officer.locator('table tbody tr').first();
    const cells = await row.locator('td').allTextContents();
    slip = { name: cells[0], login: cells[2].trim(), code: cells[3].trim() };
    assert.match(slip.code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await officer.screenshot({ path: path.join(shotsDir, 'accounts-bulk-result.png'), fullPage: true });
  });

  it('the officer downloads the slips as Excel and PDF', async () => {
    for (const [label, ext] of [['Tải Excel danh sách mã', '.xlsx'], ['In phiếu (PDF, mỗi người một phiếu)', '.pdf']]) {
      const [download] = await Promise.all([
        officer.waitForEvent('download'),
        officer.getByRole('button', { name: label }).click(),
      ]);
      assert.ok(download.suggestedFilename().endsWith(ext), download.suggestedFilename());
      const file = await download.path();
      const bytes = readFileSync(file);
      if (ext === '.pdf') assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      else assert.equal(bytes.subarray(0, 2).toString(), 'PK');
    }
  });

  it('a wrong code is refused; the cadre activates with the slip and chooses a password', async () => {
    await cadre.goto(`${server.baseURL}/activate`);
    await cadre.fill('input[name=login]', slip.login);
    await cadre.fill('input[name=code]', 'AAAA-BBBB-CCCC');
    await cadre.fill('input[name=password]', 'Lua-chin-Na-Nang');
    await cadre.fill('input[name=password2]', 'Lua-chin-Na-Nang');
    await cadre.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
    await cadre.getByText('Tên đăng nhập hoặc mã kích hoạt không đúng.').waitFor();
    // Typed into the login form as a password, the code leads to the same form with the code kept.
    await cadre.goto(`${server.baseURL}/login`);
    await cadre.fill('input[name=login]', slip.login);
    await cadre.fill('input[name=password]', slip.code.toLowerCase());
    await cadre.click('form:has(input[name=password]) button[type=submit]');
    await cadre.getByRole('heading', { name: 'Kích hoạt tài khoản' }).waitFor();
    // A common password is refused, the form keeps the code.
    await cadre.fill('input[name=password]', 'iloveyou');
    await cadre.fill('input[name=password2]', 'iloveyou');
    await cadre.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
    await cadre.getByText(/10\.000 mật khẩu phổ biến/).waitFor();
    await cadre.fill('input[name=password]', 'Lua-chin-Na-Nang');
    await cadre.fill('input[name=password2]', 'Lua-chin-Na-Nang');
    await cadre.getByRole('button', { name: 'Đặt mật khẩu và đăng nhập' }).click();
    await cadre.waitForURL(/\/inbox/);
  });

  it('the inbox says to write this year\'s commitment, and it is written and submitted', async () => {
    const item = cadre.getByRole('link', { name: `Viết cam kết năm ${YEAR}` });
    await item.waitFor();
    await cadre.screenshot({ path: path.join(shotsDir, 'inbox-phone.png'), fullPage: true });
    await item.click();
    const create = cadre.getByRole('button', { name: `Lập cam kết năm ${YEAR}` });
    if (await create.count()) await create.click();
    await cadre.waitForURL(/\/plans\/\d+/);
    commitmentURL = cadre.url().replace(/[?#].*$/, '');
    await cadre.fill('textarea[name=content]', 'Mỗi tháng giúp một hộ cận nghèo của thôn làm vườn rau');
    await cadre.getByRole('button', { name: 'Thêm' }).click();
    await cadre.getByText('Mỗi tháng giúp một hộ cận nghèo').first().waitFor();
    await cadre.getByRole('button', { name: 'Gửi cấp trên duyệt' }).click();
    await cadre.getByText('Đã gửi, chờ duyệt').first().waitFor();
    assert.equal(await cadre.getByRole('link', { name: `Viết cam kết năm ${YEAR}` }).count(), 0);
  });

  it('the officer\'s inbox count goes up by one, then down after accepting', async () => {
    assert.equal(await inboxCount(officer), countBefore + 1);
    const item = officer.getByRole('link', { name: new RegExp(`cam kết năm ${YEAR} của ${slip.name}`, 'i') });
    await item.waitFor();
    await item.click();
    assert.equal(officer.url().replace(/[?#].*$/, ''), commitmentURL);
    await officer.getByRole('button', { name: 'Chấp thuận' }).click();
    await officer.getByText('Đã được chấp thuận').first().waitFor();
    assert.equal(await inboxCount(officer), countBefore);
  });

  it('the cadre is told, and sees their account page', async () => {
    await cadre.goto(`${server.baseURL}/notifications`);
    await cadre.getByText(/chấp (nhận|thuận)/).first().waitFor();
    await cadre.goto(`${server.baseURL}/account`);
    await cadre.getByRole('heading', { name: 'Tài khoản của tôi' }).waitFor();
    await cadre.getByText('thiết bị này', { exact: true }).waitFor();
  });

  it('the officer\'s account list finds the new account without diacritics', async () => {
    const plain = slip.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    await officer.goto(`${server.baseURL}/admin/accounts?q=${encodeURIComponent(plain.toLowerCase())}`);
    await officer.getByRole('link', { name: slip.name }).first().waitFor();
    await officer.screenshot({ path: path.join(shotsDir, 'accounts-phone.png'), fullPage: true });
  });
});
