// The session at a glance (`overview=1`): its chart's numbers are the chips', a bar or a place
// changes the URL and the list and Back undoes it, by mouse and by keyboard; the map has the
// gazetteer's places; the strip opens a resolution; the map's data is fetched only once the
// overview is opened; with a second session kept, the chart across sessions; axe-core clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { server, browser, withBrowser, open, shown, axeViolations } from './harness.mjs';

const sessionPath = fileURLToPath(new URL('../../sessions/cfm-44-political-ar.txt', import.meta.url));

withBrowser();

const search = (page) => page.evaluate(() => new URLSearchParams(location.search));
const param = (page, k) => page.evaluate((k) => new URLSearchParams(location.search).get(k), k);

/** Waits until the overview shows the current view, with its map. */
async function drawn(page) {
  await page.waitForSelector('.overview-content[data-ready=map]');
  // The answer for the view in the URL (the panel draws only that one).
  await page.waitForFunction(() => {
    const bars = document.querySelectorAll('[data-chart=verbs] [data-category]');
    const chips = document.querySelectorAll('button.chip[data-category]');
    return bars.length === 11 && [...bars].every((b, k) => b.dataset.value === chips[k].querySelector('.n').textContent);
  });
}

/** Every bar's value against its chip's count, by category. */
async function barsAndChips(page) {
  return page.evaluate(() => {
    const bars = Object.fromEntries([...document.querySelectorAll('[data-chart=verbs] [data-category]')]
      .map((b) => [b.dataset.category, b.dataset.value]));
    const chips = Object.fromEntries([...document.querySelectorAll('button.chip[data-category]')]
      .map((c) => [c.dataset.category, c.querySelector('.n').textContent]));
    return { bars, chips };
  });
}

test('the chart carries the chips\' counts for every view, and a bar filters (Back undoes it)', async () => {
  const requests = [];
  const page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await page.waitForFunction(() => Number(document.querySelector('p.counter')?.dataset.total) > 0);
  assert.equal(requests.filter((u) => u.includes('map/world.json')).length, 0, 'the map is not fetched before the overview is opened');
  await page.click('[data-overview]');
  assert.equal(await param(page, 'overview'), '1');
  assert.equal(await page.getAttribute('[data-overview]', 'aria-pressed'), 'true');
  await drawn(page);
  assert.equal(requests.filter((u) => u.includes('map/world.json')).length, 1, 'the map is fetched once, when the overview opens');

  for (const view of ['', '&verb=condemn', '&verb=condemn,welcome', '&region=sahel', '&region=kashmir&verb=call', '&q=%D8%A7%D9%84%D8%A5%D8%B1%D9%87%D8%A7%D8%A8']) {
    await page.goto(`${server.url}?overview=1${view}`);
    await drawn(page);
    const { bars, chips } = await barsAndChips(page);
    assert.deepEqual(bars, chips, `the bars should equal the chips in the view ${view || '(none)'}`);
  }

  await page.goto(`${server.url}?overview=1`);
  await drawn(page);
  const before = await shown(page);
  const condemns = await page.getAttribute('[data-chart=verbs] a[data-category=condemn]', 'data-value');
  await page.evaluate(() => { window.notReloaded = true; });
  await page.click('[data-chart=verbs] a[data-category=condemn]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('verb') === 'condemn');
  await page.waitForFunction((n) => document.querySelector('p.counter')?.dataset.shown === n, condemns);
  assert.equal(await page.getAttribute('button.chip[data-category=condemn]', 'aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the view changes in place, the page is not loaded again');
  await drawn(page);
  assert.equal(await page.getAttribute('[data-chart=verbs] a[data-category=condemn]', 'aria-pressed'), 'true');
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).get('verb'));
  await page.waitForFunction((n) => document.querySelector('p.counter')?.dataset.shown === String(n), before);
  assert.equal(await param(page, 'overview'), '1', 'Back keeps the overview open');
  assert.equal(await page.getAttribute('button.chip[data-category=condemn]', 'aria-pressed'), 'false');
  await page.close();
});

