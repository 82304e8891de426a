// Where a first load's processor time goes, thread by thread: on a two-core machine the page, the
// worker and V8's background compiler share two cores, so a wall-clock figure mostly says who got
// a core, and the thread time (a trace's `tdur`) says what each did. A tool, not a benchmark:
//
//   node tests/browser/load-cpu.mjs LOADS DIR_A [DIR_B ...]
//
// fresh loads of each build directory in turn (alternated), medians in ms of: the worker's longest
// task and all its tasks, the page's main-thread tasks, V8's optimising compiles (TurboFan, on
// background threads) and the worker's baseline compiles of functions on their first call.
// Which functions V8 optimises, and at what cost: Chromium started with
// `--js-flags=--trace-wasm-compilation-times` prints a line for each.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { traceFirstLoad } from './harness.mjs';

const loads = Number(process.argv[2] ?? 5);
const dirs = process.argv.slice(3);
const path = join(tmpdir(), 'qarar-load-cpu.json');
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.wasm', 'blink.user_timing'];

/** One fresh load of `dir`, traced: its figures. */
async function load(dir) {
  const events = await traceFirstLoad(path, categories, { root: dir, settle: 800 });
  const thread = (e) => `${e.pid}:${e.tid}`;
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [thread(e), e.args.name]));
  const isWorker = (e) => names.get(thread(e)) === 'DedicatedWorker thread';
  const isMain = (e) => names.get(thread(e)) === 'CrRendererMain';
  const cpu = (keep) => events.filter(keep).reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  const tasks = (keep) => (e) => keep(e) && e.ph === 'X' && e.name === 'RunTask';
  return {
    'worker: longest task': Math.max(0, ...events.filter(tasks(isWorker)).map((e) => (e.tdur ?? 0) / 1000)),
    'worker: all tasks': cpu(tasks(isWorker)),
    'page: main-thread tasks': cpu(tasks(isMain)),
    'TurboFan (background)': cpu((e) => e.name === 'wasm.TopTierCompilation'),
    'worker: baseline compiles': cpu((e) => isWorker(e) && e.name === 'wasm.CompileLazy'),
  };
}

const runs = Object.fromEntries(dirs.map((d) => [d, []]));
for (let i = 0; i < loads; i++) {
  for (const dir of dirs) runs[dir].push(await load(dir));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const keys = Object.keys(runs[dirs[0]][0]);
for (const key of keys) {
  console.log(`${key.padEnd(28)} ${dirs.map((d) => median(runs[d].map((r) => r[key])).toFixed(1).padStart(9)).join(' ')}`);
}
console.log(`(processor time in ms, medians of ${loads} fresh loads each, alternated: ${dirs.join(' | ')})`);
