// Budgets of the viewer, measured in headless Chromium (run: bash scripts/bench-browser.sh):
//  - interactive: from navigation start to all resolutions in the DOM (end of the qarar:render
//    measure, which closes on the first frame after the list is drawn), median of 7 loads;
//  - a filter change (a verb chip clicked) and a search keystroke to the updated DOM: from the
//    event to the next animation frame, median of 15 each.
import { serve, launch } from './harness.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve();
const browser = await launch();
try {
  const loads = [];
  const parses = [];
  for (let i = 0; i < 7; i++) {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('qarar:render').length > 0);
    const t = await page.evaluate(() => {
      const r = performance.getEntriesByName('qarar:render')[0];
      const p = performance.getEntriesByName('qarar:parse')[0];
      return { ready: r.startTime + r.duration, parse: p.duration, n: document.querySelectorAll('[data-resolution]').length };
    });
    if (t.n !== 56) throw new Error(`expected 56 resolutions, saw ${t.n}`);
    loads.push(t.ready);
    parses.push(t.parse);
    await page.close();
  }
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('qarar:render').length > 0);
  const clicks = [];
  for (let i = 0; i < 15; i++) {
    clicks.push(await page.evaluate(() => new Promise((done) => {
      const b = document.querySelector('button[data-category="condemn"]');
      const t0 = performance.now();
      b.click();
      requestAnimationFrame(() => done(performance.now() - t0));
    })));
  }
  const keys = [];
  const words = [...'الصومال'].map((_, i, a) => a.slice(0, i + 1).join('')).concat([...'مكافحة الإرهاب'].map((_, i, a) => a.slice(0, i + 1).join('')));
  for (const w of words) {
    keys.push(await page.evaluate((w) => new Promise((done) => {
      const input = document.querySelector('input[type=search]');
      const t0 = performance.now();
      input.value = w;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      requestAnimationFrame(() => done(performance.now() - t0));
    }), w));
  }
  const f = (x) => x.toFixed(1);
  console.log(`interactive (navigation → 56 in DOM): median ${f(median(loads))} ms, max ${f(Math.max(...loads))} ms (7 loads)`);
  console.log(`qarar:parse in the browser: median ${f(median(parses))} ms`);
  console.log(`verb filter click → DOM updated: median ${f(median(clicks))} ms, max ${f(Math.max(...clicks))} ms (15)`);
  console.log(`search keystroke → DOM updated: median ${f(median(keys))} ms, max ${f(Math.max(...keys))} ms (${keys.length}, typing الصومال then مكافحة الإرهاب)`);
} finally {
  await browser.close();
  await server.close();
}
