// Serves dist/ on loopback and launches Debian's Chromium through playwright-core.
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const dist = join(root, 'dist');
export const fixtures = join(root, 'tests', 'fixtures');

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

/** An init script that keeps every long task of the page (Long Tasks API) as
 * `[startTime, duration]` in `window.__longTasks`, from before the page's own scripts run. */
export const recordLongTasks = `window.__longTasks = []; new PerformanceObserver((l) => {
  for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: 'longtask', buffered: true });`;

/** A static server for dist/ (or another build's directory) on 127.0.0.1 and a free port. */
export async function serve(root = dist) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Chromium from Debian, headless, kept off the network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A Chromium trace of one fresh load of the build in `root`, with trace `categories`, to `path`:
 * from the navigation to `settle` ms after the list is first painted (`qarar:render`). Its
 * events. For the tools that read where a first load's time goes (trace.mjs, load-cpu.mjs).
 */
export async function traceFirstLoad(path, categories, { root = dist, settle = 300 } = {}) {
  const server = await serve(root);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await browser.startTracing(page, { path, categories });
    await page.goto(server.url);
    await page.waitForFunction(() => performance.getEntriesByName('qarar:render').length > 0, null, { timeout: 30000 });
    await page.waitForTimeout(settle);
    await browser.stopTracing();
  } finally {
    await browser.close();
    await server.close();
  }
  return JSON.parse(await readFile(path, 'utf8')).traceEvents;
}

/**
 * The server and the browser a test file's tests share: started before them, closed after. They
 * are live bindings: a test file imports `server` and `browser` and calls `withBrowser()` once.
 */
export let server;
export let browser;
export function withBrowser() {
  before(async () => {
    server = await serve();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}

/** Waits until a document is in: the default session arrives after the page is drawn. */
export const ready = (page) => page.waitForFunction(() => Number(document.querySelector('p.counter')?.dataset.total) > 0);

/** Opens the viewer at `search` and waits until the list is drawn. */
export async function open(browser, base, search = '') {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base + search);
  await ready(page);
  page.errors = errors;
  return page;
}

/** How many resolutions the view shows (the list draws only those near the viewport). */
export const shown = async (page) => Number(await page.locator('p.counter').getAttribute('data-shown'));
/** The ids of the resolutions the view shows, in order (from the contents list, which names them all). */
export async function shownIds(page) {
  await page.evaluate(() => { document.querySelector('[data-contents]').open = true; });
  await page.waitForFunction(() => document.querySelectorAll('[data-contents] [data-res]').length
    === Number(document.querySelector('p.counter').dataset.shown));
  return page.locator('[data-contents] [data-res]').evaluateAll((els) => els.map((e) => e.dataset.res));
}
export const counter = (page) => page.locator('p.counter').innerText();

// A zip archive of `files` ({ name: text }), entries stored uncompressed (what a .docx may be).
export function zipStored(files) {
  const table = new Uint32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const n = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += local.length + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

// A .docx of `text` as Word writes it: a paragraph per line, `**bold**` as bold runs.
export function docxOf(text) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const runs = (line) => line.split('**').map((t, i) => t && `<w:r>${i % 2 ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`).join('');
  const body = text.split('\n').map((l) => `<w:p>${runs(l)}</w:p>`).join('');
  return zipStored({
    '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  });
}

const axeSource = await readFile(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it stands and returns its serious and critical violations, each as
 * "rule: what (how many elements) e.g. selector". The script is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern (it would refuse an inline
 * script, as it should).
 */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.length} elements) e.g. ${v.nodes.slice(0, 3).join(' | ')}`);
}

/**
 * Scrolls the list from top to bottom and collects `what(article)` for every resolution card the
 * window draws on the way, by its data-index: each shown resolution once. The list draws only the
 * cards near the viewport; this is how a test sees them all.
 */
export async function everyCard(page, what) {
  const seen = {};
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 2000; i++) {
    await page.waitForTimeout(30);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    Object.assign(seen, await page.evaluate((src) => {
      const f = eval(src);
      return Object.fromEntries([...document.querySelectorAll('article[data-index]')].map((a) => [a.dataset.index, f(a)]));
    }, what.toString()));
    const done = await page.evaluate(() => {
      const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      window.scrollBy(0, window.innerHeight * 0.9);
      return bottom;
    });
    if (done) break;
  }
  return seen;
}
