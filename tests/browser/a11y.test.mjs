// Accessibility with axe-core: no serious or critical violation on the default view, a filtered
// view and an opened file; keyboard focus visible on every control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { server, browser, withBrowser, open, shown, fixtures, axeViolations } from './harness.mjs';

withBrowser();

test('axe finds no serious or critical violation on the default view', async () => {
  const page = await open(browser, server.url);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('axe finds no serious or critical violation on a filtered view, with search hits', async () => {
  const page = await open(browser, server.url, '?region=somalia&verb=condemn&q=%D8%A7%D9%84%D8%B5%D9%88%D9%85%D8%A7%D9%84');
  assert.equal(await shown(page), 1);
  assert.ok(await page.locator('mark.hit').count() > 0, 'the view should show search hits');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('axe finds no serious or critical violation with a file opened and its notes open', async () => {
  const page = await open(browser, server.url);
  const text = await readFile(join(fixtures, 'older-layout.txt'));
  await page.setInputFiles('input[type=file]', { name: 'older.txt', mimeType: 'text/plain', buffer: text });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '3');
  await page.click('details.diagnostics summary');
  await page.waitForSelector('details.diagnostics ul');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('every control shows where keyboard focus is', async () => {
  const page = await open(browser, server.url);
  // Tab through the first controls; each focused element must draw an outline (or a box shadow).
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      if (document.activeElement === document.body) return null;
      const el = document.activeElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, label: el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30),
        visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none' };
    });
    // Past the last control, focus goes back to the page itself.
    if (f === null) break;
    seen.push(f);
  }
  const hidden = seen.filter((f) => !f.visible);
  assert.deepEqual(hidden, [], 'focus should be visible on every control reached by Tab');
  assert.ok(new Set(seen.map((f) => f.tag)).size >= 3, 'Tab should reach several kinds of control');
  await page.close();
});
