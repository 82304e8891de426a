// The viewer in a real browser: the default view, each filter through the controls and the URL,
// Back/Forward, search, opening and dropping a file, the JS API, the timing marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { server, browser, withBrowser, open, ready, shown, shownIds, everyCard, counter, fixtures, docxOf } from './harness.mjs';

withBrowser();

test('the default session opens with all 56 resolutions, verbs marked and timed', async () => {
  const page = await open(browser, server.url);
  assert.equal(await shown(page), 56, 'all 56 resolutions should be in the DOM');
  assert.match(await counter(page), /56 of 56/);
  assert.equal(await page.locator('[data-resolution="44/1-س"] h2 .title').innerText(), 'الوضع في الصومال');
  assert.ok(await page.locator('[data-resolution]').count() < 10, 'only the cards near the viewport are drawn');
  assert.equal(await page.locator('[data-verb="condemn"]').first().getAttribute('data-gloss') !== null, true);
  const cards = await everyCard(page, (a) => a.querySelectorAll('[data-verb]').length);
  assert.equal(Object.keys(cards).length, 56, 'scrolling down the list draws every resolution in turn');
  const verbs = Object.values(cards).reduce((a, b) => a + b, 0);
  assert.ok(verbs > 500, `operative verbs should be highlighted (${verbs})`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const marks = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
  assert.ok(marks.includes('qarar:parse'), 'a qarar:parse measure should be recorded');
  await page.waitForFunction(() => performance.getEntriesByName('qarar:render').length > 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a region chosen with the control filters and goes into the URL', async () => {
  const page = await open(browser, server.url);
  await page.fill('#region-input', 'Sahel');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  assert.deepEqual(await shownIds(page), ['44/6-س', '44/21-س', '44/55-س']);
  assert.match(decodeURIComponent(page.url()), /region=sahel/);
  await page.fill('#region-input', 'sah');
  assert.equal(await page.locator('[role=option][data-region="sahel"]').count(), 1, 'the control carries data-region');
  await page.close();
});

test('filters from the URL, combined: the matching clauses first, the whole resolution on request', async () => {
  const page = await open(browser, server.url, '?region=kashmir');
  assert.equal(await shown(page), 2);
  await page.goto(server.url + '?region=somalia&verb=condemn');
  await ready(page);
  assert.equal(await shown(page), 1);
  assert.ok(await page.locator('li.clause.match').count() >= 1, 'matching clauses are emphasised');
  const hidden = await page.locator('li.clause.dim[hidden]').count();
  assert.ok(hidden >= 1, 'the other clauses wait behind "show the whole resolution"');
  assert.equal(await page.locator('details.preamble[hidden]').count(), 1, 'so does a preamble that does not match');
  await page.click('button.whole');
  await page.waitForFunction(() => !document.querySelector('li.clause.dim[hidden]'));
  assert.ok(await page.locator('li.clause.dim').count() >= hidden, 'shown, and quieter than the matches');
  await page.close();
});

test('a verb category chip toggles, and Back and Forward restore the views', async () => {
  const page = await open(browser, server.url);
  await page.click('button[data-category="condemn"]');
  await page.waitForFunction(() => document.querySelector('p.counter').innerText.includes('22 of'));
  assert.match(page.url(), /verb=condemn/);
  await page.click('button[data-category="reject"]');
  await page.waitForFunction(() => /verb=condemn(,|%2C)reject/.test(location.search));
  const both = await shown(page);
  assert.ok(both >= 22);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('p.counter').innerText.includes('22 of'));
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '56');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('p.counter').innerText.includes('22 of'));
  await page.reload();
  await ready(page);
  assert.match(await counter(page), /22 of 56/, 'reload restores the view');
  await page.close();
});

test('search is Arabic-normalised, highlights hits and replaces the history entry while typing', async () => {
  const page = await open(browser, server.url);
  const before = await page.evaluate(() => history.length);
  await page.fill('input[type=search]', 'الارهاب');
  await page.waitForFunction(() => !document.querySelector('p.counter').innerText.startsWith('56 '));
  const n = await shown(page);
  assert.ok(n > 5 && n < 56, `a search for الارهاب (without hamza) should find الإرهاب (${n})`);
  assert.ok(await page.locator('mark.hit').count() > 0, 'hits are highlighted');
  assert.equal(await page.evaluate(() => history.length), before, 'typing replaces, it does not push');
  await page.fill('input[type=search]', 'كلمةلاتوجدفيالنص');
  await page.waitForSelector('.empty');
  await page.click('.empty button');
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '56');
  await page.close();
});

test('unknown values are ignored with a notice, and a clause link opens on its clause', async () => {
  const page = await open(browser, server.url, '?region=atlantis&verb=bogus');
  assert.equal(await shown(page), 56);
  assert.match(await page.locator('.notice').innerText(), /region=atlantis/);
  await page.goto(server.url + '?res=44/1-%D8%B3&clause=op3');
  await ready(page);
  assert.equal(await shown(page), 1);
  const target = page.locator('.target');
  assert.equal(await target.count(), 1);
  assert.match(await target.innerText(), /يرحب بالتقدم/);
  await page.close();
});

