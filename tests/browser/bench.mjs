// The viewer's performance budgets, measured as the reader feels them, in headless Chromium on the
// page `trunk build --release` made (run: bash scripts/bench-browser.sh; method in BENCHMARKS.md).
//
// Every interaction is timed until the next frame is painted: the event, then the frame that
// shows its result (requestAnimationFrame), then a task after it (a zero timeout), since the
// frame's style, layout and paint run between the two. A page is ready when the reader can use it.
// Each figure is a median of several runs. Prints one line per figure and, last, a JSON object of
// them all; exits 1 when any figure is more than 50% over its budget (a regression, not a flake),
// timed figures allowed as much more as the machine is slower than the quiet one (machine.mjs).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, fixtures, recordLongTasks } from './harness.mjs';
import { nextSession } from './next-session.mjs';
import { slowdown, timeWork } from './machine.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const LOADS = Number(process.env.QARAR_BENCH_LOADS ?? 5);
const results = [];
/**
 * How far a figure is from its budget: 1 is on budget, 1.5 is 50% worse. `atLeast` budgets (a
 * throughput) are worse below.
 */
const ratio = (r) => (r.atLeast ? r.budget / Math.max(r.value, 1e-9) : r.value / r.budget);
/** Records a figure against its budget (at most, or `atLeast`). */
function figure(name, value, budget, unit = 'ms', note = '', atLeast = false) {
  const r = { name, value, budget, unit, note, atLeast };
  results.push(r);
  const x = ratio(r);
  const over = x > 1 ? (x > 1.5 ? '  ** OVER BY MORE THAN 50% **' : '  (over budget)') : '';
  console.log(`${name}: ${value.toFixed(1)} ${unit} (budget ${atLeast ? '≥' : '≤'} ${budget} ${unit})${note ? ` — ${note}` : ''}${over}`);
}

// Figures still more than 50% over their budgets when this gate was set up (BENCHMARKS.md says
// why and what would meet them): they are printed, and fail the gate only if they get worse than
// the limit given here. Every other figure fails at 150% of its budget.
const NOT_YET = {
  // About twice what they measure on a quiet run (BENCHMARKS.md): room for a loaded machine.
  'qarar:parse (default session, in the worker, its first run)': 250,
  'qarar parse on the 50 MB file, end to end': 25,
  // (The CLI's peak memory left this list on 2026-12-03: 5.17× the input, inside 150% of 4×;
  // 3.71× since its resolutions are read from stretches of their own. The longest task while
  // loading left it on 2026-12-08: 63 and 77 ms on two runs, most single loads none over 50 ms.)
};

// In every page: when the first resolution is painted, and when the list is ready (its counter
// carries the totals), as performance marks.
const watch = () => {
  const painted = (name) => requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
  let first = false;
  let ready = false;
  new MutationObserver(() => {
    // The first resolution the reader sees: index.html's first screen, or the viewer's first card.
    if (!first && document.querySelector('[data-resolution], #first-screen [data-first-screen]')) { first = true; painted('bench:first-card'); }
    const c = document.querySelector('p.counter[data-total]');
    if (!ready && c && c.dataset.total !== '0' && c.dataset.shown === c.dataset.total && document.querySelector('[data-resolution]')) {
      ready = true;
      painted('bench:ready');
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
};

/** Clicks `selector` and resolves with the time to the next painted frame. */
const clickToPaint = (selector) => new Promise((done) => {
  const b = document.querySelector(selector);
  const t0 = performance.now();
  b.click();
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
});

async function pageLoads(browser, url) {
  const first = [];
  const ready = [];
  const parse = [];
  const render = [];
  const longest = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage();
    await page.addInitScript(`(${watch})(); ${recordLongTasks}`);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bench:ready').length > 0
      && performance.getEntriesByName('qarar:render').length > 0, null, { timeout: 30000 });
    // The default session arrives with its search index (the worker builds it with the parse);
    // a page that builds one itself does so when idle, within the second waited here, so that
    // its task is counted. (This waited up to 30 s for that mark on every load: 2.5 minutes of
    // each run, the default session's index never being built on the page.)
    await page.waitForFunction(() => performance.getEntriesByName('qarar:index').length > 0, null, { timeout: 1000 }).catch(() => {});
    await page.waitForTimeout(300);
    const t = await page.evaluate(() => ({
      first: performance.getEntriesByName('bench:first-card')[0].startTime,
      ready: performance.getEntriesByName('bench:ready')[0].startTime,
      parse: performance.getEntriesByName('qarar:parse')[0]?.duration ?? NaN,
      render: performance.getEntriesByName('qarar:render')[0]?.duration ?? NaN,
      longest: Math.max(0, ...window.__longTasks.map(([, d]) => d)),
    }));
    first.push(t.first);
    ready.push(t.ready);
    parse.push(t.parse);
    render.push(t.render);
    longest.push(t.longest);
    await page.close();
  }
  figure('open: first resolution painted', median(first), 400, 'ms', `median of ${LOADS} loads`);
  figure('open: all 56 ready (counted, drawable)', median(ready), 700, 'ms', `median of ${LOADS} loads`);
  figure('qarar:parse (default session, in the worker, its first run)', median(parse), 25);
  figure('qarar:render (parse end → list painted)', median(render), 150);
  figure('open: longest main-thread task', median(longest), 50, 'ms', 'median of the loads\' longest');
}

/** A page on `url`, once its list is ready and a moment has passed for the idle work after it. */
async function readyPage(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript(`(${watch})();`);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('bench:ready').length > 0);
  await page.waitForTimeout(500);
  return page;
}

