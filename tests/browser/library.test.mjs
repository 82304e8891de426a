// The reader's library: a document opened is kept in this browser and named in the URL by its
// content hash, so reload, Back/Forward and a bookmark bring it back; a link to a document this
// browser does not hold says so, and opening the file shows the linked view; a kept document
// can be removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { server, browser, withBrowser, open, shown, fixtures } from './harness.mjs';

withBrowser();

const older = join(fixtures, 'older-layout.txt');
const hashOf = async (path) => createHash('sha256').update(await readFile(path)).digest('hex').slice(0, 32);
const docParam = (page) => page.evaluate(() => new URLSearchParams(location.search).get('doc'));

test('an opened document is kept: the URL names it by content hash, and reload brings it back', async () => {
  const page = await open(browser, server.url);
  await page.setInputFiles('input[type=file]', older);
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  assert.equal(await docParam(page), await hashOf(older), 'doc= is the SHA-256 of the file (first 32 hex)');
  await page.waitForSelector(`[data-kept="${await hashOf(older)}"]`, { state: 'attached' });
  await page.click('[data-category=call]');
  await page.waitForFunction(() => /verb=call/.test(location.search));
  const url = page.url();
  await page.reload();
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  assert.equal(page.url(), url, 'the same view after reload');
  assert.equal(await page.getAttribute('[data-category=call]', 'aria-pressed'), 'true');
  assert.equal(await page.locator('[role=alert]').count(), 0, 'no notice: the document was found');
  // Back to the default session, Forward to the kept document.
  await page.goBack();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '56');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Back from an opened document to the default session leaves no word about the document left', async () => {
  const page = await open(browser, server.url);
  await page.setInputFiles('input[type=file]', older);
  await page.waitForFunction(() => /Opened older-layout\.txt/.test(document.querySelector('p.status')?.innerText));
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '56');
  assert.doesNotMatch(await page.locator('p.status').innerText(), /Opened/, 'the status line should not speak of the document left');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a link to a document this browser does not hold says so; opening the file shows the linked view', async () => {
  const hash = await hashOf(older);
  const page = await open(browser, server.url, `?doc=${hash}&res=${encodeURIComponent('36/45-س')}`);
  const notice = page.locator(`[data-missing-doc="${hash}"]`);
  await notice.waitFor();
  assert.match(await notice.innerText(), /does not hold/);
  assert.equal(await shown(page), 56, 'the default session is shown meanwhile');
  await page.setInputFiles('[data-open-file]', older);
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '1');
  assert.equal(await page.locator('[data-resolution="36/45-س"]').count(), 1, 'the linked resolution');
  assert.equal(await notice.count(), 0);
  assert.match(page.url(), new RegExp(`doc=${hash}`));
  await page.close();
});

test('a kept document can be removed; the view goes back to the default session', async () => {
  const page = await open(browser, server.url);
  await page.setInputFiles('input[type=file]', older);
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  const hash = await hashOf(older);
  await page.click('details.library summary');
  await page.click(`[data-kept="${hash}"] button.remove`);
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '56');
  await page.waitForFunction((h) => !document.querySelector(`[data-kept="${h}"]`), hash);
  assert.equal(await docParam(page), null);
  await page.goto(`${server.url}?doc=${hash}`);
  await page.locator(`[data-missing-doc="${hash}"]`).waitFor();
  await page.close();
});

test('a file over 50 MB is refused before it is read', async () => {
  const page = await open(browser, server.url);
  const dir = await mkdtemp(join(tmpdir(), 'qarar-'));
  const big = join(dir, 'huge.txt');
  await writeFile(big, Buffer.alloc(51 * 1024 * 1024, 0x20));
  await page.setInputFiles('input[type=file]', big);
  await rm(dir, { recursive: true });
  await page.waitForSelector('[role=alert]');
  assert.match(await page.locator('[role=alert]').innerText(), /up to 50 MB/);
  assert.equal(await shown(page), 56);
  await page.close();
});
