// Journey: the officer of Đảng bộ xã Nông Thượng, on a phone, filters Thôn Khuổi Cuồng's households of 2020 to the
// near-poor ones and downloads the list: the CSV (UTF-8 with a BOM, so Excel opens it right) holds exactly the two
// near-poor households of every page, and the Excel file is a workbook. The cell's own officer is refused the
// download (households are for the commune, D19).
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

describe('export journey: the filtered households list as CSV and Excel', { timeout: 120_000 }, () => {
  let server;
  let browser;
  let page;
  let listURL;

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const phone = { viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true };
    page = await (await browser.newContext(phone)).newPage();
    page.setDefaultTimeout(10_000);
    await login(page, server.baseURL, 'nongthuong', 'ct05-demo');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the officer filters the households of 2020 to the near-poor ones', async () => {
    await page.goto(`${server.baseURL}/units/by-code/THON-KHUOICUONG`);
    listURL = page.url().replace(/\?.*$/, '') + '/households?year=2020';
    await page.goto(listURL);
    await page.selectOption('select[name=status]', 'can_ngheo');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/status=can_ngheo/);
    assert.equal(await page.locator('ul.households li').count(), 2);
  });

  it('"Tải CSV" gives the two near-poor households, with a BOM', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải CSV' }).click()]);
    assert.match(download.suggestedFilename(), /^ho-gia-dinh-2020-thon-khuoi-cuong\.csv$/);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    assert.equal(lines[0], 'Mã hộ,Chủ hộ,Địa chỉ,Số nhân khẩu,Tình trạng năm 2020,Đã thôi đăng ký');
    assert.equal(lines.length, 3);
    for (const line of lines.slice(1)) assert.match(line, /Hộ cận nghèo/);
  });

  it('"Tải Excel" gives a workbook', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải Excel' }).click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const bytes = readFileSync(await download.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  });

  it('the cell officer is refused the download', async () => {
    const other = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
    await login(other, server.baseURL, 'khuoicuong', 'ct05-demo');
    const unitId = listURL.match(/\/units\/(\d+)\//)[1];
    const res = await other.request.get(`${server.baseURL}/exports/households?unit=${unitId}&year=2020&format=csv`);
    assert.equal(res.status(), 403);
  });
});
