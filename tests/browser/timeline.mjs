// Where a first load's time goes: the page's own marks and measures (qarar:*) and every long task
// (Long Tasks API), on one time line, for a few fresh loads. A tool for finding the long tasks,
// not a benchmark: `node tests/browser/timeline.mjs [LOADS]`.
import { serve, launch } from './harness.mjs';

const loads = Number(process.argv[2] ?? 3);
const server = await serve();
const browser = await launch();
try {
  for (let i = 0; i < loads; i++) {
    const page = await browser.newPage();
    await page.addInitScript(`window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`);
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('qarar:index').length > 0, null, { timeout: 30000 }).catch(() => {});
    await page.waitForTimeout(500);
    const rows = await page.evaluate(() => [
      ...performance.getEntries()
        .filter((e) => e.name.startsWith('qarar:') || e.entryType === 'resource' && /wasm|txt|js$/.test(e.name))
        .map((e) => [e.startTime, e.duration, `${e.entryType} ${e.name.replace(/^.*\//, '')}`]),
      ...window.__long.map(([s, d]) => [s, d, 'LONG TASK']),
    ].sort((a, b) => a[0] - b[0]));
    console.log(`— load ${i + 1}`);
    for (const [s, d, n] of rows) console.log(`${s.toFixed(0).padStart(6)} ${d.toFixed(0).padStart(5)}  ${n}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
