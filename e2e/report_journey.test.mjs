// Journey: the officer of Đảng bộ xã Nông Thượng, on a phone, opens the commune's unit page, follows "Lập báo cáo
// sơ kết, tổng kết", asks for the 2020 year report, first with a mistyped year (refused with the reason, the form
// kept), then 2020; reads the preview (the Party's heading, the figures, the child-unit table) and downloads the
// DOCX and the PDF, which are real files of their kind with the commune's name in them.
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('report journey: the year report of the commune, previewed and downloaded', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    const phone = { viewport: { width: 390, height: 844 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true };
    page = await (await browser.newContext(phone)).newPage();
    page.setDefaultTimeout(15_000);
    await login(page, server.baseURL, 'nongthuong', 'ct05-demo');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a mistyped year is refused with the reason and the form kept', async () => {
    await page.goto(`${server.baseURL}/units/by-code/DB-NONGTHUONG`);
    await page.locator('#reports').getByRole('link', { name: 'Lập báo cáo sơ kết, tổng kết' }).click();
    await page.waitForURL(/\/reports$/);
    await page.selectOption('select[name=kind]', 'nam');
    await page.fill('input[name=period]', '202');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByText('Năm báo cáo ghi bốn chữ số, ví dụ 2020.').waitFor();
    assert.equal(await page.inputValue('input[name=period]'), '202');
  });

  it('the 2020 year report shows its heading and figures', async () => {
    await page.fill('input[name=period]', '2020');
    await page.fill('input[name=date]', '2020-12-15');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.locator('article.report-preview');
    await preview.waitFor();
    const text = squash(await preview.textContent());
    assert.match(text, /ĐẢNG CỘNG SẢN VIỆT NAM/);
    assert.match(text, /ĐẢNG ỦY XÃ NÔNG THƯỢNG/);
    assert.match(text, /Nông Thượng, ngày 15 tháng 12 năm 2020/);
    assert.match(text, /Tổng kết năm 2020 thực hiện Chỉ thị 05-CT\/TW/);
    assert.match(text, /\d+\/\d+ chi bộ, đảng bộ xây dựng kế hoạch làm theo Bác được cấp trên duyệt/);
    assert.ok(await preview.locator('table td', { hasText: 'Chi bộ thôn Khuổi Cuồng' }).count() >= 1);
    await page.screenshot({ path: path.join(shotsDir, 'report-preview.png'), fullPage: false });
  });

  it('downloads the DOCX and the PDF', async () => {
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải DOCX/ }).click()]);
    assert.equal(docx.suggestedFilename(), 'bao-cao-nam-2020-DB-NONGTHUONG.docx');
    const docxPath = path.join(shotsDir, docx.suggestedFilename());
    await docx.saveAs(docxPath);
    assert.equal(readFileSync(docxPath).subarray(0, 2).toString(), 'PK');
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml'], { encoding: 'utf8' });
    assert.match(xml, /ĐẢNG ỦY XÃ NÔNG THƯỢNG/);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải PDF' }).click()]);
    const pdfPath = path.join(shotsDir, pdf.suggestedFilename());
    await pdf.saveAs(pdfPath);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    assert.match(text, /ĐẢNG CỘNG SẢN VIỆT NAM/);
    assert.match(text, /Phượng Hoàng Minh/);
  });
});