async function chipClicks(browser, url) {
  const page = await readyPage(browser, url);
  const clicks = [];
  for (let i = 0; i < 6; i++) clicks.push(await page.evaluate(clickToPaint, 'button[data-category="condemn"]'));
  figure('verb chip click → next frame painted', median(clicks), 50, 'ms', `median of 6 toggles, max ${Math.max(...clicks).toFixed(0)}`);
  const keys = [];
  for (const w of ['الص', 'الصو', 'الصوم', 'الصوما', 'الصومال']) {
    keys.push(await page.evaluate((w) => new Promise((done) => {
      const input = document.querySelector('input[type=search]');
      const t0 = performance.now();
      input.value = w;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The view follows when typing pauses: time to the frame that shows the filtered list.
      const want = () => document.querySelector('p.counter')?.dataset.query === w;
      const wait = () => (want() ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0)) : setTimeout(wait, 1));
      wait();
    }), w));
  }
  figure('search keystroke → filtered list painted', median(keys), 50, 'ms', 'median of 5 keystrokes');
  await page.close();
}

/**
 * The overview (`overview=1`): opened from its toggle until drawn with its map and painted (the
 * worker parses the document again and fetches the map), then a bar clicked until both the list
 * and the redrawn overview are painted (the overview is the worker's answer: a round trip).
 */
async function overviewClicks(browser, url) {
  const page = await readyPage(browser, url);
  const opened = await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    document.querySelector('[data-overview]').click();
    const wait = () => (document.querySelector('.overview-content[data-ready=map]')
      ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0)) : setTimeout(wait, 1));
    wait();
  }));
  figure('overview: opened → charts and map painted', opened, 500);
  const clicks = [];
  for (let i = 0; i < 6; i++) {
    clicks.push(await page.evaluate(() => new Promise((done) => {
      const bar = () => document.querySelector('[data-chart=verbs] a[data-category=condemn]');
      const want = bar().getAttribute('aria-pressed') === 'true' ? 'false' : 'true';
      const t0 = performance.now();
      bar().dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      const wait = () => (bar()?.getAttribute('aria-pressed') === want
        ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0)) : setTimeout(wait, 1));
      wait();
    })));
  }
  figure('overview: bar click → list and overview painted', median(clicks), 100, 'ms', `median of 6 toggles, max ${Math.max(...clicks).toFixed(0)}`);
  await page.close();
}

/**
 * Two sessions compared (`compare=`): the next session (the default one with known edits) opened,
 * then "Compare" on the default session in the library, until the comparison is painted. The
 * figure with a budget is the worker's own `qarar:compare` (pairing and diffing both documents,
 * already parsed: issue 17's budget); the whole wait, which includes starting a worker and parsing
 * both, is in its note.
 */
