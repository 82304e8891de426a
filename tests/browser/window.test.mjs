// The list is drawn as a window: the page holds the cards near the viewport, whatever the
// document's size, and the reader still reaches every resolution by scrolling, by the contents
// list, by a link and by keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, withBrowser, open } from './harness.mjs';

withBrowser();

const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
const drawn = (page) => page.locator('article[data-index]').evaluateAll((els) => els.map((e) => Number(e.dataset.index)));

test('only the cards near the viewport are drawn, and scrolling moves the window', async () => {
  const page = await open(browser, server.url);
  const first = await drawn(page);
  assert.ok(first.length >= 1 && first.length < 8, `a few cards at the top (${first})`);
  assert.equal(first[0], 0);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  assert.ok(nodes < 3000, `the page should hold a few thousand nodes, not the document's (${nodes})`);
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(total > 20000, `the spacers give the page the whole list's length (${total} px)`);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await page.waitForFunction(() => !document.querySelector('article[data-index="0"]'));
  const middle = await drawn(page);
  assert.ok(middle[0] > 10 && middle[0] < 45, `the middle of the list (${middle})`);
  await page.close();
});

test('the contents list brings any resolution into view and focuses it', async () => {
  const page = await open(browser, server.url);
  await page.click('[data-contents] summary');
  await page.click('[data-contents] [data-res="44/40-س"]');
  await page.waitForFunction(() => document.activeElement?.closest('[data-resolution]')?.dataset.resolution === '44/40-س');
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the heading of 44/40-س should be on screen');
  await page.close();
});

test('Tab moves from one card into the next, which the window draws as it follows', async () => {
  const page = await open(browser, server.url);
  // The last focusable control of the first card, focused (the browser scrolls to it).
  await page.evaluate(() => {
    const els = document.querySelectorAll('article[data-index="0"] button, article[data-index="0"] a, article[data-index="0"] [tabindex="0"]');
    els[els.length - 1].focus();
  });
  await frame(page);
  await frame(page);
  await page.keyboard.press('Tab');
  const into = await page.evaluate(() => document.activeElement?.closest('article[data-index]')?.dataset.index);
  assert.equal(into, '1', 'focus should move into the second card');
  // Scrolled far away with the mouse, the focused card stays in the page (focus is not lost).
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.8));
  await frame(page);
  await frame(page);
  assert.equal(await page.evaluate(() => document.activeElement?.closest('article[data-index]')?.dataset.index), '1');
  await page.close();
});

test('a clause link opens on its clause, and Back returns to the list where it was', async () => {
  const page = await open(browser, server.url, '?res=44/30-%D8%B3&clause=op2');
  const target = page.locator('li.clause.target');
  await target.waitFor();
  assert.match(await target.getAttribute('id'), /44-30-.*-op2/);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.click('[data-resolution="44/30-س"] h2 a.id');
  await page.goto(server.url + '?verb=condemn');
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '22');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '1');
  assert.equal(await page.locator('[data-resolution="44/30-س"]').count(), 1);
  await page.close();
});