test('the map: every member state drawn, a place filters by keyboard and keeps the focus', async () => {
  const page = await open(browser, server.url, '?overview=1');
  await drawn(page);
  const members = await page.locator('[data-map] [data-region=mali], [data-map] [data-region=bahrain], [data-map] [data-region=indonesia], [data-map] [data-region=guyana]').count();
  assert.equal(members, 4, 'members, the smallest too, are on the map');
  // Every place that counts is a control with a name; the region picker's counts are its.
  const kashmir = page.locator('[data-map] a[data-region=kashmir]');
  assert.match(await kashmir.getAttribute('aria-label'), /Jammu and Kashmir: \d+/);
  const count = await kashmir.getAttribute('data-value');
  await kashmir.focus();
  assert.match(await page.locator('.map-caption').innerText(), /Kashmir/, 'the focused place is named in the caption');
  await page.keyboard.press(' ');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('region') === 'kashmir');
  await page.waitForFunction((n) => document.querySelector('p.counter')?.dataset.shown === n, count);
  await page.waitForFunction(() => document.querySelector('[data-map] a[data-region=kashmir]')?.getAttribute('aria-pressed') === 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.region), 'kashmir', 'the focus stays on the place after the redraw');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !new URLSearchParams(location.search).get('region'));
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('region') === 'kashmir');
  await page.close();
});

test('the strip opens a resolution; the panel closes and the URL says so', async () => {
  const page = await open(browser, server.url, '?overview=1&region=sahel');
  await drawn(page);
  const rows = await page.locator('[data-chart=strip] tbody tr').count();
  assert.equal(rows, await shown(page), 'a row per resolution the view shows');
  const id = await page.locator('[data-chart=strip] a[data-res]').last().getAttribute('data-res');
  await page.locator('[data-chart=strip] a[data-res]').last().click();
  await page.waitForFunction((id) => document.activeElement?.closest('article')?.dataset.resolution === id, id);
  await page.click('.close-overview');
  await page.waitForFunction(() => !new URLSearchParams(location.search).get('overview'));
  assert.equal(await page.locator('#overview').count(), 0);
  assert.equal(await param(page, 'region'), 'sahel', 'closing keeps the filters');
  await page.close();
});

test('no serious accessibility violation with the overview open, desktop and phone', async () => {
  const page = await open(browser, server.url, '?overview=1');
  await drawn(page);
  assert.deepEqual(await axeViolations(page), []);
  await page.screenshot({ path: '/tmp/qarar-overview-desktop.png', fullPage: true }).catch(() => {});
  await page.setViewportSize({ width: 390, height: 844 });
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), true, 'nothing wider than a phone');
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('#overview').screenshot({ path: '/tmp/qarar-overview-phone.png' }).catch(() => {});
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await axeViolations(page), [], 'the dark scheme too');
  await page.close();
});

test('with a second session kept, the same chart for each session side by side', async () => {
  const page = await open(browser, server.url);
  const text = (await readFile(sessionPath, 'utf8')).replaceAll('44/', '45/')
    .replace(/^(\d+)\. يدين /gm, '$1. يرحب ');
  await page.setInputFiles('[data-open-file]', { name: 'cfm-45-test.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('doc'));
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.total === '56');
  await page.click('[data-overview]');
  await page.waitForSelector('[data-chart=sessions]');
  const cells = await page.locator('[data-chart=sessions] [data-session]').count();
  assert.equal(cells, 22, 'eleven categories for each of the two kept sessions');
  // The changed clause shows: one more welcome, one condemnation fewer, in the file's column.
  const column = (category) => page.evaluate((c) => [...document.querySelectorAll(`[data-chart=sessions] [data-category=${c}]`)]
    .map((e) => Number(e.dataset.value)), category);
  const [welcome, condemn] = [await column('welcome'), await column('condemn')];
  assert.equal(welcome.length, 2);
  assert.notDeepEqual([welcome, condemn], [[welcome[0], welcome[0]], [condemn[0], condemn[0]]], 'the edit shows in the chart');
  await page.close();
});
