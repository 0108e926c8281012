// Journeys of "hái hoa dân chủ": a party member takes the open online round on a phone — answers are saved as
// they are chosen and survive a reload — submits and sees the result; and the Khuổi Cuồng officer hosts a live
// draw on the tree of flowers, judges two answers and closes it with its result.
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('quiz journeys: an online round on a phone, and a live draw', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let member;
  let host;
  let roundURL;

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const phone = { viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
    member = await (await browser.newContext(phone)).newPage();
    host = await (await browser.newContext(phone)).newPage();
    member.setDefaultTimeout(10_000);
    host.setDefaultTimeout(10_000);
    await login(member, server.baseURL, 'dangvien', 'ct05-demo');
    await login(host, server.baseURL, 'khuoicuong', 'ct05-demo');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the member finds the open round from the menu and starts it', async () => {
    await member.getByRole('link', { name: 'Hái hoa dân chủ' }).first().click();
    await member.waitForURL(/\/units\/\d+\/quizzes/);
    await member.locator('a.round-link', { hasText: 'Thi trực tuyến tìm hiểu' }).click();
    await member.waitForURL(/\/quiz-rounds\/\d+/);
    roundURL = member.url();
    assert.equal(squash(await member.locator('.round-state').textContent()), 'đang mở');
    await member.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await member.waitForURL(/\/quiz-attempts\/\d+/);
    assert.equal(await member.locator('fieldset.question').count(), 10);
  });

  it('answers are saved as they are chosen and survive a reload', async () => {
    const questions = member.locator('fieldset.question');
    for (let i = 0; i < 10; i++) {
      const q = questions.nth(i);
      await q.locator('input.form-check-input').first().check();
      await q.getByText('Đã lưu').waitFor();  // the server said so
    }
    await member.reload();
    for (let i = 0; i < 10; i++) assert.ok(await questions.nth(i).locator('input.form-check-input').first().isChecked(), `question ${i + 1} lost its answer`);
    await member.screenshot({ path: path.join(shotsDir, 'quiz-attempt.png'), fullPage: true });
  });

  it('the member submits and sees the result, once', async () => {
    await member.getByRole('button', { name: 'Nộp bài' }).click();
    const score = member.locator('.attempt-score');
    await score.waitFor();
    const m = squash(await score.textContent()).match(/Kết quả: (\d+)\/10 câu đúng/);
    assert.ok(m, `no score in: ${await score.textContent()}`);
    await member.goto(roundURL);
    assert.equal(squash(await member.locator('.my-result b').textContent()), `${m[1]}/10`);
    assert.equal(await member.getByRole('button', { name: 'Bắt đầu làm bài' }).count(), 0, 'a second attempt is offered');
    await member.screenshot({ path: path.join(shotsDir, 'quiz-result.png'), fullPage: true });
  });

  it('the officer hosts a live draw and closes it with its result', async () => {
    await host.goto(`${server.baseURL}/units/by-code/CB-KHUOICUONG`);
    await host.goto(`${host.url().replace(/\?.*$/, '')}/draws/new`);
    await host.fill('input[name=title]', 'Hái hoa dân chủ chào mừng ngày thành lập Đảng');
    await host.fill('input[name=flowers]', '6');
    await host.getByRole('button', { name: 'Mở cây hoa' }).click();
    await host.waitForURL(/\/draws\/\d+$/);
    assert.equal(await host.locator('.flower-tree button.flower').count(), 6);
    const asked = [];
    for (const [flower, verdict, who] of [[3, 'Đúng', 'Lường Thị Thời'], [5, 'Sai', 'Mạc Thế Khánh']]) {
      await host.getByRole('button', { name: `Hái bông hoa số ${flower}` }).click();
      await host.waitForURL(/\?pick=\d+/);
      asked.push(squash(await host.locator('.question-text').textContent()));
      await host.fill('input[name=participant]', who);
      await host.getByRole('button', { name: verdict, exact: true }).click();
      await host.waitForURL(/\/draws\/\d+$/);
      await host.locator(`a.flower.${verdict === 'Đúng' ? 'right' : 'wrong'}`, { hasText: String(flower) }).waitFor();
    }
    assert.notEqual(asked[0], asked[1], 'the same question was drawn twice');
    await host.screenshot({ path: path.join(shotsDir, 'quiz-draw.png'), fullPage: true });
    await host.getByRole('button', { name: 'Kết thúc và lưu kết quả' }).click();
    await host.getByText('Buổi hái hoa đã kết thúc: 2 câu hỏi, 1 câu trả lời đúng.').waitFor();
    assert.equal(await host.locator('.flower-tree button.flower').count(), 0, 'flowers can still be picked after the end');
  });
});