async function comparisons(browser, url) {
  const text = Buffer.from(nextSession(await readFile(join(fixtures, '..', '..', 'sessions', 'cfm-44-political-ar.txt'), 'utf8')));
  const [compare, whole] = [[], []];
  for (let i = 0; i < LOADS; i++) {
    const page = await readyPage(browser, url);
    await page.setInputFiles('[data-open-file]', { name: 'cfm-45-next.txt', mimeType: 'text/plain', buffer: text });
    await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.total === '56'
      && new URLSearchParams(location.search).get('doc'));
    await page.waitForTimeout(500);
    await page.click('details.library summary');
    const button = page.locator('details.library li').first().locator('[data-compare-with]');
    await button.evaluate((b) => {
      window.__t0 = performance.now();
      b.click();
    });
    whole.push(await page.evaluate(() => new Promise((done) => {
      const wait = () => (document.querySelector('[data-compare-summary]')
        ? requestAnimationFrame(() => setTimeout(() => done(performance.now() - window.__t0), 0)) : setTimeout(wait, 1));
      wait();
    })));
    compare.push(await page.evaluate(() => performance.getEntriesByName('qarar:compare')[0].duration));
    await page.close();
  }
  figure('qarar:compare (two sessions paired and diffed, in the worker)', median(compare), 50, 'ms',
    `median of ${LOADS}, ${Math.min(...compare).toFixed(0)}–${Math.max(...compare).toFixed(0)}; click → comparison painted ${median(whole).toFixed(0)} ms`);
}

async function large(browser, url) {
  const dir = await mkdtemp(join(tmpdir(), 'qarar-bench-'));
  try {
    const session = await readFile(join(fixtures, '..', '..', 'sessions', 'cfm-44-political-ar.txt'));
    const copies = Math.floor((50 * 1024 * 1024 - 1) / session.length);
    const big = join(dir, 'fifty.txt');
    await writeFile(big, Buffer.concat(Array(copies).fill(session)));
    const total = 56 * copies;
    const page = await browser.newPage();
    await page.addInitScript(`(${watch})();`);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bench:ready').length > 0);
    // Frame gaps: a requestAnimationFrame loop notes the longest time between frames.
    await page.evaluate(() => {
      window.__gap = 0;
      let last = performance.now();
      const tick = (t) => { window.__gap = Math.max(window.__gap, t - last); last = t; window.__raf = requestAnimationFrame(tick); };
      window.__raf = requestAnimationFrame(tick);
    });
    const t0 = Date.now();
    await page.setInputFiles('[data-open-file]', big);
    await page.waitForFunction((n) => {
      const c = document.querySelector('p.counter');
      return c && c.dataset.total === String(n) && c.dataset.shown === String(n) && document.querySelector('[data-resolution]');
    }, total, { timeout: 180000, polling: 50 });
    const opened = Date.now() - t0;
    const gap = await page.evaluate(() => { cancelAnimationFrame(window.__raf); return window.__gap; });
    figure(`50 MB file (${total} resolutions): opened, counted, ready`, opened, 4000);
    figure('50 MB file: longest gap between frames while opening', gap, 100);
    const clicks = [];
    for (let i = 0; i < 6; i++) clicks.push(await page.evaluate(clickToPaint, 'button[data-category="condemn"]'));
    figure('50 MB view: verb chip click → next frame painted', median(clicks), 100, 'ms', 'median of 6 toggles');
    await page.close();
  } finally {
    await rm(dir, { recursive: true });
  }
}

// The machine's speed, before the benchmarks and after them (machine.mjs).
const workTimes = timeWork();
const server = await serve();
const browser = await launch();
try {
  await pageLoads(browser, server.url);
  await chipClicks(browser, server.url);
  await overviewClicks(browser, server.url);
  await comparisons(browser, server.url);
  if (!process.env.QARAR_BENCH_SKIP_LARGE) await large(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}
for (const extra of (process.env.QARAR_BENCH_EXTRA ?? '').split(';').filter(Boolean)) {
  // Figures measured outside the browser (wasm size, the CLI), passed in by the script.
  const [name, value, budget, unit, direction] = extra.split('|');
  figure(name, Number(value), Number(budget), unit, '', direction === 'at-least');
}
workTimes.push(...timeWork());
const machine = slowdown(workTimes);
console.log(JSON.stringify(results));
console.log(`machine: the fixed work's median ${machine.median.toFixed(0)} ms, a slowdown of ${machine.factor.toFixed(2)}× (machine.mjs); the gate allows timed figures that much more`);
/** Figures that are times or speeds, which a slow machine changes; sizes and memory it does not. */
const timed = (r) => r.unit === 'ms' || r.unit === 'MB/s';
const failed = results.filter((r) => {
  const allowance = timed(r) ? machine.factor : 1;
  const limit = NOT_YET[r.name];
  if (limit === undefined) return ratio(r) > 1.5 * allowance;
  return r.atLeast ? r.value < limit / allowance : r.value > limit * allowance;
});
if (failed.length) {
  console.error(`over the gate: ${failed.map((r) => `${r.name} (${r.value.toFixed(1)} ${r.unit})`).join('; ')}`);
  process.exit(1);
}
console.error('performance gate: passed');
