// Comparing sessions in the viewer: a "next session" made from the default one with known edits
// (as tests/compare.rs makes it) is opened, then compared with the default session from the
// library; the summary, the pair, its changes, the filters, Back/Forward and reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { server, browser, withBrowser, open, axeViolations } from './harness.mjs';
import { nextSession } from './next-session.mjs';

const sessionPath = fileURLToPath(new URL('../../sessions/cfm-44-political-ar.txt', import.meta.url));

withBrowser();

const summary = (page) => page.locator('[data-compare-summary]').evaluate((e) => ({ ...e.dataset }));

test('the next session compared with the default one shows exactly the edits made', async () => {
  const page = await open(browser, server.url);
  const text = nextSession(await readFile(sessionPath, 'utf8'));
  await page.setInputFiles('[data-open-file]', { name: 'cfm-45-next.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('doc'));
  await page.waitForFunction(() => document.querySelector('p.counter')?.dataset.total === '56');
  // The library's default entry: "Compare".
  await page.click('details.library summary');
  await page.locator('details.library li').first().locator('[data-compare-with]').click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('compare') === 'default');
  await page.waitForSelector('[data-compare-summary]');
  assert.deepEqual(await summary(page), {
    compareSummary: '', pairs: '55', changed: '1', added: '1', removed: '1', verbChanges: '1',
  });
  const pair = page.locator('[data-pair="44/1-س|45/1-س"]');
  assert.equal(await pair.count(), 1, 'the changed pair');
  assert.equal(await page.locator('[data-pair]').count(), 1, 'and no other');
  assert.equal(await pair.locator('[data-change="moved"]').count(), 1);
  assert.equal(await pair.locator('[data-change="verb"]').count(), 1);
  assert.equal(await pair.locator('[data-change="changed"]').count(), 1);
  assert.equal(await pair.locator('[data-change="changed"] ins').innerText(), 'بقوة');
  assert.match(await pair.locator('[data-change="verb"] .verb-change').innerText(), /Calls upon.*Requests/s);
  assert.equal(await pair.locator('[data-change="verb"] del').first().innerText(), 'يدعو');
  assert.equal(await page.locator('li[data-added="45/56-س"]').count(), 1);
  assert.equal(await page.locator('li[data-removed="44/5-س"]').count(), 1);
  assert.equal(await page.locator('[data-same]').count(), 54);
  assert.deepEqual(await axeViolations(page), [], 'no serious accessibility violation in the comparison');
  const measured = await page.evaluate(() => performance.getEntriesByName('qarar:compare').map((e) => e.duration));
  assert.equal(measured.length, 1, 'the comparison is measured (qarar:compare)');
  console.log(`# qarar:compare (pairing and diffing two 56-resolution sessions, in the worker): ${measured[0].toFixed(1)} ms`);

  // Filters apply to the open session: Kashmir has no changed pair, Somalia keeps it.
  const choose = async (name, slug) => {
    await page.fill('#region-input', name);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction((slug) => new URLSearchParams(location.search).get('region') === slug, slug);
  };
  await choose('Kashmir', 'kashmir');
  await page.waitForFunction(() => document.querySelector('.compared')?.dataset.shownPairs === '0');
  assert.equal(await page.locator('li[data-removed]').count(), 0, 'dropped ones are listed only unfiltered');
  assert.equal(await page.locator('[data-same]').count(), 2, 'the two Kashmir resolutions, unchanged');
  await page.click('[data-active-region="kashmir"]').catch(() => {});
  await page.goto(page.url().replace('region=kashmir', 'region=somalia'));
  await page.waitForFunction(() => document.querySelector('.compared')?.dataset.shownPairs === '1');
  assert.equal(await page.locator('[data-pair="44/1-س|45/1-س"]').count(), 1);
  await page.goBack();
  await page.waitForFunction(() => !/region=somalia/.test(location.search));
  await page.evaluate(() => document.querySelector('.summary .clear')?.click());
  await page.waitForFunction(() => !/region=/.test(location.search) && /compare=default/.test(location.search));
  // Only the pairs where a verb changed.
  await page.check('[data-verb-changes-only]');
  await page.waitForFunction(() => /vchange=1/.test(location.search));
  assert.equal(await page.locator('[data-pair]').count(), 1);
  assert.equal(await page.locator('[data-same]').count(), 0);
  // Reload: the same comparison, from the library.
  const url = page.url();
  await page.reload();
  await page.waitForSelector('[data-pair="44/1-س|45/1-س"]');
  assert.equal(page.url(), url);
  assert.equal(await page.isChecked('[data-verb-changes-only]'), true);
  // Stop comparing: the list again; Back: the comparison again.
  await page.click('.stop-compare');
  await page.waitForFunction(() => !/compare=/.test(location.search));
  await page.waitForSelector('article[data-resolution]');
  await page.goBack();
  await page.waitForSelector('[data-pair="44/1-س|45/1-س"]');
  // One resolution's versions: its partner in the default session, by the same pairing.
  const doc = await page.evaluate(() => new URLSearchParams(location.search).get('doc'));
  await page.goto(`${server.url}?doc=${doc}&res=${encodeURIComponent('45/1-س')}`);
  await page.click('[data-versions]');
  await page.waitForFunction(() => /scope=all/.test(location.search));
  const version = page.locator('li[data-scope-hit="44/1-س"][data-scope-session="default"]');
  await version.waitFor();
  assert.match(await version.innerText(), /3 paragraphs changed/);
  assert.match(await version.locator('a').last().getAttribute('href'), /compare=default/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('scope=all applies the filters to every kept session, grouped by session, each linking into its own', async () => {
  const page = await open(browser, server.url);
  const older = await readFile(fileURLToPath(new URL('../fixtures/older-layout.txt', import.meta.url)));
  await page.setInputFiles('[data-open-file]', { name: 'older.txt', mimeType: 'text/plain', buffer: older });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('doc'));
  const hash = await page.evaluate(() => new URLSearchParams(location.search).get('doc'));
  await page.click('details.library summary');
  await page.click('[data-scope-all]');
  await page.waitForFunction(() => /scope=all/.test(location.search));
  await page.waitForSelector('[data-scope-summary]');
  const sessions = await page.locator('[data-scope-session]').evaluateAll((els) => els.map((e) => e.dataset.scopeSession));
  assert.ok(sessions.includes('default') && sessions.includes(hash), `both kept sessions are searched (${sessions})`);
  assert.equal(sessions[0], 'default', 'newest first: the 44th session before the older one');
  const all = Number(await page.locator('[data-scope-summary]').getAttribute('data-resolutions'));
  assert.ok(all >= 56, `every resolution of both without a filter (${all})`);
  const link = await page.locator(`[data-scope-session="${hash}"] a`).first().getAttribute('href');
  assert.match(link ?? '', new RegExp(`^\\?doc=${hash}&res=`), 'a resolution links into its own document');
  // A filter narrows every session at once.
  await page.click('[data-category=condemn]').catch(async () => {
    await page.goto(page.url() + '&verb=condemn');
  });
  await page.waitForFunction(() => /verb=condemn/.test(location.search));
  await page.waitForFunction((all) => Number(document.querySelector('[data-scope-summary]')?.dataset.resolutions) < all, all);
  const hits = await page.locator('[data-scope-session="default"] [data-scope-hit]').count();
  assert.equal(hits, 22, 'the 22 resolutions of the default session that condemn');
  const measured = await page.evaluate(() => performance.getEntriesByName('qarar:scope').map((e) => e.duration));
  console.log(`# qarar:scope (the filters over every kept session, in the worker): ${measured.map((m) => m.toFixed(1)).join(', ')} ms`);
  // Reload keeps it; Back undoes the filter; the link opens the other document.
  await page.reload();
  await page.waitForFunction(() => Number(document.querySelector('[data-scope-summary]')?.dataset.resolutions) > 0);
  assert.equal(await page.locator('[data-scope-session="default"] [data-scope-hit]').count(), 22);
  await page.goBack();
  await page.waitForFunction(() => !/verb=condemn/.test(location.search));
  await page.waitForFunction((all) => Number(document.querySelector('[data-scope-summary]')?.dataset.resolutions) === all, all);
  assert.deepEqual(page.errors, []);
  await page.close();
});
