// Where a first load's time goes: the page's own marks and measures (qarar:*) and every long task
// (Long Tasks API), on one time line, for a few fresh loads. A tool for finding the long tasks,
// not a benchmark: `node tests/browser/timeline.mjs [LOADS]`.
//
// Given build directories (`node tests/browser/timeline.mjs 7 /tmp/dist-a /tmp/dist-b`), it
// compares them instead: fresh loads of each in turn, alternated so that a noisy machine weighs
// on both alike, and the medians of what a first load costs the reader.
import { serve, launch, recordLongTasks } from './harness.mjs';

const loads = Number(process.argv[2] ?? 3);
const builds = process.argv.slice(3);

/** One fresh load: its marks, measures, resources and long tasks, by start time. */
async function load(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript(recordLongTasks);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('qarar:render').length > 0, null, { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(500);
  const rows = await page.evaluate(() => [
    ...performance.getEntries()
      .filter((e) => e.name.startsWith('qarar:') || e.entryType === 'resource' && /wasm|txt|js$/.test(e.name)
        || e.name === 'first-contentful-paint')
      .map((e) => [e.startTime, e.duration, `${e.entryType} ${e.name.replace(/^.*\//, '')}`]),
    ...window.__longTasks.map(([s, d]) => [s, d, 'LONG TASK']),
  ].sort((a, b) => a[0] - b[0]));
  await page.close();
  return rows;
}

/** The figures compared between builds, read from one load's rows. */
function figures(rows) {
  const at = (name) => rows.find(([, , n]) => n === name);
  const longest = Math.max(0, ...rows.filter(([, , n]) => n === 'LONG TASK').map(([, d]) => d));
  const start = at('mark qarar:start')?.[0];
  const mounted = at('mark qarar:mounted')?.[0];
  return {
    'first paint': at('paint first-contentful-paint')?.[0],
    'mount (qarar:start → qarar:mounted)': mounted - start,
    'qarar:lexicons (the worker, before its parse)': at('measure qarar:lexicons')?.[1],
    'qarar:parse': at('measure qarar:parse')?.[1],
    'document on the page (qarar:received)': at('mark qarar:received')?.[0],
    'list painted (qarar:render-end)': at('mark qarar:render-end')?.[0],
    'longest task': longest,
  };
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

const browser = await launch();
try {
  if (builds.length === 0) {
    const server = await serve();
    for (let i = 0; i < loads; i++) {
      console.log(`— load ${i + 1}`);
      for (const [s, d, n] of await load(browser, server.url)) {
        console.log(`${s.toFixed(0).padStart(6)} ${d.toFixed(0).padStart(5)}  ${n}`);
      }
    }
    await server.close();
  } else {
    const servers = await Promise.all(builds.map((dir) => serve(dir)));
    const seen = builds.map(() => []);
    for (let i = 0; i < loads; i++) {
      for (const [b, server] of servers.entries()) seen[b].push(figures(await load(browser, server.url)));
    }
    for (const key of Object.keys(seen[0][0])) {
      const cells = seen.map((runs) => median(runs.map((f) => f[key])).toFixed(1));
      console.log(`${key.padEnd(46)} ${cells.map((c) => c.padStart(9)).join(' ')}`);
    }
    console.log(`(medians of ${loads} fresh loads each, alternated: ${builds.join(' | ')})`);
    await Promise.all(servers.map((s) => s.close()));
  }
} finally {
  await browser.close();
}