test('opening a file with the file input replaces the view; a bad file is refused', async () => {
  const page = await open(browser, server.url);
  await page.setInputFiles('input[type=file]', join(fixtures, 'older-layout.txt'));
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  assert.equal(await page.locator('[data-resolution="36/45-س"]').count(), 1);
  await page.setInputFiles('input[type=file]', { name: 'image.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0]) });
  await page.waitForSelector('[role=alert]');
  assert.match(await page.locator('[role=alert]').innerText(), /PNG image.*\.docx/s);
  assert.equal(await shown(page), 3, 'the current view stays as it was');
  await page.close();
});

test('a Word .docx, a saved web page, UTF-16 and CRLF with a BOM open like the text; a PDF is refused naming what works', async () => {
  const page = await open(browser, server.url);
  const session = await readFile(join(fixtures, '..', '..', 'sessions', 'cfm-44-political-ar.txt'), 'utf8');
  const older = await readFile(join(fixtures, 'older-layout.txt'), 'utf8');
  await page.setInputFiles('input[type=file]', { name: 'older.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docxOf(older) });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  await page.setInputFiles('input[type=file]', { name: 'session.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docxOf(session) });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '56');
  const marked = Object.values(await everyCard(page, (a) => a.querySelectorAll('mark.verb').length)).reduce((a, b) => a + b, 0);
  assert.ok(marked > 550, `the verbs of the .docx are found and marked (${marked})`);
  // The same session as UTF-16 with a byte-order mark, and with CRLF and a UTF-8 BOM.
  await page.setInputFiles('input[type=file]', { name: 'older.txt', mimeType: 'text/plain', buffer: Buffer.from(older) });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  await page.setInputFiles('input[type=file]', { name: 'utf16.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(session, 'utf16le')]) });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '56');
  await page.setInputFiles('input[type=file]', { name: 'older.txt', mimeType: 'text/plain', buffer: Buffer.from(older) });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  await page.setInputFiles('input[type=file]', { name: 'crlf.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(session.replace(/\n/g, '\r\n'))]) });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '56');
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = `<!DOCTYPE html><html><head><script>window.pwned = 1</script></head><body>${esc(older).split('\n').map((l) => `<p>${l.replace(/\*\*(.*?)\*\*/g, '<b>$1</b>')}</p>`).join('')}</body></html>`;
  await page.setInputFiles('input[type=file]', { name: 'older.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'the script in the page did not run');
  await page.setInputFiles('input[type=file]', { name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
  await page.waitForSelector('[role=alert]');
  assert.match(await page.locator('[role=alert]').innerText(), /PDF.*\.docx/s);
  assert.equal(await shown(page), 3, 'the current view stays as it was');
  await page.close();
});

test('dropping a file anywhere opens it', async () => {
  const page = await open(browser, server.url);
  const text = await readFile(join(fixtures, 'toc-only-layout.txt'), 'utf8');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'dropped.txt', { type: 'text/plain' }));
    return d;
  }, text);
  await page.dispatchEvent('[data-dropzone]', 'dragover', { dataTransfer: dt });
  assert.equal(await page.locator('.drop-overlay.visible').count(), 1, 'a drop overlay shows');
  await page.dispatchEvent('[data-dropzone]', 'drop', { dataTransfer: dt });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '2');
  assert.equal(await page.locator('.drop-overlay.visible').count(), 0);
  await page.close();
});

test('the parser is exported for scripts as wasmBindings.parse, a promise', async () => {
  const page = await open(browser, server.url);
  const text = await readFile(join(fixtures, 'older-layout.txt'), 'utf8');
  const out = await page.evaluate(async (t) => {
    const d = await window.wasmBindings.parse(t);
    return { n: d.resolutions.length, id: d.resolutions[0].id, verb: d.resolutions[0].operative[0].verbs[0].lemma, unplaced: d.unplaced };
  }, text);
  assert.deepEqual(out, { n: 3, id: '36/45-س', verb: 'يدعو', unplaced: [] });
  const err = await page.evaluate(async () => { try { await window.wasmBindings.parse('hello'); return null; } catch (e) { return String(e.message); } });
  assert.match(err, /no resolution found/);
  await page.close();
});

test('document text is never markup: HTML and script in a file stay text, under a strict CSP', async () => {
  const page = await open(browser, server.url);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/, 'a CSP without unsafe-inline');
  assert.doesNotMatch(csp, /unsafe-inline/);
  let dialogs = 0;
  page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  const evil = [
    'قرار رقم 44/1-س',
    'بشأن <img src=x onerror="alert(1)"> الوضع',
    'إنّ مجلس وزراء الخارجية، المنعقد في دورته؛',
    '1. **يدين** <script>alert(2)</script> و<b onmouseover="alert(3)">نص</b> javascript:alert(4)',
  ].join('\n');
  await page.setInputFiles('input[type=file]', { name: 'evil.txt', mimeType: 'text/plain', buffer: Buffer.from(evil) });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '1');
  const clause = page.locator('li.clause').first();
  assert.match(await clause.innerText(), /<script>alert\(2\)<\/script>/, 'the script text is shown as text');
  assert.equal(await page.locator('main script, main img, main b').count(), 0, 'no element was made from the text');
  await clause.hover();
  assert.equal(dialogs, 0, 'nothing from the document ran');
  assert.deepEqual(page.errors, []);
  await page.close();
});
