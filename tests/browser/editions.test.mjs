// The English and French editions in the viewer: an English session opened like an Arabic one
// reads left to right in its language, with the same filters, links, downloads and comparison;
// beside the Arabic edition of the same session, clause by clause (pair=); a text in another
// language is refused with why, and the view stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { server, browser, withBrowser, open, ready, shown, shownIds, axeViolations } from './harness.mjs';

withBrowser();

const fixture = (name) => readFile(new URL(`../fixtures/editions/${name}`, import.meta.url), 'utf8');

/** Opens `text` as a file named `name` and waits until its `total` resolutions are in. */
async function openText(page, name, text, total) {
  const before = await page.evaluate(() => new URLSearchParams(location.search).get('doc'));
  await page.setInputFiles('[data-open-file]', { name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction((b) => {
    const doc = new URLSearchParams(location.search).get('doc');
    return doc && doc !== b;
  }, before);
  await page.waitForFunction((t) => document.querySelector('p.counter')?.dataset.total === String(t), total);
}

/** Picks a region in the picker by a name typed in it. */
async function chooseRegion(page, name, slug) {
  await page.fill('#region-input', name);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForFunction((s) => new URLSearchParams(location.search).getAll('region').includes(s), slug);
}

test('an English session reads left to right, in English, with the same filters, links and downloads', async () => {
  const page = await open(browser, server.url);
  await openText(page, 'cfm-44-political-en.txt', await fixture('en-cfm44-pol.txt'), 3);
  const results = page.locator('#results');
  assert.equal(await results.getAttribute('lang'), 'en', 'the document container says its language');
  assert.equal(await results.getAttribute('dir'), 'ltr');
  assert.equal(
    await results.evaluate((e) => getComputedStyle(e).direction), 'ltr', 'and is laid out left to right');
  const card = page.locator('article[data-resolution="1/44-POL"]');
  assert.match(await card.locator('h2 a.id').innerText(), /^Resolution 1\/44-POL$/, 'the card\'s words are English');
  assert.match(await card.locator('details.preamble summary').innerText(), /^Preamble \(1\)$/);
  assert.match(await page.locator('button[data-category="condemn"]').innerText(), /^Condemns 3$/,
    'the verb chips are named in English only');
  assert.deepEqual(
    await card.locator('mark.verb').evaluateAll((ms) => ms.slice(0, 3).map((m) => [m.textContent, m.dataset.verb])),
    [['Welcomes', 'welcome'], ['commends', 'commend'], ['Reaffirms its support', 'support']],
    'operative verbs are marked by what they do, as in Arabic');

  // The same slugs: ?region=kashmir&verb=condemn means the same in every edition.
  await chooseRegion(page, 'Kashmir', 'kashmir');
  await page.click('button[data-category="condemn"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('verb') === 'condemn');
  assert.deepEqual(await shownIds(page), ['8/44-POL']);
  const link = page.url();
  assert.match(link, /region=kashmir/);

  // The link works after a reload (the file is kept in this browser).
  await page.goto(link);
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '1');
  assert.equal(await page.locator('#results').getAttribute('lang'), 'en');

  // The view's download: CSV rows of what it shows, in English.
  await page.click('details.download summary');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="csv"]')]);
  const csv = await readFile(await file.path(), 'utf8');
  assert.match(csv, /8\/44-POL/);
  assert.match(csv, /Condemns the human rights violations/);
  assert.doesNotMatch(csv, /1\/44-POL/, 'only what the view shows');

  // Search folds case and accents: «CÔTE» finds «Cote d'Ivoire»… and «condemns» its verb.
  await page.goto(link.replace(/[?&]region=kashmir/, '').replace(/[?&]verb=condemn/, '') + '&q=STRONGLY%20CONDEMNS');
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.shown === '1');
  assert.deepEqual(await shownIds(page), ['1/44-POL']);
  assert.deepEqual(await axeViolations(page), [], 'no serious accessibility violation in an English document');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the English edition beside the Arabic one, clause by clause', async () => {
  const page = await open(browser, server.url);
  await openText(page, 'cfm-44-political-en.txt', await fixture('en-cfm44-pol.txt'), 3);
  await page.click('details.library summary');
  const side = page.locator('details.library li').first().locator('[data-pair-with]');
  assert.equal(await side.count(), 1, 'the default session is the Arabic edition of the same session: offered');
  await side.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('pair') === 'default');
  const summary = page.locator('[data-pair-summary]');
  await summary.waitFor();
  assert.deepEqual(
    await summary.evaluate((e) => [e.dataset.paired, e.dataset.total, e.dataset.otherLanguage]), ['3', '3', 'ar']);
  assert.match(await summary.innerText(), /^الإنجليزية · العربية: 3 من 3 .*English beside Arabic: 3 of 3/,
    'the summary should name both editions in Arabic, then in English');
  const somalia = page.locator('[data-paired="1/44-POL|44/1-س"]');
  assert.equal(await somalia.count(), 1, 'resolution 1/44-POL beside 44/1-س');
  const op3 = somalia.locator('[data-row="op3"] .side');
  assert.deepEqual(await op3.evaluateAll((s) => s.map((e) => [e.lang, e.dir])), [['en', 'ltr'], ['ar', 'rtl']]);
  assert.match(await op3.first().innerText(), /^3\. Strongly condemns/);
  assert.match(await op3.last().innerText(), /^3\./, 'numbered the same on both sides');
  const boxes = async () => op3.evaluateAll((s) => s.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.left]));
  let [[enTop, enLeft], [arTop, arLeft]] = await boxes();
  assert.ok(enTop === arTop && enLeft !== arLeft, `on a wide screen the two editions should stand side by side: ${[enTop, enLeft, arTop, arLeft]}`);
  await page.setViewportSize({ width: 375, height: 800 });
  [[enTop], [arTop]] = await boxes();
  assert.ok(arTop > enTop, 'on a phone they should stack, the open edition first');
  await page.setViewportSize({ width: 1280, height: 720 });
  assert.equal(await somalia.locator('[data-row="op19"] .side.missing[lang="en"]').count(), 1,
    'a clause only the Arabic has stands beside an empty cell');
  // The filters apply to the open edition.
  await chooseRegion(page, 'Kashmir', 'kashmir');
  await page.waitForFunction(() => document.querySelector('.paired-list')?.dataset.shownPaired === '1');
  assert.equal(await page.locator('[data-paired="8/44-POL|44/8-س"]').count(), 1);
  assert.deepEqual(await axeViolations(page), [], 'no serious accessibility violation side by side');
  // Back to one edition.
  await page.click('button.stop-pair');
  await page.waitForFunction(() => !new URLSearchParams(location.search).get('pair'));
  await page.locator('article[data-resolution="8/44-POL"]').waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an entry kept before editions were recorded is described when it is opened again', async () => {
  const page = await open(browser, server.url);
  await openText(page, 'cfm-44-political-en.txt', await fixture('en-cfm44-pol.txt'), 3);
  const hash = await page.evaluate(() => new URLSearchParams(location.search).get('doc'));
  // As an earlier version kept it: no session, no language.
  await page.evaluate((h) => new Promise((done, fail) => {
    const req = indexedDB.open('qarar');
    req.onerror = fail;
    req.onsuccess = () => {
      const store = req.result.transaction('meta', 'readwrite').objectStore('meta');
      const get = store.get(h);
      get.onsuccess = () => {
        const entry = get.result;
        delete entry.session;
        delete entry.language;
        store.put(entry, h).onsuccess = () => done();
      };
    };
  }), hash);
  const offered = () => page.locator(`[data-kept="${hash}"] [data-pair-with]`).count();
  await page.goto(server.url);
  await ready(page);
  await page.waitForSelector(`[data-kept="${hash}"]`, { state: 'attached' });
  assert.equal(await offered(), 0, 'an entry without its edition should not offer side by side');
  await page.goto(`${server.url}?doc=${hash}`);
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.total === '3');
  await page.waitForSelector(`[data-kept="${hash}"][data-language="en"]`, { state: 'attached' });
  await page.goto(server.url);
  await ready(page);
  await page.waitForSelector(`[data-kept="${hash}"] [data-pair-with]`, { state: 'attached' });
  assert.equal(await offered(), 1, 'opened once more, its session and language should be recorded');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('two English sessions compared, and a French one read', async () => {
  const page = await open(browser, server.url);
  const text = await fixture('en-cfm44-pol.txt');
  await openText(page, 'cfm-44-political-en.txt', text, 3);
  const edited = text.replace('3. Strongly condemns the terrorist attacks', '3. Condemns the terrorist attacks');
  await openText(page, 'cfm-44-political-en-2.txt', edited, 3);
  await page.click('details.library summary');
  const kept = page.locator('details.library li[data-kept]');
  await kept.filter({ hasText: 'cfm-44-political-en.txt' }).locator('[data-compare-with]').click();
  await page.waitForSelector('[data-compare-summary]');
  assert.deepEqual(
    await page.locator('[data-compare-summary]').evaluate((e) => [e.dataset.pairs, e.dataset.changed]), ['3', '1']);
  assert.equal(await page.locator('[data-pair="1/44-POL|1/44-POL"] del').first().innerText(), 'Strongly');

  await page.goto(server.url);
  await openText(page, 'cfm-38-org-fr.txt', await fixture('fr-cfm38-org.txt'), 2);
  assert.equal(await page.locator('#results').getAttribute('lang'), 'fr');
  assert.match(await page.locator('article[data-resolution="1/38-ORG"] h2 a.id').innerText(), /^Résolution 1\/38-ORG$/);
  assert.match(await page.locator('article[data-resolution="1/38-ORG"] details.preamble summary').innerText(), /^Préambule \(2\)$/);
  assert.match(await page.locator('button[data-category="condemn"]').innerText(), /^Condamne 1$/,
    'the verb chips are named in French');
  assert.match(await page.locator('p.counter').innerText(), /2 sur 2/, 'and the counter counts in French');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a text in another language is refused with why, and the view stays', async () => {
  const page = await open(browser, server.url);
  const german = 'RESOLUTION NR. 1/44-POL\nZUR LAGE IN SOMALIA\nDer Rat der Außenminister, der zu seiner '
    + 'vierundvierzigsten Tagung in Abidjan zusammengetreten ist,\n1. Begrüßt die Wahl des Präsidenten.\n';
  await page.setInputFiles('[data-open-file]', { name: 'somalia-de.txt', mimeType: 'text/plain', buffer: Buffer.from(german.repeat(4)) });
  const alert = page.locator('p.alert[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /neither English nor French/);
  assert.equal(await shown(page), 56, 'the default session is still shown');
  assert.equal(await page.locator('#results').getAttribute('lang'), 'ar');
  await page.close();
});
