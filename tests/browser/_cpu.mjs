// CPU (thread) time of a first load's pieces, from a trace: the worker's parse task, TurboFan, lazy compiles.
import { readFile } from 'node:fs/promises';
import { serve, launch } from './harness.mjs';
const dirs = process.argv.slice(3); const n = Number(process.argv[2]);
const out = Object.fromEntries(dirs.map((d) => [d, []]));
for (let i = 0; i < n; i++) for (const dir of dirs) {
  const server = await serve(dir); const browser = await launch();
  const path = `/tmp/cpu-trace.json`;
  const page = await browser.newPage();
  await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.wasm', 'blink.user_timing', 'v8.execute'] });
  await page.goto(server.url);
  await page.waitForFunction(() => performance.getEntriesByName('qarar:render').length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(800);
  await browser.stopTracing(); await browser.close(); await server.close();
  const ev = JSON.parse(await readFile(path, 'utf8')).traceEvents;
  const th = (e) => `${e.pid}:${e.tid}`;
  const names = new Map(ev.filter((e) => e.name === 'thread_name').map((e) => [th(e), e.args.name]));
  const sum = (f) => ev.filter(f).reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000;
  const worker = (e) => /Worker/.test(names.get(th(e)) ?? '') && !/Pool/.test(names.get(th(e)) ?? '');
  const tasks = ev.filter((e) => worker(e) && e.name === 'RunTask' && e.ph === 'X').sort((a, b) => b.tdur - a.tdur);
  out[dir].push({
    workerTop: (tasks[0]?.tdur ?? 0) / 1000,
    workerAll: sum((e) => worker(e) && e.name === 'RunTask' && e.ph === 'X'),
    turbofan: sum((e) => e.name === 'wasm.TopTierCompilation'),
    lazyWorker: sum((e) => worker(e) && e.name === 'wasm.CompileLazy'),
    main: sum((e) => names.get(th(e)) === 'CrRendererMain' && e.name === 'RunTask' && e.ph === 'X'),
  });
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const d of dirs) { const rows = out[d]; console.log(d, Object.fromEntries(Object.keys(rows[0]).map((k) => [k, med(rows.map((r) => r[k])).toFixed(1)]))); }
