// The reading experience: keyboard and screen readers, counts that follow the filters, search that
// finds words, a page that names itself, a phone, messages that go with their document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, withBrowser, open, ready, shown, axeViolations } from './harness.mjs';

withBrowser();

const search = (page) => page.evaluate(() => location.search);

test('arrows in the region picker browse without changing the view; Enter chooses', async () => {
  const page = await open(browser, server.url);
  await page.focus('#region-input');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await search(page), '', 'browsing the list changes nothing');
  assert.equal(await shown(page), 56);
  const active = await page.getAttribute('#region-input', 'aria-activedescendant');
  assert.ok(active && (await page.locator(`#${active}`).count()) === 1, 'the active option is named for screen readers');
  await page.fill('#region-input', 'kash');
  assert.ok(await page.locator('[role=option][data-region="kashmir"]').isVisible(), 'typing finds Kashmir');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /region=kashmir/.test(location.search));
  assert.equal(await shown(page), 2);
  // Arabic names find it too, spelling folded.
  await page.fill('#region-input', 'الساحل');
  assert.ok(await page.locator('[role=option][data-region="sahel"]').isVisible());
  await page.close();
});

test('one tab stop per resolution: the second is a few Tabs away, and arrows move inside a card', async () => {
  const page = await open(browser, server.url);
  let tabs = 0;
  let reached = null;
  await page.keyboard.press('Tab');
  tabs += 1;
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip', 'the skip link is the first stop');
  while (tabs < 60) {
    await page.keyboard.press('Tab');
    tabs += 1;
    reached = await page.evaluate(() => document.activeElement?.closest('[data-resolution]')?.dataset.resolution ?? null);
    if (reached === '44/2-س') break;
  }
  assert.equal(reached, '44/2-س');
  assert.ok(tabs <= 30, `the second resolution should be within 30 Tabs (${tabs})`);
  // Counted in one go: the window may draw another card between two reads.
  const stops = await page.evaluate(() => [...document.querySelectorAll('article')].map((a) =>
    a.querySelectorAll('[tabindex="0"], a, button:not([tabindex="-1"]), summary:not([tabindex="-1"])').length));
  assert.ok(stops.length > 0 && stops.every((n) => n === 1), `each drawn card has one tab stop, its heading (${stops})`);
  // Inside the first card: the arrow keys go through its paragraphs, verbs and buttons.
  await page.focus('[data-resolution="44/1-س"] h2 a');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const inside = await page.evaluate(() => document.activeElement.closest('[data-resolution]')?.dataset.resolution);
  assert.equal(inside, '44/1-س');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.matches('h2 a')), true, 'Escape goes back to the heading');
  await page.close();
});

test('English is marked as English and isolated from the Arabic around it', async () => {
  const page = await open(browser, server.url);
  const counter = await page.evaluate(() => {
    const en = document.querySelector('p.counter [lang="en"]');
    return { text: en?.textContent, dir: en && getComputedStyle(en).direction, bidi: en && getComputedStyle(en).unicodeBidi };
  });
  assert.deepEqual(counter, { text: '56 of 56', dir: 'ltr', bidi: 'isolate' });
  const chips = await page.locator('button[data-category] [lang="en"]').count();
  assert.equal(chips, 11, 'each verb chip names its category in English, marked as such');
  assert.ok(await page.locator('[data-resolution] h2 bdi').count() > 0, 'ids are isolated');
  await page.close();
});

test('the counts follow the filters: with Kashmir chosen, Condemns says 0 and cannot be chosen', async () => {
  const page = await open(browser, server.url, '?region=kashmir');
  const chip = page.locator('button[data-category="condemn"]');
  assert.equal(await chip.locator('.n').innerText(), '0');
  assert.equal(await chip.isDisabled(), true, 'a chip that would show nothing is disabled, not hidden');
  const call = page.locator('button[data-category="call"]');
  const said = Number(await call.locator('.n').innerText());
  await call.click();
  await page.waitForFunction(() => /verb=call/.test(location.search));
  assert.equal(await shown(page), said, 'choosing a chip shows what it said');
  await page.close();
});

test('search finds words whatever their clitics, and English words by their meaning', async () => {
  const page = await open(browser, server.url);
  const count = async (q) => {
    await page.goto(`${server.url}?q=${encodeURIComponent(q)}`);
    await ready(page);
    return shown(page);
  };
  const bare = await count('خوجالي');
  assert.ok(bare >= 1, 'خوجالي is in the session');
  for (const q of ['الخوجالي', 'وخوجالي', 'بخوجالي']) {
    assert.equal(await count(q), bare, `${q} should find what خوجالي finds`);
  }
  assert.equal(await count('Khojaly'), bare, 'the English name finds the place');
  assert.ok(await page.locator('mark.hit, .place mark.hit, [data-place] mark.hit').count() + await page.locator('span.place').count() > 0);
  const condemns = await count('condemns');
  assert.ok(condemns >= 1, 'an English verb finds the clauses whose verbs mean it');
  assert.ok(await page.locator('mark.verb mark.hit').count() > 0, 'and marks the verbs it found');
  await page.close();
});

test('the tab names the view', async () => {
  const page = await open(browser, server.url, '?region=kashmir&verb=call');
  assert.equal(await page.title(), 'Jammu and Kashmir · Calls upon — CFM 44 · Qarar');
  await page.click('button[data-category="call"]');
  await page.waitForFunction(() => document.title === 'Jammu and Kashmir — CFM 44 · Qarar');
  await page.close();
});

