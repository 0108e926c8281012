#!/usr/bin/env node
// Takes a full-page screenshot of a ct05 page with Debian's Chromium.
//
//   node scripts/screenshot.mjs URL OUT.png [login password] [--phone]
//
// With login and password it first signs in on <origin of URL>/login.
// The page is 1280 px wide, or 390 px (844 tall viewport) with --phone.
// Chromium is /usr/bin/chromium unless $CHROMIUM says otherwise.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, login } from '../e2e/lib.mjs';

const args = process.argv.slice(2);
const phone = args.includes('--phone');
const positional = args.filter((a) => a !== '--phone');
if (positional.length !== 2 && positional.length !== 4) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [login password] [--phone]');
  process.exit(2);
}
const [url, out, user, password] = positional;
const origin = new URL(url).origin;

const browser = await launchBrowser();
try {
  const context = await browser.newContext({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  if (user !== undefined) await login(page, origin, user, password);
  const res = await page.goto(url, { waitUntil: 'networkidle' });
  mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`${out}: ${page.url()} (HTTP ${res?.status() ?? '?'})`);
} finally {
  await browser.close();
}
