// Where the main thread's time goes while the 50 MB file opens (the default session ×115, as the
// bench builds it): the page's marks and measures (qarar:*), every long task (Long Tasks API) and
// every gap between animation frames over 50 ms, on one time line from the file's choice. A tool
// for finding the bench's "longest gap between frames", not a benchmark:
// `node tests/browser/large-timeline.mjs [OPENS] [DIST]`.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, recordLongTasks, fixtures, dist } from './harness.mjs';

const opens = Number(process.argv[2] ?? 2);
const root = process.argv[3] ?? dist;

const dir = await mkdtemp(join(tmpdir(), 'qarar-large-'));
const session = await readFile(join(fixtures, '..', '..', 'sessions', 'cfm-44-political-ar.txt'));
const copies = Math.floor((50 * 1024 * 1024 - 1) / session.length);
const big = join(dir, 'fifty.txt');
await writeFile(big, Buffer.concat(Array(copies).fill(session)));
const total = 56 * copies;

const server = await serve(root);
const browser = await launch();
try {
  for (let i = 0; i < opens; i++) {
    const page = await browser.newPage();
    await page.addInitScript(recordLongTasks);
    await page.goto(server.url);
    await page.waitForFunction(() => Number(document.querySelector('p.counter')?.dataset.total) > 0);
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      window.__gaps = [];
      let last = performance.now();
      const tick = (t) => { if (t - last > 50) window.__gaps.push([last, t - last]); last = t; window.__raf = requestAnimationFrame(tick); };
      window.__raf = requestAnimationFrame(tick);
      window.__t0 = performance.now();
    });
    await page.setInputFiles('[data-open-file]', big);
    await page.waitForFunction((n) => {
      const c = document.querySelector('p.counter');
      return c && c.dataset.total === String(n) && c.dataset.shown === String(n);
    }, total, { timeout: 180000, polling: 50 });
    const rows = await page.evaluate(() => {
      cancelAnimationFrame(window.__raf);
      const t0 = window.__t0;
      return [
        ...performance.getEntries().filter((e) => e.name.startsWith('qarar:') && e.startTime >= t0)
          .map((e) => [e.startTime - t0, e.duration, `${e.entryType} ${e.name}`]),
        ...window.__longTasks.filter(([s]) => s >= t0).map(([s, d]) => [s - t0, d, 'LONG TASK']),
        ...window.__gaps.map(([s, d]) => [s - t0, d, 'FRAME GAP']),
      ].sort((a, b) => a[0] - b[0]);
    });
    console.log(`— open ${i + 1}`);
    for (const [s, d, n] of rows) console.log(`${s.toFixed(0).padStart(6)} ${d.toFixed(0).padStart(5)}  ${n}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  await rm(dir, { recursive: true });
}