test('on a phone (390×844) the first resolution is on the first screen, the filters behind one button', async () => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await open(ctx, server.url);
  const top = await page.evaluate(() => document.querySelector('[data-resolution] h2').getBoundingClientRect().bottom);
  assert.ok(top < 844, `the first resolution's heading is on screen (${top} px)`);
  assert.equal(await page.locator('#search').isVisible(), false, 'the controls wait in the sheet');
  await page.click('button.filters-toggle');
  assert.equal(await page.locator('#search').isVisible(), true);
  await page.keyboard.press('Escape');
  // Tap targets: every button the reader sees is at least 24 px each way (WCAG 2.5.8).
  const small = await page.evaluate(() => [...document.querySelectorAll('button, a, input, summary')]
    .filter((el) => el.getClientRects().length && !el.closest('p, li, h2'))
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.width > 0 && (r.width < 24 || r.height < 24)).length);
  assert.equal(small, 0, 'no control under 24 px');
  assert.deepEqual(await axeViolations(page), []);
  await ctx.close();
});

test('the / key takes the reader to the search box, not into it, on a wide screen and on a phone', async () => {
  for (const width of [1280, 390]) {
    const ctx = await browser.newContext({ viewport: { width, height: 844 } });
    const page = await open(ctx, server.url);
    await page.locator('#search').waitFor({ state: 'attached' });
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'search', null, { timeout: 3000 })
      .catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'search', `at ${width} px, / should focus the search box`);
    assert.equal(await page.locator('#search').isVisible(), true, `at ${width} px, the search box should be on screen`);
    assert.equal(await page.inputValue('#search'), '', `at ${width} px, the / itself should not be typed`);
    await ctx.close();
  }
});

test('the text stays one size when the viewer takes over from the first screen, and the size chosen is kept', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The root's size as the first screen is drawn (index.html and boot.js, before the wasm).
  await ctx.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    window.firstScreenSize = getComputedStyle(document.documentElement).fontSize;
  }));
  const page = await open(ctx, server.url);
  const sizes = () => page.evaluate(() => [window.firstScreenSize, getComputedStyle(document.documentElement).fontSize]);
  const [before, after] = await sizes();
  assert.equal(after, before, 'the viewer should draw the text at the first screen\'s size, not shift it');
  await page.getByRole('button', { name: /Larger text/ }).click();
  const larger = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(Math.abs(larger - parseFloat(before) * 1.15) < 0.1, `Larger text should make the text 1.15× (${before} → ${larger}px)`);
  await page.reload();
  await ready(page);
  const [again, now] = await sizes();
  assert.equal(parseFloat(again), larger, 'the next visit\'s first screen should be drawn at the size chosen');
  assert.equal(parseFloat(now), larger, 'and the viewer should keep it');
  await ctx.close();
});

test('the dark colour scheme passes axe too', async () => {
  const ctx = await browser.newContext({ colorScheme: 'dark' });
  const page = await open(ctx, server.url, '?verb=condemn&q=%D8%A7%D9%84%D8%B5%D9%88%D9%85%D8%A7%D9%84');
  await page.click('button.whole');
  assert.deepEqual(await axeViolations(page), []);
  await ctx.close();
});

test('a refused file\'s message, in Arabic and English, goes when another document opens', async () => {
  const page = await open(browser, server.url);
  await page.setInputFiles('input[type=file]', { name: 'image.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0]) });
  const alert = page.locator('p.alert[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /لم يُفتح.*was not opened/s, 'said in both languages');
  await page.click('details.library summary');
  await page.locator('details.library li').first().locator('button').click({ force: true }).catch(() => {});
  await page.setInputFiles('input[type=file]', { name: 'older.txt', mimeType: 'text/plain', buffer: Buffer.from((await import('node:fs')).readFileSync(new URL('../fixtures/older-layout.txt', import.meta.url))) });
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.total === '3');
  assert.equal(await alert.count(), 0, 'the message about the refused file is gone');
  await page.close();
});

test('a search lists the paragraphs it found, each a link to its paragraph', async () => {
  const page = await open(browser, server.url, `?q=${encodeURIComponent('الخوجالي')}`);
  const summary = page.locator('details.found summary');
  await summary.waitFor();
  const total = Number(await summary.getAttribute('data-found-total'));
  assert.ok(total >= 1);
  const first = page.locator('details.found li').first();
  assert.match(await first.locator('.snippet').innerText(), /خوجالي/);
  const [res, clause] = (await first.locator('a').getAttribute('data-found')).split('|');
  // Each hit says which paragraph it is in: «op. 3» for clause op3, «pre. 2» for pre2.
  const labels = await page.locator('details.found li').evaluateAll((lis) => lis.map((li) => [
    li.querySelector('a').dataset.found.split('|')[1], li.querySelector('.where').innerText]));
  assert.ok(labels.some(([c]) => c !== 'title'), 'the search should find paragraphs, not only titles');
  for (const [c, label] of labels) {
    const where = c.replace(/^op(\d+)$/, 'op. $1').replace(/^pre(\d+)$/, 'pre. $1');
    assert.ok(label.includes(where), `the hit in ${c} should say ${where}, not ${label}`);
  }
  await first.locator('a').click();
  await page.waitForFunction((res) => new URLSearchParams(location.search).get('res') === res, res);
  if (clause !== 'title') {
    await page.locator('li.target, p.target').waitFor();
    assert.match(await page.locator('li.target, p.target').innerText(), /خوجالي/, 'the linked paragraph holds the hit');
  }
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).get('res'));
  await page.close();
});
