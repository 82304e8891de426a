// Data out of the viewer: the Download menu's CSV, JSON and Akoma Ntoso hold exactly what a
// filtered view shows; a printed page has no controls, every resolution, and makes a PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { server, browser, withBrowser, open, shown, shownIds } from './harness.mjs';

const schema = fileURLToPath(new URL('../../.cache/akn/akomantoso30.xsd', import.meta.url));

withBrowser();

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Chooses `format` in the Download menu; the file's name and text. */
async function download(page, format) {
  await page.click('details.download summary');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`[data-export="${format}"]`),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text };
}

/** The operative clauses each shown card shows, by resolution id, in order. */
async function shownClauses(page) {
  const ids = await shownIds(page);
  const out = [];
  for (const id of ids) {
    const card = page.locator(`article[data-resolution="${id}"]`);
    await page.evaluate((id) => document.querySelector(`[data-contents] [data-res="${id}"]`)?.click(), id);
    await card.waitFor();
    const n = await card.locator('ol.operative > li.clause:visible').count();
    out.push([id, n]);
  }
  return out;
}

test('each format downloads exactly what a filtered view shows, named for it', async () => {
  const page = await open(browser, server.url, '?region=kashmir&verb=call');
  const ids = await shownIds(page);
  assert.ok(ids.length > 0, 'the view should show some resolutions');
  const clauses = await shownClauses(page);
  const total = clauses.reduce((a, [, n]) => a + n, 0);
  assert.ok(total > 0, 'and some clauses');

  const csv = await download(page, 'csv');
  assert.equal(csv.name, 'cfm-44-kashmir-call.csv');
  assert.ok(csv.text.startsWith('\ufeff'), 'a BOM, so a spreadsheet reads Arabic as Arabic');
  const rows = parseCsv(csv.text.slice(1));
  assert.deepEqual(rows[0], ['session', 'resolution', 'title', 'clause', 'verb', 'category', 'gloss', 'regions', 'text']);
  assert.equal(rows.length - 1, total, 'a row per clause the view shows');
  assert.deepEqual([...new Set(rows.slice(1).map((r) => r[1]))], ids, 'the resolutions shown, in order');
  assert.ok(rows.slice(1).every((r) => r.length === 9 && r[0] === '44'), 'every column of every row');

  const json = await download(page, 'json');
  assert.equal(json.name, 'cfm-44-kashmir-call.json');
  const doc = JSON.parse(json.text);
  assert.deepEqual(doc.resolutions.map((r) => r.id), ids);
  assert.deepEqual(doc.resolutions.map((r) => [r.id, r.operative.length]), clauses);

  const akn = await download(page, 'akn');
  assert.equal(akn.name, 'cfm-44-kashmir-call.akn.xml');
  assert.equal((akn.text.match(/<paragraph /g) ?? []).length, total);
  const numbers = [...akn.text.matchAll(/<docNumber>([^<]*)<\/docNumber>/g)].map((m) => m[1]);
  assert.deepEqual(numbers.slice(-ids.length), ids, 'each resolution, by its id');
  const file = fileURLToPath(new URL(`../../target/view-${process.pid}.akn.xml`, import.meta.url));
  await import('node:fs/promises').then((fs) => fs.writeFile(file, akn.text));
  execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
  assert.equal(await page.evaluate(() => document.querySelector('details.download').open), false, 'the menu closes');
  assert.match(await page.locator('[role=status]').first().innerText(), /cfm-44-kashmir-call\.akn\.xml/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the Download menu works from the keyboard', async () => {
  const page = await open(browser, server.url, '?verb=condemn');
  await page.focus('details.download summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('details.download').open), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.export), 'csv');
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(file.suggestedFilename(), 'cfm-44-condemn.csv');
  await page.close();
});

test('printing hides the controls, draws every resolution, and makes a PDF', async () => {
  const page = await open(browser, server.url, '?region=africa');
  const n = await shown(page);
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction((n) => document.querySelectorAll('article[data-resolution]').length === n, n);
  for (const sel of ['#filter-panel', 'details.download', '.tools', 'button.cite']) {
    const visible = await page.locator(sel).evaluateAll((els) => els.some((e) => e.offsetParent !== null || getComputedStyle(e).display !== 'none'));
    assert.equal(visible, false, `${sel} should not be printed`);
  }
  const link = page.locator('[data-print-link]');
  assert.ok(await link.isVisible(), 'the link to the view is printed');
  assert.match(await link.innerText(), /region=africa/);
  assert.ok(await page.locator('p.counter').isVisible(), 'what the view filters is at the top');
  const label = await page.locator('mark.verb[data-verb]').first().evaluate((e) => getComputedStyle(e, '::after').content);
  assert.match(label, /⟨\w+⟩/, 'a verb says its category in words, not only in colour');
  const breaks = await page.locator('article.resolution').nth(1).evaluate((e) => getComputedStyle(e).breakBefore);
  assert.equal(breaks, 'page', 'each resolution from a new page');
  const pdf = await page.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 20000, `a PDF of ${n} resolutions (${pdf.length} bytes)`);
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction((n) => document.querySelectorAll('article[data-resolution]').length < n, n);
  await page.close();
});
