// Journey: the officer of chi bộ thôn Khuổi Cuồng records the cell's December 2020 meeting on a phone, with
// attendance (one member absent, with a reason) and a story about Uncle Ho; in that meeting rates a member's
// commitment (a "không hoàn thành" without a comment is refused first), holds the year-end review that locks
// 2020, and then fails to change the locked rating.
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('meeting journey: a meeting with attendance and ratings, then the year locks', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let cell; // page of the Khuổi Cuồng officer
  let unitURL;
  let meetingURL;
  let planId;
  let csrf;
  let meetingId;

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const phone = { viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
    cell = await (await browser.newContext(phone)).newPage();
    cell.setDefaultTimeout(10_000);
    await login(cell, server.baseURL, 'khuoicuong', 'ct05-demo');
    await cell.goto(`${server.baseURL}/units/by-code/CB-KHUOICUONG`);
    unitURL = cell.url().replace(/\?.*$/, '');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the calendar shows December 2020 without its meeting', async () => {
    await cell.goto(`${unitURL}/meetings?year=2020`);
    assert.equal(squash(await cell.locator('.held-figure').textContent()), '11/12');
    const december = cell.locator('.calendar li').nth(11);
    assert.match(squash(await december.textContent()), /Tháng 12 chưa họp/);
  });

  it('the officer records the meeting with attendance and a story', async () => {
    await cell.getByRole('link', { name: 'Ghi buổi sinh hoạt' }).click();
    await cell.waitForURL(/\/meetings\/new/);
    await cell.fill('input[name=held_on]', '2020-12-28');
    // Saved without a topic: the form comes back with the message and keeps the date.
    await cell.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
    await cell.getByText('Vui lòng nhập nội dung, chủ đề buổi sinh hoạt.').waitFor();
    assert.equal(await cell.inputValue('input[name=held_on]'), '2020-12-28');
    await cell.fill('input[name=topic]', 'Kiểm điểm, đánh giá kết quả làm theo Bác năm 2020');
    await cell.fill('textarea[name=minutes]', 'Chi bộ kiểm điểm việc thực hiện cam kết, xếp loại đảng viên.');
    await cell.check('input[name=story_told]');
    await cell.fill('input[name=story_title]', 'Bác Hồ với đồng bào các dân tộc Việt Bắc');
    await cell.fill('input[name=story_teller]', 'Lường Thị Thời');
    const rows = cell.locator('table.attendance tr');
    const members = await rows.count();
    assert.ok(members > 5, `only ${members} members listed`);
    const absent = squash(await rows.first().locator('label').textContent());
    await rows.first().locator('input[type=checkbox]').uncheck();
    await rows.first().locator('input[name^=reason_]').fill('Đi làm ăn xa');
    await cell.getByRole('button', { name: 'Lưu buổi sinh hoạt' }).click();
    await cell.waitForURL(/\/meetings\/\d+/);
    meetingURL = cell.url().replace(/\?.*$/, '');
    meetingId = meetingURL.split('/').pop();
    await cell.getByText('Đã lưu buổi sinh hoạt.').waitFor();
    assert.equal(squash(await cell.locator('.attendance-count').textContent()), `${members - 1}/${members} người`);
    await cell.getByText(`${absent}: Đi làm ăn xa`).waitFor();
    await cell.getByText('“Bác Hồ với đồng bào các dân tộc Việt Bắc”').waitFor();
    await cell.screenshot({ path: path.join(shotsDir, 'meeting-recorded.png'), fullPage: true });
  });

  it('in that meeting the officer rates a member’s commitment', async () => {
    await cell.getByRole('link', { name: 'Đánh giá, xếp loại trong buổi này' }).click();
    await cell.waitForURL(/\/evaluations\?year=2020&meeting=\d+/);
    const item = cell.locator('li.evaluation', { has: cell.locator('form.rate-form'), hasText: 'Tự đánh giá:' }).first();
    planId = await item.getAttribute('data-plan');
    const form = cell.locator(`li.evaluation[data-plan="${planId}"] form.rate-form`);
    assert.equal(await form.locator('select[name=meeting_id]').inputValue(), meetingId);
    csrf = await form.locator('input[name=_csrf]').inputValue();
    // "Không hoàn thành" needs a comment.
    await form.locator('select[name=rating]').selectOption('khong_hoan_thanh');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await cell.getByText('Xếp loại không hoàn thành cần ghi rõ nhận xét, lý do.').waitFor();
    const again = cell.locator(`li.evaluation[data-plan="${planId}"] form.rate-form`);
    await again.locator('select[name=rating]').selectOption('tot');
    await again.locator('input[name=comment]').fill('Giúp hộ cận nghèo làm chuồng trại, tham gia đầy đủ sinh hoạt.');
    await again.getByRole('button', { name: 'Lưu' }).click();
    await cell.getByText('Đã lưu xếp loại.').waitFor();
    const rated = cell.locator(`li.evaluation[data-plan="${planId}"] .rating`);
    assert.equal(squash(await rated.textContent()), 'Hoàn thành tốt');
  });

  it('the year-end review locks 2020', async () => {
    await cell.locator('select[name=meeting_id]#lock_meeting').selectOption(meetingId);
    await cell.getByRole('button', { name: 'Kiểm điểm và khóa năm 2020' }).click();
    await cell.getByText('Đã kiểm điểm và khóa năm 2020.').waitFor();
    await cell.locator('.year-locked').waitFor();
    assert.equal(await cell.locator('form.rate-form').count(), 0, 'rating forms are still offered in a locked year');
    await cell.screenshot({ path: path.join(shotsDir, 'meeting-year-locked.png'), fullPage: true });
  });

  it('the cell officer fails to change the locked rating', async () => {
    const res = await cell.request.post(`${server.baseURL}/plans/${planId}/rating`, {
      form: { _csrf: csrf, rating: 'xuat_sac', comment: '', meeting_id: meetingId },
      maxRedirects: 0,
    });
    assert.equal(res.status(), 409);
    assert.match(await res.text(), /đã khóa sau kiểm điểm cuối năm/);
    await cell.reload();
    assert.equal(squash(await cell.locator(`li.evaluation[data-plan="${planId}"] .rating`).textContent()), 'Hoàn thành tốt');
    await cell.goto(`${unitURL}/meetings?year=2020`);
    assert.equal(squash(await cell.locator('.held-figure').textContent()), '12/12');
  });
});
