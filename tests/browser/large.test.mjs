// A 50 MB file parses with the page responsive: it is parsed in a Web Worker and handed over in
// small pieces, so no task on the page's thread runs long. Measured with the browser's Long Tasks
// API (every task over 50 ms is reported with its duration); the figures go to BENCHMARKS.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { server, browser, withBrowser, open, fixtures } from './harness.mjs';

withBrowser();
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qarar-large-'));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true });
});

test('a 50 MB session file parses without a page task over 200 ms', async () => {
  const session = await readFile(join(fixtures, '..', '..', 'sessions', 'cfm-44-political-ar.txt'));
  const copies = Math.floor((50 * 1024 * 1024 - 1) / session.length);
  const big = join(dir, 'fifty.txt');
  await writeFile(big, Buffer.concat(Array(copies).fill(session)));
  const total = 56 * copies;

  const page = await open(browser, server.url);
  await page.evaluate((debug) => {
    window.longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) { window.longTasks.push(e.duration); (window.longAt ??= []).push([Math.round(e.startTime), Math.round(e.duration)]); } })
      .observe({ type: 'longtask' });
    // QARAR_DEBUG=1: also a timeline of the status line, to place the long tasks.
    window.timeline = [];
    if (debug) {
      new MutationObserver(() => window.timeline.push([performance.now(), document.querySelector('p.status')?.innerText.slice(0, 40)]))
        .observe(document.body, { subtree: true, childList: true, characterData: true });
    }
  }, Boolean(process.env.QARAR_DEBUG));
  const started = Date.now();
  await page.setInputFiles('[data-open-file]', big);
  // While it parses, the page answers: a round trip through its thread, timed.
  const pings = [];
  const slow = [];
  while (!(await page.locator('p.counter').innerText()).includes(`${total}`)) {
    const t = Date.now();
    await page.evaluate(() => 1);
    pings.push(Date.now() - t);
    if (Date.now() - t > 200) slow.push([t - started, Date.now() - t]);
    if (Date.now() - started > 120000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const opened = Date.now() - started;
  if (process.env.QARAR_DEBUG) console.log(`slow pings ${JSON.stringify(slow)} of ${pings.length}`);
  assert.match(await page.locator('p.counter').innerText(), new RegExp(`${total}`), `all ${total} resolutions arrive`);
  const tasks = await page.evaluate(() => window.longTasks);
  if (process.env.QARAR_DEBUG) console.log(JSON.stringify(await page.evaluate(() => { const tl = window.timeline.filter((x, i, a) => i === 0 || x[1] !== a[i - 1][1]).map(([t, s]) => [Math.round(t), s]); return { install: performance.getEntriesByName('qarar:install').map((e) => [Math.round(e.startTime), Math.round(e.duration)]), lt: window.longAt, head: tl.slice(0, 3), tail: tl.slice(-4) }; })));
  const longest = Math.max(0, ...tasks);
  console.log(`# ${copies} copies, ${(copies * session.length / 1048576).toFixed(1)} MB, ${total} resolutions: opened in ${opened} ms; `
    + `long tasks: ${tasks.length}, longest ${longest.toFixed(0)} ms; ping max ${Math.max(...pings)} ms`);
  assert.ok(longest < 200, `no page task over 200 ms while the file parses (longest: ${longest.toFixed(0)} ms)`);
  assert.ok(await page.locator('progress').count() === 0, 'the progress bar is gone once it is open');
  await page.close();
});
