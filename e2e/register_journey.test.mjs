// Journey: a citizen, without an account, nominates a good deed in thôn Khuổi Cuồng on a phone (first
// with a wrong answer to the check question); the cell officer verifies it, the commune officer approves,
// records a Giấy khen and publishes it; the citizen finds it in the public register with its photo and
// its short link; the consent is withdrawn and the entry, its page and its photo disappear from public view.
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

// Each run seeds a fresh demo database; the suffix only keeps the name unique if that ever changes.
const SUBJECT = `Hoàng Thị Diệu Linh ${String(Date.now()).slice(-5)}`;
const DEED =
  'Mở lớp học miễn phí buổi tối cho 12 em nhỏ trong thôn, tự mua sách vở và vận động gia đình cho các em đến lớp đều.';
const CONTACT = '0987 654 321';
const DECISION_NO = '140-QĐ/ĐU';
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** "Bảy cộng năm bằng mấy?" → 12 */
function solve(question) {
  const m = question.trim().toLowerCase().match(/^(\S+) cộng (\S+) bằng mấy\?$/u);
  assert.ok(m, `unexpected challenge question: "${question}"`);
  const [a, b] = [DIGITS.indexOf(m[1]), DIGITS.indexOf(m[2])];
  assert.ok(a >= 0 && b >= 0, `unknown number words in "${question}"`);
  return a + b;
}

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('register journey: a public nomination from the form to publication and withdrawal', { timeout: 240_000 }, () => {
  let server;
  let browser;
  let citizen; // anonymous page
  let cell; // officer of chi bộ thôn Khuổi Cuồng
  let commune; // officer of Đảng bộ xã Nông Thượng
  let current; // the page a failure screenshot is taken of
  let entryURL; // /register/entries/<id>, as reached by the cell officer
  let publicURL; // /r/<code>, as reached by the citizen
  let thumbURL; // the thumbnail in the public list
  let failed = false;
  const pageErrors = [];

  function step(name, fn) {
    it(name, { timeout: 60_000 }, async (t) => {
      if (failed) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await fn(t);
      } catch (err) {
        failed = true;
        if (current) {
          const file = path.join(shotsDir, `FAILED-register-${name.replace(/[^a-z0-9]+/gi, '_')}.png`);
          await current.screenshot({ path: file, fullPage: true }).catch(() => {});
          t.diagnostic(`failure screenshot: ${file}; url: ${current.url()}`);
        }
        throw err;
      }
    });
  }

  async function newPhonePage() {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.setDefaultNavigationTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
    return page;
  }

  async function shot(page, name) {
    await page.screenshot({ path: path.join(shotsDir, `register-${name}.png`), fullPage: true });
  }

  /** Clicks a submit button and waits for the page the form leads to (POST, then usually a 303). */
  async function submit(page, button) {
    const [res] = await Promise.all([page.waitForNavigation({ timeout: 15_000 }), button.click()]);
    return res;
  }

  async function status(page) {
    return page.locator('.status-badge').first().getAttribute('data-status');
  }

  /** Takes the workflow step whose button says `label` on the entry page and checks the new status. */
  async function takeStep(page, label, expected) {
    const button = page.locator('form.step-form').getByRole('button', { name: label, exact: true });
    await submit(page, button);
    const now = await status(page);
    if (now !== expected) {
      const alert = squash(await page.locator('.alert-danger, .field-error').allTextContents().then((a) => a.join(' | ')));
      assert.fail(`after "${label}" the status is "${now}", expected "${expected}"; page says: ${alert || '(nothing)'}`);
    }
  }

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    citizen = await newPhonePage();
    cell = await newPhonePage();
    commune = await newPhonePage();
  });

  after(async () => {
    if (pageErrors.length) {
      console.log(`# JavaScript errors seen on pages:\n#   ${pageErrors.join('\n#   ')}`);
    }
    if (failed && server) {
      console.log(`# ct05 serve output (tail):\n${server.output().slice(-4000)}`);
    }
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  async function fillNomination(page) {
    await page.locator('select#unit_id').selectOption({ label: 'Chi bộ thôn Khuổi Cuồng' });
    assert.equal(await page.locator('input[name=subject_kind][value=ca_nhan]').isChecked(), true);
    await page.fill('#subject_name', SUBJECT);
    await page.fill('#deed', DEED);
    await page.fill('#deed_date', '2020-09-19');
    await page.fill('#place', 'Thôn Khuổi Cuồng, xã Nông Thượng');
    await page.locator('select#category_id').selectOption({ label: 'Học tập, khuyến học' });
    await page.fill('#nominator_name', 'Lường Văn Tú');
    await page.fill('#nominator_contact', CONTACT);
    await page.check('#consent');
  }

  async function attachPhoto(page) {
    // A real PNG made here: a screenshot of the form itself.
    const buffer = await page.screenshot();
    await page.setInputFiles('#files', { name: 'anh-minh-chung.png', mimeType: 'image/png', buffer });
  }

  step('1a. a citizen fills the nomination form and gives a wrong answer', async () => {
    current = citizen;
    const res = await citizen.goto(`${server.baseURL}/register/nominate`);
    assert.equal(res.status(), 200);
    assert.ok(squash(await citizen.locator('h1').first().textContent()).includes('Đề nghị ghi danh'));
    await fillNomination(citizen);
    await attachPhoto(citizen);
    const token = await citizen.locator('input[name=challenge]').inputValue();
    const right = solve(await citizen.locator('#challenge-question').textContent());
    await citizen.fill('#answer', String(right === 18 ? 17 : right + 1));
    const answer = await submit(citizen, citizen.getByRole('button', { name: 'Gửi đề nghị ghi danh' }));
    assert.ok(answer.status() >= 400 && answer.status() < 500, `a wrong answer answered HTTP ${answer.status()}`);

    await citizen.getByText('Câu trả lời kiểm tra chưa đúng').first().waitFor();
    // Nothing typed is lost, a new question is asked and the page asks for the file again.
    assert.equal(await citizen.locator('#subject_name').inputValue(), SUBJECT);
    assert.equal(await citizen.locator('#deed').inputValue(), DEED);
    assert.equal(await citizen.locator('#deed_date').inputValue(), '2020-09-19');
    assert.equal(await citizen.locator('#nominator_contact').inputValue(), CONTACT);
    assert.equal(
      squash(await citizen.locator('select#unit_id option:checked').textContent()),
      'Chi bộ thôn Khuổi Cuồng',
    );
    assert.equal(squash(await citizen.locator('select#category_id option:checked').textContent()), 'Học tập, khuyến học');
    assert.equal(await citizen.locator('#consent').isChecked(), true);
    assert.equal(await citizen.locator('#answer').inputValue(), '');
    assert.notEqual(await citizen.locator('input[name=challenge]').inputValue(), token, 'the challenge was not renewed');
    solve(await citizen.locator('#challenge-question').textContent());
    await citizen.getByText('Vui lòng chọn lại tệp').first().waitFor();
    assert.equal(await citizen.locator('#files').evaluate((el) => el.files.length), 0);
    await shot(citizen, '1a-wrong-answer');
  });

  step('1b. answers right, attaches the photo again and is thanked', async () => {
    current = citizen;
    await attachPhoto(citizen);
    await citizen.fill('#answer', String(solve(await citizen.locator('#challenge-question').textContent())));
    // A person takes more than the form's minimum fill time (3 s) to check a page; a script sending at once is refused.
    await citizen.waitForTimeout(3200);
    await submit(citizen, citizen.getByRole('button', { name: 'Gửi đề nghị ghi danh' }));
    await citizen.getByRole('heading', { name: 'Cảm ơn bạn đã đề nghị ghi danh' }).waitFor();
    assert.equal(new URL(citizen.url()).pathname, '/register/thanks');
    // Not public yet.
    await citizen.goto(`${server.baseURL}/register`);
    assert.equal(await citizen.locator('.register-entry', { hasText: SUBJECT }).count(), 0);
  });

  step('2. the cell officer finds it in the unit register and verifies it', async () => {
    current = cell;
    await login(cell, server.baseURL, 'khuoicuong', 'ct05-demo');
    const unitPage = cell.url();
    await Promise.all([
      cell.waitForURL((u) => /^\/units\/\d+\/register$/.test(u.pathname)),
      cell.getByRole('link', { name: 'Xem sổ ghi danh' }).first().click(),
    ]);
    assert.ok(squash(await cell.locator('body').textContent()).includes('Chi bộ thôn Khuổi Cuồng'), `from ${unitPage}`);
    const row = cell.locator('li', { has: cell.getByRole('link', { name: SUBJECT }) });
    assert.equal(await row.count(), 1, `${SUBJECT} is not listed once in ${cell.url()}`);
    assert.ok(squash(await row.textContent()).includes('Chờ xác minh'), `row says: ${squash(await row.textContent())}`);

    await Promise.all([
      cell.waitForURL((u) => /^\/register\/entries\/\d+$/.test(u.pathname)),
      row.getByRole('link', { name: SUBJECT }).click(),
    ]);
    entryURL = cell.url();
    assert.equal(squash(await cell.locator('h1').first().textContent()), SUBJECT);
    assert.equal(await status(cell), 'submitted');
    const body = squash(await cell.locator('body').textContent());
    assert.ok(body.includes(CONTACT), 'the officer does not see the nominator contact');
    assert.ok(body.includes('Lường Văn Tú'));
    assert.equal(await cell.locator('img.register-thumb').count(), 1, 'the photo is not on the entry page');
    // The commune's steps are not offered to the cell.
    assert.equal(await cell.getByRole('button', { name: 'Phê duyệt', exact: true }).count(), 0);

    await takeStep(cell, 'Xác minh', 'verified');
    assert.equal(squash(await cell.locator('.status-badge').textContent()), 'Đã xác minh');
    assert.equal(await cell.getByRole('button', { name: 'Phê duyệt', exact: true }).count(), 0);
    // The citizen's tick is only the nominator's word: the officer confirms with the person, then records it.
    assert.ok(squash(await cell.locator('#consent-state').textContent()).startsWith('Chưa có'));
    assert.ok(squash(await cell.locator('.timeline').textContent()).includes('cần xác nhận lại'));
    await submit(cell, cell.getByRole('button', { name: 'Ghi nhận người được ghi danh đồng ý công bố' }));
    assert.ok(squash(await cell.locator('#consent-state').textContent()).startsWith('Có — ghi nhận bởi Lường Thị Thời'));
  });

  step('3. the commune officer approves, records a Giấy khen and publishes', async () => {
    current = commune;
    await login(commune, server.baseURL, 'nongthuong', 'ct05-demo');
    await commune.goto(entryURL);
    assert.equal(await status(commune), 'verified');

    await takeStep(commune, 'Phê duyệt', 'approved');

    const commend = commune.locator('form.step-form[data-step="commend"]');
    await commend.locator('select[name=commendation]').selectOption({ label: 'Giấy khen' });
    await commend.getByPlaceholder('Số quyết định').fill(DECISION_NO);
    await commend.locator('input[name=decision_date]').fill('2020-10-05');
    await takeStep(commune, 'Ghi nhận khen thưởng', 'commended');
    const body = squash(await commune.locator('body').textContent());
    assert.ok(body.includes('Giấy khen') && body.includes(DECISION_NO), 'the commendation is not shown');

    await takeStep(commune, 'Công bố', 'published');
    assert.equal(squash(await commune.locator('.status-badge').textContent()), 'Đã công bố');
    const steps = await commune.locator('.timeline li').count();
    assert.ok(steps >= 5, `only ${steps} steps in the timeline`);
    await commune.getByRole('link', { name: /^Trang công khai \/r\// }).waitFor();
    await shot(commune, '3-published');
  });

  step('4. the citizen finds it in the public register, with its photo and short link', async () => {
    current = citizen;
    await citizen.goto(`${server.baseURL}/register`);
    const item = citizen.locator('.register-entry', { hasText: SUBJECT });
    assert.equal(await item.count(), 1, `${SUBJECT} is not listed once in /register`);
    assert.ok(squash(await item.textContent()).includes('Giấy khen'));
    const thumb = item.locator('img.register-thumb');
    await thumb.scrollIntoViewIfNeeded(); // loading="lazy"
    await citizen.waitForFunction((img) => img.complete && img.naturalWidth > 0, await thumb.elementHandle());
    thumbURL = new URL(await thumb.getAttribute('src'), server.baseURL).href;
    await shot(citizen, '4-public-list');

    await Promise.all([
      citizen.waitForURL((u) => /^\/r\/[^/]+$/.test(u.pathname)),
      item.getByRole('link', { name: SUBJECT }).click(),
    ]);
    publicURL = citizen.url();
    const body = squash(await citizen.locator('body').textContent());
    assert.equal(squash(await citizen.locator('h1').first().textContent()), SUBJECT);
    assert.ok(body.includes('Giấy khen'), 'no Giấy khen on the public page');
    assert.ok(body.includes(DECISION_NO), 'no decision number on the public page');
    assert.ok(!body.includes(CONTACT), 'the nominator contact is public');
    assert.ok(!(await citizen.content()).includes(CONTACT), 'the nominator contact is in the public HTML');
    const photo = citizen.locator('img.register-thumb').first();
    await photo.scrollIntoViewIfNeeded();
    await citizen.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle());
    await shot(citizen, '4-public-entry');
  });

  step('5. the consent is withdrawn and the entry leaves public view', async () => {
    current = cell;
    await cell.goto(entryURL);
    assert.equal(await status(cell), 'published');
    await submit(cell, cell.getByRole('button', { name: 'Ghi nhận rút lại sự đồng ý công bố' }));
    assert.equal(await status(cell), 'unpublished');
    assert.equal(squash(await cell.locator('.status-badge').textContent()), 'Đã gỡ công bố');
    assert.ok(squash(await cell.locator('#consent-state').textContent()).startsWith('Chưa có'));
    assert.ok(squash(await cell.locator('.timeline').textContent()).includes('Rút lại sự đồng ý công bố'));
    await cell.getByRole('button', { name: 'Ghi nhận người được ghi danh đồng ý công bố' }).waitFor();
    await shot(cell, '5-withdrawn');

    current = citizen;
    const gone = await citizen.reload();
    assert.equal(gone.status(), 404, `${publicURL} answered ${gone.status()} after the withdrawal`);
    assert.equal(squash(await citizen.locator('h1').first().textContent()), 'Không tìm thấy trang');
    const text = squash(await citizen.locator('body').textContent());
    assert.ok(text.includes('chưa được công bố'), `404 page says: ${text.slice(0, 300)}`);
    assert.ok(!text.includes(SUBJECT));
    await shot(citizen, '5-public-404');

    await citizen.goto(`${server.baseURL}/register`);
    assert.equal(await citizen.locator('.register-entry', { hasText: SUBJECT }).count(), 0);
    assert.ok(!squash(await citizen.locator('body').textContent()).includes(SUBJECT));

    // The server answers 404 for the photo (asked directly, not from the browser's cache).
    const res = await citizen.context().request.get(thumbURL);
    assert.equal(res.status(), 404, `${thumbURL} answered ${res.status()} after the withdrawal`);
    const full = await citizen.context().request.get(thumbURL.replace(/\/thumb$/, ''));
    assert.equal(full.status(), 404);
  });
});
