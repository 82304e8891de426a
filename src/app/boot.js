// Starts the background parser at once, while the page's own wasm is still on its way: the worker
// fetches the default session itself as soon as it runs (its name carries the address; worker.rs,
// FETCH_AT_START) and parses it. Handing it the bytes from here waited for this thread, which is
// busy starting the page's wasm just when the worker is ready. The page adopts the worker
// (src/app/worker.rs, Parse::adopt_boot) and hears the messages it sent before then, in order.
// Without this script, or if it fails, the page starts a worker itself.
(() => {
  // index.html's first screen shows the default view; a link to another one skips it (the viewer
  // draws what the link names).
  if (location.search.length > 1 || location.hash.length > 1) document.documentElement.classList.add('linked');
  // The text size the reader chose on an earlier visit (the viewer keeps it: page.rs), before the
  // first screen is drawn, so that the page is not drawn at one size and then another.
  try {
    const scale = Number(localStorage.getItem('qarar:scale'));
    if (Number.isInteger(scale) && scale >= 50 && scale <= 200 && scale !== 100) document.documentElement.style.setProperty('--text-scale', (scale / 100).toFixed(2));
  } catch (_) {
    // No storage (a private window's policy): the style sheet's size.
  }
  try {
    const session = 'cfm-44-political-ar.txt';
    const worker = new Worker('./qarar-worker_loader.js', { name: `fetch:${session}` });
    const early = [];
    let hear = null;
    worker.onmessage = (e) => {
      // "ready" says the worker is listening; it is already fetching the session.
      if (e.data && e.data.kind === 'ready') return;
      if (hear) {
        hear(e.data);
      } else {
        early.push(e.data);
      }
    };
    // The messages heard so far are handed over one per task, as the worker's own come: handed
    // over at once, they ran inside the task that mounts the app (the whole document drawn in
    // it, when it had arrived first), the longest task of a load. Messages that come meanwhile
    // wait behind them, in order.
    const adopt = (f) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (early.length === 0) {
          hear = f;
          channel.port1.close();
          return;
        }
        f(early.shift());
        channel.port2.postMessage(null);
      };
      channel.port2.postMessage(null);
    };
    window.qararBoot = { worker, adopt };
  } catch (_) {
    window.qararBoot = null;
  }
})();
