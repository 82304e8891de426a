// Starts the background parser at once, while the page's own wasm is still on its way, and fetches
// the default session meanwhile: the worker parses it as soon as it is running. The page adopts the
// worker (src/app/worker.rs, Parse::adopt_boot) and hears the messages it sent before then, in
// order. Without this script, or if it fails, the page starts a worker itself.
(() => {
  // index.html's first screen shows the default view; a link to another one skips it (the viewer
  // draws what the link names).
  if (location.search.length > 1 || location.hash.length > 1) document.documentElement.classList.add('linked');
  try {
    const session = 'cfm-44-political-ar.txt';
    const bytes = fetch(session).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(r.status)));
    const worker = new Worker('./qarar-worker_loader.js', { name: 'default-session' });
    const early = [];
    let hear = null;
    worker.onmessage = (e) => {
      // The worker is listening: hand it the session (the protocol in worker.rs), or let it fetch.
      if (e.data && e.data.kind === 'ready') {
        bytes.then((b) => worker.postMessage({ bytes: b }, [b]), () => worker.postMessage({ fetch: session }));
      } else if (hear) {
        hear(e.data);
      } else {
        early.push(e.data);
      }
    };
    const adopt = (f) => {
      hear = f;
      for (const m of early.splice(0)) f(m);
    };
    window.qararBoot = { worker, adopt };
  } catch (_) {
    window.qararBoot = null;
  }
})();
