// index.html's first screen (src/view/first_screen.rs): the default session's header and first
// resolution, readable before the viewer is; the viewer takes its place when its list is drawn;
// a link to another view never shows it; a session that cannot be read leaves it for the message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { server, browser, withBrowser, ready } from './harness.mjs';

withBrowser();

const SESSION = '**/cfm-44-political-ar.txt';

/** A page whose default session is held back until `release()` is called. */
async function heldBack() {
  const page = await browser.newPage();
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(SESSION, async (route) => {
    await gate;
    await route.continue();
  });
  return { page, release };
}

test('the first resolution is readable before the viewer, which then takes its place', async () => {
  const { page, release } = await heldBack();
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  const first = page.locator('#first-screen article[data-first-screen]');
  await first.waitFor({ state: 'visible' });
  const id = await first.getAttribute('data-first-screen');
  assert.equal(id, '44/1-س', 'the first screen should show the session\'s first resolution');
  const title = await first.locator('h2 .title').innerText();
  const verbsOf = (article) => article.locator('ol.operative > li').evaluateAll((lis) => lis.map((li) => li.querySelector('mark.verb')?.dataset.verb));
  const verbs = await verbsOf(first);
  assert.ok(verbs.length >= 5 && verbs.every(Boolean), `its first clauses should be there, each verb marked (${verbs})`);
  const more = await first.locator('.first-screen-status').innerText();
  assert.equal(await page.locator('#first-screen [role=status]').count(), 1, 'it should say the viewer is on its way');
  // Nothing of the viewer can be seen or reached by the keyboard meanwhile.
  await page.waitForSelector('.app', { state: 'attached' });
  assert.equal(await page.locator('.app').evaluate((e) => getComputedStyle(e).visibility), 'hidden');
  release();
  await ready(page);
  await page.locator('#first-screen').waitFor({ state: 'detached' });
  const card = page.locator(`[data-resolution="${id}"]`);
  await card.waitFor({ state: 'visible' });
  assert.equal(await card.locator('h2 .title').innerText(), title, 'the viewer\'s card should have the same title');
  const all = await verbsOf(card);
  assert.deepEqual(all.slice(0, verbs.length), verbs, 'and the same clauses opening with the same verbs');
  assert.match(more, new RegExp(`${all.length - verbs.length} more clauses`), 'the first screen should count the clauses it left out');
  assert.equal(await page.locator('.app').evaluate((e) => getComputedStyle(e).visibility), 'visible');
  await page.close();
});

test('a link to another view never shows the first screen', async () => {
  for (const search of ['?verb=condemn', '#44/3-س']) {
    const { page, release } = await heldBack();
    await page.goto(server.url + search, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('#first-screen').evaluate((e) => getComputedStyle(e).display), 'none',
      `${search}: the first screen (the default view) should not be shown`);
    release();
    await ready(page);
    await page.close();
  }
});

test('a session that cannot be read leaves the first screen for the message', async () => {
  const page = await browser.newPage();
  await page.route(SESSION, (route) => route.fulfill({ status: 500, body: 'no' }));
  await page.goto(server.url);
  await page.locator('[role=alert]').first().waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await page.locator('#first-screen').count(), 0, 'the first screen should be gone');
  assert.equal(await page.locator('.app').evaluate((e) => getComputedStyle(e).visibility), 'visible');
  await page.close();
});
