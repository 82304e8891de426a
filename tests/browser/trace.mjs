// What a first load's long tasks hold: a Chromium trace of one fresh load of the built page, and
// each main-thread task over 20 ms with what inside it took over 4 ms (layouts with their object
// counts). A tool, not a benchmark (tracing slows the page): `node tests/browser/trace.mjs`.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { traceFirstLoad } from './harness.mjs';

const path = join(tmpdir(), 'qarar-trace.json');
const events = await traceFirstLoad(path, ['devtools.timeline', 'disabled-by-default-devtools.timeline',
  'v8.execute', 'blink.user_timing', 'loading']);
const thread = (e) => `${e.pid}:${e.tid}`;
const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map(thread));
// A loop, not Math.min(...): a trace holds more events than a call takes arguments.
const t0 = events.reduce((min, e) => (e.ts > 0 && e.ts < min ? e.ts : min), Infinity);
const ms = (us) => (us / 1000).toFixed(1);
for (const task of events.filter((e) => main.has(thread(e)) && e.ph === 'X' && e.name === 'RunTask' && e.dur > 20000)) {
  console.log(`task at ${ms(task.ts - t0)} ms: ${ms(task.dur)} ms`);
  const inside = events.filter((e) => thread(e) === thread(task) && e !== task && e.ph === 'X'
    && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.dur > 4000);
  for (const e of inside) {
    const layout = e.name === 'Layout' ? ` (${e.args?.beginData?.dirtyObjects} of ${e.args?.beginData?.totalObjects} objects)` : '';
    const what = e.args?.data?.url?.replace(/^.*\//, '') ?? e.args?.data?.functionName ?? '';
    console.log(`  +${ms(e.ts - task.ts).padStart(6)} ${ms(e.dur).padStart(6)} ${e.name}${layout} ${what}`);
  }
}
console.log(`(the whole trace: ${path}, for chrome://tracing or Perfetto)`);
