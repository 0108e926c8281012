// Journey: the officer in charge of chi bộ thôn Khuổi Cuồng logs in on a
// phone, adds a person (first with a missing name), finds them again by a
// search typed without diacritics, and is refused a unit outside their scope.
//
// Run: npm run test:e2e   (needs build/ct05, or CT05_BIN=/path/to/ct05)

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, login, shotsDir } from './lib.mjs';

const PERSON = {
  full_name: 'Hoàng Văn Thắng',
  gender: 'nam',
  birth_year: '1985',
  ethnicity: 'Tày',
  phone: '0912345678',
  position: 'Đảng viên',
};

describe('org journey: Khuổi Cuồng officer', { timeout: 180_000 }, () => {
  let server;
  let browser;
  let context;
  let page;
  let personPath; // /people/<id> of the person created in step b
  let failed = false;
  const pageErrors = [];

  // Runs one step of the journey; once a step fails the later ones are
  // skipped (they depend on it), and a screenshot of the failure is kept.
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
        if (page) {
          const file = path.join(shotsDir, `FAILED-${name.replace(/[^a-z0-9]+/gi, '_')}.png`);
          await page.screenshot({ path: file, fullPage: true }).catch(() => {});
          t.diagnostic(`failure screenshot: ${file}; url: ${page.url()}`);
        }
        throw err;
      }
    });
  }

  async function shot(name) {
    await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
  }

  async function h1Text() {
    return ((await page.locator('h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  before(async () => {
    mkdirSync(shotsDir, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.setDefaultNavigationTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
  });

  after(async () => {
    if (pageErrors.length) {
      console.log(`# JavaScript errors seen on pages:\n#   ${pageErrors.join('\n#   ')}`);
    }
    if (failed && server) {
      console.log(`# ct05 serve output (tail):\n${server.output().slice(-4000)}`);
    }
    await context?.close().catch(() => {});
    await browser?.close().catch(() => {});
    await server?.stop();
  });

  step('a. logs in and lands on the chi bộ page', async () => {
    await login(page, server.baseURL, 'khuoicuong', 'ct05-demo');
    assert.ok(
      (await h1Text()).includes('Chi bộ thôn Khuổi Cuồng'),
      `h1 after login is "${await h1Text()}" (url ${page.url()})`,
    );
    await shot('a-after-login');
  });

  step('c. an empty name is refused and nothing typed is lost', async () => {
    const addLink = page.getByRole('link', { name: 'Thêm người', exact: true }).first();
    await Promise.all([page.waitForURL(/\/people\/new\?unit=\d+/), addLink.click()]);

    const form = page.locator('form:has(input[name=full_name])');
    await form.locator('input[name=full_name]').fill('');
    await form.locator('select[name=gender]').selectOption('nam');
    await form.locator('input[name=birth_year]').fill(PERSON.birth_year);
    await form.locator('input[name=ethnicity]').fill(PERSON.ethnicity);
    await form.locator('input[name=phone]').fill(PERSON.phone);
    await form.locator('input[name=position]').fill(PERSON.position);

    // Skip the browser's own checks (e.g. `required`) so that the server's
    // validation is what is exercised.
    await form.evaluate((f) => {
      f.noValidate = true;
    });
    await form.locator('button[type=submit]').click();

    await page.getByText('Họ và tên không được để trống').first().waitFor();
    const again = page.locator('form:has(input[name=full_name])');
    assert.equal(await again.locator('input[name=birth_year]').inputValue(), PERSON.birth_year);
    assert.equal(await again.locator('input[name=ethnicity]').inputValue(), PERSON.ethnicity);
    assert.equal(await again.locator('input[name=phone]').inputValue(), PERSON.phone);
    assert.equal(await again.locator('input[name=position]').inputValue(), PERSON.position);
    assert.equal(await again.locator('select[name=gender]').inputValue(), PERSON.gender);
  });

  step('b. adds Hoàng Văn Thắng and shows his page', async () => {
    const form = page.locator('form:has(input[name=full_name])');
    await form.locator('input[name=full_name]').fill(PERSON.full_name);
    await form.locator('select[name=gender]').selectOption(PERSON.gender);
    await form.locator('input[name=birth_year]').fill(PERSON.birth_year);
    await form.locator('input[name=ethnicity]').fill(PERSON.ethnicity);
    await form.locator('input[name=phone]').fill(PERSON.phone);
    await form.locator('input[name=position]').fill(PERSON.position);
    // The person's page is /people/<id>; a query string (e.g. a flash
    // message such as ?msg=created) may follow.
    const personURL = /^\/people\/\d+$/;
    await Promise.all([
      page.waitForURL((u) => personURL.test(u.pathname)),
      form.locator('button[type=submit]').click(),
    ]);
    assert.match(new URL(page.url()).pathname, personURL);
    assert.ok(
      (await h1Text()).includes(PERSON.full_name),
      `h1 on the new person's page is "${await h1Text()}"`,
    );
    personPath = new URL(page.url()).pathname;
  });

  step('d. finds him by a search typed without diacritics', async () => {
    let q = page.locator('input[name=q]').first();
    if (!(await q.isVisible())) {
      // On a phone the navbar may be collapsed behind its toggler.
      const toggler = page.locator('.navbar-toggler').first();
      if (await toggler.isVisible()) await toggler.click();
      q = page.locator('input[name=q]').first();
    }
    await q.fill('hoang van thang');
    await Promise.all([page.waitForURL(/\/search\?(.*&)?q=/), q.press('Enter')]);

    const hit = page.locator('a.search-result', { hasText: PERSON.full_name }).first();
    await hit.waitFor();
    await Promise.all([
      page.waitForURL((u) => u.pathname === personPath),
      hit.click(),
    ]);
    assert.ok((await h1Text()).includes(PERSON.full_name), `h1 is "${await h1Text()}"`);
  });

  step('e. a unit outside his scope is refused with 403', async () => {
    const res = await page.goto(`${server.baseURL}/units/by-code/TU-BACKAN`);
    assert.ok(res, 'no response for /units/by-code/TU-BACKAN');
    assert.equal(res.status(), 403);
    assert.ok(
      (await h1Text()).includes('Không có quyền truy cập'),
      `h1 on the refused page is "${await h1Text()}"`,
    );
    await shot('e-forbidden');
  });
});
