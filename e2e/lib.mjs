// Shared helpers for the ct05 end-to-end browser journeys.
//
// The journeys drive Debian's Chromium (/usr/bin/chromium, or $CHROMIUM)
// through playwright-core; no browser is ever downloaded.
// The server binary is <repo>/build/ct05 unless $CT05_BIN says otherwise.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ct05Bin = process.env.CT05_BIN
  ? path.resolve(process.env.CT05_BIN)
  : path.join(repoRoot, 'build', 'ct05');
export const shotsDir = path.join(repoRoot, 'build', 'e2e-shots');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Finds a free TCP port on 127.0.0.1 by binding port 0 and closing it. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}

/**
 * Seeds a fresh demo database in a temp dir and starts `ct05 serve` on it.
 * Resolves to {baseURL, stop()} once GET /healthz answers 200 (20 s max).
 */
export async function startServer() {
  if (!existsSync(ct05Bin)) {
    throw new Error(`ct05 binary not found at ${ct05Bin} (build it first or set CT05_BIN)`);
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ct05-e2e-'));
  const db = path.join(tmp, 'e2e.db');
  const removeTmp = () => rmSync(tmp, { recursive: true, force: true });

  const demo = spawnSync(ct05Bin, ['demo', '--db', db], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (demo.error || demo.status !== 0) {
    removeTmp();
    throw new Error(
      `\`ct05 demo --db ${db}\` failed (exit ${demo.status}, signal ${demo.signal}` +
        `${demo.error ? `, ${demo.error.message}` : ''})\n` +
        `--- stdout ---\n${demo.stdout ?? ''}\n--- stderr ---\n${demo.stderr ?? ''}`,
    );
  }

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(ct05Bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  let spawnError = null;
  const exitedPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.on('error', (err) => {
      spawnError = err;
      exited ??= { code: null, signal: null };
      resolve();
    });
  });

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      const t = setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, 5_000);
      await exitedPromise;
      clearTimeout(t);
    }
    removeTmp();
  }

  const deadline = Date.now() + 20_000;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exited) {
      await stop();
      throw new Error(
        `ct05 serve exited before becoming healthy (code ${exited.code}, signal ${exited.signal}` +
          `${spawnError ? `, ${spawnError.message}` : ''})\n--- output ---\n${output}`,
      );
    }
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return { baseURL, stop, output: () => output };
      lastProblem = `HTTP ${res.status}`;
    } catch (err) {
      lastProblem = err.cause?.code ?? err.message;
    }
    await sleep(100);
  }
  await stop();
  throw new Error(
    `ct05 serve did not answer 200 on ${baseURL}/healthz within 20 s (last: ${lastProblem})\n` +
      `--- output ---\n${output}`,
  );
}

/** Launches Debian's Chromium headless through playwright-core. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Logs in through the /login form and asserts we were sent elsewhere. */
export async function login(page, baseURL, login, password) {
  await page.goto(`${baseURL}/login`);
  await page.fill('input[name=login]', login);
  await page.fill('input[name=password]', password);
  try {
    await Promise.all([
      page.waitForNavigation({ timeout: 15_000 }),
      page.click('form:has(input[name=password]) button[type=submit]'),
    ]);
  } catch (err) {
    const text = (await page.textContent('body').catch(() => '')) ?? '';
    throw new Error(
      `no navigation after submitting the login form as ${login}: ${err.message}\n` +
        `page ${page.url()} says: ${text.replace(/\s+/g, ' ').trim().slice(0, 500)}`,
    );
  }
  const here = new URL(page.url());
  if (here.pathname.replace(/\/+$/, '') === '/login') {
    const text = (await page.textContent('body').catch(() => '')) ?? '';
    assert.fail(
      `still on /login after logging in as ${login}; page says: ` +
        text.replace(/\s+/g, ' ').trim().slice(0, 500),
    );
  }
}
