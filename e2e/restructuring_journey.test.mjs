// Journey: the city's admin, on a phone, records the merge of two ward committees. The list shows the 1/7/2025
// change the demo holds; the form refuses a merge without its legal basis (the typed codes kept); the preview lists
// what will move and writes nothing; the confirmed event is one entry, and the new committee's page shows where it
// came from. The city's dashboard as of the day before still shows the two old committees, and as of today the new
// one. A lãnh đạo account may not open the form.
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('restructuring journey: a merge, previewed, committed, and read as of either side', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;
  let cityId;

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const phone = { viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
    page = await (await browser.newContext(phone)).newPage();
    page.setDefaultTimeout(15_000);
    await login(page, server.baseURL, 'admin', 'ct05-demo');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the demo\'s 1/7/2025 change and opens the form', async () => {
    await page.goto(`${server.baseURL}/restructurings`);
    const items = page.locator('main li');
    assert.equal(await items.count(), 3);
    assert.match(squash(await page.locator('main').textContent()), /Chuyển trực thuộc · 01\/07\/2025/);
    await page.getByRole('link', { name: 'Ghi nhận sắp xếp' }).click();
    await page.waitForURL(/\/restructurings\/new$/);
    assert.equal(squash(await page.locator('h1').textContent()), 'Ghi nhận sắp xếp: Sáp nhập');
  });

  it('refuses a merge without its legal basis and keeps what was typed', async () => {
    await page.fill('#effective_on', '2026-07-01');
    await page.fill('#sources', 'DB-SONGCAU\nDB-PHUNGCHIKIEN');
    await page.fill('#target_code', 'DB-PHUONGSONGCAU');
    await page.fill('#target_name', 'Đảng bộ phường Sông Cầu mới');
    await page.selectOption('#target_kind', 'dang_bo_co_so');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.waitForURL(/\/restructurings\/preview$/);
    assert.match(squash(await page.locator('.field-error').first().textContent()), /Hãy nhập căn cứ pháp lý/);
    assert.equal(await page.inputValue('#sources'), 'DB-SONGCAU\nDB-PHUNGCHIKIEN');
    assert.equal(await page.inputValue('#target_name'), 'Đảng bộ phường Sông Cầu mới');
  });

  it('previews what will move, and nothing is written yet', async () => {
    await page.fill('#legal_basis', 'Nghị quyết số 99/NQ-TU ngày 15/6/2026 (thử nghiệm)');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.waitForURL(/\/restructurings\/preview$/);
    assert.match(squash(await page.locator('h1').textContent()), /^Xem trước: Sáp nhập từ 01\/07\/2026/);
    const lines = squash(await page.locator('#preview-lines').textContent());
    assert.match(lines, /Lập Đảng bộ phường Sông Cầu mới \(DB-PHUONGSONGCAU, loại: Đảng bộ cơ sở\), trực thuộc Thành ủy Bắc Kạn/);
    assert.match(lines, /Chuyển Chi bộ tổ 1 \(CB-SONGCAU-1\) từ Đảng bộ phường Sông Cầu về trực thuộc Đảng bộ phường Sông Cầu mới/);
    assert.match(lines, /Đảng bộ phường Phùng Chí Kiên \(DB-PHUNGCHIKIEN\) kết thúc hoạt động ngày 30\/06\/2026/);
    await page.screenshot({ path: path.join(shotsDir, 'restructuring-preview.png'), fullPage: true });
    // Another tab: the source is still in force and the list has not grown.
    const other = await page.context().newPage();
    await other.goto(`${server.baseURL}/units/by-code/DB-SONGCAU`);
    const source = squash(await other.locator('main').textContent());
    assert.match(source, /Ngừng hoạt động đơn vị này/);  // still in force: the officer's button to close it is there
    assert.doesNotMatch(source, /30\/06\/2026/);
    await other.goto(`${server.baseURL}/restructurings`);
    assert.equal(await other.locator('main li').count(), 3);
    await other.close();
  });

  it('commits the merge as one event, and the new committee shows its lineage', async () => {
    await page.getByRole('button', { name: 'Xác nhận sắp xếp' }).click();
    await page.waitForURL(/\/restructurings\/\d+\?msg=committed$/);
    assert.match(squash(await page.locator('.alert-success').textContent()), /Đã ghi nhận sắp xếp/);
    await page.getByRole('link', { name: 'Đảng bộ phường Sông Cầu mới' }).click();
    await page.waitForURL(/\/units\/\d+$/);
    const lineage = squash(await page.locator('#lineage').textContent());
    assert.match(lineage, /01\/07\/2026 · Lập mới khi sáp nhập/);
    assert.match(lineage, /Kế thừa từ Đảng bộ phường Phùng Chí Kiên/);
    assert.match(lineage, /Kế thừa từ Đảng bộ phường Sông Cầu/);
    assert.match(lineage, /Căn cứ: Nghị quyết số 99\/NQ-TU/);
    await page.screenshot({ path: path.join(shotsDir, 'restructuring-lineage.png'), fullPage: true });
    await page.goto(`${server.baseURL}/units/by-code/TU-BACKAN`);
    cityId = page.url().match(/\/units\/(\d+)/)[1];
  });

  it('the city as of the day before shows the old committees, as of today the new one', async () => {
    await page.goto(`${server.baseURL}/units/${cityId}/dashboard?year=2020&as_of=2026-06-30`);
    assert.match(squash(await page.locator('#dashboard-tree').textContent()), /Theo cây tổ chức ngày 30\/06\/2026/);
    const before = squash(await page.locator('table').first().textContent());
    assert.match(before, /Đảng bộ phường Sông Cầu/);
    assert.match(before, /Đảng bộ phường Phùng Chí Kiên/);
    assert.doesNotMatch(before, /Sông Cầu mới/);
    await page.goto(`${server.baseURL}/units/${cityId}/dashboard?year=2020&as_of=2026-07-01`);
    const after = squash(await page.locator('table').first().textContent());
    assert.match(after, /Đảng bộ phường Sông Cầu mới/);
    assert.doesNotMatch(after, /Phùng Chí Kiên/);
    // With continuity the new committees carry their predecessors' plans (this merge's and the demo's of 1/7/2025),
    // so the city's 2020 coverage is what it was under the tree of 2020.
    const plans = async () => squash(await page.locator('.figure[data-key="plans"]').locator('..').textContent());
    await page.goto(`${server.baseURL}/units/${cityId}/dashboard?year=2020&as_of=2020-12-31`);
    const then = await plans();
    assert.match(then, /50 \/ 61 đơn vị/);
    await page.goto(`${server.baseURL}/units/${cityId}/dashboard?year=2020&as_of=2026-07-01&continuity=1`);
    assert.equal(await plans(), then);
    assert.match(squash(await page.locator('#dashboard-tree').textContent()), /nối tiếp số liệu của 6 đơn vị tiền thân/);
    await page.screenshot({ path: path.join(shotsDir, 'restructuring-dashboard.png'), fullPage: true });
  });

  it('a lãnh đạo account may not record a restructuring', async () => {
    const lead = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
    await login(lead, server.baseURL, 'lanhdao', 'ct05-demo');
    const res = await lead.goto(`${server.baseURL}/restructurings/new`);
    assert.equal(res.status(), 403);
    await lead.close();
  });
});
