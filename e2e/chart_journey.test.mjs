// Journey: the city's leader, on a phone, opens Đảng bộ xã Nông Thượng's dashboard: each chart is drawn on a
// <canvas> from its table; toggling to "Bảng số liệu" shows the table with the figure the headline shows; the
// export link downloads exactly that table as CSV. Without JavaScript (a plain HTTP fetch) the tables are there,
// and the chart script is only referenced by pages that have charts.
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('chart journey: a dashboard chart, its table and its export', { timeout: 120_000 }, () => {
  let server;
  let browser;
  let context;
  let page; // the leader's phone
  let dashboardURL;
  const problems = [];

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // A refused script or style (CSP), a missing asset or a Chart.js error shows up here (the browser's own
    // request for /favicon.ico aside: ct05 has none).
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(msg.text());
    });
    page.on('response', (res) => {
      if (res.status() >= 400 && !res.url().endsWith('/favicon.ico')) problems.push(`${res.status()} ${res.url()}`);
    });
    page.on('pageerror', (err) => problems.push(err.message));
    await login(page, server.baseURL, 'lanhdao', 'ct05-demo');
    await page.goto(`${server.baseURL}/units/by-code/DB-NONGTHUONG`);
    dashboardURL = `${page.url().replace(/\?.*$/, '')}/dashboard?year=2020`;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('draws each chart on a canvas, the table hidden behind a toggle', async () => {
    await page.goto(dashboardURL);
    const chart = page.locator('#chart-plans-years');
    await chart.locator('canvas').waitFor();
    // Chart.js has drawn something: the canvas has a size and is not blank.
    const painted = await chart.locator('canvas').evaluate((c) => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return c.width > 0 && c.height > 0;
      return false;
    });
    assert.ok(painted, 'the coverage chart is drawn');
    assert.equal(await page.locator('#chart-plans-children canvas').count(), 1);
    assert.equal(await chart.locator('table').isVisible(), false);
    assert.deepEqual(problems, [], 'no script error or CSP refusal');
    await page.screenshot({ path: path.join(shotsDir, 'chart-dashboard.png'), fullPage: true });
  });

  it('toggles to the table and reads the year figure the headline shows', async () => {
    const chart = page.locator('#chart-plans-years');
    const headline = squash(await page.locator('.figure[data-key=plans]').textContent()); // "71%"
    await chart.getByRole('button', { name: 'Bảng số liệu' }).click();
    const table = chart.locator('table');
    assert.equal(await table.isVisible(), true);
    assert.equal(await chart.locator('canvas').isVisible(), false);
    const row = table.locator('tbody tr', { hasText: '2020' });
    const cell = squash(await row.locator('td').first().textContent()); // "71,4%"
    assert.match(cell, /^\d+(,\d)?%$/);
    assert.equal(`${Math.round(Number(cell.replace('%', '').replace(',', '.')))}%`, headline);
    await chart.getByRole('button', { name: 'Biểu đồ' }).click();
    assert.equal(await chart.locator('canvas').isVisible(), true);
  });

  it('downloads exactly that table as CSV', async () => {
    const chart = page.locator('#chart-plans-years');
    const href = await chart.getByRole('link', { name: 'Tải CSV' }).getAttribute('href');
    const res = await context.request.get(new URL(href, server.baseURL).toString());
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-disposition'], /attachment; filename=".+\.csv"/);
    const text = (await res.body()).toString('utf8');
    assert.ok(text.startsWith('\uFEFF'), 'CSV starts with a BOM');
    const lines = text.slice(1).trim().split('\r\n');
    assert.match(lines[0], /^Năm,Kế hoạch được chấp thuận \(%\)/);
    await chart.getByRole('button', { name: 'Bảng số liệu' }).click();
    const shown = squash(await chart.locator('tbody tr', { hasText: '2020' }).locator('td').first().textContent());
    const csvRow = lines.find((l) => l.startsWith('2020,')).split(',');
    assert.equal(`${csvRow[1].replace('.', ',')}%`, shown);
  });

  it('without JavaScript the tables are in the page', async () => {
    const cookies = await context.cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(dashboardURL, { headers: { cookie } });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<table class="table table-sm align-middle" data-chart="line">/);
    assert.match(html, /<th scope="row" class="fw-normal">2020<\/th><td class="text-end" data-value="[\d.]+">/);
    assert.match(html, /<script src="\/static\/charts\.js\?v=[0-9a-f]+" defer><\/script>/);
    const plain = await (await fetch(`${server.baseURL}/units/by-code/DB-NONGTHUONG`, { headers: { cookie } })).text();
    assert.doesNotMatch(plain, /charts\.js/);
  });
});
