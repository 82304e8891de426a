// How fast this machine runs right now, against the quiet machine the budgets' gate was set on.
//
// The gate (bench.mjs) compares wall-clock figures with fixed budgets, and this machine kind is a
// shared 2-core VM: on some afternoons everything on it, code the change did not touch included,
// runs twice as slow (BENCHMARKS.md, "The gate on a slow machine"). A gate that fails then says
// nothing about the change. So the bench times a fixed piece of work that is not Qarar's — typed
// arrays filled, sorted and hashed, the kind of work the viewer's wasm does — before and after
// the page benchmarks, and the gate allows each figure that much more (at least 1×, at most
// `MAX_SLOWDOWN`×). The figures themselves are printed as measured.

/** The work's median on a quiet machine of this kind (see BENCHMARKS.md for how it was set). */
export const QUIET_MS = 150;
/** More than this and the machine is too slow to tell anything: the gate stays at this. */
export const MAX_SLOWDOWN = 2.5;

/** The fixed work: ~50 M simple steps over 17 MB of typed arrays; returns a hash so none is skipped. */
function work() {
  let x = 12345;
  const numbers = new Float64Array(1 << 20);
  for (let i = 0; i < numbers.length; i++) numbers[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
  numbers.sort();
  const bytes = new Uint8Array(1 << 24);
  for (let i = 0; i < bytes.length; i++) bytes[i] = numbers[i & 0xfffff] & 255;
  let h = 2166136261;
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619);
  }
  return h;
}

/** Times the work `runs` times; returns every time in ms. */
export function timeWork(runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * The machine's slowdown from timings of the work (all runs, from before and after the
 * benchmarks): their median over `QUIET_MS`, kept within 1 and `MAX_SLOWDOWN`.
 */
export function slowdown(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return { median, factor: Math.min(MAX_SLOWDOWN, Math.max(1, median / QUIET_MS)) };
}

// `node tests/browser/machine.mjs` prints the work's times and this machine's slowdown now.
if (import.meta.url === `file://${process.argv[1]}`) {
  const times = timeWork();
  const { median, factor } = slowdown(times);
  console.log(`work: ${times.map((t) => t.toFixed(0)).join(' ')} ms; median ${median.toFixed(0)} ms; slowdown ${factor.toFixed(2)}×`);
}
